package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.ProbeOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostRedactionTest {
    private static ProbeOutcome step(String name, Map<String, String> details) {
        return new ProbeOutcome(name, "OK", true, "", 1, details);
    }

    @Test
    void theExtractedHostGoesInAnyLetterCaseWithOrWithoutItsPort() {
        HostRedaction r = HostRedaction.of(Optional.of("PC22.Corp.Example:3390"), List.of());

        assertThat(r.apply("Checking `pc22.corp.example:3390` (PC22.CORP.EXAMPLE) now"))
                .isEqualTo("Checking `the host` (the host) now");
    }

    @Test
    void aNameIsTakenOnlyWhole() {
        HostRedaction r = HostRedaction.of(Optional.of("pc2"), List.of());

        assertThat(r.apply("pc2, pc22, my-pc2, pc2.corp and x.pc2"))
                .isEqualTo("the host, pc22, my-pc2, the host and the host");
    }

    @Test
    void whatTheProbesFoundGoesTooNamesAddressesCertificateAndNtlm() {
        HostRedaction r = HostRedaction.of(Optional.of("rdp.corp.example"), List.of(
                step("dns", Map.of("addresses", "10.20.30.40,fd00::17", "reverseName", "srv-17.dc.corp.example")),
                step("tcp", Map.of("address", "10.20.30.40", "port", "3389")),
                step("certificate", Map.of("subject", "CN=WIN-ABC123.corp.example", "issuer",
                        "CN=Contoso Issuing CA, DC=corp", "sans", "DNS:*.rdp.example,IP:192.168.7.9")),
                step("ntlm", Map.of("netbiosComputerName", "WIN-ABC123", "netbiosDomainName", "CORPNET",
                        "dnsDomainName", "corp.example"))));

        String text = "Resolved to 10.20.30.40 and [FD00::17]; reverse srv-17.dc.corp.example; certificate for"
                + " win-abc123.corp.example (also x.rdp.example, 192.168.7.9) from Contoso Issuing CA; computer"
                + " WIN-ABC123 in CORPNET";
        assertThat(r.apply(text)).isEqualTo("Resolved to the host and the host; reverse the host; certificate for"
                + " the host (also the host, the host) from Contoso Issuing CA; computer the host in the host");
    }

    @Test
    void everyAddressTheUserWroteGoesButVersionsCodesAndOtherAddressesStay() {
        HostRedaction r = HostRedaction.none().withAddressesIn(List.of("gateway 10.0.0.1 then host 127.0.0.1,"
                + " or [fd00::5]", "build 10.0.19041.1, TLS 1.2, code 0x904"));

        assertThat(r.apply("gateway 10.0.0.1, allowed by 127.0.0.1/32 and fd00::5; not 127.0.0.2 or 10.0.0.10;"
                + " build 10.0.19041.1, TLS 1.2, code 0x904.")).isEqualTo("gateway the host, allowed by the host/32 and"
                + " the host; not 127.0.0.2 or 10.0.0.10; build 10.0.19041.1, TLS 1.2, code 0x904.");
        assertThat(HostRedaction.none().apply("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void triagesOwnAddressIsKeptSoCaseLinksWork() {
        HostRedaction r = HostRedaction.of(Optional.of("localhost:3389"), List.of())
                .keeping("http://localhost:8080");

        assertThat(r.apply("<http://localhost:8080/cases/abc|Case abc> for localhost and LOCALHOST"))
                .isEqualTo("<http://localhost:8080/cases/abc|Case abc> for the host and the host");
        assertThat(r.names("<http://localhost:8080/cases/abc|Case abc>")).isFalse();
    }

    @Test
    void aBracketedIpv6HostGoesWithItsBrackets() {
        HostRedaction r = HostRedaction.of(Optional.of("[fe80::1:2]:3389"), List.of());

        assertThat(r.apply("mstsc /v:[FE80::1:2]:3389 and fe80::1:2")).isEqualTo("mstsc /v:the host and the host");
    }

    @Test
    void aHostInMarkdownEscapedTextGoesTooButOnlyWhole() {
        HostRedaction r = HostRedaction.of(Optional.of("pc2.corp:3390"), List.of())
                .withAddressesIn(List.of("from 10.0.0.7 or [fd00::5]"));

        // As Discord's rendering escapes untrusted text: a backslash before each punctuation character.
        assertThat(r.apply("Checked pc2\\.corp\\:3390 and x\\.PC2\\.corp from 10\\.0\\.0\\.7 and fd00\\:\\:5;"
                + " not pc22\\.corp, my\\-pc2\\.corp, pc2\\.corp\\-x or 10\\.0\\.0\\.70"))
                .isEqualTo("Checked the host and the host from the host and the host; not pc22\\.corp,"
                        + " my\\-pc2\\.corp, pc2\\.corp\\-x or 10\\.0\\.0\\.70");
        // A backslash before a letter is no Markdown escape: in JSON, "\n" ends the name as a newline would.
        assertThat(r.names("{\"text\":\"on pc2.corp\\nnext\"}")).isTrue();
    }

    @Test
    void aTypedAnswerIsAHostWhenItReadsAsOneAndOtherwiseOnlyItsAddressesAre() {
        assertThat(HostRedaction.ofAnswer(" RDP01.corp.example:3390 ").apply("answered rdp01.corp.example, port 3390"))
                .isEqualTo("answered the host, port 3390");
        assertThat(HostRedaction.ofAnswer("after the VPN update, from 10.1.2.3").apply("after the VPN update, from"
                + " 10.1.2.3")).isEqualTo("after the VPN update, from the host");
    }
}
