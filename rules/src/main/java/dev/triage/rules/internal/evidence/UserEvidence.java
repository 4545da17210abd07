package dev.triage.rules.internal.evidence;

/** A fact observed from the user's PC (the user's vantage point), as opposed to a probe run by Triage. */
public sealed interface UserEvidence permits UserTcpTest, UserDnsLookup, UserPing, EventLogEntry, ClientLogError,
        ListenerListing, DialledAddress {
    /** The evidence sentence naming this fact, e.g. "the user's Test-NetConnection to srv:3389 failed". */
    String describe();
}
