package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every parser over the pasted texts. Each parser makes one pass over the lines, so the cost is linear in the
 * text; at most {@link #MAX_CHARS} chars of all texts together are read.
 */
public final class EvidenceParser {
    /** Pastes of command output are short; past this a text is a log dump whose tail adds little. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    private final TestNetConnectionParser tnc = new TestNetConnectionParser();
    private final NslookupParser nslookup = new NslookupParser();
    private final PingParser ping = new PingParser();
    private final PortTestParser portTests = new PortTestParser();
    private final ClientLogParser clientLog = new ClientLogParser();
    private final EventLogParser eventLog = new EventLogParser();
    private final QwinstaParser qwinsta = new QwinstaParser();

    /** Every fact the texts show, each once, in the order found. Never throws on any input. */
    public List<UserEvidence> parse(List<String> texts) {
        Set<UserEvidence> found = new LinkedHashSet<>();
        int budget = MAX_CHARS;
        for (String text : texts) {
            if (budget <= 0) {
                break;
            }
            List<String> lines = Text.lines(text, budget);
            found.addAll(tnc.parse(lines));
            found.addAll(nslookup.parse(lines));
            found.addAll(ping.parse(lines));
            found.addAll(portTests.parse(lines));
            found.addAll(clientLog.parse(lines));
            found.addAll(eventLog.parse(lines));
            found.addAll(qwinsta.parse(lines));
            budget -= text.length();
        }
        return new ArrayList<>(found);
    }
}
