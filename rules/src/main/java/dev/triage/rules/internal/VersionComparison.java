package dev.triage.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "version X fails, version Y works" from a text: two or more version numbers of one product, each said to work
 * or to fail. Which side works decides between the two version causes, and no phrase can say it, since the words are
 * the same either way and only the numbers differ: the newer working means the failing build is behind the server
 * (an outdated client), the older working means the newer build brought the defect (a regression).
 *
 * <p>One pass over sentences and their clauses: a clause's versions take the clause's verdict (works / fails), or the
 * verdict of a neighbouring clause of the same sentence that names no version ("v8 (8.0.44), and it succeeded").
 * Numbers that are not release versions are skipped: IPv4 addresses, dates, and protocol versions (TLS 1.2, RDP 8.1).
 * The comparison only counts when every working version lies on one side of every failing one, and their major
 * numbers are close enough to be one product's release line (2.0 vs 2.1, v8 vs v10), not an OS build beside an app.
 * Two Windows builds (10.0.19045.6809, 26100.3194) with the newer one working say nothing of a client app: mstsc and
 * termsrv.dll are versioned with Windows, so what cured it is a Windows update (a regression's follow-up fix, or a build
 * RDP Wrapper has offsets for), never an outdated client; that reading is not made.
 */
final class VersionComparison {
    /** Which build works. */
    enum Verdict { NEWER_WORKS, OLDER_WORKS }

    /** The verdict, with the highest working and failing versions as the user wrote them. */
    record Finding(Verdict verdict, String working, String failing) {
        String excerpt() {
            return working + " works, " + failing + " fails";
        }
    }

    private enum Polarity { NONE, WORKS, FAILS, MIXED }

    /**
     * Sentences naming a version that are read at most: a comparison is stated once, near where the versions are named;
     * past this a paste is a log whose every line carries a build number, and reading on only costs time.
     */
    private static final int MAX_VERSIONED_SENTENCES = 200;

    /** Windows NT build numbers from Windows 7 (7600) on: what {@code 10.0.N.x} or {@code N.x} names as a Windows build. */
    private static final int FIRST_WINDOWS_BUILD = 7600;
    private static final int LAST_WINDOWS_BUILD = 39999;

    /** Majors further apart than this are two products (an OS build next to an app), not one release line. */
    private static final int MAX_MAJOR_SPAN = 3;

    /**
     * What every release version contains: digits with a dot between them (2.1) or a "v"/"version" right before the
     * number (v8). A text with neither names no version, and is not split into sentences and clauses at all: most
     * pastes are error codes and messages, and the check costs one scan where the split costs a dozen regexes.
     */
    private static final Pattern MAY_NAME_VERSION = Pattern.compile("\\d\\.\\d|v(?:ersion)?\\s?\\d",
            Pattern.CASE_INSENSITIVE);
    /** Where one sentence ends and the next begins; shared with {@link ReleaseChange}. */
    static final Pattern SENTENCE = Pattern.compile("\\R|(?<=[.!?])\\s+|;|(?<=[。！？；])");
    private static final Pattern CLAUSE = Pattern.compile(
            ",|\\s-\\s|\\b(?:but|while|whereas|however|though|although|yet)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile(
            "(?<![\\w.])(v(?:ersion)?\\s?)?(\\d{1,6}(?:\\.\\d{1,6}){0,3})(?!\\w|\\.\\d)", Pattern.CASE_INSENSITIVE);
    /** A word before the number that makes it a protocol's or standard's version rather than a product build. */
    private static final Pattern PROTOCOL_BEFORE = Pattern.compile(
            ReleaseChange.ASCII_WORD_START + "(?:tls|ssl|dtls|rdp|protocol|http|https|ntlm|ntlmv|smb|sha|ipv|credssp|oauth|kerberos|tpm|usb|bluetooth)"
                    + "\\s*[/v]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Phrases saying something works that contain a failure word ("without issue"): read first, as working. */
    private static final Pattern WORKS_DESPITE = Pattern.compile(
            "\\b(?:no|without(?: any)?|zero)\\s+(?:issues?|problems?|errors?|trouble)\\b");
    /** Negated working ("doesn't work", "no longer connects"): read as failing before the working words are. */
    private static final Pattern NEGATED_WORKS = Pattern.compile("\\b(?:doesn't|does not|doesnt|didn't|did not|didnt"
            + "|don't|do not|isn't|is not|not|no longer|won't|will not|can't|cannot|can not|couldn't|could not"
            + "|never|stopped|stops)\\s+(?:\\w+\\s+)?(?:works?|worked|working|connects?|connected|connecting|succeed\\w*)\\b");
    private static final Pattern FAILS = Pattern.compile("\\b(?:fails?|failed|failing|failure|broken|breaks|broke"
            + "|crash(?:es|ed|ing)?|errors?|issues?|problems?|bugs?|buggy|regression|terminates?|terminated"
            + "|disconnects?|disconnected|drops?|dropped|unable|can't|cannot|can not|couldn't|could not|not working|no longer"
            + "|black screen|freezes?|froze|hangs?|stuck|refuses?|refused|encounters?)\\b");
    private static final Pattern WORKS = Pattern.compile("\\b(?:works?|worked|working|succeeds?|succeeded"
            + "|success(?:ful|fully)?|fine|ok|okay|connects|connected|no issue)\\b");

    private record Version(String text, int[] parts) {
        int major() {
            return parts[0];
        }
    }

    private record Clause(List<Version> versions, Polarity polarity) {
    }

    /** The comparison the text makes, if it makes one; never throws. */
    Optional<Finding> find(String text) {
        if (!mayNameVersion(text)) {
            return Optional.empty();
        }
        List<Version> working = new ArrayList<>();
        List<Version> failing = new ArrayList<>();
        int versioned = 0;
        for (String sentence : SENTENCE.split(text)) {
            if (!VERSION.matcher(sentence).find()) {
                continue;
            }
            if (++versioned > MAX_VERSIONED_SENTENCES) {
                break;
            }
            List<Clause> clauses = clauses(sentence);
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                Polarity p = c.polarity() == Polarity.NONE ? borrowed(clauses, i) : c.polarity();
                if (p == Polarity.WORKS) {
                    working.addAll(c.versions());
                } else if (p == Polarity.FAILS) {
                    failing.addAll(c.versions());
                }
            }
        }
        return verdict(working, failing);
    }

