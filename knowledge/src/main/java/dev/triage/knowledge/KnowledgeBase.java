package dev.triage.knowledge;

import dev.triage.knowledge.internal.decode.CodeDecoder;
import dev.triage.knowledge.internal.decode.CodeTables;
import dev.triage.knowledge.internal.index.ArticleIndex;
import dev.triage.knowledge.internal.pack.BundledPacks;
import dev.triage.knowledge.internal.pack.PackContents;
import dev.triage.knowledge.internal.pack.PackReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
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
    private final Set<String> siteIds;

    private KnowledgeBase(List<Article> articles) {
        this(articles, List.of());
    }

    /** Site articles come first among the articles of a cause: they hold what this helpdesk knows best. */
    private KnowledgeBase(List<Article> bundled, List<Article> site) {
        CodeTables tables = CodeTables.load();
        List<Article> articles = new ArrayList<>(site);
        articles.addAll(bundled);
        this.siteIds = site.stream().map(Article::id).collect(Collectors.toUnmodifiableSet());
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

    /**
     * The bundled packs plus a site's own articles ({@code knowledge.dir}): a folder of articles ({@code site/*.md})
     * or a pack folder holding them in {@code articles/}. A site article may explain a cause of its own pack or extend
     * a bundled cause with local fixes; its id must not be one a bundled article uses.
     *
     * @throws InvalidArticleException naming the file and field of the first problem
     */
    public static KnowledgeBase bundledWithSite(Path site) {
        Objects.requireNonNull(site, "site");
        List<Article> bundled = readBundled().articlesOrThrow();
        List<Article> local;
        try {
            local = PackReader.read(site).articlesOrThrow().stream().map(a -> located(site, a)).toList();
        } catch (InvalidArticleException e) {
            throw new InvalidArticleException(location(site, e.file()), e.field(),
                    e.getMessage().substring(e.file().length() + e.field().length() + 4));
        }
        Set<String> bundledIds = bundled.stream().map(Article::id).collect(Collectors.toSet());
        for (Article article : local) {
            if (bundledIds.contains(article.id())) {
                throw new InvalidArticleException(article.file(), "id", "'" + article.id()
                        + "' is already the id of a bundled article; give the site's article its own id");
            }
        }
        return new KnowledgeBase(bundled, local);
    }

    /** The article, naming its file by the path it was read from: a site's folder is the site's to fix. */
    private static Article located(Path site, Article a) {
        return new Article(a.id(), a.title(), a.causes(), a.codes(), a.tags(), a.sources(), a.confirm(), a.fixes(),
                a.body(), location(site, a.file()));
    }

    /** A file name relative to the folder read (its own name first when it holds the articles itself). */
    private static String location(Path site, String relative) {
        Path inside = site.resolve(relative);
        return (Files.exists(inside) ? inside : site.resolveSibling(relative)).toString();
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

    /** All articles: a site's first, then the others, each group sorted by id. */
    public List<Article> articles() {
        return articles;
    }

    /** True for an article of the site's own knowledge folder, which extends or adds to the bundled packs. */
    public boolean fromSite(Article article) {
        return siteIds.contains(article.id());
    }

    /** The articles that explain the cause, a site's first, each group sorted by id; empty when none does. */
    public List<Article> articlesForCause(String causeId) {
        return articles.stream().filter(article -> article.causes().contains(causeId)).toList();
    }
}
