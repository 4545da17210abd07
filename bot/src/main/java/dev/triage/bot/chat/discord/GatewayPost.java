package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage's one message in a channel, over JDA's REST client: the first call posts it, later calls edit it. A failed
 * call is logged and leaves the message as it was; the conversation goes on (JDA has waited out rate limits
 * already).
 */
final class GatewayPost implements Function<ObjectNode, Optional<String>> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPost.class);

    private final MessageChannel channel;
    private String messageId;

    GatewayPost(MessageChannel channel) {
        this.channel = channel;
    }

    /** The message's id, when Discord took the post or the edit. */
    @Override
    public synchronized Optional<String> apply(ObjectNode message) {
        try {
            if (messageId == null) {
                messageId = channel.sendMessage(JdaMessages.create(message)).complete().getId();
            } else {
                channel.editMessageById(messageId, JdaMessages.edit(message)).complete();
            }
            return Optional.of(messageId);
        } catch (RuntimeException e) {
            LOG.warn("discord: {} a message in channel {} failed: {}", messageId == null ? "posting" : "editing",
                    channel.getId(), e.toString());
            return Optional.empty();
        }
    }
}
