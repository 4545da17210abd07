package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.config.DiscordSettings;
import dev.triage.bot.store.PlatformStore;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Discord's gateway ({@code DISCORD_GATEWAY=true}), through JDA: for servers that want to paste an error and
 * @-mention Triage (or send it a direct message) rather than use {@code /triage}. It asks only for the
 * GUILD_MESSAGES and DIRECT_MESSAGES intents (JDA adds GUILDS, for its server and channel cache): without the
 * privileged MESSAGE_CONTENT intent Discord still gives a bot the content of messages that mention it and of direct
 * messages, which are the only ones Triage reads. JDA's REST
 * calls and the gateway's address ({@code GET /gateway/bot}) go to {@code DISCORD_API_URL}. The HTTP interactions
 * endpoint can run beside it; they share the store, so a case opened in one mode continues in the other.
 */
public final class DiscordGateway implements AutoCloseable {
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.DIRECT_MESSAGES);

    private final DiscordSettings settings;
    private final DiscordApi api;
    private final GatewayListener listener;
    private JDA jda;

    /** @param worker runs conversations, off JDA's event thread */
    public DiscordGateway(DiscordSettings settings, String publicUrl, ChatCore core, PlatformStore store,
            Executor worker) {
        if (!settings.gateway()) {
            throw new IllegalArgumentException("The Discord gateway is not configured: " + settings);
        }
        this.settings = settings;
        this.api = new DiscordApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                new ObjectMapper(), settings.apiUrl(), settings.applicationId().orElseThrow(), settings.botToken());
        DiscordMessages messages = new DiscordMessages(publicUrl);
        DiscordConversations conversations = new DiscordConversations(core, store, api, messages, worker,
                settings.privateHosts());
        DiscordInteractions interactions = new DiscordInteractions(conversations, store, messages, worker,
                settings.allowedGuilds(), settings.helpdeskUsers(), core.conversations().questions());
        this.listener = new GatewayListener(conversations, interactions, api, store, worker,
                settings.allowedGuilds());
    }

    /**
     * Logs in (JDA checks the token with {@code GET /users/@me}) and opens the gateway session, which then connects
     * and reconnects on its own. Throws when Discord refuses the token or cannot be reached.
     */
    public synchronized void connect() {
        if (jda != null) {
            return;
        }
        String gateway = api.gatewayUrl().orElseThrow(() -> new IllegalStateException("Discord did not give the"
                + " gateway's address (GET /gateway/bot at " + settings.apiUrl() + "); check DISCORD_BOT_TOKEN"));
        jda = JDABuilder.createLight(settings.botToken().orElseThrow(), INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl() + "/"))
                .setSessionController(new GatewayAt(gateway))
                // Uncompressed: a bot reading mentions gets few events, and this keeps no zlib context per session.
                .setCompression(Compression.NONE)
                // Interactions are taken raw, so the HTTP endpoint's handling answers them unchanged.
                .setRawEventsEnabled(true)
                .setEnableShutdownHook(false)
                .addEventListeners(listener)
                .build();
    }

    @Override
    public synchronized void close() {
        if (jda != null) {
            jda.shutdownNow();
            jda = null;
        }
    }

    /** JDA's session controller with the gateway address Discord gave, instead of JDA's built-in one. */
    private static final class GatewayAt extends SessionControllerAdapter {
        private final String url;

        GatewayAt(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
