package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.utils.ComponentDeserializer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@link DiscordMessages}' messages (Discord's own JSON, rendered once for both modes) as JDA's message data, for
 * posting and editing over JDA's REST client: the content, the embeds and the button rows are read back with JDA's
 * deserialisers, and mentions stay off, as in the JSON.
 */
final class JdaMessages {
    private static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private JdaMessages() {
    }

    static MessageCreateData create(ObjectNode message) {
        DataObject data = DataObject.fromJson(message.toString());
        return new MessageCreateBuilder().setContent(data.getString("content", "")).setEmbeds(embeds(data))
                .setComponents(components(data)).setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    /** An edit replaces the content, the embeds and the buttons, and pings nobody either. */
    static MessageEditData edit(ObjectNode message) {
        DataObject data = DataObject.fromJson(message.toString());
        return new MessageEditBuilder().setContent(data.getString("content", "")).setEmbeds(embeds(data))
                .setComponents(components(data)).setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    private static List<MessageEmbed> embeds(DataObject message) {
        DataArray embeds = message.optArray("embeds").orElseGet(DataArray::empty);
        return embeds.stream(DataArray::getObject).map(e -> EmbedBuilder.fromData(e).build()).toList();
    }

    private static List<MessageTopLevelComponentUnion> components(DataObject message) {
        DataArray rows = message.optArray("components").orElseGet(DataArray::empty);
        return new ComponentDeserializer(List.of()).deserializeAs(MessageTopLevelComponentUnion.class, rows)
                .toList();
    }
}
