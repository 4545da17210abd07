package dev.triage.probes.internal.policy;

import java.util.Optional;

/**
 * Parses allow entries: {@code 10.0.0.0/8}, {@code 10.0.0.5}, {@code ::1/128}, {@code [fe80::1]},
 * {@code corp.example.com}, {@code .corp.example.com}, each optionally followed by {@code :port[,port...]}, where a
 * port may be a range {@code from-to}. Without a port list an entry allows only 3389.
 */
public final class AllowEntryParser {
    private AllowEntryParser() {
    }

    /** The parsed entry, or a problem text naming the entry. */
    public sealed interface Result {
        record Ok(AllowEntry entry) implements Result {
        }

        record Problem(String message) implements Result {
        }
    }

    public static Result parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return problem(raw, "empty entry");
        }
        if (text.startsWith("[")) {
            return parseBracketed(raw, text);
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return parseCidrWithPorts(raw, text, slash);
        }
        long colons = text.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return network(raw, text, PortSet.DEFAULT);
        }
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        Optional<PortSet> ports = colon < 0 ? Optional.of(PortSet.DEFAULT) : Ports.parseList(text.substring(colon + 1));
        if (ports.isEmpty()) {
            return problem(raw, "bad port list '" + text.substring(colon + 1) + "'");
        }
        if (IpLiterals.parse(head).isPresent()) {
            return network(raw, head, ports.get());
        }
        return suffix(raw, head, ports.get());
    }

    private static Result parseBracketed(String raw, String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            return problem(raw, "missing ']'");
        }
        String rest = text.substring(close + 1);
        Optional<PortSet> ports = rest.isEmpty() ? Optional.of(PortSet.DEFAULT)
                : rest.startsWith(":") ? Ports.parseList(rest.substring(1)) : Optional.empty();
        if (ports.isEmpty()) {
            return problem(raw, "expected ':port[,port...]' after ']'");
        }
        return network(raw, text.substring(1, close), ports.get());
    }

    /** After "/prefix" an optional ":ports" follows; IPv6 colons all come before the slash. */
    private static Result parseCidrWithPorts(String raw, String text, int slash) {
        int colon = text.indexOf(':', slash);
        String cidr = colon < 0 ? text : text.substring(0, colon);
        Optional<PortSet> ports = colon < 0 ? Optional.of(PortSet.DEFAULT) : Ports.parseList(text.substring(colon + 1));
        if (ports.isEmpty()) {
            return problem(raw, "bad port list '" + text.substring(colon + 1) + "'");
        }
        return network(raw, cidr, ports.get());
    }

    private static Result network(String raw, String cidrText, PortSet ports) {
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (cidr.isEmpty()) {
            return problem(raw, "'" + cidrText + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1/128)");
        }
        return new Result.Ok(new AllowEntry.Network(raw.strip(), cidr.get(), ports));
    }

    private static Result suffix(String raw, String head, PortSet ports) {
        boolean subdomainsOnly = head.startsWith(".");
        String name = subdomainsOnly ? head.substring(1) : head;
        if (name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return problem(raw, "'" + head + "' is neither a valid IPv4 address nor a domain name");
        }
        if (!HostNames.isValid(name)) {
            return problem(raw, "'" + head + "' is not a domain suffix (e.g. corp.example.com or .corp.example.com)");
        }
        return new Result.Ok(new AllowEntry.Suffix(raw.strip(), HostNames.canonical(name), subdomainsOnly, ports));
    }

    private static Result problem(String raw, String why) {
        return new Result.Problem("allow entry '" + (raw == null ? "" : raw.strip()) + "': " + why);
    }
}
