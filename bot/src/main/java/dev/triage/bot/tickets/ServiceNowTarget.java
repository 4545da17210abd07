package dev.triage.bot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.TicketSettings;
import dev.triage.bot.render.Untrusted;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * ServiceNow through the Table API: {@code POST /api/now/table/incident} opens an incident with a short
 * description and a plain-text description; adding to an existing one looks its {@code sys_id} up by number and
 * {@code PATCH}es {@code work_notes}. Plain text throughout, so nothing pasted becomes markup. Basic authentication or
 * an OAuth token ({@link ServiceNowAuth}).
 */
final class ServiceNowTarget implements TicketTarget {
    // Incident numbers are a prefix and digits (INC0010001); the shape also keeps the lookup query from being widened.
    private static final Pattern NUMBER = Pattern.compile("[A-Z]{2,8}[0-9]{4,12}");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    // The incident table's short_description holds 160 characters.
    private static final int SHORT_DESCRIPTION = 160;

    private final TicketSettings.ServiceNow settings;
    private final Remote remote;
    private final ObjectMapper json;
    private final ServiceNowAuth auth;

    ServiceNowTarget(TicketSettings.ServiceNow settings, Remote remote, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.remote = remote;
        this.json = json;
        this.auth = new ServiceNowAuth(settings, remote, json, clock);
    }

    @Override
    public String name() {
        return "servicenow";
    }

    @Override
    public boolean validKey(String key) {
        return NUMBER.matcher(key).matches();
    }

    @Override
    public TicketResult send(TicketContent content, Optional<String> existing) {
        return existing.isPresent() ? workNote(content, existing.get()) : create(content);
    }

    private TicketResult create(TicketContent content) {
        ObjectNode body = json.createObjectNode().put("short_description", content.summary(SHORT_DESCRIPTION))
                .put("description", PlainText.render(content, "Diagnosed by Triage, case"));
        Called called = call("/api/now/table/incident?sysparm_fields=sys_id,number", r -> r
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (called instanceof Called.NoToken noToken) {
            return noToken.failure();
        }
        Remote.Answer answer = ((Called.Sent) called).answer();
        if (answer instanceof Remote.Answer.Answered ok && ok.ok()) {
            JsonNode result = read(ok.body()).path("result");
            String number = result.path("number").asText("");
            String sysId = result.path("sys_id").asText("");
            if (!validKey(number) || !SYS_ID.matcher(sysId).matches()) {
                return new TicketResult.Failed("ServiceNow answered " + ok.status() + " without an incident number",
                        false);
            }
            return new TicketResult.Created(number, incident(sysId));
        }
        return failed(answer);
    }

    private TicketResult workNote(TicketContent content, String number) {
        String query = URLEncoder.encode("number=" + number, StandardCharsets.UTF_8);
        Called lookup = call("/api/now/table/incident?sysparm_query=" + query
                + "&sysparm_fields=sys_id,number&sysparm_limit=1", HttpRequest.Builder::GET);
        if (lookup instanceof Called.NoToken noToken) {
            return noToken.failure();
        }
        Remote.Answer found = ((Called.Sent) lookup).answer();
        if (!(found instanceof Remote.Answer.Answered ok && ok.ok())) {
            return failed(found);
        }
        String sysId = read(ok.body()).path("result").path(0).path("sys_id").asText("");
        if (!SYS_ID.matcher(sysId).matches()) {
            return new TicketResult.Failed("ServiceNow has no incident " + number, false);
        }
        ObjectNode body = json.createObjectNode()
                .put("work_notes", PlainText.render(content, "Triage sent this case again, case"));
        Called patch = call("/api/now/table/incident/" + sysId + "?sysparm_fields=sys_id", r -> r
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
        if (patch instanceof Called.NoToken noToken) {
            return noToken.failure();
        }
        Remote.Answer patched = ((Called.Sent) patch).answer();
        if (patched instanceof Remote.Answer.Answered done && done.ok()) {
            return new TicketResult.Commented(number, incident(sysId));
        }
        return failed(patched);
    }

    /** An API call's answer with the Authorization header it was sent with, or the failure to get a token. */
    private sealed interface Called {
        record Sent(String header, Remote.Answer answer) implements Called {
        }

        record NoToken(TicketResult.Failed failure) implements Called {
        }
    }

    /** One API call, made a second time with a new token when ServiceNow refuses an OAuth token (once only). */
    private Called call(String pathAndQuery, UnaryOperator<HttpRequest.Builder> method) {
        Called first = callOnce(pathAndQuery, method);
        if (first instanceof Called.Sent sent && sent.answer() instanceof Remote.Answer.Answered a
                && a.status() == 401 && auth.refused(sent.header())) {
            return callOnce(pathAndQuery, method);
        }
        return first;
    }

    private Called callOnce(String pathAndQuery, UnaryOperator<HttpRequest.Builder> method) {
        ServiceNowAuth.Header header = auth.header();
        if (header instanceof ServiceNowAuth.Header.Failed failed) {
            return new Called.NoToken(failed.failure());
        }
        String value = ((ServiceNowAuth.Header.Ready) header).value();
        return new Called.Sent(value, remote.send(method.apply(
                HttpRequest.newBuilder(URI.create(settings.url() + pathAndQuery)).header("Authorization", value))));
    }

    private TicketResult failed(Remote.Answer answer) {
        if (answer instanceof Remote.Answer.Answered a) {
            String said = Untrusted.oneLine(read(a.body()).path("error").path("message").asText(""));
            String reason = remote.failure(a, auth.credentialNames()) + (said.isEmpty() ? ""
                    : ": " + (said.length() > 300 ? said.substring(0, 300) + "…" : said));
            return new TicketResult.Failed(reason, a.status() >= 500);
        }
        return new TicketResult.Failed(((Remote.Answer.Unreachable) answer).reason(), true);
    }

    private String incident(String sysId) {
        return settings.url() + "/incident.do?sys_id=" + sysId;
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
