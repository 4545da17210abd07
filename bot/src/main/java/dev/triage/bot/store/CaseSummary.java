package dev.triage.bot.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the case list shows and searches for one case, as of its latest turn.
 *
 * @param causeId    the leading cause's id ({@code cert.expired}), empty while there is none
 * @param causeTitle the leading cause's title
 * @param codes      the decoded codes, canonical spelling ({@code 0x904}); as many as fit 1,000 characters
 * @param host       the host being diagnosed, when known
 * @param text       the start of what the user wrote, at most {@link #TEXT_CHARS} characters
 */
public record CaseSummary(
        Optional<String> causeId, Optional<String> causeTitle, List<String> codes, Optional<String> host,
        String text) {
    public static final int TEXT_CHARS = 2_000;
    private static final int CODES_CHARS = 1_000;

    public CaseSummary {
        causeId = Objects.requireNonNull(causeId, "causeId").map(c -> cut(c, 200));
        causeTitle = Objects.requireNonNull(causeTitle, "causeTitle").map(t -> cut(t, 500));
        codes = fit(List.copyOf(codes));
        host = Objects.requireNonNull(host, "host").map(h -> cut(h, 300));
        text = cut(Objects.requireNonNull(text, "text"), TEXT_CHARS);
    }

    /** As many codes as fit the column; a paste with hundreds of codes is searchable by its first ones. */
    private static List<String> fit(List<String> codes) {
        int length = 0;
        for (int i = 0; i < codes.size(); i++) {
            length += codes.get(i).length() + 1;
            if (length > CODES_CHARS) {
                return codes.subList(0, i);
            }
        }
        return codes;
    }

    /** The start of {@code text}, never ending in half a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
