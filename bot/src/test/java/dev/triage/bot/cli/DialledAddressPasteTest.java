package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that dials an IP address looks no name up (dialled-address.drl): the DNS cause, which these pastes' words
 * and best article led with before, is taken back where every host the paste dials is an address, and left alone
 * where the paste dials a name too, says the address is what works, or shows a failed lookup. Made-up pastes in
 * mstsc's, FreeRDP's, ping's and nslookup's own output formats; one batch run diagnoses them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialledAddressPasteTest {
    private static final String RULE = "dialled address: the client dials an address, so no name lookup can fail";
    private static final String CANT_CONNECT = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons:\n1) Remote access to the server is not enabled\n2) The remote computer is turned off\n"
            + "3) The remote computer is not available on the network\n";
    private final Map<String, JsonNode> results = new HashMap<>();

    @BeforeAll
    void diagnoseThePastes(@TempDir Path dir) throws IOException {
        results.putAll(new BatchOfPastes().diagnose(dir, Map.of(
                "mstsc", "I connect with mstsc /v:10.0.0.5 from my laptop and get:\n" + CANT_CONNECT
                        + "Our DNS and DHCP run on the domain controller, the server's hostname is APP01.",
                "prose", "Trying to connect to 192.168.1.20 over RDP, it just times out. I can't use the computer"
                        + " name because it's not in DNS, so I use the IP.",
                "ipv6", "xfreerdp /v:[fe80::20c:29ff:fe3a:1b2c] /u:admin\n[ERROR][com.freerdp.core] -"
                        + " freerdp_tcp_connect:freerdp_set_last_error_ex ERRCONNECT_CONNECT_FAILED [0x00020006]\n"
                        + "The hostname does not matter, I use the IPv6 address.",
                "both", "Connecting by name (mstsc /v:app01.corp.local) fails with \"Remote Desktop can't connect to"
                        + " the remote computer\", mstsc /v:10.0.0.5 works. Is it DNS?",
                "ip-works", "Remote Desktop can't connect to the remote computer. When I connect to 10.0.0.5 it works"
                        + " by IP, just not with the hostname.",
                "ping", "Pinging 10.0.0.5 with 32 bytes of data:\nReply from 10.0.0.5: bytes=32 time<1ms TTL=128\n"
                        + "Reply from 10.0.0.5: bytes=32 time<1ms TTL=128\nbut Remote Desktop says it can't find the"
                        + " computer, the DNS server 10.0.0.2 is our DC")));
    }

    @Test
    void anAddressDialledTakesNameResolutionBack() {
        for (String id : List.of("mstsc", "prose", "ipv6")) {
            assertThat(causes(id).subList(0, 3)).as(id).doesNotContain("net.dns-wrong");
            results.get(id).path("causes").forEach(c -> {
                if (c.path("id").asText().equals("net.dns-wrong")) {
                    assertThat(c.path("evidence").findValuesAsText("rule")).as(id).contains(RULE);
                }
            });
        }
    }

    /** A name dialled beside the address, or the address said to work, is the name-resolution story itself. */
    @Test
    void theNameFailingWhereTheAddressWorksKeepsIt() {
        for (String id : List.of("both", "ip-works")) {
            assertThat(causes(id).get(0)).as(id).isEqualTo("net.dns-wrong");
            assertThat(results.get(id).path("causes").findValuesAsText("rule")).as(id).doesNotContain(RULE);
        }
    }

    /** A ping's reply and a DNS server's address are in the text, but neither is the host the client dials. */
    @Test
    void anAddressThatOnlyAppearsInThePasteIsNoDialledOne() {
        assertThat(causes("ping").get(0)).isEqualTo("net.dns-wrong");
        assertThat(results.get("ping").path("causes").findValuesAsText("rule")).doesNotContain(RULE);
    }

    private List<String> causes(String id) {
        List<String> ids = new ArrayList<>();
        results.get(id).path("causes").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }
}
