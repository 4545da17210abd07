package dev.triage.probes.internal.ntlm;

import dev.triage.probes.NtlmResult;
import dev.triage.probes.Outcome;
import dev.triage.probes.internal.policy.HostNames;
import dev.triage.probes.internal.policy.IpLiterals;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns the CredSSP answer into an {@link NtlmResult}. */
public final class NtlmAssessor {
    private NtlmAssessor() {
    }

    public static NtlmResult assess(NtlmExchange.Answer answer, String typedHost, Instant now, Duration elapsed) {
        if (answer instanceof NtlmExchange.Answer.NoReply noReply) {
            return failed("no CredSSP answer (" + noReply.how() + ")", elapsed, Map.of("error", noReply.how()));
        }
        TsRequest.Reply reply = ((NtlmExchange.Answer.Replied) answer).reply();
        if (reply instanceof TsRequest.Reply.Error error) {
            return failed(String.format("CredSSP error 0x%08X", error.errorCode()), elapsed,
                    Map.of("errorCode", String.format("0x%08X", error.errorCode())));
        }
        if (reply instanceof TsRequest.Reply.Malformed malformed) {
            return failed("unreadable CredSSP answer: " + malformed.why(), elapsed, Map.of("error", malformed.why()));
        }
        TsRequest.Reply.Token token = (TsRequest.Reply.Token) reply;
        Optional<HostInfo> info = ChallengeParser.parse(token.token());
        if (info.isEmpty()) {
            return failed("the CredSSP answer holds no readable NTLM CHALLENGE", elapsed, Map.of());
        }
        return ok(info.get(), token.version(), typedHost, now, elapsed);
    }

    private static NtlmResult ok(HostInfo info, long credsspVersion, String typedHost, Instant now, Duration elapsed) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("netbiosComputerName", info.netbiosComputerName());
        details.put("netbiosDomainName", info.netbiosDomainName());
        details.put("dnsComputerName", info.dnsComputerName());
        details.put("dnsDomainName", info.dnsDomainName());
        details.put("dnsTreeName", info.dnsTreeName());
        details.put("targetName", info.targetName());
        info.productVersion().ifPresent(v -> details.put("productVersion", v));
        info.osBuild().ifPresent(b -> details.put("osBuild", String.valueOf(b)));
        info.serverTime().ifPresent(t -> {
            details.put("serverTime", t.toString());
            details.put("clockSkewSeconds", String.valueOf(skewSeconds(now, t)));
        });
        details.put("nameMatches", nameMatches(info, typedHost));
        details.put("credsspVersion", String.valueOf(credsspVersion));
        String name = info.dnsComputerName().isEmpty() ? info.netbiosComputerName() : info.dnsComputerName();
        String summary = "NTLM host " + (name.isEmpty() ? "(unnamed)" : name)
                + (info.netbiosDomainName().isEmpty() ? "" : " in " + info.netbiosDomainName())
                + info.productVersion().map(v -> ", version " + v).orElse("")
                + (details.containsKey("clockSkewSeconds") ? ", clock skew " + details.get("clockSkewSeconds") + " s" : "");
        return new NtlmResult(Outcome.OK, summary, elapsed, details);
    }

    /** Rounded to the nearest second: the server's FILETIME has sub-second precision, our clock too. */
    static long skewSeconds(Instant now, Instant serverTime) {
        return Math.round(Duration.between(now, serverTime).toMillis() / 1000.0);
    }

    /** "true"/"false" for a typed name; "unknown" for an IP literal, which NTLM cannot confirm. */
    static String nameMatches(HostInfo info, String typedHost) {
        if (IpLiterals.parse(typedHost).isPresent()) {
            return "unknown";
        }
        String typed = HostNames.canonical(typedHost);
        String firstLabel = typed.contains(".") ? typed.substring(0, typed.indexOf('.')) : typed;
        boolean matches = typed.equals(HostNames.canonical(info.dnsComputerName()))
                || firstLabel.equalsIgnoreCase(info.netbiosComputerName());
        return String.valueOf(matches);
    }

    private static NtlmResult failed(String summary, Duration elapsed, Map<String, String> details) {
        return new NtlmResult(Outcome.FAILED, summary, elapsed, details);
    }
}
