package dev.triage.knowledge;

/** Root of the knowledge module's exceptions: a broken article pack or an index that cannot be built. */
public class KnowledgeException extends RuntimeException {
    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
