package dev.triage.rules.internal;

import dev.triage.rules.RulesException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns pasted text into {@link Signal}s using the phrase table {@code signal-phrases.txt}. One linear pass per text
 * (see {@link PhraseMatcher}); at most {@link #MAX_CHARS} chars of all texts together are read, so a huge paste costs
 * a bounded, predictable time.
 */
public final class SignalExtractor {
    /** 2 MiB of chars: two maximal 1 MB pastes. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    private static final int MAX_EXCERPT = 60;
    private static final String TABLE = "/packs/rdp/phrases.txt";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final PhraseMatcher matcher;
    private final List<String[]> owners;

    private SignalExtractor(List<String> phrases, List<String[]> owners) {
        this.matcher = new PhraseMatcher(phrases);
        this.owners = List.copyOf(owners);
    }

    /** Loads the phrase table from this module's resources. */
    public static SignalExtractor load() {
        try (InputStream in = SignalExtractor.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new RulesException("missing resource " + TABLE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new RulesException("cannot read " + TABLE, e);
        }
    }

    static SignalExtractor parse(List<String> lines) {
        List<String> phrases = new ArrayList<>();
        List<String[]> owners = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            String[] head = colon < 0 ? new String[0] : line.substring(0, colon).split(" ");
            if (head.length != 2) {
                throw new RulesException(TABLE + " line " + (i + 1) + ": expected '<family> <id>: phrase | ...'");
            }
            for (String phrase : line.substring(colon + 2).split(" \\| ")) {
                phrases.add(phrase.strip());
                owners.add(head);
            }
        }
        return new SignalExtractor(phrases, owners);
    }

    /** One signal per (family, id), carrying the first excerpt that matched. */
    public List<Signal> extract(List<String> texts) {
        Map<String, Signal> found = new LinkedHashMap<>();
        int budget = MAX_CHARS;
        for (String text : texts) {
            if (budget <= 0) {
                break;
            }
            for (PhraseMatcher.Hit hit : matcher.find(text, budget)) {
                String[] owner = owners.get(hit.pattern());
                found.computeIfAbsent(owner[0] + " " + owner[1],
                        k -> new Signal(owner[0], owner[1], excerpt(text, hit)));
            }
            budget -= text.length();
        }
        return List.copyOf(found.values());
    }

    private static String excerpt(String text, PhraseMatcher.Hit hit) {
        String s = text.substring(hit.start(), Math.min(hit.end(), hit.start() + MAX_EXCERPT));
        return WHITESPACE.matcher(s).replaceAll(" ");
    }
}
