package dev.triage.probes.internal.rdp;

import dev.triage.probes.internal.runner.Deadline;
import dev.triage.probes.internal.tcp.ConnectFailure;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** One X.224 Connection Request / Confirm exchange on a connected socket. */
public final class Negotiation {
    private Negotiation() {
    }

    /** How the exchange ended. */
    public sealed interface Exchange {
        Duration took();

        record Answered(NegotiationReply reply, Duration took) implements Exchange {
        }

        /** {@code closed}: the server sent FIN without answering; otherwise the read timed out. */
        record NoResponse(boolean closed, Duration took) implements Exchange {
        }

        record Reset(String error, Duration took) implements Exchange {
        }
    }

    public static Exchange run(Socket socket, int requestedProtocols, Deadline deadline) {
        long start = System.nanoTime();
        try {
            socket.setSoTimeout(deadline.socketMillis());
            socket.getOutputStream().write(ConnectionRequest.withProtocols(requestedProtocols));
            byte[] pdu = TpktReader.read(socket.getInputStream());
            return new Exchange.Answered(ConfirmParser.parse(pdu), took(start));
        } catch (EOFException e) {
            return new Exchange.NoResponse(true, took(start));
        } catch (IOException e) {
            if (ConnectFailure.isTimeout(e)) {
                return new Exchange.NoResponse(false, took(start));
            }
            if (ConnectFailure.isReset(e)) {
                return new Exchange.Reset(String.valueOf(e.getMessage()), took(start));
            }
            // A socket closed under us by the run's deadline lands here: report it as no answer in time.
            return new Exchange.NoResponse(false, took(start));
        }
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
