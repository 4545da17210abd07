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

    /**
     * The RDP pack's questions. Each choice question offers "don't know" and states how often people cannot answer
     * it (the second number): what a helpdesk sees when it asks. Everyone knows where their server runs and which
     * app they use; many have never tried the IP, another app or another server, and few know whether an update
     * landed last night or which kind of account they sign in with.
     */
    public static QuestionCatalog rdp() {
        return new QuestionCatalog(List.of(
                q("environment", "Where does the remote computer run?", 0.05,
                        o("azure", "Azure VM"), o("other-cloud", "Another cloud (AWS, GCP, ...)"),
                        o("on-premises", "On-premises / office / home"), dontKnow()),
                q("other-hosts-work", "From the same PC, can you connect to other remote computers?", 0.35,
                        o("yes", "Yes, others work"), o("no", "No, none work"), o(Question.DONT_KNOW, "Not tried")),
                q("vpn", "How do you reach the remote computer?", 0.05,
                        o("vpn", "Through a VPN"), o("gateway", "Through an RD Gateway"), o("direct", "Directly"),
                        dontKnow()),
                q("client-app", "Which app do you connect with?", 0.02,
                        o("mstsc", "Remote Desktop Connection (mstsc)"), o("windows-app", "Windows App / Remote Desktop app"),
                        o("mac-app", "Mac app"), o("freerdp", "FreeRDP / xfreerdp"), o("remmina", "Remmina"),
                        o("other", "Something else"), o(Question.DONT_KNOW, "Not sure")),
                q("ip-works", "Does connecting by IP address work where the name fails?", 0.45,
                        o("yes", "Yes, the IP works"), o("no", "No, the IP fails too"),
                        o(Question.DONT_KNOW, "Not tried")),
                q("recent-update", "Did Windows or the app update shortly before it broke?", 0.4,
                        o("yes", "Yes"), o("no", "No"), dontKnow()),
                q("account-type", "Which kind of account do you sign in with?", 0.2,
                        o("local", "A local account"), o("domain", "A domain account"),
                        o("microsoft", "A Microsoft account (outlook.com, ...)"),
                        o("entra", "A work account (Microsoft Entra ID / Azure AD)"), dontKnow()),
                q("other-clients-work", "Does another Remote Desktop app or another PC connect to the same computer?",
                        0.5, o("yes", "Yes"), o("no", "No"), o(Question.DONT_KNOW, "Not tried")),
                q("port", "Which port does the connection use?", 0.25,
                        o("3389", "The default, 3389"), o("other", "Another port"), dontKnow()),
                new Question("target-host", "Which computer are you connecting to (name or IP, optionally :port)?",
                        List.of())));
    }

    private static Question q(String id, String text, double unknownShare, Option... options) {
        return new Question(id, text, List.of(options), unknownShare);
    }

    private static Option dontKnow() {
        return o(Question.DONT_KNOW, "Don't know");
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
