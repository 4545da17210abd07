package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.store.FactKind;
import dev.triage.bot.store.StoredCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketViewTest {
    private final TicketView ticket = new TicketView("https://triage.example");

    @Test
    void pastedTextAndHostCannotLeaveTheirCodeQuotes() {
        String paste = "before\n```\n# injected heading\n````\n[x](javascript:alert(1)) \u202Eexe.txt";
        String host = "rdp`01`.corp";
        StoredCase stored = new StoredCase("abc234", CasePageTest.T0, "api",
                List.of(CasePageTest.fact(0, FactKind.MESSAGE, Map.of("text", paste))));
        CaseView view = new CaseView(stored, new CaseState(List.of(paste), Map.of(), Optional.of(host), List.of()),
                CasePageTest.reply(List.of(), List.of(), List.of()));

        String md = ticket.render(view);

        assertThat(md).contains("`````text\nbefore\n```\n# injected heading\n````\n[x](javascript:alert(1)) "
                + "⟨U+202E⟩exe.txt\n`````");
        assertThat(md).contains("Host: ``rdp`01`.corp``").doesNotContain("\u202E");
    }
}
