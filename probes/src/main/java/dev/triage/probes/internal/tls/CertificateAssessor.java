package dev.triage.probes.internal.tls;

import dev.triage.probes.CertificateResult;
import dev.triage.probes.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a server chain into a {@link CertificateResult} for the host the user typed. */
public final class CertificateAssessor {
    /** Below these sizes a key is weak (NIST SP 800-57: 112-bit security needs RSA 2048 or EC 224). */
    private static final int MIN_RSA_BITS = 2048;
    private static final int MIN_EC_BITS = 224;

    private final CertificateParser parser = new CertificateParser();

    public CertificateResult assess(List<byte[]> chain, String host, Instant now, Duration elapsed, String source) {
        if (chain.isEmpty()) {
            return new CertificateResult(Outcome.FAILED, "the server sent no certificate", elapsed, Map.of());
        }
        Optional<CertificateFacts> parsed = parser.parse(chain.get(0));
        if (parsed.isEmpty()) {
            return new CertificateResult(Outcome.FAILED, "the server's certificate cannot be parsed", elapsed,
                    Map.of("chainLength", String.valueOf(chain.size())));
        }
        CertificateFacts facts = parsed.get();
        boolean matchesName = NameMatcher.matches(facts, host);
        List<Outcome> problems = problems(facts, matchesName, now);
        Outcome outcome = problems.isEmpty() ? Outcome.OK : problems.get(0);
        return new CertificateResult(outcome, summary(outcome, facts, host, now), elapsed,
                details(facts, matchesName, now, chain.size(), problems, source));
    }

    private static List<Outcome> problems(CertificateFacts facts, boolean matchesName, Instant now) {
        List<Outcome> problems = new ArrayList<>();
        if (facts.selfSignature() instanceof SelfSignature.Unreadable) {
            problems.add(Outcome.FAILED);
        }
        if (now.isAfter(facts.notAfter())) {
            problems.add(Outcome.EXPIRED);
        }
        if (now.isBefore(facts.notBefore())) {
            problems.add(Outcome.NOT_YET_VALID);
        }
        if (!matchesName) {
            problems.add(Outcome.NAME_MISMATCH);
        }
        if (isWeak(facts)) {
            problems.add(Outcome.WEAK_KEY);
        }
        if (facts.selfSigned()) {
            problems.add(Outcome.SELF_SIGNED);
        }
        return problems;
    }

    /** A size of 0 means the key could not be read, which is reported as damage, not as a weak key. */
    private static boolean isWeak(CertificateFacts facts) {
        if (facts.keySize() <= 0) {
            return false;
        }
        return switch (facts.keyType()) {
            case "RSA", "DSA" -> facts.keySize() < MIN_RSA_BITS;
            case "EC" -> facts.keySize() < MIN_EC_BITS;
            default -> false;
        };
    }

    private static String summary(Outcome outcome, CertificateFacts facts, String host, Instant now) {
        String who = facts.commonName().isEmpty() ? facts.subject() : "CN=" + facts.commonName();
        return switch (outcome) {
            case EXPIRED -> who + " expired on " + facts.notAfter() + " (" + -daysLeft(facts, now) + " days ago)";
            case NOT_YET_VALID -> who + " is not valid until " + facts.notBefore();
            case NAME_MISMATCH -> who + " does not name " + host + " (SANs: " + sans(facts) + ")";
            case WEAK_KEY -> who + " has a weak " + facts.keyType() + " " + facts.keySize() + "-bit key";
            case SELF_SIGNED -> who + " is self-signed, valid for " + daysLeft(facts, now) + " more days";
            case FAILED -> who + " is damaged: " + ((SelfSignature.Unreadable) facts.selfSignature()).reason();
            default -> who + " issued by " + facts.issuer() + ", valid for " + daysLeft(facts, now) + " more days";
        };
    }

    private static Map<String, String> details(CertificateFacts facts, boolean matchesName, Instant now,
                                               int chainLength, List<Outcome> problems, String source) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("subject", facts.subject());
        details.put("sans", sans(facts));
        details.put("issuer", facts.issuer());
        details.put("notBefore", facts.notBefore().toString());
        details.put("notAfter", facts.notAfter().toString());
        details.put("daysLeft", String.valueOf(daysLeft(facts, now)));
        details.put("keyType", facts.keyType());
        details.put("keySize", String.valueOf(facts.keySize()));
        details.put("signatureAlgorithm", facts.signatureAlgorithm());
        details.put("selfSigned", selfSignedDetail(facts.selfSignature()));
        details.put("matchesName", String.valueOf(matchesName));
        details.put("chainLength", String.valueOf(chainLength));
        details.put("sha256", facts.sha256());
        details.put("problems", String.join(",", problems.stream().map(Enum::name).toList()));
        details.put("source", source);
        return details;
    }

    private static String selfSignedDetail(SelfSignature signature) {
        if (signature instanceof SelfSignature.Unreadable) {
            return "unknown";
        }
        return String.valueOf(signature instanceof SelfSignature.SelfSigned);
    }

    private static String sans(CertificateFacts facts) {
        List<String> all = new ArrayList<>(facts.dnsNames().stream().map(n -> "DNS:" + n).toList());
        facts.ipAddresses().forEach(ip -> all.add("IP:" + ip));
        return String.join(",", all);
    }

    /** Whole days until notAfter, rounded down; negative once expired. */
    private static long daysLeft(CertificateFacts facts, Instant now) {
        return Math.floorDiv(Duration.between(now, facts.notAfter()).getSeconds(), 86_400L);
    }
}
