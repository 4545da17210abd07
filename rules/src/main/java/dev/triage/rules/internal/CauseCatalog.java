package dev.triage.rules.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every cause id of the RDP pack ({@code shared/reference/causes.md}) with the scope of its fault. Scope decides what
 * "other hosts work from this PC" or "a healthy server answered the probes" does to a cause.
 */
public final class CauseCatalog {
    private static final String TARGET = "target";
    private static final String CLIENT = "client";
    private static final String PATH = "path";
    private static final String TARGET_NETWORK = "target-network";

    private final Map<String, String> scopes;

    private CauseCatalog(Map<String, String> scopes) {
        this.scopes = Map.copyOf(scopes);
    }

    /** The RDP knowledge pack's causes. */
    public static CauseCatalog rdp() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, TARGET_NETWORK, "net.dns-wrong", "net.unreachable", "net.port-blocked", "net.port-changed");
        put(m, PATH, "net.vpn-unstable", "net.idle-reset", "gateway.transport");
        put(m, TARGET_NETWORK, "azure.nsg");
        put(m, TARGET, "azure.vm-agent-or-boot");
        put(m, CLIENT, "client.av-blocking", "client.outdated-app", "client.cached-credentials",
                "client.stale-cert-fingerprint", "client.loopback-self-connect", "client.codec-setting");
        put(m, TARGET, "server.rdp-disabled", "server.termservice-down", "server.max-connections",
                "server.av-ids-blocking", "server.legacy-security-layer", "server.rdp-implementation-bug");
        put(m, TARGET, "cert.expired", "cert.private-key-permission", "cert.machinekeys-corrupt", "cert.wmi-broken",
                "cert.name-mismatch", "tls.version-mismatch");
        put(m, TARGET, "nla.mismatch", "nla.dc-unreachable", "credssp.oracle-remediation", "auth.bad-credentials",
                "auth.username-format", "auth.microsoft-account", "auth.not-in-rdp-users-group",
                "auth.account-locked-or-expired", "auth.entra-joined-target");
        put(m, TARGET, "license.no-server", "license.grace-expired", "profile.corrupt", "session.display-driver");
        // An update can break either side, so it belongs to neither group.
        put(m, "either", "update.regression");
        return new CauseCatalog(m);
    }

    private static void put(Map<String, String> m, String scope, String... ids) {
        for (String id : ids) {
            m.put(id, scope);
        }
    }

    public Set<String> ids() {
        return Set.copyOf(scopes.keySet());
    }

    public boolean contains(String id) {
        return scopes.containsKey(id);
    }

    /** One fact per cause, inserted into every session. */
    public List<CauseInfo> facts() {
        return scopes.entrySet().stream().map(e -> new CauseInfo(e.getKey(), e.getValue())).toList();
    }
}
