package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import org.junit.jupiter.api.Test;

/**
 * The no-license-server dialog in current mstsc's zh-CN wording, and on a VM named by the cloud's own word for it
 * ("instance", "实例"): the vendors' FAQs read it as the Session Host role's ended grace period. Made-up texts.
 */
class LicensingInstanceWordingTest {
    private static final String RULE = "licensing: the no-license-server dialog on a cloud instance is the role's ended grace period";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void currentMstscsChineseDialogNamesTheMissingLicenseServer() {
        fire.assertRaisesRow("license-server-none", "license.no-server", 12,
                "连接时提示：由于没有远程桌面授权服务器可以提供许可证，远程会话连接已断开。");
    }

    @Test
    void theDialogOnACloudInstanceIsTheEndedGracePeriod() {
        String message = "连接 Windows 实例时提示：由于没有远程桌面授权服务器可以提供许可证，远程会话连接已断开。请跟服务器管理员联系。";

        assertThat(Fire.said(fire.text(message))).contains(tuple(RULE, "license.grace-expired", 6),
                tuple(RULE, "license.no-server", -4));
        assertThat(diagnoser.diagnose(CaseFacts.ofText(message)).causeIds().get(0)).isEqualTo("license.grace-expired");
    }

    @Test
    void anInstanceWithoutLicensingWordingReadsNothing() {
        assertThat(Fire.pairs(fire.text("My EC2 instance does not answer on 3389 since this morning")))
                .doesNotContain(tuple(RULE, "license.grace-expired"));
    }
}
