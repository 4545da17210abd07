package dev.triage.probes.internal.ntlm;

import dev.triage.probes.internal.runner.Deadline;
import dev.triage.probes.internal.tcp.ConnectFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Optional;

/** Sends the NTLM NEGOTIATE inside a TSRequest over the TLS socket and reads the server's TSRequest. */
public final class NtlmExchange {
    private static final int MAX_REPLY = 64 * 1024;

    private NtlmExchange() {
    }

    /** The reply, or how the server failed to give one. */
    public sealed interface Answer {
        record Replied(TsRequest.Reply reply) implements Answer {
        }

        /** {@code how}: {@code closed}, {@code reset}, {@code timeout} or {@code too large}. */
        record NoReply(String how) implements Answer {
        }
    }

    public static Answer run(Socket tls, Deadline deadline) {
        try {
            tls.setSoTimeout(deadline.socketMillis());
            tls.getOutputStream().write(TsRequest.negotiate(NtlmMessages.negotiate()));
            tls.getOutputStream().flush();
            return read(tls, deadline);
        } catch (IOException e) {
            if (ConnectFailure.isTimeout(e)) {
                return new Answer.NoReply("timeout");
            }
            return new Answer.NoReply(ConnectFailure.isReset(e) ? "reset" : "closed");
        }
    }

    private static Answer read(Socket tls, Deadline deadline) throws IOException {
        InputStream in = tls.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (true) {
            tls.setSoTimeout(deadline.socketMillis());
            int n = in.read(chunk);
            if (n < 0) {
                return received.size() == 0 ? new Answer.NoReply("closed")
                        : new Answer.Replied(TsRequest.decode(received.toByteArray()));
            }
            received.write(chunk, 0, n);
            byte[] data = received.toByteArray();
            Optional<Integer> total = Der.totalLength(data, data.length);
            if (total.isPresent() && (total.get() < 0 || total.get() > MAX_REPLY)) {
                return new Answer.Replied(new TsRequest.Reply.Malformed("reply is not a TSRequest of sane size"));
            }
            if (total.isPresent() && data.length >= total.get()) {
                return new Answer.Replied(TsRequest.decode(java.util.Arrays.copyOf(data, total.get())));
            }
            if (data.length > MAX_REPLY) {
                return new Answer.NoReply("too large");
            }
        }
    }
}
