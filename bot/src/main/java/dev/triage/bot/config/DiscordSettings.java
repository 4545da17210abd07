package dev.triage.bot.config;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Discord, configured from the environment only. The interactions endpoint is on when the application id and the
 * public key are set; the bot token is needed to register the slash command and for the gateway. Both can be on.
 *
 * @param applicationId {@code DISCORD_APPLICATION_ID}, the application's id (replies are edited under it)
 * @param publicKey     {@code DISCORD_PUBLIC_KEY}, the hex Ed25519 key every interaction is signed for
 * @param botToken      {@code DISCORD_BOT_TOKEN}, for {@code triage discord register}
 * @param apiUrl        {@code DISCORD_API_URL}, the HTTP API's base (default {@code https://discord.com/api/v10});
 *                      tests point it at a local stand-in
 * @param allowedGuilds {@code DISCORD_ALLOWED_GUILDS}, server ids Triage answers in; empty for every server it is
 *                      installed in and direct messages
 * @param helpdeskUsers {@code DISCORD_HELPDESK_USERS}, user ids who may answer any case's questions; the user who
 *                      opened a case may always answer its questions
 * @param gateway       {@code DISCORD_GATEWAY=true}: the bot also connects to Discord's gateway and reads messages
 *                      that mention it or are sent to it directly (needs the bot token and the application id)
 * @param privateHosts  {@code DISCORD_PRIVATE_HOSTS} (default {@code true}): in server channels Triage's messages show
 *                      no host name or address, and whoever asked gets the details where only they can see them
 */
public record DiscordSettings(
        Optional<String> applicationId, Optional<String> publicKey, Optional<String> botToken, String apiUrl,
        List<String> allowedGuilds, List<String> helpdeskUsers, boolean gateway, boolean privateHosts) {
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10";

    public DiscordSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(botToken, "botToken");
        allowedGuilds = List.copyOf(allowedGuilds);
        helpdeskUsers = List.copyOf(helpdeskUsers);
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new ConfigException("DISCORD_API_URL must be an http(s) URL, not '" + apiUrl + "'");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        // The gateway needs the application id but not the public key, which only the interactions endpoint uses.
        if (applicationId.isPresent() != publicKey.isPresent() && !(gateway && applicationId.isPresent())) {
            throw new ConfigException("Discord needs both DISCORD_APPLICATION_ID and DISCORD_PUBLIC_KEY; only "
                    + (applicationId.isPresent() ? "the application id" : "the public key") + " is set");
        }
        if (applicationId.isPresent() && !applicationId.get().matches("\\d{1,25}")) {
            throw new ConfigException("DISCORD_APPLICATION_ID must be the application's numeric id");
        }
        if (publicKey.isPresent() && !isHexKey(publicKey.get())) {
            throw new ConfigException("DISCORD_PUBLIC_KEY must be the 64 hex digits shown as Public Key in the"
                    + " Developer Portal");
        }
        if (gateway && (botToken.isEmpty() || applicationId.isEmpty())) {
            throw new ConfigException("DISCORD_GATEWAY=true needs DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID");
        }
    }

    /** Host names kept out of server channels, the default. */
    public DiscordSettings(Optional<String> applicationId, Optional<String> publicKey, Optional<String> botToken,
            String apiUrl, List<String> allowedGuilds, List<String> helpdeskUsers, boolean gateway) {
        this(applicationId, publicKey, botToken, apiUrl, allowedGuilds, helpdeskUsers, gateway, true);
    }

    /** Without the gateway: the interactions endpoint and the slash command only. */
    public DiscordSettings(Optional<String> applicationId, Optional<String> publicKey, Optional<String> botToken,
            String apiUrl, List<String> allowedGuilds, List<String> helpdeskUsers) {
        this(applicationId, publicKey, botToken, apiUrl, allowedGuilds, helpdeskUsers, false);
    }

    public DiscordSettings withGateway(boolean on) {
        return new DiscordSettings(applicationId, publicKey, botToken, apiUrl, allowedGuilds, helpdeskUsers, on,
                privateHosts);
    }

    public DiscordSettings withPrivateHosts(boolean keepPrivate) {
        return new DiscordSettings(applicationId, publicKey, botToken, apiUrl, allowedGuilds, helpdeskUsers, gateway,
                keepPrivate);
    }

    public static DiscordSettings off() {
        return new DiscordSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_API_URL, List.of(),
                List.of());
    }

    /** Whether the interactions endpoint is on: the application id and the public key are both set. */
    public boolean enabled() {
        return applicationId.isPresent() && publicKey.isPresent();
    }

    private static boolean isHexKey(String key) {
        if (key.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // The bot token never reaches logs through a toString.
        return "DiscordSettings[enabled=" + enabled() + ", applicationId=" + applicationId.orElse("") + ", apiUrl="
                + apiUrl + ", botToken=" + (botToken.isPresent() ? "set" : "unset") + ", allowedGuilds="
                + allowedGuilds + ", helpdeskUsers=" + helpdeskUsers + ", gateway=" + gateway + ", privateHosts="
                + privateHosts + "]";
    }
}
