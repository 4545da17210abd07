package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.triage.bot.chat.discord.DiscordStandIn;
import dev.triage.bot.chat.discord.FakeGateway;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slack's SDK (built against OkHttp 4) and JDA (built against OkHttp 5) in one JVM on the one OkHttp the build
 * keeps: each SDK makes real calls through its own OkHttp client to a stand-in of its platform, and both succeed.
 */
class OkHttpCoexistenceTest {
    @Test
    void okHttpIsOnTheClasspathOnceAndItIsVersion5() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).contains("okhttp-jvm-5.");
        assertThat(OkHttp.VERSION).startsWith("5.");
        assertThat(OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("okhttp-jvm-" + OkHttp.VERSION);
    }

    @Test
    @Timeout(30)
    void slacksWebApiClientAndJdasRestClientBothWorkSideBySide() throws Exception {
        try (SlackStandIn slackApi = new SlackStandIn(); DiscordStandIn discordApi = new DiscordStandIn();
                FakeGateway gateway = new FakeGateway()) {
            discordApi.gatewayUrl(gateway::url);
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slackApi.apiUrl());
            Slack slack = Slack.getInstance(config);
            JDA jda = JDABuilder.createLight(DiscordStandIn.BOT_TOKEN, EnumSet.of(GatewayIntent.GUILD_MESSAGES))
                    .setRestConfig(new RestConfig().setBaseUrl(discordApi.apiUrl()))
                    .setSessionController(new SessionControllerAdapter() {
                        @Override
                        public String getGateway() {
                            return gateway.url();
                        }
                    })
                    .setCompression(Compression.NONE).setEnableShutdownHook(false).build();
            try {
                jda.awaitReady();
                // READY named no servers; the one GUILD_CREATE sends after it is set up on the same thread.
                while (jda.getTextChannelById(FakeGateway.CHANNEL) == null) {
                    Thread.sleep(20);
                }

                ChatPostMessageResponse slackAnswer = slack.methods("xoxb-test").chatPostMessage(r -> r
                        .channel("C1").text("from Slack's client"));
                Message discordAnswer = jda.getTextChannelById(FakeGateway.CHANNEL)
                        .sendMessage("from JDA's client").complete();
                ChatPostMessageResponse slackAgain = slack.methods("xoxb-test").chatPostMessage(r -> r
                        .channel("C1").text("Slack once more"));

                assertThat(slackAnswer.isOk()).isTrue();
                assertThat(slackAgain.isOk()).isTrue();
                assertThat(slackApi.calls("chat.postMessage")).extracting(c -> c.field("text"))
                        .containsExactly("from Slack's client", "Slack once more");
                assertThat(discordAnswer.getContentRaw()).isEqualTo("from JDA's client");
                assertThat(discordApi.calls()).anySatisfy(c -> {
                    assertThat(c.path()).isEqualTo("/channels/" + FakeGateway.CHANNEL + "/messages");
                    assertThat(c.body().path("content").asText()).isEqualTo("from JDA's client");
                });
                assertThat(discordApi.calls()).anySatisfy(c -> assertThat(c.path()).isEqualTo("/users/@me"));
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
        }
    }
}
