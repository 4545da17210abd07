package dev.triage.rules.internal;

import dev.triage.rules.internal.pack.Pack;
import dev.triage.rules.internal.pack.PhraseFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns pasted text into {@link Signal}s using every pack's {@code phrases.txt}. One linear pass per text over the
 * phrases of all packs together (see {@link PhraseMatcher}); each hit raises the signal of the pack whose phrase it
 * was. At most {@link #MAX_CHARS} chars of all texts together are read, so a huge paste costs a bounded, predictable
 * time. Beside the phrases, a {@link VersionComparison} raises {@code text older-version-works} or {@code text
 * newer-version-works} for every pack that declares those families, since which of two version numbers works is
 * something no phrase can match; likewise a {@link ReleaseChange} raises {@code text release-change} when an update is
 * tied to a product's release version, and {@code text newer-build-works} when that sentence says the update cured it.
 * A hit that lies wholly inside a hit of its pack's {@link PhraseFamily#CONTEXT context} families is not counted: the
 * surrounding phrase (a product's own log line, a direction word) gives its words another meaning.
 */
public final class SignalExtractor {
    /** 2 MiB of chars: two maximal 1 MB pastes. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    private static final int MAX_EXCERPT = 60;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static final String OLDER_WORKS = "older-version-works";
    static final String NEWER_WORKS = "newer-version-works";
    static final String RELEASE_CHANGE = "release-change";
    /** Raised by {@link ReleaseChange#findCure} as the retold family's words would: the updated build cured it. */
    static final String NEWER_BUILD_WORKS = "newer-build-works";

    private final PhraseMatcher matcher;
    private final List<PhraseFamily> owners;
    private final VersionComparison versions = new VersionComparison();
    private final ReleaseChange releases = new ReleaseChange();

    private SignalExtractor(List<String> phrases, List<PhraseFamily> owners) {
        this.matcher = new PhraseMatcher(phrases);
        this.owners = List.copyOf(owners);
    }

    /** The phrases of all {@code packs}. */
    public static SignalExtractor of(List<Pack> packs) {
        List<String> phrases = new ArrayList<>();
        List<PhraseFamily> owners = new ArrayList<>();
        for (Pack pack : packs) {
            for (PhraseFamily family : pack.phrases()) {
                for (String phrase : family.phrases()) {
                    phrases.add(phrase);
                    owners.add(family);
                }
            }
        }
        return new SignalExtractor(phrases, owners);
    }

    /** One signal per (pack, family, id), carrying the first excerpt that matched. */
    public List<Signal> extract(List<String> texts) {
        Map<String, Signal> found = new LinkedHashMap<>();
        int budget = MAX_CHARS;
        for (String text : texts) {
            if (budget <= 0) {
                break;
            }
            List<PhraseMatcher.Hit> hits = matcher.find(text, budget);
            List<PhraseMatcher.Hit> contexts = hits.stream().filter(h -> owners.get(h.pattern()).context()).toList();
            for (PhraseMatcher.Hit hit : hits) {
                PhraseFamily owner = owners.get(hit.pattern());
                if (owner.context() || insideContext(hit, owner, contexts)) {
                    continue;
                }
                found.computeIfAbsent(owner.pack() + " " + owner.signal(),
                        k -> new Signal(owner.pack(), owner.family(), owner.id(), excerpt(text, hit)));
            }
            compareVersions(text.length() > budget ? text.substring(0, budget) : text, found);
            budget -= text.length();
        }
        return List.copyOf(found.values());
    }

    /** Whether another pack family's context phrase matched around this hit: its words are then that context's. */
    private boolean insideContext(PhraseMatcher.Hit hit, PhraseFamily owner, List<PhraseMatcher.Hit> contexts) {
        for (PhraseMatcher.Hit context : contexts) {
            if (context.start() <= hit.start() && hit.end() <= context.end()
                    && owners.get(context.pattern()).pack().equals(owner.pack())) {
                return true;
            }
        }
        return false;
    }

    private void compareVersions(String text, Map<String, Signal> found) {
        versions.find(text).ifPresent(finding -> raise(
                finding.verdict() == VersionComparison.Verdict.OLDER_WORKS ? OLDER_WORKS : NEWER_WORKS,
                finding.excerpt(), found));
        releases.find(text).ifPresent(excerpt -> raise(RELEASE_CHANGE, excerpt, found));
        releases.findCure(text).ifPresent(excerpt -> raise(NEWER_BUILD_WORKS, excerpt, found));
    }

    /** Raises {@code text id} for every pack that declares that family. */
    private void raise(String id, String excerpt, Map<String, Signal> found) {
        for (PhraseFamily owner : owners) {
            if (owner.family().equals("text") && owner.id().equals(id)) {
                found.putIfAbsent(owner.pack() + " " + owner.signal(),
                        new Signal(owner.pack(), owner.family(), owner.id(), excerpt));
            }
        }
    }

    private static String excerpt(String text, PhraseMatcher.Hit hit) {
        String s = text.substring(hit.start(), Math.min(hit.end(), hit.start() + MAX_EXCERPT));
        return WHITESPACE.matcher(s).replaceAll(" ");
    }
}
