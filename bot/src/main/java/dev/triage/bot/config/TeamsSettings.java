package dev.triage.bot.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Teams (the Bot Connector protocol), configured from the environment only. Teams is on when the app id
 * and its password are both set.
 *
 * @param appId            {@code TEAMS_APP_ID}, the bot's Microsoft App ID: the audience every inbound token must name
 * @param appPassword      {@code TEAMS_APP_PASSWORD}, the client secret outbound tokens are requested with
 * @param tenantId         {@code TEAMS_TENANT_ID}, set for a single-tenant bot: its tokens come from this tenant, and
 *                         it is the only tenant allowed unless {@code TEAMS_ALLOWED_TENANTS} says otherwise
 * @param openIdMetadataUrl {@code TEAMS_OPENID_METADATA_URL}, where the signing keys are announced
 * @param tokenUrl         {@code TEAMS_TOKEN_URL}, the client-credentials endpoint (default: Microsoft's, for the
 *                         tenant, or {@code botframework.com} for a multi-tenant bot)
 * @param allowedTenants   {@code TEAMS_ALLOWED_TENANTS}, tenant ids whose people may use Triage; {@code *} for any
 * @param allowedUsers     {@code TEAMS_ALLOWED_USERS}, AAD object ids (helpdesk staff) who may answer any case's
 *                         questions; whoever opened a case may always answer its questions
 * @param serviceUrls      {@code TEAMS_SERVICE_URLS}, the origins a validated activity's {@code serviceUrl} may have
 *                         (default {@code https://*}: any https host); {@code http} only for loopback, for tests
 */
public record TeamsSettings(
        Optional<String> appId, Optional<String> appPassword, Optional<String> tenantId, String openIdMetadataUrl,
        String tokenUrl, List<String> allowedTenants, List<String> allowedUsers, List<String> serviceUrls) {
    public static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String ANY_TENANT = "*";
    public static final List<String> DEFAULT_SERVICE_URLS = List.of("https://*");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public TeamsSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appPassword, "appPassword");
        Objects.requireNonNull(tenantId, "tenantId");
        allowedTenants = List.copyOf(allowedTenants);
        allowedUsers = List.copyOf(allowedUsers);
        serviceUrls = List.copyOf(serviceUrls);
        if (appId.isPresent() != appPassword.isPresent()) {
            throw new ConfigException("Teams needs both TEAMS_APP_ID and TEAMS_APP_PASSWORD; only "
                    + (appId.isPresent() ? "the app id" : "the password") + " is set");
        }
        requireUrl("TEAMS_OPENID_METADATA_URL", openIdMetadataUrl);
        requireUrl("TEAMS_TOKEN_URL", tokenUrl);
        serviceUrls.forEach(origin -> requireUrl("TEAMS_SERVICE_URLS", origin));
        if (appId.isPresent() && tenantId.isEmpty() && allowedTenants.isEmpty()) {
            throw new ConfigException("Teams needs TEAMS_TENANT_ID or TEAMS_ALLOWED_TENANTS (tenant ids, or * for"
                    + " any) to know whose people may use Triage");
        }
    }

    public static TeamsSettings off() {
        return new TeamsSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_OPENID_METADATA_URL,
                defaultTokenUrl(Optional.empty()), List.of(), List.of(), DEFAULT_SERVICE_URLS);
    }

    /**
     * Microsoft's token endpoint: the tenant's for a single-tenant bot, {@code botframework.com}'s for a
     * multi-tenant one ("Authentication with the Bot Connector API", learn.microsoft.com).
     */
    public static String defaultTokenUrl(Optional<String> tenantId) {
        return "https://login.microsoftonline.com/" + tenantId.orElse("botframework.com") + "/oauth2/v2.0/token";
    }

    /** Whether Teams is switched on: the app id and password are both set. */
    public boolean enabled() {
        return appId.isPresent() && appPassword.isPresent();
    }

    /** Whether people of this tenant may use Triage. */
    public boolean tenantAllowed(String tenant) {
        List<String> allowed = allowedTenants.isEmpty() ? tenantId.map(List::of).orElse(List.of()) : allowedTenants;
        return allowed.contains(ANY_TENANT) || allowed.contains(tenant);
    }

    /**
     * Whether Triage may call this {@code serviceUrl} (the token binds it to the activity; this also bounds where):
     * its scheme and host match an entry, {@code *} as the host matching any.
     */
    public boolean serviceUrlAllowed(String serviceUrl) {
        URI uri;
        try {
            uri = URI.create(serviceUrl);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null) {
            return false;
        }
        for (String entry : serviceUrls) {
            URI allowed = URI.create(entry);
            boolean scheme = allowed.getScheme().equalsIgnoreCase(uri.getScheme());
            boolean host = entry.endsWith("://*") || allowed.getHost().equalsIgnoreCase(uri.getHost());
            boolean port = allowed.getPort() < 0 || allowed.getPort() == uri.getPort();
            if (scheme && host && port) {
                return true;
            }
        }
        return false;
    }

    /** https anywhere; plain http only to loopback, where tests run their stand-ins. */
    private static void requireUrl(String setting, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting + " must be a URL, not '" + url + "'");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String host = url.endsWith("://*") ? "*" : String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && uri.getHost() != null || scheme.equals("https") && host.equals("*")) {
            return;
        }
        if (scheme.equals("http") && LOOPBACK.contains(host)) {
            return;
        }
        throw new ConfigException(setting + " must be an https URL (http only to a loopback address), not '" + url
                + "'");
    }

    @Override
    public String toString() {
        // The password never reaches logs through a toString.
        return "TeamsSettings[enabled=" + enabled() + ", appId=" + appId.orElse("") + ", tenantId="
                + tenantId.orElse("") + ", openIdMetadataUrl=" + openIdMetadataUrl + ", tokenUrl=" + tokenUrl
                + ", allowedTenants=" + allowedTenants + ", allowedUsers=" + allowedUsers + ", serviceUrls="
                + serviceUrls + "]";
    }
}
