package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The update family (+6 to update.regression) reads an update as the event that broke a working setup (issue 13,
 * session 13, branch updatefam). "Windows Update" named is the operating system's update service, not that event:
 * posts name it as what replaced termsrv.dll under RDP Wrapper, as what installed the CredSSP patch, as something turned
 * off or run as a fix; windows-side-update keeps that name for the rules that ask which side changed. On the design
 * half it was the update family's word in 10 posts, none labelled update.regression. "After installing" is no update
 * word at all (after installing xrdp, the wrapper, a driver). Texts are made up.
 */
class UpdateNamedInPassingTest {
    private static final Tuple UPDATE_ROW = tuple("text: it broke around an update (update -> update.regression)",
            "update.regression");

    private final Fire fire = new Fire();

    @Test
    void windowsUpdateNamedInPassingIsNoUpdateEvent() {
        String message = "Windows Update is disabled on this server by policy. RDP to it says the remote computer"
                + " refused the connection.";
        assertThat(Fire.pairs(fire.text(message))).doesNotContain(UPDATE_ROW);
    }

    @Test
    void theWindowsUpdateAsTheEventKeepsTheUpdateReading() {
        String message = "After the Windows update last night, Remote Desktop to my PC fails with an internal error.";
        assertThat(Fire.pairs(fire.text(message))).contains(UPDATE_ROW);
    }

    @Test
    void installingOtherSoftwareIsNoUpdate() {
        String message = "After installing xrdp on Ubuntu 22.04 the Windows client shows a black screen and closes.";
        assertThat(Fire.pairs(fire.text(message))).doesNotContain(UPDATE_ROW);
    }
}
