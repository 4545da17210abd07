package dev.triage.rules.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whether a text ties its failure to a change of some software's own release: one sentence with an update,
 * upgrade, downgrade or rollback word and a product release version in it ("I updated from Kasm 1.17.0 to 1.18.0",
 * "after the last update of MeshCentral 1.0.62", "RDP not working after upgrade extpack to 7.2.6"). Which side changed
 * is what the number says and no phrase can: Windows changes by KB, feature update (22H2) or NT build (10.0.19045.x),
 * and those carry no release version of a product; a release version is the version of an app or server someone
 * installed, so rolling it back or moving to its next build is the fix, not a Windows update.
 *
 * <p>Numbers that are not a product's release are skipped: IP addresses, dates, protocol versions (TLS 1.2, RDP 8.1,
 * as {@link VersionComparison} skips them), Windows NT builds, and versions right after an operating system's name
 * (Windows 8.1, Ubuntu 22.04, macOS 14.1): an OS upgrade is another change than an app's release. A number the text
 * has named as an operating system's version anywhere ("Ubuntu 20.04 LTS" in one sentence, "is the script updated to
 * support 20.04?" in the next) stays that OS's version in every sentence (branch clientver).
 */
final class ReleaseChange {
    /**
     * An update of some software named as such: the verbs and nouns of changing a release, in either direction; "go
     * back to" only right before a number ("if I go back to 1.5.4 it works"), since people also go back to places.
     */
    private static final Pattern CHANGE = Pattern.compile("\\b(?:updat(?:e|ed|es|ing)|upgrad(?:e|ed|es|ing)"
            + "|downgrad(?:e|ed|es|ing)|roll(?:ed|ing)?[ -]?back|reverted?"
            + "|(?:go|goes|going|went|gone) back to (?:v|ver\\.?|version)? ?\\d"
            + "|since (?:v|ver\\.?|version) ?\\d)",
            Pattern.CASE_INSENSITIVE);
    /**
     * The same change in the words of the localised update UIs (Windows Update and the app stores name it so:
     * Chinese 更新 update, 升级 upgrade, 降级 downgrade, 回退 / 回滚 / 退回 roll back; Japanese アップデート,
     * アップグレード, ダウングレード; Russian обновить / обновление, откат; German aktualisieren, Aktualisierung; Spanish
     * actualizar / actualización; Portuguese atualizar / atualização; French mise à jour). Posts about the Chinese web
     * bastions (JumpServer, Next Terminal, tp4a) tell their release changes in Chinese, with the release number in
     * digits. Chinese and Japanese have no spaces, so their verbs stand without word boundaries.
     */
    private static final Pattern CHANGE_L10N = Pattern.compile("更新|升级|降级|回退|回滚|退回|アップデート|アップグレード"
            + "|ダウングレード|\\b(?:обнов|откат|aktualisier|actualiz|atualiz|mise à jour|mis à jour)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A change back to an older release; when a sentence tells both the update and the rollback ("upgraded to 2.6.5 it
     * broke, downgraded to 2.6.0 it works"), the rollback is what the user did last and what the excerpt reports.
     */
    private static final Pattern ROLLBACK = Pattern.compile("^(?:downgrad|roll|revert|go |goes |going |went |gone "
            + "|降级|回退|回滚|退回|ダウングレード|откат)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Words after an update that say it cured the failure ("updating to 1.4.36 fixed it", "升级到3.9.1后解决了"): then
     * the newer build is what works, not the event that broke RDP. "works" alone is left out, since "nothing works
     * after updating to 2.1" says the opposite; {@link #NOT_CURED} catches the negated forms of these.
     */
    private static final Pattern CURED = Pattern.compile("\\b(?:fixe[sd]|solved|resolved|works again|working again"
            + "|works now|works fine now|connects again|it connects|it works)\\b|解决|修复|恢复正常|可以正常",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_CURED = Pattern.compile(
            "\\b(?:not|n't|never|no|nothing)\\s+(?:been\\s+|really\\s+)?(?:fixe[sd]|solved|resolved)\\b"
            + "|\\bno longer\\b|\\bit works (?:no|only)\\b|没有?解决|未解决", Pattern.CASE_INSENSITIVE);
    /**
     * The client itself as what was updated, with no release number ("after updating Remmina it connects again"): the
     * retold form of the same cure, for the clients whose own update users name (the family newer-build-works once
     * listed these words alone, which also read "after updating Remmina nothing connects" as a cure).
     */
    private static final Pattern CLIENT_UPDATED = Pattern.compile("\\b(?:updat|upgrad)\\w*\\s+(?:the client|the app"
            + "|remmina|freerdp|xfreerdp|mremoteng)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A release version: dotted digits (1.0.62, 7.2.6, 0.5.1-q, 1.18.0.2375b6 read as 1.18.0.2375) or a "v"/"version"
     * prefix on one number (v10, version 3). A build suffix after the digits is allowed; a digit or dot before is not.
     */
    private static final Pattern VERSION = Pattern.compile(
            "(?<![\\w.])(v|ver\\.?|version)?\\s?(\\d{1,6}(?:\\.\\d{1,6}){0,3})(?![.]\\d)", Pattern.CASE_INSENSITIVE);
    /**
     * Where an ASCII name starts: \\b reads a Chinese or Japanese character as a word character on Java 17, so
     * "升级到Ubuntu 22.04" had no boundary before "Ubuntu"; the names are ASCII, so only an ASCII letter, digit or
     * underscore before one joins it to a longer word.
     */
    static final String ASCII_WORD_START = "(?<![A-Za-z0-9_])";
    /** An operating system's name right before the number: the sentence is about an OS version, not an app's. */
    private static final Pattern OS_BEFORE = Pattern.compile(ASCII_WORD_START + "(?:windows|win|windows server|[xkl]?ubuntu|debian"
            + "|fedora|mint|centos|rhel|red hat|opensuse|leap|suse|freebsd|macos|mac os|os x|osx|ios|ipados|android"
            + "|kernel|linux|build|os build)\\s*[/v]?\\s*$", Pattern.CASE_INSENSITIVE);
    /**
     * A library's or runtime's name right before the number (OpenSSL 3.0, .NET 4.8, Python 3.11): a dependency moved,
     * not the product's release. Protocol names are {@link VersionComparison#protocolBefore}'s.
     */
    private static final Pattern LIBRARY_BEFORE = Pattern.compile(
            ASCII_WORD_START + "(?:openssl|\\.net|net|python|java|node)\\s*[/v]?\\s*$", Pattern.CASE_INSENSITIVE);

    /** The first sentence that ties a change to a product release, trimmed for an excerpt; never throws. */
    Optional<String> find(String text) {
        if (!VersionComparison.mayNameVersion(text)) {
            return Optional.empty();
        }
        Set<String> osVersions = osVersions(text);
        for (String sentence : VersionComparison.SENTENCE.split(text)) {
            Optional<String> change = changeWord(sentence);
            if (change.isPresent() && namesRelease(sentence, osVersions)) {
                return change;
            }
        }
        return Optional.empty();
    }

    /**
     * The first sentence that updates a product to a release (or names the client as what was updated) and says, after
     * the update word, that this cured the failure (an upgrade, not a rollback): the newer build works, which
     * SignalExtractor raises as newer-build-works.
     */
    Optional<String> findCure(String text) {
        if (!CURED.matcher(text).find()) {
            // Most pastes tell no cure at all; this runs every turn, and the per-sentence change-word search is the
            // costlier part (docs/benchmarks.md, "Profiled").
            return Optional.empty();
        }
        Set<String> osVersions = VersionComparison.mayNameVersion(text) ? osVersions(text) : Set.of();
        for (String sentence : VersionComparison.SENTENCE.split(text)) {
            Optional<String> change = changeWord(sentence);
            if (change.isEmpty() || ROLLBACK.matcher(change.get()).find()
                    || !(CLIENT_UPDATED.matcher(sentence).find()
                         || VersionComparison.mayNameVersion(sentence) && namesRelease(sentence, osVersions))) {
                continue;
            }
            String after = sentence.substring(Math.max(0, sentence.indexOf(change.get())));
            if (CURED.matcher(after).find() && !NOT_CURED.matcher(after).find()) {
                return Optional.of(change.get() + " ... " + matchOf(CURED, after));
            }
        }
        return Optional.empty();
    }

    private static String matchOf(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : "";
    }

    /** The sentence's rollback word if it has one, else its first change word, in English or localised. */
    private static Optional<String> changeWord(String sentence) {
        String first = null;
        for (Pattern words : new Pattern[] {CHANGE, CHANGE_L10N}) {
            Matcher m = words.matcher(sentence);
            while (m.find()) {
                String word = m.group().strip();
                if (ROLLBACK.matcher(word).find()) {
                    return Optional.of(word);
                }
                first = first == null ? word : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * True when the sentence names a product release and no operating system's version: "upgrading Xubuntu 15.10 to
     * 16.04" is an OS upgrade even though 16.04 stands alone, so one OS version makes the whole sentence the OS's.
     */
    private static boolean namesRelease(String sentence, Set<String> osVersions) {
        Matcher m = VERSION.matcher(sentence);
        boolean release = false;
        while (m.find()) {
            String number = m.group(2);
            boolean prefixed = m.group(1) != null;
            if (!prefixed && !number.contains(".")) {
                continue;
            }
            if (OS_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
                return false;
            }
            if (osVersions.contains(number)) {
                continue;
            }
            String before = sentence.substring(0, m.start());
            release |= !VersionComparison.protocolBefore(before) && !LIBRARY_BEFORE.matcher(before).find()
                    && !VersionComparison.notARelease(number, prefixed);
        }
        return release;
    }

    /** The dotted numbers the text names right after an operating system's name (Ubuntu 20.04, Windows 8.1). */
    private static Set<String> osVersions(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            String number = m.group(2);
            if (number.contains(".") && OS_BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                found.add(number);
            }
        }
        return found;
    }
}
