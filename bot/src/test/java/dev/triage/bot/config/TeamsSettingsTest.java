package dev.triage.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams switches on from the environment only, needs to know whose tenants it serves, calls https only (plain http
 * only to loopback, for tests), and never prints its password.
 */
class TeamsSettingsTest {
    static final String APP = "6a1b3c5d-0000-4000-8000-00000000a11d";
    @TempDir
    Path dir;

    private BotConfig load(Map<String, String> teams) throws IOException {
        Path properties = Files.writeString(dir.resolve("triage.properties"), "TEAMS_APP_ID=x\nTEAMS_APP_PASSWORD=y\n");
        Map<String, String> env = new HashMap<>(teams);
        env.put("TRIAGE_CONFIG", properties.toString());
        return new ConfigLoader(env).load();
    }

    @Test
    void offByDefaultAndOnForASingleTenantWithItsOwnTokenEndpoint() throws IOException {
        assertThat(load(Map.of()).teams().enabled()).as("the file's settings are ignored").isFalse();

        TeamsSettings on = load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p@ss~word",
                "TEAMS_TENANT_ID", "tenant-1")).teams();

        assertThat(on.enabled()).isTrue();
        assertThat(on.tokenUrl()).isEqualTo("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token");
        assertThat(on.openIdMetadataUrl()).isEqualTo(
                "https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(on.tenantAllowed("tenant-1")).isTrue();
        assertThat(on.tenantAllowed("tenant-2")).isFalse();
        assertThat(on.serviceUrlAllowed("https://smba.trafficmanager.net/amer/")).isTrue();
        assertThat(on.serviceUrlAllowed("http://smba.trafficmanager.net/amer/")).as("plain http").isFalse();
        assertThat(on.serviceUrlAllowed("http://127.0.0.1:8080/")).as("loopback, not configured").isFalse();
        assertThat(on.toString()).contains(APP).doesNotContain("p@ss~word");
    }

    @Test
    void aMultiTenantBotUsesBotframeworkTokensAndItsTenantAllowList() throws IOException {
        TeamsSettings on = load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p",
                "TEAMS_ALLOWED_TENANTS", "t1, t2", "TEAMS_SERVICE_URLS", "https://smba.trafficmanager.net,"
                        + " http://127.0.0.1")).teams();

        assertThat(on.tokenUrl()).isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
        assertThat(on.tenantAllowed("t2")).isTrue();
        assertThat(on.tenantAllowed("t3")).isFalse();
        assertThat(on.serviceUrlAllowed("https://smba.trafficmanager.net/emea/")).isTrue();
        assertThat(on.serviceUrlAllowed("https://evil.example/")).isFalse();
        assertThat(on.serviceUrlAllowed("http://127.0.0.1:41234/")).isTrue();
        assertThat(on.serviceUrlAllowed("http://user@127.0.0.1:41234/")).isFalse();
        assertThat(load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p", "TEAMS_ALLOWED_TENANTS", "*"))
                .teams().tenantAllowed("anyone")).isTrue();
    }

    @Test
    void halfAConfigurationNoTenantsOrPlainHttpElsewhereIsAnError() {
        assertThatThrownBy(() -> load(Map.of("TEAMS_APP_ID", APP))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TEAMS_APP_PASSWORD");
        assertThatThrownBy(() -> load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TEAMS_ALLOWED_TENANTS");
        assertThatThrownBy(() -> load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p", "TEAMS_TENANT_ID", "t",
                "TEAMS_TOKEN_URL", "http://login.example/token"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TEAMS_TOKEN_URL");
        assertThatThrownBy(() -> load(Map.of("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", "p", "TEAMS_TENANT_ID", "t",
                "TEAMS_SERVICE_URLS", "http://*"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TEAMS_SERVICE_URLS");
    }
}
