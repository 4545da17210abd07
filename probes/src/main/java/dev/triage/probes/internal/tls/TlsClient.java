package dev.triage.probes.internal.tls;

import dev.triage.probes.ProbeException;
import dev.triage.probes.internal.runner.Deadline;
import dev.triage.probes.internal.tcp.ConnectFailure;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/** JSSE handshakes on an RDP connection after the X.224 exchange (MS-RDPBCGR 5.4.5.1). Thread-safe. */
public final class TlsClient {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private final SSLSocketFactory factory;

    public TlsClient() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyTrustManager()}, new SecureRandom());
            this.factory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new ProbeException("this JDK cannot create a TLS context", e);
        }
    }

    /** How a handshake ended. */
    public sealed interface Handshake {
        Duration took();

        record Established(SSLSocket socket, String protocol, String cipherSuite, List<byte[]> chain, Duration took)
                implements Handshake {
        }

        /** {@code kind}: {@code NO_COMMON_VERSION}, {@code RESET}, {@code TIMEOUT} or {@code FAILED}. */
        record Failed(String kind, String error, Duration took) implements Handshake {
        }
    }

    public Handshake handshake(Socket socket, String host, int port, Deadline deadline) {
        long start = System.nanoTime();
        try {
            SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, true);
            ssl.setEnabledProtocols(PROTOCOLS);
            ssl.setSoTimeout(deadline.socketMillis());
            ssl.startHandshake();
            List<byte[]> chain = encoded(ssl.getSession().getPeerCertificates());
            return new Handshake.Established(ssl, ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite(),
                    chain, since(start));
        } catch (IOException e) {
            return new Handshake.Failed(kind(e), describe(e), since(start));
        }
    }

    private static String kind(IOException e) {
        String text = describe(e).toLowerCase(Locale.ROOT);
        if (ConnectFailure.isTimeout(e)) {
            return "TIMEOUT";
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol")) {
            return "NO_COMMON_VERSION";
        }
        if (ConnectFailure.isReset(e)) {
            return "RESET";
        }
        return "FAILED";
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }

    private static List<byte[]> encoded(Certificate[] certificates) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Certificate certificate : certificates) {
            try {
                out.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IOException("server certificate cannot be encoded", e);
            }
        }
        return out;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
