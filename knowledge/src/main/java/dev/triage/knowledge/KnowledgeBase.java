package dev.triage.knowledge;

import dev.triage.knowledge.internal.decode.CodeDecoder;
import dev.triage.knowledge.internal.decode.CodeTables;
import dev.triage.knowledge.internal.index.ArticleIndex;
import dev.triage.knowledge.internal.pack.BundledPacks;
import dev.triage.knowledge.internal.pack.PackContents;
import dev.triage.knowledge.internal.pack.PackReader;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The knowledge base: validated articles, their in-memory Lucene index and the error-code decoder.
 *
 * <p>Built once by {@link #bundled()} or {@link #load(Path)}, immutable afterwards and safe for concurrent
 * {@link #search}, {@link #decode} and lookups. Loading fails with an {@link InvalidArticleException} naming the
 * file and field of the first problem; {@link #check(Path)} lists every problem without throwing.
 */
public final class KnowledgeBase {
    private static final String WARM_UP_QUERY = "remote desktop error code 0x904 extended 0x7 certificate";

    private final List<Article> articles;
    private final Map<String, Article> byId;
    private final CodeDecoder decoder;
    private final ArticleIndex index;
    private final Set<String> codeCauses;

    private KnowledgeBase(List<Article> articles) {
        CodeTables tables = CodeTables.load();
        this.articles = List.copyOf(articles);
        this.byId = articles.stream().collect(Collectors.toUnmodifiableMap(Article::id, Function.identity()));
        this.decoder = new CodeDecoder(tables);
        this.codeCauses = tables.pointedCauses();
        this.index = new ArticleIndex(this.articles, tables);
        // The first query pays for class loading and Lucene's lazy structures; pay it here, not in a user's chat.
        index.search(WARM_UP_QUERY, decoder.decode(WARM_UP_QUERY), 1);
    }

    /** The packs shipped on the class path under {@code articles/<pack>/*.md}; none yet gives an empty base. */
    public static KnowledgeBase bundled() {
        return new KnowledgeBase(readBundled().articlesOrThrow());
    }

    /** A folder of packs ({@code root/<pack>/*.md}) or a single pack folder ({@code root/*.md}). */
    public static KnowledgeBase load(Path root) {
        Objects.requireNonNull(root, "root");
        return new KnowledgeBase(PackReader.read(root).articlesOrThrow());
    }

    /** Validates a folder like {@link #load(Path)} does, reporting every problem instead of throwing. */
    public static CheckReport check(Path root) {
        Objects.requireNonNull(root, "root");
        return PackReader.read(root).report();
    }

    /** Validates the bundled packs, reporting every problem instead of throwing. */
    public static CheckReport checkBundled() {
        return readBundled().report();
    }

    private static PackContents readBundled() {
        CodeSource codeSource = KnowledgeBase.class.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        if (location == null) {
            throw new KnowledgeException("cannot tell where the knowledge classes were loaded from");
        }
        return BundledPacks.read(location);
    }

    /**
     * Every error code in the text, in order of appearance and each once: labelled codes ("Error code: 0x904",
     * localized labels too), {@code 0x} hex, FreeRDP's {@code ERRCONNECT_*} names (any letter case) and bracketed
     * values, Windows errors in any notation ("Win32 error 1722", {@code 0x800706BA}, signed-decimal HRESULTs, Windows
     * error names) and OpenSSL's {@code error:XXXXXXXX} codes. Plain numbers without a code label are ignored. A label
     * picks the table ("Extended error code" → EXTENDED_REASON, falling back to SERVER_ERROR_INFO); an HRESULT or
     * NTSTATUS no table lists is still described by its facility (WINDOWS_STATUS with an empty name); other codes no
     * table lists come back UNVERIFIED (user-reported mstsc codes) or UNKNOWN.
     * {@link DecodedCode#matched()} is the label and value as pasted. At most 100 codes; never throws; empty for
     * {@code null} or empty text.
     */
    public List<DecodedCode> decode(String text) {
        return decoder.decode(text);
    }

    /**
     * The articles that best match the text, boosted where an article lists one of {@code codes}; best first, at most
     * {@code limit}. Empty when nothing matches or {@code limit <= 0}.
     */
    public List<SearchHit> search(String text, List<DecodedCode> codes, int limit) {
        return index.search(text, codes, limit);
    }

    /** Same as {@code search(text, decode(text), limit)}. */
    public List<SearchHit> search(String text, int limit) {
        return search(text, decode(text), limit);
    }

    /** Every cause id a row of the code tables points at ({@link DecodedCode#causes()}); for cross-checks. */
    public Set<String> codeCauses() {
        return codeCauses;
    }

    public Optional<Article> article(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All articles, sorted by id. */
    public List<Article> articles() {
        return articles;
    }

    /** The articles that explain the cause, sorted by id; empty when none does. */
    public List<Article> articlesForCause(String causeId) {
        return articles.stream().filter(article -> article.causes().contains(causeId)).toList();
    }
}
