package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What pasted tool output says about reachability (issue 13, session 15, branch dnsip): the facts its rows state count,
 * and the words that are only the tool's labels do not. Column-padded rows (sc query, Get-Service) match the phrases
 * written with one space; a silent tracert hop and nmap's host line are no unreachable host and no unstable link, an
 * event header's account and task category no key permission and no codec, an enabled firewall rule's row no blocking
 * rule; the lookup tools' Name Error is a failed
 * lookup; a
 * lookup that resolved takes name resolution back; a client that dials an address looks no name up. Texts are made up
 * in each tool's documented output format.
 */
class ToolOutputFactsTest {
    private static final String RUNNING = "mechanism: the Remote Desktop service stated running leaves only a missing"
            + " listener";
    private static final String RESOLVED = "pasted lookup: the user's PC resolves the name, so only a stale record is"
            + " left of name resolution";
    private static final String DIALLED = "dialled address: the client dials an address, so no name lookup can fail";
    private static final String CANT_CONNECT = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons.\n";

    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());
    private final Fire fire = new Fire();

    /** sc query and Get-Service pad their columns; the running state they print is read all the same. */
    @Test
    void theServiceStateOfPaddedServiceListingsCounts() {
        String sc = CANT_CONNECT + "C:\\>sc query TermService\n\nSERVICE_NAME: TermService\n"
                + "        TYPE               : 20  WIN32_SHARE_PROCESS\n        STATE              : 4  RUNNING\n"
                + "                                (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)\n"
                + "        WIN32_EXIT_CODE    : 0  (0x0)\n";
        String getService = CANT_CONNECT + "PS C:\\> Get-Service TermService\n\nStatus   Name               DisplayName\n"
                + "------   ----               -----------\nRunning  TermService        Remote Desktop Services\n";
        for (String paste : List.of(sc, getService)) {
            assertThat(textSignals(paste)).contains("service-running");
            assertThat(Fire.said(fire.text(paste))).contains(tuple(RUNNING, "server.termservice-down", -6));
        }
    }

    /** A router that does not answer tracert is no statement about the destination; ping's own time-out still is. */
    @Test
    void aSilentTracertHopIsNoUnreachableHost() {
        String tracert = "Tracing route to srv01.corp.local [10.20.0.5]\nover a maximum of 30 hops:\n\n"
                + "  1    <1 ms    <1 ms    <1 ms  192.168.1.1\n  2     *        *        *     Request timed out.\n"
                + "  3     5 ms     4 ms     5 ms  srv01.corp.local [10.20.0.5]\n\nTrace complete.";
        assertThat(textSignals(tracert)).doesNotContain("unreachable");
        assertThat(textSignals("Pinging 10.20.0.5 with 32 bytes of data:\nRequest timed out.\nRequest timed out."))
                .contains("unreachable");
    }

    /** nmap's "Host is up (0.020s latency)." is a measured reply, not a slow link. */
    @Test
    void nmapsHostLineIsNoUnstableLink() {
        String nmap = "Nmap scan report for rdp.example.com (203.0.113.10)\nHost is up (0.020s latency).\n\n"
                + "PORT     STATE    SERVICE\n3389/tcp filtered ms-wbt-server\n";
        assertThat(textSignals(nmap)).doesNotContain("unstable").contains("port-filtered");
        assertThat(textSignals("The session freezes, the VPN has high latency")).contains("unstable");
    }

    /** Event Viewer's General tab names who logged the event and the provider's component, not the failure. */
    @Test
    void theEventHeadersAccountAndTaskCategoryAreNoFacts() {
        String rdpCoreTs = "Log Name:      Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational\n"
                + "Source:        Microsoft-Windows-RemoteDesktopServices-RdpCoreTS\nEvent ID:      131\n"
                + "Task Category: RemoteFX module\nLevel:         Information\nUser:          NETWORK SERVICE\n"
                + "Computer:      RDS01.corp.local\nDescription:\nThe server accepted a new TCP connection from client"
                + " 10.0.0.20:51234.";
        assertThat(textSignals(rdpCoreTs)).doesNotContain("private-key", "codec");
        assertThat(textSignals("Grant NETWORK SERVICE read access to the key in MachineKeys")).contains("private-key");
        String scm = "Log Name:      System\nSource:        Service Control Manager\nEvent ID:      7036\n"
                + "Description:\nThe Remote Desktop Services service entered the running state.";
        assertThat(textSignals(scm)).contains("service-running");
    }

    /** Get-NetFirewallRule's row of the Remote Desktop rule enabled names the rule without its blocking. */
    @Test
    void anEnabledFirewallRuleRowIsNoBlockingRule() {
        String table = "DisplayName                              Enabled Direction Action\n"
                + "-----------                              ------- --------- ------\n"
                + "Remote Desktop - User Mode (TCP-In)         True   Inbound  Allow\n"
                + "Remote Desktop - User Mode (UDP-In)         True   Inbound  Allow\n";
        assertThat(textSignals(table)).doesNotContain("firewall-blocks");
        assertThat(textSignals(table.replace("True", "False"))).contains("firewall-blocks");
    }

    @Test
    void aLookupThatResolvedTakesNameResolutionBack() {
        String resolved = CANT_CONNECT + "C:\\Users\\me>nslookup app01.corp.local\nServer:  dc01.corp.local\n"
                + "Address:  10.0.0.2\n\nName:    app01.corp.local\nAddress:  10.0.0.5\n";
        assertThat(Fire.said(fire.text(resolved))).contains(tuple(RESOLVED, "net.dns-wrong", -6));
        String failed = CANT_CONNECT + "C:\\Users\\me>nslookup app01.corp.local\nServer:  dc01.corp.local\n"
                + "Address:  10.0.0.2\n\n*** dc01.corp.local can't find app01.corp.local: Non-existent domain\n";
        assertThat(Fire.said(fire.text(failed))).extracting(t -> t.toList().get(0)).doesNotContain(RESOLVED);
        String moved = resolved + "It started after the server got a new IP.";
        assertThat(Fire.said(fire.text(moved))).extracting(t -> t.toList().get(0)).doesNotContain(RESOLVED);
    }

    /** Resolve-DnsName, dig and host print the resolver's Name Error (NXDOMAIN) in their own words. */
    @Test
    void theLookupToolsNameErrorIsAFailedLookup() {
        for (String paste : List.of(
                "PS C:\\> Resolve-DnsName app01.corp.local\nResolve-DnsName : app01.corp.local : DNS name does not exist",
                ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4242",
                "Host rdp.example.com not found: 3(NXDOMAIN)",
                "*** dc01.corp.local can't find app01: Non-existent domain")) {
            fire.assertRaisesRow("dns-lookup-failed", "net.dns-wrong", 12, paste);
        }
    }

    @Test
    void aDialledAddressTakesNameResolutionBackUnlessTheNameFailed() {
        String paste = CANT_CONNECT + "The server's hostname is APP01, our DNS runs on the DC.";
        assertThat(Fire.said(fire.fire(dialled(paste, List.of("10.0.0.5")))))
                .contains(tuple(DIALLED, "net.dns-wrong", -10));
        assertThat(Fire.said(fire.fire(dialled(paste, List.of("[fe80::1]:3389")))))
                .contains(tuple(DIALLED, "net.dns-wrong", -10));
        for (CaseFacts story : List.of(
                dialled(paste, List.of("10.0.0.5", "app01.corp.local")),
                dialled(paste, List.of("app01")),
                dialled(paste + " It works by IP, not by name.", List.of("10.0.0.5")),
                dialled("Remote Desktop can't find the computer \"APP01\".", List.of("10.0.0.5")),
                new CaseFacts(List.of(paste), List.of(new CodeFact("disconnect", "0x104", 0x104, "",
                        Map.of("net.dns-wrong", 12))), Map.of(), List.of(), List.of(), Optional.empty(),
                        List.of("10.0.0.5")),
                new CaseFacts(List.of(paste), List.of(), Map.of("ip-works", "yes"), List.of(), List.of(),
                        Optional.empty(), List.of("10.0.0.5")))) {
            assertThat(Fire.said(fire.fire(story))).extracting(t -> t.toList().get(0)).doesNotContain(DIALLED);
        }
    }

    private static CaseFacts dialled(String text, List<String> hosts) {
        return new CaseFacts(List.of(text), List.of(), Map.of(), List.of(), List.of(), Optional.empty(), hosts);
    }

    private Set<String> textSignals(String text) {
        return extractor.extract(List.of(text)).stream().filter(s -> s.family().equals("text")).map(Signal::id)
                .collect(Collectors.toSet());
    }
}
