package dev.triage.probes.internal.tls;

import dev.triage.probes.internal.runner.Deadline;
import dev.triage.probes.internal.tcp.ConnectFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Offers one TLS version with a hand-built ClientHello on a socket that finished its X.224 exchange. */
public final class VersionProbe {
    private static final int MAX_FLIGHT = 64 * 1024;

    private VersionProbe() {
    }

    public static ServerFlight offer(Socket socket, TlsVersion version, Optional<String> serverName,
                                     Deadline deadline, RandomGenerator random) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout(deadline.socketMillis());
            socket.getOutputStream().write(ClientHelloBuilder.build(version, serverName, random));
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            while (received.size() < MAX_FLIGHT) {
                socket.setSoTimeout(deadline.socketMillis());
                int n = in.read(chunk);
                if (n < 0) {
                    return decided(received).orElse(new ServerFlight.NoAnswer("closed"));
                }
                received.write(chunk, 0, n);
                ServerFlight flight = ServerFlightParser.parse(received.toByteArray());
                if (!(flight instanceof ServerFlight.NeedMore)) {
                    return flight;
                }
            }
            return new ServerFlight.NotTls("", "server flight larger than " + MAX_FLIGHT + " bytes");
        } catch (IOException e) {
            Optional<ServerFlight> partial = decided(received);
            if (partial.isPresent()) {
                return partial.get();
            }
            if (ConnectFailure.isReset(e)) {
                return new ServerFlight.NoAnswer("reset");
            }
            return new ServerFlight.NoAnswer(ConnectFailure.isTimeout(e) ? "timeout" : "closed");
        }
    }

    /** Bytes that arrived before a close or reset can still be a verdict (xrdp sends an X.224 PDU, then RST). */
    private static Optional<ServerFlight> decided(ByteArrayOutputStream received) {
        if (received.size() == 0) {
            return Optional.empty();
        }
        ServerFlight flight = ServerFlightParser.parse(received.toByteArray());
        return flight instanceof ServerFlight.NeedMore ? Optional.empty() : Optional.of(flight);
    }
}
