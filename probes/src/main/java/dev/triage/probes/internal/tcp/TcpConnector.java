package dev.triage.probes.internal.tcp;

import dev.triage.probes.Outcome;
import dev.triage.probes.internal.runner.CancelScope;
import dev.triage.probes.internal.runner.Deadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Opens probe sockets: bounded connect, TCP_NODELAY, registered with the run's cancel scope. */
public final class TcpConnector {
    private TcpConnector() {
    }

    /** The result of one connect attempt. */
    public sealed interface Attempt {
        record Connected(Socket socket, Duration took) implements Attempt {
        }

        record Failed(Outcome outcome, String error, Duration took) implements Attempt {
        }
    }

    public static Attempt connect(InetAddress address, int port, Deadline deadline, CancelScope scope) {
        long start = System.nanoTime();
        Socket socket = scope.register(new Socket());
        try {
            // Without TCP_NODELAY, multi-write TLS flights stall on Nagle + delayed ACK (performance.md §4c).
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, port), deadline.socketMillis());
            return new Attempt.Connected(socket, since(start));
        } catch (IOException e) {
            CancelScope.closeQuietly(socket);
            Outcome outcome = scope.isCancelled() ? Outcome.TIMEOUT : ConnectFailure.classifyConnect(e);
            return new Attempt.Failed(outcome, String.valueOf(e.getMessage()), since(start));
        }
    }

    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
