package dev.triage.bot.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is talking to Triage, stable across their requests: rate limits key on it and the audit records it.
 *
 * @param surface   where the message came from
 * @param workspace the Slack workspace, Teams tenant or Discord guild; for web and REST the access realm
 * @param user      the platform's user id; for web and REST the authenticated principal or the browser session
 * @param channel   the channel or conversation, empty where there is none
 * @param thread    the thread within the channel, empty where there is none
 * @param address   the client's network address when known (for web and REST, after trusted-proxy resolution)
 */
public record Identity(
        Surface surface, String workspace, String user, String channel, String thread, Optional<String> address) {
    private static final int MAX_PART = 120;

    public Identity {
        Objects.requireNonNull(surface, "surface");
        workspace = part(workspace);
        user = part(user);
        channel = part(channel);
        thread = part(thread);
        Objects.requireNonNull(address, "address");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("an identity needs a user");
        }
    }

    /** The command line: the operator running it on this machine. */
    public static Identity cli() {
        return new Identity(Surface.CLI, "local", System.getProperty("user.name", "operator"), "", "",
                Optional.empty());
    }

    /** A web or REST user known by a principal (access credentials) or a session id. */
    public static Identity http(Surface surface, String principal, String address) {
        return new Identity(surface, "http", principal, "", "", Optional.of(address));
    }

    /** The rate-limit and audit key of the user: the same person on another address is the same key. */
    public String key() {
        return surface.id() + ":" + workspace + ":" + user;
    }

    /** Where the user spoke, for the audit: channel and thread when the surface has them. */
    public String place() {
        return thread.isEmpty() ? channel : channel + "/" + thread;
    }

    // Identities come from requests; a bounded, control-free form keeps the audit and the limiter's map sane.
    private static String part(String value) {
        String v = value == null ? "" : value.strip().replaceAll("\\p{Cntrl}", "");
        return v.length() <= MAX_PART ? v : v.substring(0, MAX_PART);
    }
}
