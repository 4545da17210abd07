package dev.triage.rules.internal;

import java.util.Set;

/**
 * Text signals that place a failure at one step of the RDP connection sequence, for rules that read a change (an
 * update) differently by the step that failed: a failure at the TCP step never reached the NLA/CredSSP step, so what
 * changed there cannot explain it. Kept here once so that every rule asking "which step failed" reads the same lists.
 */
public final class ConnectionStage {
    /** The connection was never accepted: a time-out, a refusal or an unreachable host, in the user's words. */
    public static final Set<String> TCP_FAILURE_WORDING = Set.of("connect-timeout", "connect-timeout-retold",
            "generic-unreachable", "generic-unreachable-ja", "refused");

    /** Wording of the authentication step (NLA, CredSSP, TLS, the sign-in itself). */
    public static final Set<String> AUTHENTICATION_WORDING = Set.of("credssp", "credssp-oracle",
            "credssp-oracle-l10n", "credssp-oracle-tail", "credssp-enforcing-kb", "nla", "nla-word", "nla-required",
            "auth-not-enabled", "invalid-token", "ntlm-binding", "tls-alert", "tls-internal-alert", "remmina-nego",
            "x224-neg-failure", "rdesktop-credssp", "lsa", "bad-password", "password-expired", "username-format",
            "wallix-nla-required", "ironrdp-hybrid-required");

    private ConnectionStage() {
    }
}
