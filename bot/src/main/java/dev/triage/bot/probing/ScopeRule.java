package dev.triage.bot.probing;

import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import dev.triage.probes.TargetPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of {@code probes.scopes}: {@code <surface>:<workspace>/<channel>/<user>  all | none | <allow entries>}.
 * The channel is everything between the first and the last slash, so a Teams channel ({@code team/channel}) is
 * written as it is. A part is an id as the platform sends it, {@code *} (anything, also nothing), or an id prefix
 * ending in {@code *}.
 */
record ScopeRule(int line, List<String> parts, ProbeScope scope) {
    private static final String SURFACES = Arrays.stream(Surface.values()).map(Surface::id)
            .collect(Collectors.joining(", "));

    ScopeRule {
        parts = List.copyOf(parts);
        Objects.requireNonNull(scope, "scope");
    }

    /** Whether the rule is about {@code who}: surface, workspace, channel and user each match. */
    boolean matches(Identity who) {
        List<String> actual = List.of(who.surface().id(), who.workspace(), who.channel(), who.user());
        for (int i = 0; i < parts.size(); i++) {
            if (!partMatches(parts.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The rule a line holds, or what is wrong with it. */
    sealed interface Parsed {
        record Rule(ScopeRule rule) implements Parsed {
        }

        record Problem(String message) implements Parsed {
        }
    }

    /** Parses one line that is neither blank nor a comment. */
    static Parsed parse(int line, String text) {
        String[] fields = text.strip().split("\\s+", 2);
        List<String> parts = new ArrayList<>();
        Optional<String> problem = who(fields[0], parts);
        if (problem.isPresent()) {
            return new Parsed.Problem(problem.get());
        }
        if (fields.length < 2) {
            return new Parsed.Problem("'" + fields[0] + "' is followed by nothing: add all, none or allow entries");
        }
        String origin = "probes.scopes line " + line;
        List<String> grant = ConfigLoader.splitAllowList(fields[1]);
        if (grant.size() == 1 && grant.get(0).equalsIgnoreCase("all")) {
            return new Parsed.Rule(new ScopeRule(line, parts, new ProbeScope.Global(origin)));
        }
        if (grant.size() == 1 && grant.get(0).equalsIgnoreCase("none")) {
            return new Parsed.Rule(new ScopeRule(line, parts, new ProbeScope.Refused(origin)));
        }
        if (grant.stream().anyMatch(g -> g.equalsIgnoreCase("all") || g.equalsIgnoreCase("none"))) {
            return new Parsed.Problem("all and none stand alone, not among allow entries");
        }
        TargetPolicy.Parsed entries = TargetPolicy.parse(grant);
        if (entries instanceof TargetPolicy.Parsed.Invalid invalid) {
            return new Parsed.Problem(String.join("; ", invalid.problems()));
        }
        TargetPolicy policy = ((TargetPolicy.Parsed.Valid) entries).policy();
        return new Parsed.Rule(new ScopeRule(line, parts, new ProbeScope.Within(policy, origin)));
    }

    /** Splits {@code surface:workspace/channel/user} into {@code parts}; the problem, if there is one. */
    private static Optional<String> who(String text, List<String> parts) {
        int colon = text.indexOf(':');
        int first = text.indexOf('/', colon + 1);
        int last = text.lastIndexOf('/');
        if (colon < 0 || first < 0 || last == first) {
            return Optional.of("'" + text + "' is not <surface>:<workspace>/<channel>/<user> (use * for any part)");
        }
        String surface = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!surface.equals("*") && Arrays.stream(Surface.values()).noneMatch(s -> s.id().equals(surface))) {
            return Optional.of("unknown surface '" + text.substring(0, colon) + "' (one of " + SURFACES + ", or *)");
        }
        parts.add(surface);
        parts.add(text.substring(colon + 1, first));
        parts.add(text.substring(first + 1, last));
        parts.add(text.substring(last + 1));
        for (String part : parts) {
            int star = part.indexOf('*');
            if (star >= 0 && star != part.length() - 1) {
                return Optional.of("'" + part + "' has a * that does not end it: * stands alone or ends an id prefix");
            }
        }
        return Optional.empty();
    }

    private static boolean partMatches(String pattern, String actual) {
        if (pattern.endsWith("*")) {
            return actual.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(actual);
    }
}
