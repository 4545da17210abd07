package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that are not RDP codes reach the answer decoded, and their table rows reach the ranking as evidence. One
 * batch run diagnoses both pastes, so the application is built once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastedErrorCodesTest {
    private static final String POWERSHELL =
            "Add-RDServer : The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)";
    private static final String FREERDP = "[ERROR][com.freerdp.core.transport] - BIO_read returned an error:"
            + " error:0A00042E:SSL routines::tlsv1 alert protocol version";

    private final Map<String, JsonNode> results = new HashMap<>();

    @BeforeAll
    void diagnoseBothPastes(@TempDir Path dir) throws IOException {
        results.putAll(new BatchOfPastes().diagnose(dir, Map.of("powershell", POWERSHELL, "freerdp", FREERDP)));
    }

    @Test
    void aWrappedWin32ErrorFromPowerShellIsDecodedAndCitedAsEvidence() {
        JsonNode json = results.get("powershell");

        JsonNode code = json.path("codes").get(0);
        assertThat(code.path("code").asText()).isEqualTo("0x800706ba");
        assertThat(code.path("name").asText()).isEqualTo("RPC_S_SERVER_UNAVAILABLE");
        assertThat(code.path("known").asBoolean()).isTrue();
        assertThat(evidence(json, "net.unreachable")).contains("Windows error 0x800706ba: RPC_S_SERVER_UNAVAILABLE");
    }

    @Test
    void anOpenSslAlertInAFreerdpLogLeadsToItsMechanism() {
        JsonNode json = results.get("freerdp");

        assertThat(json.path("codes")).hasSize(1);
        assertThat(json.path("codes").get(0).path("name").asText()).isEqualTo("TLS_ALERT_PROTOCOL_VERSION");
        assertThat(json.path("causes").get(0).path("id").asText()).isEqualTo("tls.version-mismatch");
        assertThat(evidence(json, "tls.version-mismatch"))
                .contains("OpenSSL error 0xa00042e: TLS_ALERT_PROTOCOL_VERSION");
    }

    private static List<String> evidence(JsonNode json, String causeId) {
        List<String> texts = new ArrayList<>();
        for (JsonNode cause : json.path("causes")) {
            if (cause.path("id").asText().equals(causeId)) {
                cause.path("evidence").forEach(e -> texts.add(e.path("text").asText()));
            }
        }
        return texts;
    }
}
