package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @ParameterizedTest
    @CsvSource({
        "rdp.corp.example.com, rdp.corp.example.com, 3389",
        "rdp.corp.example.com:3390, rdp.corp.example.com, 3390",
        "10.1.2.3, 10.1.2.3, 3389",
        "10.1.2.3:443, 10.1.2.3, 443",
        "'[::1]:3390', ::1, 3390",
        "'[fe80::1]', fe80::1, 3389",
        "::1, ::1, 3389",
        "'  host-1  ', host-1, 3389",
        "HOST_2.example.com., HOST_2.example.com., 3389",
    })
    void parsesHostsAndPorts(String input, String host, int port) {
        assertThat(Target.parse(input)).isEqualTo(new Target.Parsed.Valid(new Target(host, port)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "host:", "host:0", "host:65536", "host:abc", "[::1", "[::1]x", "[10.0.0.1]:3389",
        "http://host", "a b", "-bad.example.com", "host:33:89", "::zz", "exa mple.com:3389", "[::1]:", "é.example.com"})
    void rejectsGarbageWithAReason(String input) {
        Target.Parsed parsed = Target.parse(input);

        assertThat(parsed).isInstanceOf(Target.Parsed.Invalid.class);
        assertThat(((Target.Parsed.Invalid) parsed).reason()).isNotBlank();
    }

    @Test
    void hostLongerThan300CharactersIsRejectedSayingSo() {
        String host = "a".repeat(60) + ("." + "b".repeat(60)).repeat(4) + ".example.com";

        Target.Parsed parsed = Target.parse(host);

        assertThat(host).hasSizeGreaterThan(300);
        assertThat(parsed).isEqualTo(new Target.Parsed.Invalid(host, "the host is " + host.length()
                + " characters long; a host name or address has at most 300"));
    }

    @ParameterizedTest
    @CsvSource({
        "'rdp\u0000.corp.example.com', 'the host contains a control character (U+0000)'",
        "'rdp\u001b[31m.example.com', 'the host contains a control character (U+001B)'",
        "'rdp.\u202Emoc.example.com', 'the host contains an invisible formatting character (U+202E, such as a bidirectional-text override)'",
        "'rdp\u2066.example.com', 'the host contains an invisible formatting character (U+2066, such as a bidirectional-text override)'",
        "'rdp\u200B.example.com', 'the host contains an invisible formatting character (U+200B, such as a bidirectional-text override)'",
    })
    void controlAndBidiCharactersAreRejectedWithoutEchoingThem(String input, String reason) {
        assertThat(Target.parse(input)).isEqualTo(new Target.Parsed.Invalid(input, reason));
    }

    @ParameterizedTest
    @CsvSource({"::1, 3390, '[::1]:3390'", "host, 3389, host:3389"})
    void printsIpv6WithBrackets(String host, int port, String text) {
        assertThat(new Target(host, port)).hasToString(text);
    }
}
