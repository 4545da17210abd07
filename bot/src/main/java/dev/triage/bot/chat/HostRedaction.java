package dev.triage.bot.chat;

import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.probes.Target;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the host names and addresses of a case out of text meant for a public channel: the host the conversation
 * extracted, and every name and address the probes resolved or were told by the host (DNS answers and reverse name,
 * the checked address, the certificate's names, the NTLM computer and domain names), and every IP address literal in
 * what the user wrote (a paste names addresses the extractor did not pick, and evidence may quote them). Each is
 * replaced, in any letter case and in the bracketed IPv6 form, by {@link #PLACEHOLDER}, with the labels around a name.
 * Addresses in Triage's own articles stay unless they are one of these. Triage's own address ({@code kept}) stays
 * intact, so case links work even when Triage runs on the host it diagnoses. A host is found in Markdown-escaped text
 * too, where a backslash may stand before any punctuation in it ({@code rdp\-01\.corp}, as Discord's rendering
 * escapes untrusted text). Immutable; platform-free, for every adapter's rendering boundary.
 */
public final class HostRedaction {
    /** What a redacted host reads as. */
    public static final String PLACEHOLDER = "the host";
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\d|\\.\\d)");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})]");
    /** Markdown's escape: a backslash before punctuation shows it literally, so it may stand before any of a host's. */
    private static final String ESCAPE = "\\\\?";
    /** A name is matched whole: not as part of a longer label ({@code pc2} is not redacted out of {@code pc22}). */
    private static final String EDGE_BEFORE = "(?<![A-Za-z0-9_-])";
    /** Nor as part of a longer one in escaped text ({@code pc2\-x}); a backslash before a letter is no escape. */
    private static final String EDGE_AFTER = "(?![A-Za-z0-9_-]|\\\\[_-])";
    /** The labels around a name: a subdomain or the full form of a host name names the host as well. */
    private static final String LABEL = "(?:[A-Za-z0-9]|" + ESCAPE + "-)+";
    private static final String LABELS_BEFORE = "(?:" + LABEL + ESCAPE + "\\.)*";
    private static final String LABELS_AFTER = "(?:" + ESCAPE + "\\." + LABEL + ")*";
    /** Probe details that name the host or its network, by the probes' own keys ({@code ProbeResult} javadocs). */
    private static final List<String> NAME_KEYS = List.of("address", "reverseName", "netbiosComputerName",
            "netbiosDomainName", "dnsComputerName", "dnsDomainName", "dnsTreeName");
    private static final List<String> LIST_KEYS = List.of("addresses", "sans");
    private static final List<String> DN_KEYS = List.of("subject", "issuer");
    private static final Pattern COMMON_NAME = Pattern.compile("(?i)(?:^|[,/]\\s*)CN=([^,/+]+)");

    private final Set<String> terms;
    private final Pattern pattern;
    private final List<String> kept;

    private HostRedaction(Set<String> terms, List<String> kept) {
        this.terms = Set.copyOf(terms);
        this.kept = List.copyOf(kept);
        StringBuilder alternatives = new StringBuilder();
        terms.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(term -> {
            boolean name = !term.contains(":") && term.chars().anyMatch(Character::isLetter);
            alternatives.append(EDGE_BEFORE).append(name ? LABELS_BEFORE : "").append("(?:" + ESCAPE + "\\[)?")
                    .append(escapable(term)).append("(?:" + ESCAPE + "])?").append(name ? LABELS_AFTER : "")
                    .append(EDGE_AFTER).append('|');
        });
        this.pattern = alternatives.length() == 0 ? null : Pattern.compile(
                alternatives.substring(0, alternatives.length() - 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** No known hosts: nothing is redacted. */
    public static HostRedaction none() {
        return new HostRedaction(Set.of(), List.of());
    }

    /** The hosts a reply names: its host and what its probe steps found. */
    public static HostRedaction of(Reply reply) {
        return of(reply.host(), reply.probes());
    }

    /** The host being diagnosed and what the given probe steps found about it. */
    public static HostRedaction of(Optional<String> host, List<ProbeOutcome> steps) {
        Set<String> terms = new LinkedHashSet<>();
        host.ifPresent(h -> addHost(terms, h));
        for (ProbeOutcome step : steps) {
            NAME_KEYS.forEach(key -> add(terms, step.details().get(key)));
            LIST_KEYS.forEach(key -> splitList(terms, step.details().get(key)));
            DN_KEYS.forEach(key -> commonNames(terms, step.details().get(key)));
        }
        return new HostRedaction(terms, List.of());
    }

    /**
     * The hosts in an answer typed into a form (such as the host a case is about): the answer itself when it reads as
     * {@code host[:port]}, and otherwise the addresses in it.
     */
    public static HostRedaction ofAnswer(String typed) {
        HostRedaction addresses = none().withAddressesIn(List.of(typed));
        return Target.parse(typed) instanceof Target.Parsed.Valid ? of(Optional.of(typed.strip()), List.of())
                .and(addresses) : addresses;
    }

    /** This redaction and every IPv4 literal and bracketed IPv6 literal in {@code texts} (what the user wrote). */
    public HostRedaction withAddressesIn(List<String> texts) {
        Set<String> all = new LinkedHashSet<>(terms);
        for (String text : texts) {
            IPV4.matcher(text).results().forEach(m -> add(all, m.group()));
            BRACKETED_IPV6.matcher(text).results().filter(m -> m.group(1).contains(":"))
                    .forEach(m -> add(all, m.group(1)));
        }
        return new HostRedaction(all, kept);
    }

    /** This redaction and {@code other}'s hosts together. */
    public HostRedaction and(HostRedaction other) {
        Set<String> all = new LinkedHashSet<>(terms);
        all.addAll(other.terms);
        List<String> keep = new java.util.ArrayList<>(kept);
        keep.addAll(other.kept);
        return new HostRedaction(all, keep);
    }

    /** The same redaction, leaving every occurrence of {@code text} (Triage's own public address) untouched. */
    public HostRedaction keeping(String text) {
        List<String> keep = new java.util.ArrayList<>(kept);
        if (!text.isEmpty()) {
            keep.add(text);
        }
        return new HostRedaction(terms, keep);
    }

    /** {@code text} with every host replaced by {@link #PLACEHOLDER}. */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            Optional<int[]> span = nextKept(text, from);
            int end = span.map(s -> s[0]).orElse(text.length());
            out.append(replace(text.substring(from, end)));
            if (span.isEmpty()) {
                return out.toString();
            }
            out.append(text, span.get()[0], span.get()[1]);
            from = span.get()[1];
        }
    }

    /** Whether {@link #apply} would change {@code text}: it names a host. */
    public boolean names(String text) {
        return !apply(text).equals(text);
    }

    private String replace(String text) {
        if (pattern == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(PLACEHOLDER)) : text;
    }

    /** The first kept span at or after {@code from}: {start, end}. */
    private Optional<int[]> nextKept(String text, int from) {
        int[] best = null;
        for (String keep : kept) {
            int at = text.indexOf(keep, from);
            if (at >= 0 && (best == null || at < best[0])) {
                best = new int[] {at, at + keep.length()};
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code term} as a pattern that also matches it with a Markdown escape before any of its punctuation. */
    private static String escapable(String term) {
        StringBuilder out = new StringBuilder(term.length() * 4);
        term.codePoints().forEach(c -> {
            String literal = Character.toString(c);
            out.append(Character.isLetterOrDigit(c) ? literal : ESCAPE + Pattern.quote(literal));
        });
        return out.toString();
    }

    /** A {@code host[:port]} as the conversation holds it: the host, without port or brackets. */
    private static void addHost(Set<String> terms, String hostAndPort) {
        if (Target.parse(hostAndPort) instanceof Target.Parsed.Valid valid) {
            add(terms, valid.target().host());
        }
        add(terms, hostAndPort);
    }

    private static void splitList(Set<String> terms, String list) {
        if (list != null) {
            for (String item : list.split("[,\\s]+")) {
                // Certificate names come as DNS:name and IP:address.
                add(terms, item.replaceFirst("^(?i)(?:DNS|IP(?: Address)?):", ""));
            }
        }
    }

    private static void commonNames(Set<String> terms, String distinguishedName) {
        if (distinguishedName != null) {
            Matcher m = COMMON_NAME.matcher(distinguishedName);
            while (m.find()) {
                String name = m.group(1).strip();
                // A CA's descriptive name ("Contoso Root CA") names no host; a host name has no spaces.
                if (!name.contains(" ")) {
                    add(terms, name);
                }
            }
        }
    }

    private static void add(Set<String> terms, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        // Wildcard names (*.corp.example) are redacted by their fixed part; one or two characters would eat words.
        v = v.startsWith("*.") ? v.substring(2) : v;
        if (v.length() >= 3) {
            terms.add(v.toLowerCase(Locale.ROOT));
        }
    }
}
