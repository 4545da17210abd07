package dev.triage.bot.conversation;

import java.util.Locale;

/** Where a conversation happens. Stored by name in the audit: never rename a constant. */
public enum Surface {
    WEB, SLACK, TEAMS, DISCORD, API, CLI;

    /** The lower-case name used in identities and the audit ({@code web}, {@code slack}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
