package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Teams app package the repository ships (docs/teams-app): a manifest whose bot is the app the package script
 * fills in, with the two icons Teams asks for, a 192x192 color icon and a 32x32 white-on-transparent outline.
 */
class TeamsManifestTest {
    static final Path APP = Path.of("..", "docs", "teams-app");

    @Test
    void theManifestNamesTheBotAndItsScopesAndTheIconsHaveTeamsSizes() throws Exception {
        JsonNode manifest = TeamsActivities.JSON.readTree(Files.readString(APP.resolve("manifest.json")));

        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.17");
        JsonNode bot = manifest.path("bots").path(0);
        assertThat(bot.path("botId").asText()).isEqualTo(manifest.path("id").asText());
        assertThat(bot.path("scopes").toString()).contains("personal", "team", "groupChat");
        assertThat(manifest.path("name").path("short").asText().length()).isLessThanOrEqualTo(30);

        BufferedImage color = ImageIO.read(APP.resolve(manifest.path("icons").path("color").asText()).toFile());
        BufferedImage outline = ImageIO.read(APP.resolve(manifest.path("icons").path("outline").asText()).toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int drawn = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                if ((argb >>> 24) != 0) {
                    assertThat(argb & 0xFFFFFF).as("outline pixels are white").isEqualTo(0xFFFFFF);
                    drawn++;
                }
            }
        }
        assertThat(drawn).isGreaterThan(50);
    }
}