    /** False only when no part of {@code text} can be read as a release version ({@link #MAY_NAME_VERSION}). */
    static boolean mayNameVersion(String text) {
        return MAY_NAME_VERSION.matcher(text).find();
    }

    private static List<Clause> clauses(String sentence) {
        List<Clause> out = new ArrayList<>();
        for (String part : CLAUSE.split(sentence)) {
            out.add(new Clause(versions(part), polarity(part.toLowerCase(Locale.ROOT))));
        }
        return out;
    }

    /** A clause naming versions but no verdict takes the verdict of the nearest versionless clause, next one first. */
    private static Polarity borrowed(List<Clause> clauses, int i) {
        if (clauses.get(i).versions().isEmpty()) {
            return Polarity.NONE;
        }
        for (int j : new int[] {i + 1, i - 1}) {
            if (j >= 0 && j < clauses.size() && clauses.get(j).versions().isEmpty()
                    && clauses.get(j).polarity() != Polarity.NONE) {
                return clauses.get(j).polarity();
            }
        }
        return Polarity.NONE;
    }

    private static Polarity polarity(String clause) {
        boolean works = WORKS_DESPITE.matcher(clause).find();
        String rest = WORKS_DESPITE.matcher(clause).replaceAll(" ");
        boolean fails = NEGATED_WORKS.matcher(rest).find();
        rest = NEGATED_WORKS.matcher(rest).replaceAll(" ");
        fails |= FAILS.matcher(rest).find();
        works |= WORKS.matcher(rest).find();
        if (works && fails) {
            return Polarity.MIXED;
        }
        return works ? Polarity.WORKS : fails ? Polarity.FAILS : Polarity.NONE;
    }

    private static List<Version> versions(String clause) {
        List<Version> out = new ArrayList<>();
        Matcher m = VERSION.matcher(clause);
        while (m.find()) {
            String[] digits = m.group(2).split("\\.");
            boolean prefixed = m.group(1) != null;
            int[] parts = parts(digits);
            boolean release = (prefixed || parts.length > 1) && !ipv4(parts, prefixed) && !date(digits)
                    && !protocolBefore(clause.substring(0, m.start()));
            if (release) {
                out.add(new Version(m.group().strip(), parts));
            }
        }
        return out;
    }

