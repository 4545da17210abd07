package dev.triage.bot.logging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triage.bot.store.SqlStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes what a log line says about an exception safe to keep. Messages of libraries' exceptions (the JSON parser,
 * the JDBC driver, Jetty, Slack's SDK) may quote the request body or the stored values, that is pasted text, so
 * above debug level they are replaced by what the class and its structured fields say; Triage's own exceptions
 * carry messages Triage wrote. Configured secrets are masked in everything.
 */
final class Scrubber {
    private static final int LONGEST_MESSAGE = 300;
    private static final String MASK = "***";
    // JDK failures whose messages name a condition, not data: useful to an operator, and they quote nothing typed.
    private static final Set<String> PLAIN_SPOKEN = Set.of("java.net.ConnectException",
            "java.net.SocketTimeoutException", "java.net.http.HttpTimeoutException", "java.net.http.HttpConnectTimeoutException",
            "java.util.concurrent.TimeoutException", "java.util.concurrent.RejectedExecutionException");
    private static final int DEEPEST_CAUSE = 8;

    private final List<String> secrets;

    Scrubber(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** The text with every configured secret replaced by {@code ***}. */
    String masked(String text) {
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /** The exception and its causes, outermost first, as {@code class: safe message}. */
    List<String> describe(Throwable thrown, boolean verbose) {
        List<String> chain = new ArrayList<>();
        Throwable t = thrown;
        while (t != null && chain.size() < DEEPEST_CAUSE) {
            String message = verbose ? t.getMessage() : safeMessage(t);
            chain.add(t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + masked(message)));
            t = t.getCause() == t ? null : t.getCause();
        }
        return chain;
    }

    /** {@link #describe} on one line, for an exception given as a message argument. */
    String summary(Throwable thrown, boolean verbose) {
        return String.join(" <- ", describe(thrown, verbose));
    }

    private static String safeMessage(Throwable t) {
        if (t instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            return at == null ? "(details at debug level)"
                    : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + " (details at debug level)";
        }
        Optional<String> sqlState = SqlStates.of(t);
        if (sqlState.isPresent()) {
            return "SQL state " + sqlState.get() + " (details at debug level)";
        }
        String name = t.getClass().getName();
        if (name.startsWith("dev.triage.") || PLAIN_SPOKEN.contains(name)) {
            String message = t.getMessage();
            return message == null || message.length() <= LONGEST_MESSAGE ? message
                    : message.substring(0, LONGEST_MESSAGE) + "…";
        }
        return "(details at debug level)";
    }
}
