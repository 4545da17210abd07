package dev.triage.rules.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Signals and codes that place a failure at one step of the RDP connection sequence, for rules that read a change (an
 * update) or a setting in front of the server (a security group, a VPN, a port) differently by the step that failed:
 * a failure at the TCP step never reached the NLA/CredSSP step, and a server that answered at the sign-in was reached.
 * Kept here once so that every rule asking "which step failed" reads the same lists.
 */
public final class ConnectionStage {
    /** The connection was never accepted: a time-out, a refusal or an unreachable host, in the user's words. */
    public static final Set<String> TCP_FAILURE_WORDING = Set.of("connect-timeout", "connect-timeout-retold",
            "generic-unreachable", "generic-unreachable-ja", "refused");

    /** Wording of the authentication step (NLA, CredSSP, TLS, the sign-in itself). */
    public static final Set<String> AUTHENTICATION_WORDING = Set.of("credssp", "credssp-oracle",
            "credssp-oracle-l10n", "credssp-oracle-tail", "credssp-enforcing-kb", "nla", "nla-word", "nla-required",
            "security-negotiation-failed",
            "auth-not-enabled", "invalid-token", "ntlm-binding", "tls-alert", "tls-internal-alert", "remmina-nego",
            "x224-neg-failure", "rdesktop-credssp", "lsa", "bad-password", "password-expired", "username-format",
            "wallix-nla-required", "ironrdp-hybrid-required");

    /**
     * The server refused the account or its credentials, or named the account's state: it answered over TCP, TLS and
     * (with NLA) CredSSP, so whatever stands in front of it (a firewall, a security group, a VPN, the port) let the
     * connection through, and a VM that says so has booted.
     */
    public static final Set<String> ACCOUNT_REFUSAL_WORDING = Set.of("bad-password", "bad-password-ja",
            "creds-used-to-connect", "username-format", "rdp-users", "rdp-users-l10n", "rdp-users-de",
            "account-locked", "account-expired", "password-expired", "account-restricted-l10n", "account-state-l10n",
            "account-disabled-win32", "microsoft-account", "logon-type-restricted", "logon-type-restricted-cjk",
            "logon-type-restricted-de");

    /** mstsc's disconnect reasons for a refused account (logon failure, no such user, account restriction). */
    public static final Set<String> ACCOUNT_REFUSAL_DISCONNECTS = Set.of("0x807", "0xa07", "0xc07");

    /** FreeRDP's connect errors for a refused account. */
    public static final Set<String> ACCOUNT_REFUSAL_ERRCONNECT = Set.of("ERRCONNECT_AUTHENTICATION_FAILED",
            "ERRCONNECT_LOGON_FAILURE", "ERRCONNECT_WRONG_PASSWORD", "ERRCONNECT_ACCOUNT_LOCKED_OUT",
            "ERRCONNECT_ACCOUNT_DISABLED", "ERRCONNECT_PASSWORD_EXPIRED");

    /**
     * The server spoke at or after the sign-in: a refused account, or the NLA / CredSSP exchange, its certificate or
     * its licensing. The connection passed everything in front of the server.
     */
    public static final Set<String> SIGN_IN_REACHED_WORDING = union(ACCOUNT_REFUSAL_WORDING, Set.of("lsa", "lsa-l10n",
            "nla", "nla-word", "dc-uncontacted", "credssp", "credssp-oracle", "credssp-oracle-l10n", "cert-expired",
            "name-mismatch", "license", "grace", "license-ja"));

    /** The refused account's disconnect reasons and 0x1807 (no authenticating authority: NLA asked for a DC). */
    public static final Set<String> SIGN_IN_REACHED_DISCONNECTS = union(ACCOUNT_REFUSAL_DISCONNECTS, Set.of("0x1807"));

    /** The refused account's connect errors and FreeRDP's access denied. */
    public static final Set<String> SIGN_IN_REACHED_ERRCONNECT = union(ACCOUNT_REFUSAL_ERRCONNECT,
            Set.of("ERRCONNECT_ACCESS_DENIED"));

    /** The TLS handshake failed at the server's key or certificate (mstsc's internal, security or protocol error). */
    public static final Set<String> HANDSHAKE_FAILURE_WORDING = Set.of("internal-error", "security-error-connect",
            "protocol-error-connect", "private-key", "cert-registry-values");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private ConnectionStage() {
    }
}
