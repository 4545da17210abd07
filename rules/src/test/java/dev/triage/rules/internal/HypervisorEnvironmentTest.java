package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * The local-VM environment (packs/rdp/phrases.txt, env hyper-v): a guest behind the host's NAT changes its address or
 * is reached through a forwarded port; a guest bridged onto the network by a datacenter hypervisor does not (session
 * 12, branch listener). VirtualBox's NAT and Docker reach a guest through a forwarded or published host port, not a
 * name (env port-forwarded-vm, session 15, branch falselead): the port reading only.
 */
class HypervisorEnvironmentTest {
    private static final String ADDRESS_ROW = "environment: WSL or a local VM changes addresses behind a name";
    private static final String PORT_ROW = "environment: WSL or a local VM often uses another port";
    private static final String FORWARDED_PORT_ROW = "environment: a VirtualBox guest or a container is reached through a "
            + "forwarded or published host port, which can differ from the one dialled";

    private final Fire fire = new Fire();

    @Test
    void aGuestBehindTheHostsNatKeepsItsAddressAndPortReadings() {
        assertThat(Fire.said(fire.text("RDP to the Hyper-V VM on my laptop stopped working."))).contains(
                tuple(ADDRESS_ROW, "net.dns-wrong", 6),
                tuple(PORT_ROW, "net.port-changed", 4));
        assertThat(Fire.said(fire.text("I can't RDP into my VirtualBox guest from the host.")))
                .contains(tuple(FORWARDED_PORT_ROW, "net.port-changed", 4))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(ADDRESS_ROW);
    }

    @Test
    void aBridgedDatacenterGuestIsOnlyAVm() {
        for (String text : new String[] {
                "Our Windows Server 2019 VM on VMware ESXi no longer takes RDP connections.",
                "A Windows 10 guest on Proxmox VE: Remote Desktop can't connect to the remote computer."}) {
            assertThat(Fire.pairs(fire.text(text))).as(text).extracting(t -> (String) t.toList().get(0))
                    .doesNotContain(ADDRESS_ROW, PORT_ROW);
        }
    }
}
