package dev.triage.probes.internal.ntlm;

import java.time.Instant;
import java.util.Optional;

/** What an NTLM CHALLENGE_MESSAGE reveals about the server (MS-NLMP 2.2.1.2, AV_PAIRs 2.2.2.1). */
public record HostInfo(
        String targetName,
        String netbiosComputerName,
        String netbiosDomainName,
        String dnsComputerName,
        String dnsDomainName,
        String dnsTreeName,
        Optional<Instant> serverTime,
        Optional<String> productVersion,
        Optional<Integer> osBuild) {
}
