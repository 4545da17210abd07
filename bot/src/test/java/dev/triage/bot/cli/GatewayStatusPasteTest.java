package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Guacamole status number pasted from a web gateway reaches the ranking as that status, through the decoder, the
 * fact the bot builds and the status's codes.tsv rows; the same number without a gateway stays mstsc's. One batch run
 * diagnoses all pastes, so the application is built once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayStatusPasteTest {
    private final Map<String, JsonNode> results = new HashMap<>();

    @BeforeAll
    void diagnoseThePastes(@TempDir Path dir) throws IOException {
        results.putAll(new BatchOfPastes().diagnose(dir, Map.of(
                "forbidden", "JumpServer web RDP to the build server: error 771, my colleague gets in",
                "too-many", "Guacamole page only shows CLIENT.ERROR_CLIENT_31D when I open the second desktop",
                "mremoteng", "mRemoteNG: RDP disconnected! error 516")));
    }

    @Test
    void aGatewaysForbiddenStatusLeadsWithTheMissingSignInRight() {
        JsonNode json = results.get("forbidden");

        assertThat(json.path("codes").get(0).path("name").asText()).isEqualTo("CLIENT_FORBIDDEN");
        assertThat(json.path("causes").get(0).path("id").asText()).isEqualTo("auth.not-in-rdp-users-group");
        assertThat(json.path("causes").get(0).path("evidence").findValuesAsText("text"))
                .anyMatch(text -> text.startsWith("Guacamole status 771 (0x303): "));
    }

    @Test
    void guacamolesUntranslatedKeyLeadsWithTheGatewaysOwnLimit() {
        JsonNode json = results.get("too-many");

        assertThat(json.path("codes").get(0).path("code").asText()).isEqualTo("0x31d");
        assertThat(json.path("causes").get(0).path("id").asText()).isEqualTo("gateway.bastion-config");
    }

    @Test
    void aJumpServerLionCodeIsNamedAsLionsInTheCodesListAndInTheEvidence() {
        CliRun run = CliRun.of("diagnose", "--no-probes", "JumpServer web terminal: Connection failed, error 1007");

        assertThat(run.out()).contains("1007  JumpServer Lion code: JMSErrGatewayFailed")
                .contains("- JumpServer Lion code 1007: JMSErrGatewayFailed").doesNotContain("Guacamole status");
    }

    @Test
    void theSameNumberFromAnRdpClientStaysItsOwnCode() {
        JsonNode code = results.get("mremoteng").path("codes").get(0);

        assertThat(code.path("code").asText()).isEqualTo("0x204");
        assertThat(code.path("name").asText()).isEqualTo("disconnectReasonSocketConnectFailed");
    }
}
