package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasteCheckTest {
    @Test
    void blankTextIsRefusedWithWhatToPaste() {
        assertThat(PasteCheck.problem("  \n ")).hasValueSatisfying(m -> assertThat(m).contains("paste the error"));
        assertThat(PasteCheck.problem(null)).isPresent();
    }

    @Test
    void oversizedTextNamesItsSizeAndTheLimit() {
        String mb = "x".repeat(1024 * 1024);
        assertThat(PasteCheck.problem(mb)).hasValueSatisfying(m -> assertThat(m).contains("1,048,576").contains("262,144"));
    }

    @Test
    void binaryJunkIsRefused() {
        assertThat(PasteCheck.problem("PK\u0003\u0004\u0000\u0000binary")).isPresent();
        StringBuilder replaced = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            replaced.append(i % 3 == 0 ? '\uFFFD' : 'a');
        }
        assertThat(PasteCheck.problem(replaced.toString())).isPresent();
    }

    @Test
    void ordinaryPastesPass() {
        assertThat(PasteCheck.problem("Error code: 0x904\r\nExtended error code: 0x7\t")).isEmpty();
        assertThat(PasteCheck.problem("\u001b[31m[ERROR][com.freerdp.core] - ERRCONNECT_CONNECT_TRANSPORT_FAILED"))
                .isEmpty();
        assertThat(PasteCheck.problem("错误代码: 0x904 扩展错误代码: 0x7")).isEmpty();
    }
}
