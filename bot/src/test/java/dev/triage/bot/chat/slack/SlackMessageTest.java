package dev.triage.bot.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.triage.bot.chat.HostRedaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redaction reaches every string of every block, and leaves the blocks Slack's: buttons still answer. */
class SlackMessageTest {
    final HostRedaction hosts = HostRedaction.of(Optional.of("rdp01.corp.example"), List.of());

    @Test
    void everyTextInEveryBlockIsRedactedAndTheStructureIsKept() {
        SlackMessage message = new SlackMessage("Checking rdp01.corp.example", List.of(
                section(s -> s.text(markdownText("*Checked* `RDP01.corp.example:3389`"))),
                context(c -> c.elements(List.of(markdownText("reverse name rdp01.corp.example")))),
                actions(a -> a.blockId("question_rdp01").elements(List.of(button(b -> b.actionId("triage_answer_0")
                        .text(plainText("Use rdp01.corp.example")).value("target-host=rdp01.corp.example")))))));

        SlackMessage redacted = message.redacted(hosts);

        assertThat(redacted.text()).isEqualTo("Checking the host");
        assertThat(((MarkdownTextObject) ((SectionBlock) redacted.blocks().get(0)).getText()).getText())
                .isEqualTo("*Checked* `the host:3389`");
        assertThat(((MarkdownTextObject) ((ContextBlock) redacted.blocks().get(1)).getElements().get(0)).getText())
                .isEqualTo("reverse name the host");
        ActionsBlock buttons = (ActionsBlock) redacted.blocks().get(2);
        ButtonElement button = (ButtonElement) buttons.getElements().get(0);
        assertThat(buttons.getBlockId()).isEqualTo("question_rdp01");
        assertThat(button.getActionId()).isEqualTo("triage_answer_0");
        assertThat(button.getText().getText()).isEqualTo("Use the host");
        assertThat(button.getValue()).isEqualTo("target-host=the host");
        assertThat(message.names(hosts)).isTrue();
        assertThat(redacted.names(hosts)).isFalse();
    }

    @Test
    void aMessageWithoutHostsComesBackEqual() {
        SlackMessage message = new SlackBlocks("https://triage.example").notice("Paste the error, please.");

        assertThat(message.redacted(hosts)).isEqualTo(message);
        assertThat(message.names(hosts)).isFalse();
    }
}
