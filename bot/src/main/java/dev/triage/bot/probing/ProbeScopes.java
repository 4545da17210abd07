package dev.triage.bot.probing;

import dev.triage.bot.config.ConfigException;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may probe what from where: the site's {@code probes.scopes} file, read once at start-up (a restart picks up
 * changes). One rule a line, {@code <surface>:<workspace>/<channel>/<user>  all | none | <allow entries>}, {@code #}
 * starts a comment, and the first rule that matches an identity decides: {@code all} gives the global
 * {@code probes.allow}, entries (the same syntax) narrow it, {@code none} refuses. An identity no rule matches may
 * not probe, except the command line (the operator on this machine), which then gets the global allow-list.
 * Without a file everyone gets the global allow-list, as before scopes existed. Immutable and thread-safe.
 */
public final class ProbeScopes {
    private final List<ScopeRule> rules;
    private final boolean configured;

    private ProbeScopes(List<ScopeRule> rules, boolean configured) {
        this.rules = List.copyOf(rules);
        this.configured = configured;
    }

    /** No scopes file: every identity gets the global allow-list. */
    public static ProbeScopes unscoped() {
        return new ProbeScopes(List.of(), false);
    }

    /** Reads and checks {@code file}; a missing or unreadable file or a bad line is a {@link ConfigException}. */
    public static ProbeScopes load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("probes.scopes: cannot read " + file + ": " + e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses the lines of {@code name}; every bad line is named, with its number, in one {@link ConfigException}. */
    public static ProbeScopes parse(String name, List<String> lines) {
        List<ScopeRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = withoutComment(lines.get(i));
            if (text.isBlank()) {
                continue;
            }
            ScopeRule.Parsed parsed = ScopeRule.parse(i + 1, text);
            if (parsed instanceof ScopeRule.Parsed.Rule rule) {
                rules.add(rule.rule());
            } else if (parsed instanceof ScopeRule.Parsed.Problem problem) {
                problems.add(name + " line " + (i + 1) + ": " + problem.message());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("probes.scopes: " + String.join("; ", problems));
        }
        return new ProbeScopes(rules, true);
    }

    /** What {@code who} may probe, and the rule that says so. */
    public ProbeScope scopeOf(Identity who) {
        if (!configured) {
            return new ProbeScope.Global("no probes.scopes file");
        }
        for (ScopeRule rule : rules) {
            if (rule.matches(who)) {
                return rule.scope();
            }
        }
        if (who.surface() == Surface.CLI) {
            return new ProbeScope.Global("no probes.scopes rule for the command line");
        }
        return new ProbeScope.Refused("no probes.scopes rule matches");
    }

    /** Whether a scopes file was given (else every identity gets the global allow-list). */
    public boolean configured() {
        return configured;
    }

    /** How many rules the file holds. */
    public int size() {
        return rules.size();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
