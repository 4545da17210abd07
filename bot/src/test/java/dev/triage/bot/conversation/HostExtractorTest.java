package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostExtractorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xfreerdp /v:rdp01.corp.example.com /u:me | rdp01.corp.example.com",
        "xfreerdp /v:10.1.2.3:3390 | 10.1.2.3:3390",
        "full address:s:jump.example.org:443 | jump.example.org:443",
        "Unable to connect to RDP server 192.168.168.1 | 192.168.168.1",
        "I can't connect to srv-app2.contoso.local since Monday | srv-app2.contoso.local",
        "ping 172.16.0.5 works but RDP does not | 172.16.0.5",
        "xfreerdp /v:SRV01 /u:me | SRV01",
        "ComputerName           : rds01.corp.example.com | rds01.corp.example.com",
        "ComputerName     : SRV-APP2   RemoteAddress    : 10.0.0.12   TcpTestSucceeded : False | SRV-APP2",
        "PS> Test-NetConnection -ComputerName jump01 -Port 3389 | jump01",
        "tnc 10.20.30.40 -port 3389 | 10.20.30.40",
    })
    void findsTheConnectionTarget(String text, String host) {
        assertThat(HostExtractor.find(text)).contains(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error code: 0x904 Extended error code: 0x7",
        "mstsc.exe crashes after the update to 10.0.19045",
        "NTUSER.DAT is locked, see C:\\Windows\\System32\\LogFiles",
        "version 999.1.2.3 of the client",
        "Remmina 1.2.0-rcgit-27 on Ubuntu 16.04",
        "mstsc /v:aa:bb:cc:dd:ee:ff fails",
        "the server 12:30:45 log says nothing",
    })
    void ignoresThingsThatOnlyLookLikeHosts(String text) {
        assertThat(HostExtractor.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mstsc /v:[2001:db8::5]:3390 | [2001:db8::5]:3390",
        "xfreerdp /v:fe80::20c:29ff:fe3a:1b2c /u:admin | fe80::20c:29ff:fe3a:1b2c",
        "Trying to connect to 2001:db8::10 with Remmina | 2001:db8::10",
    })
    void findsAnIpv6Target(String text, String host) {
        assertThat(HostExtractor.find(text)).contains(host);
        assertThat(HostExtractor.dialled(List.of(text))).containsExactly(host);
    }

    /** A resolver, a DHCP or licence server, a gateway: servers a text names that the client does not dial. */
    @ParameterizedTest
    @ValueSource(strings = {
        "The DNS server 10.0.0.2 answers other names fine",
        "DHCP Server . . . . . . . . . . . : 192.168.1.1",
        "our license server 10.0.0.9 shows no CALs issued",
    })
    void aServerOfAnotherRoleIsNoTarget(String text) {
        assertThat(HostExtractor.dialled(List.of(text))).isEmpty();
    }

    /** nslookup's header names the resolver it asked ("Server:" over "Address:"), on Windows and in BIND's tool. */
    @Test
    void nslookupsResolverIsNoTarget() {
        String bind = "$ nslookup rdp01.corp.example\nServer:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n"
                + "** server can't find rdp01.corp.example: NXDOMAIN";
        String windows = "C:\\>nslookup app01\nServer:  dc01.corp.local\nAddress:  10.0.0.2\n\n"
                + "*** dc01.corp.local can't find app01: Non-existent domain";
        assertThat(HostExtractor.dialled(List.of(bind))).isEmpty();
        assertThat(HostExtractor.dialled(List.of(windows))).isEmpty();
        assertThat(HostExtractor.dialled(List.of("Server: 10.0.0.5 (Windows Server 2019), client Windows 11")))
                .containsExactly("10.0.0.5");
    }

    /** The client's target, not a port test's host nor an address that only appears in the text. */
    @Test
    void theDialledHostsAreTheClientsTargetsOnly() {
        assertThat(HostExtractor.dialled(List.of("mstsc /v:10.0.0.5 fails, /v:app01.corp.local too")))
                .containsExactly("10.0.0.5", "app01.corp.local");
        assertThat(HostExtractor.dialled(List.of("Reply from 10.0.0.5: bytes=32 time<1ms TTL=128")))
                .isEmpty();
        assertThat(HostExtractor.dialled(List.of("ComputerName     : 10.0.0.12\nTcpTestSucceeded : False")))
                .isEmpty();
        assertThat(HostExtractor.find("ComputerName     : 10.0.0.12\nTcpTestSucceeded : False")).contains("10.0.0.12");
    }

    @Test
    void boundedOnHugeInput() {
        assertThat(HostExtractor.find("a.".repeat(200_000))).isEmpty();
        assertThat(HostExtractor.dialled(List.of("server: " + "a.".repeat(200_000)))).isEmpty();
    }
}
