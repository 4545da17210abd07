package dev.triage.bot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.TicketSettings;
import dev.triage.bot.render.Untrusted;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jira Cloud through REST v3: {@code POST /rest/api/3/issue} creates an issue, {@code POST
 * /rest/api/3/issue/{key}/comment} comments on one; both bodies are Atlassian Document Format. Basic authentication
 * with the user's e-mail and API token. A failed create is not retried: Jira may have created the issue before the
 * answer was lost, and a duplicate is worse than asking the user to try again.
 */
final class JiraTarget implements TicketTarget {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[0-9]{1,12}");
    private static final String CREDENTIALS = "JIRA_USER and JIRA_API_TOKEN";

    private final TicketSettings.Jira settings;
    private final Remote remote;
    private final ObjectMapper json;
    private final Adf adf;

    JiraTarget(TicketSettings.Jira settings, Remote remote, ObjectMapper json) {
        this.settings = settings;
        this.remote = remote;
        this.json = json;
        this.adf = new Adf(json);
    }

    @Override
    public String name() {
        return "jira";
    }

    @Override
    public boolean validKey(String key) {
        return KEY.matcher(key).matches();
    }

    @Override
    public TicketResult send(TicketContent content, Optional<String> existing) {
        return existing.isPresent() ? comment(content, existing.get()) : create(content);
    }

    private TicketResult create(TicketContent content) {
        ObjectNode body = json.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", settings.project());
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.put("summary", content.summary(255));
        fields.set("description", adf.document(content, "Diagnosed by Triage, case"));
        Remote.Answer answer = remote.send(post("/rest/api/3/issue", body));
        if (answer instanceof Remote.Answer.Answered ok && ok.ok()) {
            String key = read(ok.body()).path("key").asText("");
            if (!validKey(key)) {
                return new TicketResult.Failed("Jira answered " + ok.status() + " without an issue key", false);
            }
            return new TicketResult.Created(key, browse(key));
        }
        return failed(answer);
    }

    private TicketResult comment(TicketContent content, String key) {
        ObjectNode body = json.createObjectNode();
        body.set("body", adf.document(content, "Triage sent this case again, case"));
        Remote.Answer answer = remote.send(post("/rest/api/3/issue/" + key + "/comment", body));
        if (answer instanceof Remote.Answer.Answered ok && ok.ok()) {
            return new TicketResult.Commented(key, browse(key));
        }
        return failed(answer);
    }

    private HttpRequest.Builder post(String path, ObjectNode body) {
        return HttpRequest.newBuilder(URI.create(settings.url() + path))
                .header("Authorization", Remote.basic(settings.user(), settings.apiToken()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private TicketResult failed(Remote.Answer answer) {
        if (answer instanceof Remote.Answer.Answered a) {
            return new TicketResult.Failed(remote.failure(a, CREDENTIALS) + errors(a.body()), a.status() >= 500);
        }
        return new TicketResult.Failed(((Remote.Answer.Unreachable) answer).reason(), true);
    }

    /** Jira's own words for a rejected request ({@code errorMessages} and field {@code errors}), bounded. */
    private String errors(String body) {
        JsonNode node = read(body);
        StringBuilder out = new StringBuilder();
        node.path("errorMessages").forEach(m -> out.append(out.isEmpty() ? "" : "; ").append(m.asText()));
        node.path("errors").fields().forEachRemaining(e -> out.append(out.isEmpty() ? "" : "; ").append(e.getKey())
                .append(": ").append(e.getValue().asText()));
        String said = Untrusted.oneLine(out.toString());
        return said.isEmpty() ? "" : ": " + (said.length() > 300 ? said.substring(0, 300) + "…" : said);
    }

    private String browse(String key) {
        return settings.url() + "/browse/" + key;
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }
}
