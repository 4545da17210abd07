package dev.triage.probes.internal.policy;

import java.util.Locale;

/** Syntax checks for DNS names as typed by users (RFC 1123 letters, digits, hyphens; underscores tolerated). */
public final class HostNames {
    private HostNames() {
    }

    /**
     * RFC 1123 section 2.1: a name whose last label is all digits is not a host name, so "999.1.2.3" (an address out
     * of range, or a version number) is refused rather than looked up.
     */
    public static boolean isValid(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.isEmpty() || bare.length() > 253) {
            return false;
        }
        String[] labels = bare.split("\\.", -1);
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String label : labels) {
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
