package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @CsvSource({"::1, 3390, '[::1]:3390'", "host, 3389, host:3389"})
    void printsIpv6WithBrackets(String host, int port, String text) {
        assertThat(new Target(host, port)).hasToString(text);
    }
}
