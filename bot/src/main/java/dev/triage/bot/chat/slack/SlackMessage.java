package dev.triage.bot.chat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message as Slack takes it: Block Kit blocks, and the plain text notifications and screen readers show.
 *
 * @param text   the fallback text, escaped like the blocks
 * @param blocks at most {@link SlackBlocks#MAX_BLOCKS} blocks
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (blocks.size() > SlackBlocks.MAX_BLOCKS) {
            throw new IllegalArgumentException("Slack takes at most " + SlackBlocks.MAX_BLOCKS + " blocks");
        }
    }
}
