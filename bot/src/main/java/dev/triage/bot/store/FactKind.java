package dev.triage.bot.store;

/** The kinds of fact a case holds. Stored by name: never rename a constant. */
public enum FactKind {
    /** Text the user pasted or typed: {@code {"text": "..."}}. */
    MESSAGE,
    /** An answer to a follow-up question: {@code {"question": "environment", "value": "azure"}}. */
    ANSWER,
    /** The host the user connects to: {@code {"host": "rdp.example.com:3389"}}. */
    HOST,
    /** The results of one probe run: {@code {"target": "...", "results": [{probe, outcome, summary, ...}]}}. */
    PROBE_RUN,
    /** Whether a fix step worked: {@code {"article": "cert-expired", "step": 0, "worked": true}}. */
    FEEDBACK,
    /** The case was sent to a ticket system: {@code {"to": "jira", "key": "HD-12", "url": "https://..."}}. */
    TICKET
}
