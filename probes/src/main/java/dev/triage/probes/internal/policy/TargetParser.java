package dev.triage.probes.internal.policy;

import dev.triage.probes.Target;
import dev.triage.probes.Target.Parsed;
import java.util.Optional;

/** Turns "host[:port]" text into a {@link Target} without any lookup. */
public final class TargetParser {
    /** The longest input considered at all; longer text is refused before any other check. */
    public static final int MAX_LENGTH = 300;

    private TargetParser() {
    }

    public static Parsed parse(String input) {
        if (input == null) {
            return new Parsed.Invalid("", "no host given");
        }
        String text = input.strip();
        if (text.isEmpty()) {
            return new Parsed.Invalid(input, "no host given");
        }
        Optional<String> unsafe = unsafeText(text);
        if (unsafe.isPresent()) {
            return new Parsed.Invalid(input, unsafe.get());
        }
        if (text.startsWith("[")) {
            return parseBracketed(input, text);
        }
        long colons = text.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return IpLiterals.parse(text).isPresent()
                    ? valid(text, Target.DEFAULT_PORT)
                    : new Parsed.Invalid(input, "'" + text + "' is not a valid IPv6 address; write IPv6 with a port as [addr]:port");
        }
        int colon = text.indexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        String portText = colon < 0 ? null : text.substring(colon + 1);
        return withPort(input, host, portText);
    }

    /**
     * Rejects, without echoing it, text that cannot be a host and would be unsafe to show or store: longer than
     * {@link #MAX_LENGTH} (a DNS name has at most 253 characters), or with control characters such as NUL or invisible
     * format characters such as the bidirectional overrides that make text read differently than it is.
     */
    private static Optional<String> unsafeText(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.of("the host is " + text.length() + " characters long; a host name or address has at most "
                    + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("the host contains a control character (" + codePoint(c) + ")");
            }
            if (Character.getType(c) == Character.FORMAT) {
                return Optional.of("the host contains an invisible formatting character (" + codePoint(c)
                        + ", such as a bidirectional-text override)");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static Parsed parseBracketed(String input, String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            return new Parsed.Invalid(input, "missing ']' after the IPv6 address");
        }
        String host = text.substring(1, close);
        if (!host.contains(":") || IpLiterals.parse(host).isEmpty()) {
            return new Parsed.Invalid(input, "'" + host + "' in brackets is not an IPv6 address");
        }
        String rest = text.substring(close + 1);
        if (rest.isEmpty()) {
            return valid(host, Target.DEFAULT_PORT);
        }
        if (!rest.startsWith(":")) {
            return new Parsed.Invalid(input, "expected ':port' after ']'");
        }
        return withPort(input, host, rest.substring(1));
    }

    private static Parsed withPort(String input, String host, String portText) {
        if (IpLiterals.parse(host).isEmpty() && !HostNames.isValid(host)) {
            return new Parsed.Invalid(input, "'" + host + "' is not a valid host name or IP address");
        }
        if (portText == null) {
            return valid(host, Target.DEFAULT_PORT);
        }
        Optional<Integer> port = Ports.parse(portText);
        return port.isPresent()
                ? valid(host, port.get())
                : new Parsed.Invalid(input, "'" + portText + "' is not a port number (1-65535)");
    }

    private static Parsed valid(String host, int port) {
        return new Parsed.Valid(new Target(host, port));
    }
}
