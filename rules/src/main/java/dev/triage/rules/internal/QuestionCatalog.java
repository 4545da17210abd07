package dev.triage.rules.internal;

import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import dev.triage.rules.RulesException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The follow-up questions, in a stable order that also breaks ties between equally useful questions. */
public final class QuestionCatalog {
    private final Map<String, Question> byId;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    private QuestionCatalog(List<Question> questions) {
        Map<String, Question> m = new LinkedHashMap<>();
        for (Question q : questions) {
            if (m.put(q.id(), q) != null) {
                throw new RulesException("question catalog: duplicate question id " + q.id());
            }
        }
        this.byId = m;
        m.keySet().forEach(id -> positions.put(id, positions.size()));
    }

    /** The RDP pack's questions. */
    public static QuestionCatalog rdp() {
        return new QuestionCatalog(List.of(
                q("environment", "Where does the remote computer run?",
                        o("azure", "Azure VM"), o("other-cloud", "Another cloud (AWS, GCP, ...)"),
                        o("on-premises", "On-premises / office / home")),
                q("other-hosts-work", "From the same PC, can you connect to other remote computers?",
                        o("yes", "Yes, others work"), o("no", "No, none work"), o("unknown", "Not tried")),
                q("vpn", "How do you reach the remote computer?",
                        o("vpn", "Through a VPN"), o("gateway", "Through an RD Gateway"), o("direct", "Directly")),
                q("client-app", "Which app do you connect with?",
                        o("mstsc", "Remote Desktop Connection (mstsc)"), o("windows-app", "Windows App / Remote Desktop app"),
                        o("mac-app", "Mac app"), o("freerdp", "FreeRDP / xfreerdp"), o("remmina", "Remmina"),
                        o("other", "Something else")),
                q("ip-works", "Does connecting by IP address work where the name fails?",
                        o("yes", "Yes, the IP works"), o("no", "No, the IP fails too"), o("not-tried", "Not tried")),
                q("recent-update", "Did Windows or the app update shortly before it broke?",
                        o("yes", "Yes"), o("no", "No"), o("unknown", "Don't know")),
                q("account-type", "Which kind of account do you sign in with?",
                        o("local", "A local account"), o("domain", "A domain account"),
                        o("microsoft", "A Microsoft account (outlook.com, ...)"),
                        o("entra", "A work account (Microsoft Entra ID / Azure AD)")),
                q("other-clients-work", "Does another Remote Desktop app or another PC connect to the same computer?",
                        o("yes", "Yes"), o("no", "No")),
                q("port", "Which port does the connection use?",
                        o("3389", "The default, 3389"), o("other", "Another port")),
                q("target-host", "Which computer are you connecting to (name or IP, optionally :port)?")));
    }

    private static Question q(String id, String text, Option... options) {
        return new Question(id, text, List.of(options));
    }

    private static Option o(String value, String label) {
        return new Option(value, label);
    }

    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Position in the catalog, for deterministic tie-breaking. */
    public int order(String id) {
        return positions.getOrDefault(id, Integer.MAX_VALUE);
    }

    /** The label of an option, or the value itself for free text and unknown values. */
    public String label(String questionId, String value) {
        return find(questionId).flatMap(q -> q.options().stream().filter(o -> o.value().equals(value)).findFirst())
                .map(Option::label).orElse(value);
    }
}
