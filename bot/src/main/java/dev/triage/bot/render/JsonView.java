package dev.triage.bot.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;

/** The JSON shape of a diagnosis that DESIGN.md promises to other tools (CLI --json, batch, REST). */
public final class JsonView {
    private final ObjectMapper json;
    private final MarkdownHtml markdown = new MarkdownHtml();
    // Fix steps come from the articles, a fixed set; rendering each once keeps Markdown parsing out of every turn.
    private final java.util.Map<String, String> renderedSteps = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_RENDERED_STEPS = 5_000;

    public JsonView(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode render(Reply reply) {
        ObjectNode root = json.createObjectNode();
        root.put("case", reply.caseId().orElse(null));
        reply.host().ifPresentOrElse(h -> root.put("host", h), () -> root.putNull("host"));
        ArrayNode codes = root.putArray("codes");
        reply.codes().forEach(c -> codes.add(code(c)));
        ArrayNode causes = root.putArray("causes");
        reply.causes().forEach(c -> causes.add(cause(c)));
        ArrayNode fixes = root.putArray("fixes");
        reply.fixes().forEach(f -> fixes.add(fix(f)));
        ArrayNode questions = root.putArray("questions");
        reply.questions().forEach(q -> questions.add(question(q)));
        ArrayNode probes = root.putArray("probes");
        reply.probes().forEach(p -> probes.add(probe(p)));
        ArrayNode articles = root.putArray("articles");
        reply.articles().forEach(a -> articles.add(article(a)));
        ArrayNode notices = root.putArray("notices");
        reply.notices().forEach(notices::add);
        root.put("probing", reply.probing());
        root.put("message", reply.message().orElse(null));
        reply.caseId().ifPresent(id -> root.putObject("links").put("page", "/cases/" + id)
                .put("markdown", "/cases/" + id + ".md"));
        return root;
    }

    private ObjectNode code(DecodedCode c) {
        ObjectNode node = json.createObjectNode();
        node.put("code", c.code());
        node.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("name", c.name());
        node.put("meaning", c.meaning());
        node.put("known", c.known());
        node.put("source", c.source());
        node.put("matched", c.matched());
        return node;
    }

    private ObjectNode cause(Reply.Cause c) {
        ObjectNode node = json.createObjectNode();
        node.put("id", c.id());
        node.put("title", c.title());
        node.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : c.evidence()) {
            evidence.addObject().put("text", e.text()).put("rule", e.rule()).put("weight", e.weight());
        }
        return node;
    }

    private ObjectNode fix(Reply.Fix f) {
        ObjectNode node = json.createObjectNode();
        node.put("cause", f.cause());
        node.put("article", f.articleId());
        ArrayNode steps = node.putArray("steps");
        f.steps().forEach(steps::add);
        ArrayNode html = node.putArray("steps_html");
        f.steps().forEach(step -> html.add(rendered(step)));
        ArrayNode stats = node.putArray("stats");
        f.tallies().forEach(t -> stats.addObject().put("worked", t.worked()).put("tried", t.tried()));
        return node;
    }

    private String rendered(String step) {
        if (renderedSteps.size() >= MAX_RENDERED_STEPS) {
            renderedSteps.clear();
        }
        return renderedSteps.computeIfAbsent(step, markdown::render);
    }

    private ObjectNode question(Question q) {
        ObjectNode node = json.createObjectNode();
        node.put("id", q.id());
        node.put("text", q.text());
        ArrayNode options = node.putArray("options");
        q.options().forEach(o -> options.addObject().put("value", o.value()).put("label", o.label()));
        return node;
    }

    /** One probe step, as in {@code probes[]}; also the {@code probe} command's JSON. */
    public ObjectNode probe(ProbeOutcome p) {
        ObjectNode node = json.createObjectNode();
        node.put("name", p.name());
        node.put("status", p.status());
        node.put("ok", p.ok());
        node.put("summary", p.summary());
        node.put("elapsed_ms", p.elapsedMs());
        ObjectNode details = node.putObject("details");
        p.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> details.put(e.getKey(), e.getValue()));
        return node;
    }

    private ObjectNode article(SearchHit a) {
        ObjectNode node = json.createObjectNode();
        node.put("id", a.articleId());
        node.put("title", a.title());
        node.put("score", Math.round(a.score() * 1000) / 1000.0);
        ArrayNode causes = node.putArray("causes");
        a.causes().forEach(causes::add);
        return node;
    }
}
