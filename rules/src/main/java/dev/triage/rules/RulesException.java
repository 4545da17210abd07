package dev.triage.rules;

/** Root of the rules module's exceptions: rules that cannot be loaded or a broken question catalog. */
public class RulesException extends RuntimeException {
    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
