package dev.triage.bot.conversation;

import dev.triage.probes.Target;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the host a pasted text is about. Conservative on purpose: a wrong host means probing the wrong machine,
 * so only forms that name a connection target are taken (client arguments, .rdp files, "connect to X", IPv4).
 */
final class HostExtractor {
    private static final String NAME = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\\.)+[A-Za-z][A-Za-z0-9-]{1,62}";
    private static final String IPV4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";
    private static final String HOST = "(" + NAME + "|" + IPV4 + ")(?::(\\d{1,5}))?";
    // Where a field can only hold the target, a single-label (NetBIOS or internal DNS) name counts too.
    private static final String FIELD_HOST = "(" + NAME + "|" + IPV4 + "|[A-Za-z][A-Za-z0-9-]{0,62})(?::(\\d{1,5}))?"
            + "(?![\\w.-])";
    private static final List<Pattern> TARGETED = List.of(
            Pattern.compile("(?i)/v:" + FIELD_HOST),
            Pattern.compile("(?i)full address:s:" + FIELD_HOST),
            // Test-NetConnection's output and its command line (also the tnc alias).
            Pattern.compile("(?i)\\bComputerName\\s*:\\s*" + FIELD_HOST),
            Pattern.compile("(?i)(?:-ComputerName|\\btnc)\\s+" + FIELD_HOST),
            Pattern.compile("(?i)\\b(?:rdp server|connect(?:ing|ion)? to|remote computer|host(?:name)?|server)"
                    + "[\\s:'\"`]{1,3}" + HOST));
    private static final Pattern BARE_IPV4 = Pattern.compile("(?<![\\d.])(" + IPV4 + ")(?::(\\d{1,5}))?(?![\\d.])");
    // File names and known non-host tokens that look like domain names.
    private static final Pattern NOT_A_HOST = Pattern.compile(
            "(?i).*\\.(exe|dll|dat|ini|log|msc|ps1|rdp|txt|cpl|sys|xml|json|pem|crt|key|conf)$");
    private static final int MAX_SCAN_CHARS = 64 * 1024;

    private HostExtractor() {
    }

    static Optional<String> find(List<String> texts) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            Optional<String> host = find(texts.get(i));
            if (host.isPresent()) {
                return host;
            }
        }
        return Optional.empty();
    }

    static Optional<String> find(String text) {
        String scanned = text.length() > MAX_SCAN_CHARS ? text.substring(0, MAX_SCAN_CHARS) : text;
        for (Pattern pattern : TARGETED) {
            Matcher m = pattern.matcher(scanned);
            while (m.find()) {
                Optional<String> host = accept(m.group(1), m.group(2));
                if (host.isPresent()) {
                    return host;
                }
            }
        }
        Matcher m = BARE_IPV4.matcher(scanned);
        while (m.find()) {
            Optional<String> host = accept(m.group(1), m.group(2));
            if (host.isPresent()) {
                return host;
            }
        }
        return Optional.empty();
    }

    /** A candidate is taken only if the prober's own target parser accepts it, so the two never disagree. */
    private static Optional<String> accept(String host, String port) {
        if (NOT_A_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String candidate = port == null ? host : host + ":" + port;
        return Target.parse(candidate) instanceof Target.Parsed.Valid ? Optional.of(candidate) : Optional.empty();
    }
}
