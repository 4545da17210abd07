package dev.triage.knowledge.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import org.junit.jupiter.api.Test;

/**
 * Guacamole protocol status codes as web gateways show them in place of the RDP client's error, and the mstsc codes
 * with the same numbers, which stay mstsc's wherever no Guacamole-based gateway is named.
 */
class GatewayStatusDecodingTest {
    private final CodeDecoder decoder = new CodeDecoder(CodeTables.load());

    @Test
    void aDecimalStatusBesideANamedGatewayIsTheGuacamoleStatus() {
        assertThat(decoder.decode("JumpServer web RDP to a Windows server fails with error 519"))
                .extracting(DecodedCode::kind, DecodedCode::code, DecodedCode::name)
                .containsExactly(tuple(CodeKind.GUACAMOLE_STATUS, "0x207", "UPSTREAM_NOT_FOUND"));
        assertThat(decoder.decode("Guacamole 1.5.4, RDP login: Error: 769")).extracting(DecodedCode::name)
                .containsExactly("CLIENT_UNAUTHORIZED");
        assertThat(decoder.decode("next-terminal status code: 771")).extracting(DecodedCode::name)
                .containsExactly("CLIENT_FORBIDDEN");
    }

    /** JumpServer Lion's own codes (github.com/jumpserver/lion pkg/tunnel/ws_error.go), only where JumpServer is named. */
    @Test
    void jumpServerLionsOwnCodesAreReadWhereJumpServerIsNamed() {
        assertThat(decoder.decode("JumpServer web RDP: error 1007, Gateway not available"))
                .extracting(DecodedCode::kind, DecodedCode::value, DecodedCode::name)
                .containsExactly(tuple(CodeKind.GUACAMOLE_STATUS, 1007L, "JMSErrGatewayFailed"));
        assertThat(decoder.decode("jumpserver 连接 windows 报1008错误")).extracting(DecodedCode::name)
                .containsExactly("JMSErrGuacamoleServer");
        assertThat(decoder.decode("JumpServer Lion status code: 1006")).extracting(DecodedCode::name, DecodedCode::source)
                .singleElement().satisfies(t -> assertThat(t.toList()).first().isEqualTo("JMSErrAPIFailed"))
                .satisfies(t -> assertThat((String) t.toList().get(1)).contains("jumpserver/lion"));
        // Guacamole and Next Terminal have no such codes, and outside the table's range nothing is read.
        assertThat(decoder.decode("Guacamole: error 1007")).extracting(DecodedCode::name)
                .doesNotContain("JMSErrGatewayFailed");
        assertThat(decoder.decode("JumpServer: error 1012")).extracting(DecodedCode::kind)
                .doesNotContain(CodeKind.GUACAMOLE_STATUS);
    }

    @Test
    void chineseWordingAroundTheNumberIsRead() {
        assertThat(decoder.decode("升级 Next Terminal 之后，RDP报519错误")).extracting(DecodedCode::name)
                .containsExactly("UPSTREAM_NOT_FOUND");
        assertThat(decoder.decode("jumpserver 连接 windows 错误码：797")).extracting(DecodedCode::name)
                .containsExactly("CLIENT_TOO_MANY");
    }

    @Test
    void hexIsReadAfterStatusOnly() {
        assertThat(decoder.decode("guacd: connection closed, status 0x0208")).extracting(DecodedCode::kind,
                DecodedCode::name).containsExactly(tuple(CodeKind.GUACAMOLE_STATUS, "UPSTREAM_UNAVAILABLE"));
        // "Error code: 0x204" is mstsc's dialog even when the user also tried Guacamole.
        assertThat(decoder.decode("mstsc says Error code: 0x204, and Guacamole cannot connect either"))
                .extracting(DecodedCode::kind).containsExactly(CodeKind.DISCONNECT_REASON);
    }

    @Test
    void theUntranslatedKeyOfGuacamolesPageNamesItself() {
        assertThat(decoder.decode("the page only shows CLIENT.ERROR_CLIENT_31D")).extracting(DecodedCode::code,
                DecodedCode::name).containsExactly(tuple("0x31d", "CLIENT_TOO_MANY"));
        // The tunnel's keys are the gateway's own link, not the RDP connection's status.
        assertThat(decoder.decode("TUNNEL.ERROR_TUNNEL_207")).isEmpty();
    }

    @Test
    void withoutANamedGatewayTheNumbersStayMstscs() {
        assertThat(decoder.decode("mRemoteNG: RDP disconnected! error 516")).extracting(DecodedCode::kind,
                DecodedCode::code).containsExactly(tuple(CodeKind.DISCONNECT_REASON, "0x204"));
        assertThat(decoder.decode("the web portal shows status 519")).isEmpty();
    }

    @Test
    void numbersOutsideTheStatusTableOrInsideOthersAreLeftAlone() {
        assertThat(decoder.decode("Guacamole on port 8080 with 5190 users, version 519.2")).isEmpty();
        assertThat(decoder.decode("guacamole: error 600")).extracting(DecodedCode::kind)
                .doesNotContain(CodeKind.GUACAMOLE_STATUS);
        // HTTP's and Cloudflare's numbers beside a named gateway are theirs.
        assertThat(decoder.decode("guacamole behind nginx: HTTP error 520 from the proxy")).extracting(DecodedCode::kind)
                .doesNotContain(CodeKind.GUACAMOLE_STATUS);
        assertThat(decoder.decode("Guacamole via Cloudflare tunnel: Error 521 Web server is down"))
                .extracting(DecodedCode::kind).doesNotContain(CodeKind.GUACAMOLE_STATUS);
        assertThat(decoder.decode("Guacamole via Cloudflare: error 769")).extracting(DecodedCode::name)
                .containsExactly("CLIENT_UNAUTHORIZED");
    }

    @Test
    void guacdsDebugLineCarriesTheServersErrorInfoNotAnMstscCode() {
        assertThat(decoder.decode("guacd[77]: DEBUG: Disconnect reason code: 0x3.")).extracting(DecodedCode::kind,
                DecodedCode::name).containsExactly(tuple(CodeKind.SERVER_ERROR_INFO, "ERRINFO_IDLE_TIMEOUT"));
        assertThat(decoder.decode("guacd: Disconnect reason code: 0x9.")).extracting(DecodedCode::name)
                .containsExactly("ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES");
    }
}
