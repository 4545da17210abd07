package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

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
    })
    void ignoresThingsThatOnlyLookLikeHosts(String text) {
        assertThat(HostExtractor.find(text)).isEmpty();
    }

    @Test
    void boundedOnHugeInput() {
        assertThat(HostExtractor.find("a.".repeat(200_000))).isEmpty();
    }
}
