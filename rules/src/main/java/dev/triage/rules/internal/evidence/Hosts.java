package dev.triage.rules.internal.evidence;

import java.util.Locale;

/** Whether a host the user tested is the host Triage probes, as far as names can tell. */
final class Hosts {
    private Hosts() {}

    /**
     * False only when both are names and their first labels differ ("srv1" and "srv1.corp.example" are the same host;
     * "srv1" and "srv2" are not). An address against a name cannot be told apart from names alone, so it counts as the
     * same: users paste tests of the server they are asking about.
     */
    static boolean same(String tested, String target) {
        String a = bare(tested);
        String b = bare(target);
        if (a.isEmpty() || b.isEmpty() || Text.isAddress(a) != Text.isAddress(b)) {
            return true;
        }
        return Text.isAddress(a) ? a.equals(b) : firstLabel(a).equals(firstLabel(b));
    }

    /** Lower case, without a ":port" suffix (IPv6 literals in brackets keep their colons). */
    static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h.substring(1) : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
