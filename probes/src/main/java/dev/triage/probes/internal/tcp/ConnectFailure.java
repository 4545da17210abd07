package dev.triage.probes.internal.tcp;

import dev.triage.probes.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Maps the JDK's connect and I/O exceptions to outcomes. The JDK encodes errno only in messages, hence the texts. */
public final class ConnectFailure {
    private ConnectFailure() {
    }

    public static Outcome classifyConnect(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return Outcome.TIMEOUT;
        }
        if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException
                || message.contains("unreachable") || message.contains("no route")) {
            return Outcome.UNREACHABLE;
        }
        if (message.contains("reset")) {
            return Outcome.RESET;
        }
        if (e instanceof ConnectException || message.contains("refused")) {
            return Outcome.REFUSED;
        }
        return Outcome.UNREACHABLE;
    }

    /** Whether an I/O error on an established connection was a TCP reset (RST) rather than a close or timeout. */
    public static boolean isReset(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection reset") || message.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTimeout(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