    /**
     * True for a number that names no product release even when it has dots: an IPv4 address, a date, or a Windows NT
     * build (10.0.19045.x, 19045.x, 6.1.7601.x), which is Windows' version, not an app's. Shared with
     * {@link ReleaseChange}.
     */
    static boolean notARelease(String number, boolean prefixed) {
        String[] digits = number.split("\\.");
        int[] parts = parts(digits);
        boolean legacyWindowsBuild = parts.length >= 3 && parts[0] == 6 && parts[2] >= FIRST_WINDOWS_BUILD;
        return ipv4(parts, prefixed) || date(digits) || legacyWindowsBuild || windowsBuild(new Version(number, parts));
    }

    /** True when the text before a number ends in a protocol's or standard's name (TLS 1.2, RDP 8.1, NTLMv2). */
    static boolean protocolBefore(String textBefore) {
        return PROTOCOL_BEFORE.matcher(textBefore).find();
    }

    private static int[] parts(String[] digits) {
        int[] parts = new int[digits.length];
        for (int i = 0; i < digits.length; i++) {
            parts[i] = Integer.parseInt(digits[i]);
        }
        return parts;
    }

    private static boolean ipv4(int[] parts, boolean prefixed) {
        if (prefixed || parts.length != 4) {
            return false;
        }
        for (int p : parts) {
            if (p > 255) {
                return false;
            }
        }
        return true;
    }

    /** 13.03.2018 or 2018.03.13: a day, a month and a four-digit year. */
    private static boolean date(String[] digits) {
        if (digits.length != 3) {
            return false;
        }
        return year(digits[2]) && Integer.parseInt(digits[0]) <= 31 && Integer.parseInt(digits[1]) <= 12
                || year(digits[0]) && Integer.parseInt(digits[1]) <= 12 && Integer.parseInt(digits[2]) <= 31;
    }

    private static boolean year(String digits) {
        return digits.length() == 4 && Integer.parseInt(digits) >= 1990 && Integer.parseInt(digits) <= 2099;
    }

    private static Optional<Finding> verdict(List<Version> working, List<Version> failing) {
        if (working.isEmpty() || failing.isEmpty() || !oneReleaseLine(working, failing)) {
            return Optional.empty();
        }
        Version newestWorking = max(working);
        Version newestFailing = max(failing);
        if (compare(min(working), newestFailing) > 0) {
            return allWindowsBuilds(working, failing) ? Optional.empty()
                    : Optional.of(new Finding(Verdict.NEWER_WORKS, newestWorking.text(), newestFailing.text()));
        }
        if (compare(newestWorking, min(failing)) < 0) {
            return Optional.of(new Finding(Verdict.OLDER_WORKS, newestWorking.text(), newestFailing.text()));
        }
        return Optional.empty();
    }

    private static boolean allWindowsBuilds(List<Version> working, List<Version> failing) {
        return working.stream().allMatch(VersionComparison::windowsBuild)
                && failing.stream().allMatch(VersionComparison::windowsBuild);
    }

    /** 10.0.19045(.6809) or 19045.6809: the build part lies in the range of Windows NT builds. */
    private static boolean windowsBuild(Version v) {
        int[] p = v.parts();
        if (p.length >= 3 && p[0] == 10 && p[1] == 0) {
            return p[2] >= FIRST_WINDOWS_BUILD && p[2] <= LAST_WINDOWS_BUILD;
        }
        return p.length == 2 && p[0] >= FIRST_WINDOWS_BUILD && p[0] <= LAST_WINDOWS_BUILD;
    }

    private static boolean oneReleaseLine(List<Version> working, List<Version> failing) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (List<Version> side : List.of(working, failing)) {
            for (Version v : side) {
                low = Math.min(low, v.major());
                high = Math.max(high, v.major());
            }
        }
        return high - low <= MAX_MAJOR_SPAN;
    }

    private static Version max(List<Version> versions) {
        return versions.stream().max(VersionComparison::compare).orElseThrow();
    }

    private static Version min(List<Version> versions) {
        return versions.stream().min(VersionComparison::compare).orElseThrow();
    }

    /** Numeric, part by part; a missing part counts as 0, so v10 equals 10.0 and sorts below 10.2.1. */
    private static int compare(Version a, Version b) {
        for (int i = 0; i < Math.max(a.parts().length, b.parts().length); i++) {
            int x = i < a.parts().length ? a.parts()[i] : 0;
            int y = i < b.parts().length ? b.parts()[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
