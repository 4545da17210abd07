package dev.triage.bot.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.store.FactKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The permalink page of a case ({@code GET /cases/{id}}): what was pasted and answered, the connection ladder, the
 * ranked causes with their evidence, the fixes of the leading causes, and the timeline. Static HTML that needs no
 * script and no inline style (the stylesheet is {@code /assets/case.css}, print included), so the page works under a
 * strict Content-Security-Policy and prints as a record for a ticket. Every dynamic value is escaped.
 */
public final class CasePage {
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int FIXES_SHOWN = 3;
    private static final int CAUSES_SHOWN = 5;

    private final List<Question> catalog;
    private final Map<String, Question> questions;
    private final MarkdownHtml markdown = new MarkdownHtml();
    private final LadderSvg ladder = new LadderSvg();
    private final CaseTimeline timeline;
    private final ObjectMapper json;

    /**
     * @param json      reads the stored facts' payloads for the timeline
     * @param questions the question catalog, so an answer shows as its question and option label, not as ids
     */
    public CasePage(ObjectMapper json, List<Question> questions) {
        this.catalog = List.copyOf(questions);
        this.questions = questions.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Question::id,
                q -> q, (a, b) -> a));
        this.timeline = new CaseTimeline(json, this.questions);
        this.json = json;
    }

    public String render(CaseView view) {
        Reply reply = view.reply();
        String id = view.stored().id();
        String headline = reply.causes().isEmpty() ? "cause not determined yet" : reply.causes().get(0).title();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Triage case ").append(esc(id)).append(": ").append(esc(headline)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/case.css\"></head><body class=\"case\">");
        header(h, view, headline);
        h.append("<main>");
        reported(h, view.state().texts());
        notices(h, reply.notices());
        answers(h, view.state().answers());
        codes(h, reply.codes());
        probes(h, view);
        causes(h, reply);
        fixes(h, reply);
        feedback(h, view);
        questions(h, reply.questions());
        timeline.render(h, view.stored().facts());
        h.append("</main><footer><p>Permalink <code>/cases/").append(esc(id))
                .append("</code> · recomputed from the case's stored facts on every view</p></footer>");
        return h.append("</body></html>").toString();
    }

    private void header(StringBuilder h, CaseView view, String headline) {
        String id = esc(view.stored().id());
        h.append("<header><nav><a href=\"/cases\">All cases</a> · <a href=\"/cases/").append(id)
                .append(".md\">Ticket summary (Markdown)</a> · <a href=\"/cases/").append(id)
                .append(".json\">JSON</a></nav>");
        h.append("<h1>Case ").append(id).append(": ").append(esc(headline)).append("</h1>");
        h.append("<p class=\"meta\">Opened <time datetime=\"").append(view.stored().createdAt()).append("\">")
                .append(WHEN.format(view.stored().createdAt())).append("</time> via ")
                .append(esc(view.stored().origin()));
        view.state().host().ifPresent(host -> h.append(" · host <code>").append(esc(host)).append("</code>"));
        h.append("</p>");
        tickets(h, view);
        h.append("</header>");
    }

    /** The tickets the case was sent to, newest last; only http(s) addresses become links. */
    private void tickets(StringBuilder h, CaseView view) {
        List<String> links = new ArrayList<>();
        for (var fact : view.stored().facts()) {
            if (fact.kind() != FactKind.TICKET) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(fact.payload());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored fact is not JSON", e);
            }
            String label = node.path("to").asText() + " " + node.path("key").asText();
            String url = node.path("url").asText();
            boolean web = url.startsWith("https://") || url.startsWith("http://");
            links.add(web ? "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(label) + "</a>"
                    : esc(label));
        }
        if (!links.isEmpty()) {
            h.append("<p class=\"tickets\">Tickets: ").append(String.join(" · ", links)).append("</p>");
        }
    }

    private static void reported(StringBuilder h, List<String> texts) {
        h.append("<section id=\"reported\"><h2>What the user reported</h2>");
        if (texts.isEmpty()) {
            h.append("<p>Nothing yet.</p>");
        }
        texts.forEach(t -> h.append("<pre class=\"paste\">").append(esc(t)).append("</pre>"));
        h.append("</section>");
    }

    private static void notices(StringBuilder h, List<String> notices) {
        if (notices.isEmpty()) {
            return;
        }
        h.append("<section id=\"notices\"><ul class=\"notices\">");
        notices.forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
        h.append("</ul></section>");
    }

    private void answers(StringBuilder h, Map<String, String> answers) {
        if (answers.isEmpty()) {
            return;
        }
        h.append("<section id=\"answers\"><h2>Answers given</h2><dl>");
        // In catalog order, so the page reads the same however the answers were stored.
        catalog.stream().map(Question::id).filter(answers::containsKey).forEach(q -> answer(h, q, answers.get(q)));
        answers.keySet().stream().filter(q -> !questions.containsKey(q)).sorted()
                .forEach(q -> answer(h, q, answers.get(q)));
        h.append("</dl></section>");
    }

    private void answer(StringBuilder h, String questionId, String value) {
        h.append("<dt>").append(esc(questionText(questions, questionId))).append("</dt><dd>")
                .append(esc(answerLabel(questions, questionId, value))).append("</dd>");
    }

    static String questionText(Map<String, Question> catalog, String questionId) {
        return Optional.ofNullable(catalog.get(questionId)).map(Question::text).orElse(questionId);
    }

    /** The label of the chosen option; a free-text answer (a host name) is its own label. */
    static String answerLabel(Map<String, Question> catalog, String questionId, String value) {
        return Optional.ofNullable(catalog.get(questionId)).flatMap(q -> q.options().stream()
                .filter(o -> o.value().equals(value)).findFirst()).map(Question.Option::label).orElse(value);
    }

    private static void codes(StringBuilder h, List<DecodedCode> codes) {
        if (codes.isEmpty()) {
            return;
        }
        h.append("<section id=\"codes\"><h2>Codes</h2><ul>");
        for (DecodedCode c : codes) {
            h.append("<li><code>").append(esc(c.shown())).append("</code> ");
            if (!c.name().isEmpty()) {
                h.append("<strong>").append(esc(c.name())).append("</strong>: ");
            }
            h.append(esc(c.meaning())).append("</li>");
        }
        h.append("</ul></section>");
    }

    private void probes(StringBuilder h, CaseView view) {
        List<ProbeOutcome> run = view.state().probes();
        h.append("<section id=\"probes\"><h2>Connection ladder</h2>");
        Optional<String> svg = ladder.render(run);
        if (svg.isEmpty()) {
            h.append("<p>No probe has run for this case").append(view.state().host().isEmpty()
                    ? ": it names no host." : ".").append("</p>");
        } else {
            view.state().host().ifPresent(host -> h.append("<p>Probed <code>").append(esc(host)).append("</code>")
                    .append(", top to bottom in connection order.</p>"));
            h.append("<figure>").append(svg.get()).append("</figure>");
        }
        h.append("</section>");
    }

    private static void causes(StringBuilder h, Reply reply) {
        h.append("<section id=\"causes\"><h2>Likely causes</h2>");
        if (reply.causes().isEmpty()) {
            h.append("<p>None determined yet.</p></section>");
            return;
        }
        h.append("<ol class=\"causes\">");
        for (Reply.Cause c : reply.causes().subList(0, Math.min(CAUSES_SHOWN, reply.causes().size()))) {
            long percent = Math.round(c.confidence() * 100);
            h.append("<li><p class=\"cause\"><strong>").append(esc(c.title())).append("</strong> <code>")
                    .append(esc(c.id())).append("</code> <meter min=\"0\" max=\"100\" value=\"").append(percent)
                    .append("\">").append(percent).append("%</meter> <span class=\"confidence\">").append(percent)
                    .append("%</span></p><ul class=\"evidence\">");
            for (Evidence e : c.readableEvidence()) {
                h.append("<li").append(e.weight() < 0 ? " class=\"against\">against: " : ">").append(esc(e.text()))
                        .append("</li>");
            }
            h.append("</ul></li>");
        }
        h.append("</ol></section>");
    }

    private void fixes(StringBuilder h, Reply reply) {
        if (reply.fixes().isEmpty()) {
            return;
        }
        h.append("<section id=\"fixes\"><h2>Fixes, in order</h2>");
        for (Reply.Fix fix : reply.fixes().subList(0, Math.min(FIXES_SHOWN, reply.fixes().size()))) {
            String title = reply.causes().stream().filter(c -> c.id().equals(fix.cause())).findFirst()
                    .map(Reply.Cause::title).orElse(fix.cause());
            h.append("<article class=\"fix\" data-cause=\"").append(esc(fix.cause())).append("\"><h3>")
                    .append(esc(title)).append("</h3><ol class=\"steps\">");
            for (int i = 0; i < fix.steps().size(); i++) {
                Reply.Tally tally = fix.tallies().get(i);
                h.append("<li>").append(markdown.render(fix.steps().get(i)));
                if (tally.tried() > 0) {
                    h.append("<p class=\"tally\">Worked ").append(tally.worked()).append(" of ").append(tally.tried())
                            .append(tally.tried() == 1 ? " time" : " times").append(" across cases</p>");
                }
                h.append("</li>");
            }
            h.append("</ol></article>");
        }
        h.append("</section>");
    }

    /** What the people on this case said about the fixes they tried; hidden when they said nothing. */
    private void feedback(StringBuilder h, CaseView view) {
        List<String> said = view.stored().facts().stream().filter(f -> f.kind() == FactKind.FEEDBACK)
                .map(timeline::describe).toList();
        if (said.isEmpty()) {
            return;
        }
        h.append("<section id=\"feedback\" class=\"feedback\"><h2>Did the fixes work?</h2><ul>");
        said.forEach(line -> h.append("<li>").append(esc(line)).append("</li>"));
        h.append("</ul></section>");
    }

    private static void questions(StringBuilder h, List<Question> open) {
        if (open.isEmpty()) {
            return;
        }
        h.append("<section id=\"open\"><h2>Still open</h2><ul>");
        open.forEach(q -> h.append("<li>").append(esc(q.text())).append("</li>"));
        h.append("</ul></section>");
    }

    private static String esc(String s) {
        return Untrusted.html(s);
    }
}
