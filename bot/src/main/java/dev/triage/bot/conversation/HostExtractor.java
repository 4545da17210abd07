package dev.triage.bot.conversation;

import dev.triage.probes.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the host a pasted text is about. Conservative on purpose: a wrong host means probing the wrong machine,
 * so only forms that name a connection target are taken (client arguments, .rdp files, "connect to X", IPv4).
 * The same forms, less the port tests' and the bare address's, say which host the client dials ({@link #dialled}):
 * the rules read whether that is an address, for which no name is looked up.
 */
final class HostExtractor {
    // At most 126 labels, as a name has at most 253 characters: an unbounded repetition recursed once per label and
    // overflowed the stack on a pasted run of "a.a.a." after "server:".
    private static final String NAME = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\\.){1,126}[A-Za-z][A-Za-z0-9-]{1,62}";
    private static final String IPV4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";
    // IPv6 literals as mstsc's /v: and the clients take them: in brackets (before a port) or bare; the prober's parser
    // decides what is one, so a MAC address or a time of day that fits the pattern is dropped there.
    private static final String IPV6 = "\\[[0-9A-Fa-f:.]{2,45}\\]|(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:.])";
    private static final String HOST = "(" + IPV6 + "|" + NAME + "|" + IPV4 + ")(?::(\\d{1,5}))?";
    // Where a field can only hold the target, a single-label (NetBIOS or internal DNS) name counts too.
    private static final String FIELD_HOST = "(" + IPV6 + "|" + NAME + "|" + IPV4 + "|[A-Za-z][A-Za-z0-9-]{0,62})"
            + "(?::(\\d{1,5}))?(?![\\w.-])";
    /**
     * The servers a text names that are not the one the client dials: a resolver, DHCP, WINS or time server, a proxy,
     * a licence server, a gateway (which resolves the target's name itself).
     */
    private static final String NOT_THE_TARGET = "(?<!(?:dns|dhcp|wins|ntp|time|proxy|license|licensing|gateway)[\\s-])";

    /** A pattern naming a target; {@code dialled} when it is the client's own target rather than a port test's. */
    private record Form(Pattern pattern, boolean dialled) {
    }

    private static final List<Form> TARGETED = List.of(
            new Form(Pattern.compile("(?i)/v:" + FIELD_HOST), true),
            new Form(Pattern.compile("(?i)full address:s:" + FIELD_HOST), true),
            // Test-NetConnection's output and its command line (also the tnc alias): the host tested, which the
            // prober wants, but not necessarily the one the client dials.
            new Form(Pattern.compile("(?i)\\bComputerName\\s*:\\s*" + FIELD_HOST), false),
            new Form(Pattern.compile("(?i)(?:-ComputerName|\\btnc)\\s+" + FIELD_HOST), false),
            new Form(Pattern.compile("(?i)\\b(?:rdp server|connect(?:ing|ion)? to|remote computer|host(?:name)?|"
                    + NOT_THE_TARGET + "server)[\\s:'\"`]{1,3}" + HOST), true));
    private static final Pattern BARE_IPV4 = Pattern.compile("(?<![\\d.])(" + IPV4 + ")(?::(\\d{1,5}))?(?![\\d.])");
    /**
     * nslookup's header names the resolver it asked, "Server:" over "Address:" (Windows: {@code Server:  dc01} /
     * {@code Address:  10.0.0.2}; BIND: {@code Server:\t\t127.0.0.53} / {@code Address:\t127.0.0.53#53}).
     */
    private static final Pattern RESOLVER_HEADER = Pattern.compile("(?i)[ \\t]*server:[^\\n]*\\r?\\n[ \\t]*address:");
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
        String scanned = scanned(text);
        for (Form form : TARGETED) {
            List<String> hosts = matches(form, scanned, 1);
            if (!hosts.isEmpty()) {
                return Optional.of(hosts.get(0));
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

    /**
     * Every host the texts name as the one the client connects to (its /v: argument, an .rdp file's full address,
     * "connect to X"), each once, in the order found; not a port test's host nor an address that only appears in the
     * text (a ping reply, a gateway, a resolver).
     */
    static List<String> dialled(List<String> texts) {
        List<String> hosts = new ArrayList<>();
        for (String text : texts) {
            String scanned = scanned(text);
            for (Form form : TARGETED) {
                if (form.dialled()) {
                    matches(form, scanned, Integer.MAX_VALUE).stream()
                            .filter(h -> !hosts.contains(h)).forEach(hosts::add);
                }
            }
        }
        return List.copyOf(hosts);
    }

    private static String scanned(String text) {
        return text.length() > MAX_SCAN_CHARS ? text.substring(0, MAX_SCAN_CHARS) : text;
    }

    private static List<String> matches(Form form, String scanned, int limit) {
        List<String> hosts = new ArrayList<>();
        Matcher m = form.pattern().matcher(scanned);
        while (hosts.size() < limit && m.find()) {
            if (!resolverHeader(scanned, m.start())) {
                accept(m.group(1), m.group(2)).ifPresent(hosts::add);
            }
        }
        return hosts;
    }

    /** Whether the match starts nslookup's "Server:" header line, which names the resolver, not the target. */
    private static boolean resolverHeader(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        return RESOLVER_HEADER.matcher(text).region(lineStart, text.length()).lookingAt();
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
