package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.triage.bot.chat.HostRedaction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who can read one turn's messages, and so what they may show. In a server channel with {@code DISCORD_PRIVATE_HOSTS}
 * on (the default) everyone in the server can: every message Triage posts or edits there goes through {@link
 * HostRedaction}, and the person it answers gets the answer with its hosts where only they can read it (an ephemeral
 * follow-up of their interaction, or a direct message for a mention read on the gateway). In a direct message, or
 * with the setting off, messages go out as rendered. It is the one place Discord output is redacted, as {@code
 * SlackThread} is for Slack.
 */
final class DiscordAudience {
    /** Fields Triage fills with its own identifiers: a button's id must come back exactly as it was sent. */
    private static final Set<String> STRUCTURE = Set.of("custom_id");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Optional<String> keptUrl;
    private final HostRedaction said;
    private final Consumer<ObjectNode> asker;

    private DiscordAudience(Optional<String> keptUrl, HostRedaction said, Consumer<ObjectNode> asker) {
        this.keptUrl = keptUrl;
        this.said = said;
        this.asker = asker;
    }

    /** Only people who may see everything read along: a direct message, or hosts are not kept private. */
    static DiscordAudience everything() {
        return new DiscordAudience(Optional.empty(), HostRedaction.none(), details -> { });
    }

    /**
     * Everyone in the server reads along.
     *
     * @param publicUrl Triage's own address, never redacted, so case links work
     * @param asker     sends the person the turn answers a message only they can read
     */
    static DiscordAudience server(String publicUrl, Consumer<ObjectNode> asker) {
        return new DiscordAudience(Optional.of(publicUrl), HostRedaction.none(), asker);
    }

    /** Whether messages for this audience leave hosts out. */
    boolean hidesHosts() {
        return keptUrl.isPresent();
    }

    /** This audience, also kept from every address written in {@code texts} (what the case's user wrote). */
    DiscordAudience withAddressesIn(List<String> texts) {
        return hidesHosts() ? new DiscordAudience(keptUrl, said.withAddressesIn(texts), asker) : this;
    }

    /** {@code message} as this audience may read it: every string in it redacted, when hosts are kept out. */
    ObjectNode shown(ObjectNode message, HostRedaction hosts) {
        return keptUrl.map(url -> (ObjectNode) redact(message, "", said.and(hosts).keeping(url))).orElse(message);
    }

    /** Sends the asker {@code details} privately, when the channel could not show them: they name a host. */
    void details(ObjectNode details, HostRedaction hosts) {
        if (hidesHosts() && !shown(details, hosts).equals(details)) {
            asker.accept(details);
        }
    }

    /** Walks the message's JSON, whatever embed or component holds a string, so a new field is covered unlisted. */
    private static JsonNode redact(JsonNode node, String key, HostRedaction hosts) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(field -> out.set(field.getKey(), redact(field.getValue(), field.getKey(),
                    hosts)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(redact(item, key, hosts)));
            return out;
        }
        if (node.isTextual() && !STRUCTURE.contains(key)) {
            return TextNode.valueOf(hosts.apply(node.asText()));
        }
        return node;
    }
}
