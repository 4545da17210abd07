package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import org.junit.jupiter.api.Test;

class TurnEngineTest {
    @Test
    void freerdpErrorsReachTheRulesByNameWhicheverSpellingWasPasted() {
        DecodedCode byValue = new DecodedCode("0x2000f", CodeKind.FREERDP_CONNECT_ERROR, 0x2000f,
                "ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED", "meaning", "FreeRDP error.h", "[0x0002000F]");
        DecodedCode disconnect = new DecodedCode("0x904", CodeKind.DISCONNECT_REASON, 0x904,
                "disconnectReasonAtClientWinsockFDCLOSE", "Socket closed.", "ONDISC", "Error code: 0x904");

        assertThat(TurnEngine.ruleCode(byValue)).isEqualTo("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED");
        assertThat(TurnEngine.ruleCode(disconnect)).isEqualTo("0x904");
    }
}
