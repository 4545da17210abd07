package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which side changed, read from the number (branch versions): an update tied to a product's release version is that
 * product's change; Windows builds, KB ids, OS versions, protocol versions, addresses and dates are not. The texts are
 * made up, in the version forms the products print (Remmina's and the Windows App's three-part versions, Kasm's and
 * mRemoteNG's build suffixes, the "v" shorthand, VirtualBox's extension pack).
 */
class ReleaseChangeTest {
    private final ReleaseChange releases = new ReleaseChange();

    @ParameterizedTest
    @ValueSource(strings = {
        "Since I upgraded Remmina to 1.4.36 the session closes right after the login screen.",
        "After updating the Windows App to 2.0.420 it keeps asking for my password.",
        "We updated our bastion from 3.9.2 to 3.10.0 and now every RDP asset fails",
        "The web client broke after the update to v4.2",
        "Upgraded the extension pack to 7.1.2 and the VRDE server refuses connections",
        "Downgrading to 1.76.20.24615 made mRemoteNG connect again.",
        "RDP stopped after the last update of the agent 1.0.62-b",
        "My desktop runs Ubuntu 22.04. Since updating Remmina to 1.4.35 no server connects.",
        "The bastion hangs at the login screen; if we go back to 3.2.1 it works again.",
        "堡垒机升级到3.10.2之后，所有Windows资产都连不上了。",
        "回滚到v2.4之后可以正常连接",
        "踏み台を 4.1.2 にアップデートしたら RDP が切断されるようになった",
        "После обновления клиента до 3.5.1 подключение обрывается.",
        "Seit der Aktualisierung auf 2.11.0 bricht die Verbindung ab.",
    })
    void readsAnUpdateTiedToAProductRelease(String text) {
        assertThat(releases.find(text)).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "After the cumulative update KB5034441 RDP fails with an internal error.",
        "After updating to 10.0.19045.3803 mstsc cannot connect any more.",
        "Since the update to OS Build 22631.4460 the Windows App fails.",
        "After upgrading Ubuntu 22.04 to 24.04 Remmina cannot connect.",
        "After upgrading Xubuntu 15.10 to 16.04 xfreerdp fails with a TLS error.",
        "After the update the server only offers TLS 1.2 and the old client fails.",
        "Since the update, connecting to 192.168.1.20 fails.",
        "Remmina 1.4.35 cannot connect.",
        "After the update on 13.03.2018 nothing connects.",
        "After upgrading Windows 8.1 to 10 RDP is gone.",
        "The guide for Ubuntu 18.04 works, not on my Ubuntu 20.04 LTS guest. Is the script updated to support 20.04?",
        "I had to go back to the office to restart the server at 10.20 pm.",
        "升级到Ubuntu 22.04之后Remmina连不上了。",
        "更新后服务器只支持TLS 1.2，旧客户端连接失败。",
        "客户端版本2.6.5。更新之后无法连接。",
    })
    void readsNoProductReleaseInWindowsOsProtocolOrBareVersions(String text) {
        assertThat(releases.find(text)).as(text).isEmpty();
    }

    /** The rollback is what the user did last, so a sentence telling both reports it (client-change.drl reads it). */
    @ParameterizedTest
    @ValueSource(strings = {
        "I upgraded to 2.6.5 and RDP broke, downgraded to 2.6.0 and it works.",
        "之前用2.5.5没问题，升级到2.6.5之后无法使用，降级到2.6.0才正常。",
    })
    void reportsTheRollbackWhenOneSentenceTellsUpdateAndRollback(String text) {
        assertThat(releases.find(text)).as(text).hasValueSatisfying(word -> assertThat(word).matches("(?i)downgrad.*|降级"));
    }

    /** An update that cured the failure is the newer build working (SignalExtractor raises newer-build-works). */
    @ParameterizedTest
    @ValueSource(strings = {
        "Remmina 1.4.35 cannot connect. Updating to 1.4.36 fixed it.",
        "We upgraded the bastion to 3.9.1 and RDP works again.",
        "客户端升级到2.6.7后解决了。",
        "Black flash and the window closes; after updating Remmina it connects",
    })
    void readsAnUpdateThatCuredIt(String text) {
        assertThat(releases.findCure(text)).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "After updating Remmina to 1.4.36 I can no longer connect.",
        "Upgrading to 2.1.0 has not fixed it.",
        "Downgraded to 1.4.35 and it works again.",
        "After KB5034441 it works again.",
        "After updating Remmina it no longer connects.",
        "After updating Windows it works again.",
    })
    void readsNoCureInABreakANegatedFixOrARollback(String text) {
        assertThat(releases.findCure(text)).as(text).isEmpty();
    }
}
