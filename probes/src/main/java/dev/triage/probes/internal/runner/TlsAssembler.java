package dev.triage.probes.internal.runner;

import dev.triage.probes.CertificateResult;
import dev.triage.probes.Outcome;
import dev.triage.probes.TlsResult;
import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.rdp.NegotiationReply;
import dev.triage.probes.internal.rdp.SecurityProtocol;
import dev.triage.probes.internal.tls.CertificateAssessor;
import dev.triage.probes.internal.tls.ServerFlight;
import dev.triage.probes.internal.tls.TlsClient;
import dev.triage.probes.internal.tls.TlsVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@code tls} and {@code certificate} results. */
final class TlsAssembler {
    private TlsAssembler() {
    }

    /** Why TLS was not attempted on the main connection, if it was not. */
    static Optional<String> noTlsReason(MainConnection.Negotiated main) {
        if (main.exchange().isEmpty()) {
            return Optional.of("no TCP connection");
        }
        if (main.exchange().get() instanceof Negotiation.Exchange.Answered answered) {
            NegotiationReply reply = answered.reply();
            if (reply instanceof NegotiationReply.Selected s && SecurityProtocol.startsTls(s.selectedProtocol())) {
                return Optional.empty();
            }
            if (reply instanceof NegotiationReply.Selected || reply instanceof NegotiationReply.LegacyConfirm) {
                return Optional.of("the server selected Standard RDP Security: no TLS");
            }
        }
        return Optional.of("RDP negotiation did not succeed");
    }

    static TlsResult tls(MainConnection.Negotiated main, MainConnection.Secured secured,
                         List<SideProbes.VersionAnswer> versions) {
        Optional<String> noTls = noTlsReason(main);
        if (noTls.isPresent()) {
            return TlsResult.skipped(noTls.get());
        }
        if (secured.handshake().isEmpty()) {
            return TlsResult.skipped(secured.notAttemptedReason());
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> accepted = versions(versions, details);
        String acceptedText = versions.isEmpty() ? "" : "; the server accepts "
                + (accepted.isEmpty() ? "no TLS version tried" : String.join(", ", accepted));
        TlsClient.Handshake handshake = secured.handshake().get();
        if (handshake instanceof TlsClient.Handshake.Established ok) {
            details.put("protocol", ok.protocol());
            details.put("cipherSuite", ok.cipherSuite());
            return new TlsResult(Outcome.OK, ok.protocol() + " with " + ok.cipherSuite() + acceptedText, ok.took(),
                    ordered(details));
        }
        TlsClient.Handshake.Failed failed = (TlsClient.Handshake.Failed) handshake;
        details.put("error", failed.error());
        Outcome outcome = switch (failed.kind()) {
            case "NO_COMMON_VERSION" -> Outcome.NO_COMMON_VERSION;
            case "RESET" -> Outcome.RESET;
            default -> Outcome.HANDSHAKE_FAILED;
        };
        String summary = switch (outcome) {
            case NO_COMMON_VERSION -> "no TLS version in common with a TLS 1.2/1.3 client" + acceptedText;
            case RESET -> "the server reset the connection during the TLS handshake" + acceptedText;
            default -> "the TLS handshake failed: " + failed.error() + acceptedText;
        };
        return new TlsResult(outcome, summary, failed.took(), ordered(details));
    }

    static CertificateResult certificate(MainConnection.Negotiated main, MainConnection.Secured secured,
                                         List<SideProbes.VersionAnswer> versions, CertificateAssessor assessor,
                                         String host, Instant now) {
        Optional<String> noTls = noTlsReason(main);
        if (noTls.isPresent()) {
            return CertificateResult.skipped(noTls.get());
        }
        if (secured.handshake().orElse(null) instanceof TlsClient.Handshake.Established ok) {
            long start = System.nanoTime();
            CertificateResult result = assessor.assess(ok.chain(), host, now, Duration.ZERO, "handshake " + ok.protocol());
            return withElapsed(result, Duration.ofNanos(System.nanoTime() - start));
        }
        // TLS 1.2 and older send the certificate in clear, so a hand-built hello can read it when JSSE cannot connect.
        for (SideProbes.VersionAnswer answer : versions) {
            if (answer.flight().orElse(null) instanceof ServerFlight.Hello hello && !hello.chain().isEmpty()) {
                String name = TlsVersion.fromWire(hello.version()).map(TlsVersion::jsseName).orElse("TLS");
                return assessor.assess(hello.chain(), host, now, Duration.ZERO, "hand-built " + name + " handshake");
            }
        }
        return CertificateResult.skipped("no TLS handshake got far enough to see the certificate");
    }

    private static CertificateResult withElapsed(CertificateResult result, Duration elapsed) {
        return new CertificateResult(result.outcome(), result.summary(), elapsed, result.details());
    }

    /** Fills {@code versions} and {@code rejected.<version>}; returns the accepted versions in order. */
    private static List<String> versions(List<SideProbes.VersionAnswer> answers, Map<String, String> details) {
        List<String> accepted = new ArrayList<>();
        for (SideProbes.VersionAnswer answer : answers) {
            String name = answer.version().jsseName();
            ServerFlight flight = answer.flight().orElse(null);
            if (flight instanceof ServerFlight.Hello hello && hello.version() == answer.version().wire()) {
                accepted.add(name);
            } else {
                details.put("rejected." + name, rejection(answer, flight));
            }
        }
        if (!answers.isEmpty()) {
            details.put("versions", String.join(",", accepted));
        }
        return accepted;
    }

    private static String rejection(SideProbes.VersionAnswer answer, ServerFlight flight) {
        if (flight == null) {
            return answer.note();
        }
        if (flight instanceof ServerFlight.Hello hello) {
            return "answered with " + TlsVersion.fromWire(hello.version()).map(TlsVersion::jsseName)
                    .orElse(String.format("0x%04x", hello.version()));
        }
        if (flight instanceof ServerFlight.Alert alert) {
            return "alert " + alert.descriptionName();
        }
        if (flight instanceof ServerFlight.NoAnswer none) {
            return none.how();
        }
        ServerFlight.NotTls notTls = (ServerFlight.NotTls) flight;
        return "not TLS: " + notTls.firstBytes();
    }

    /** versions first, then the handshake facts, then the rejections: the order a reader wants. */
    private static Map<String, String> ordered(Map<String, String> details) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of("protocol", "cipherSuite", "versions", "error")) {
            if (details.containsKey(key)) {
                out.put(key, details.get(key));
            }
        }
        details.forEach(out::putIfAbsent);
        return out;
    }
}
