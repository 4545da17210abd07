package dev.triage.probes.internal.policy;

import java.util.Locale;

/** Syntax checks for DNS names as typed by users (RFC 1123 letters, digits, hyphens; underscores tolerated). */
public final class HostNames {
    private HostNames() {
    }

    public static boolean isValid(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.isEmpty() || bare.length() > 253) {
            return false;
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            if (!label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without a trailing dot, for comparisons. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
