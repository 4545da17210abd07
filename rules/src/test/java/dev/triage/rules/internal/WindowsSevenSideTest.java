package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Which side a Windows 7 named is, and rdesktop named as a product (packs/rdp/phrases.txt windows-7-named,
 * win7-client-named, split out of old-client; session 16, branch versions). Texts are made up.
 */
class WindowsSevenSideTest {
    private static final String OLD_CLIENT_ROW =
            "mechanism: an old client version is named (old-client -> client.outdated-app)";
    private static final String OLD_CLIENT_DECODE = "mechanism: an old client failing to decode the protocol is outdated";

    private final Fire fire = new Fire();

    @Test
    void windowsSevenAsTheTargetIsNoOldClient() {
        String text = "Since the update of freerdp2 from 2.0 to 2.1.1 sessions to Windows 7 machines drop after a minute.";
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(OLD_CLIENT_ROW, "client.outdated-app"));
        fire.assertRaisesRow("windows-7-named", "client.outdated-app", 2, text);
    }

    @Test
    void windowsSevenAsTheClientWeighsWhatAnOldClientDid() {
        String text = "From my Windows 7 laptop Remote Desktop Connection cannot connect to the new server.";
        fire.assertRaisesRow("windows-7-named", "client.outdated-app", 2, text);
        fire.assertRaisesRow("win7-client-named", "client.outdated-app", 2, text);
        fire.assertRaisesRow("win7-client-named", "client.outdated-app", 2,
                "Still on Windows 7 with the built-in client; the new server drops the session.");
    }

    @Test
    void rdesktopNamedIsAProductNotAnOldVersion() {
        String text = "rdesktop cannot connect to the server, it says CredSSP required by server.";
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(OLD_CLIENT_ROW, "client.outdated-app"));
        fire.assertRaisesRow("old-client", "client.outdated-app", 4, "I still run FreeRDP 1.2 on this box.");
        assertThat(Fire.said(fire.text("rdesktop: The remote computer requires Network Level Authentication, which your"
                + " computer does not support."))).contains(tuple("mechanism: an old client told the server requires NLA"
                + " lacks CredSSP (nla-required + old-client -> client.outdated-app)", "client.outdated-app", 10));
    }

    @Test
    void aDecodingErrorIsAnOldClientsOnlyWhenWindowsSevenIsTheClient() {
        assertThat(Fire.said(fire.text("Windows 7 clients get: failed to decode the bitmap, the session closes.")))
                .contains(tuple(OLD_CLIENT_DECODE, "client.outdated-app", 12));
        assertThat(Fire.pairs(fire.text("Connecting to a Windows 7 host: failed to decode the bitmap, the session closes.")))
                .doesNotContain(tuple(OLD_CLIENT_DECODE, "client.outdated-app"));
    }
}
