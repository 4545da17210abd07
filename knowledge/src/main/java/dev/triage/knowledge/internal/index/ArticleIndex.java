package dev.triage.knowledge.internal.index;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.KnowledgeException;
import dev.triage.knowledge.SearchHit;
import dev.triage.knowledge.internal.decode.CodeTables;
import dev.triage.knowledge.internal.markdown.ArticleParser;
import dev.triage.knowledge.internal.markdown.MarkdownSections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The articles in an in-memory Lucene index. Fields: {@code id} (stored keyword), {@code codes} (keywords, with
 * aliases), {@code title}, {@code describe} ("How users describe it") and {@code body} (text). Built once; searches
 * are safe to run concurrently.
 *
 * <p>The index never changes after it is built, so a query leaves out the terms a field does not contain (they would
 * match nothing and add nothing to any score) and reuses each present term's statistics ({@link TermStates}) instead
 * of looking the term up in the term dictionary again on every search. Scores and rankings are the same as with the
 * full query; only the work to compute them shrinks.
 */
public final class ArticleIndex {
    private static final String ID = "id";
    private static final String CODES = "codes";
    private static final String TITLE = "title";
    private static final String DESCRIBE = "describe";
    private static final String BODY = "body";
    private static final int MAX_TEXT_TERMS = 150;
    private static final int MAX_DECODED = 50;
    private static final float TITLE_BOOST = 2f;
    private static final float DESCRIBE_BOOST = 1.5f;
    private static final float TEXT_CODE_BOOST = 3f;
    private static final float DECODED_CODE_BOOST = 4f;

    private final ErrorCodeAnalyzer analyzer;
    private final Map<String, Article> articles;
    private final IndexSearcher searcher;
    /** Per field, every term the index holds: a term outside it cannot match. */
    private final Map<String, Set<String>> vocabulary;
    /** Statistics of the present terms, looked up once; bounded by the vocabulary. */
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();

    public ArticleIndex(List<Article> articles, CodeTables tables) {
        this.analyzer = new ErrorCodeAnalyzer(tables.knownValues());
        this.articles = articles.stream().collect(Collectors.toUnmodifiableMap(Article::id, Function.identity()));
        DirectoryReader reader = build(articles, new CodeAliases(tables));
        this.searcher = new IndexSearcher(reader);
        this.vocabulary = Map.of(CODES, vocabulary(reader, CODES), TITLE, vocabulary(reader, TITLE),
                DESCRIBE, vocabulary(reader, DESCRIBE), BODY, vocabulary(reader, BODY));
    }

    private static Set<String> vocabulary(DirectoryReader reader, String field) {
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return Set.of();
            }
            Set<String> all = new HashSet<>();
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                all.add(term.utf8ToString());
            }
            return Set.copyOf(all);
        } catch (IOException e) {
            throw new KnowledgeException("cannot read the terms of the in-memory article index", e);
        }
    }

    private DirectoryReader build(List<Article> list, CodeAliases aliases) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Article article : list) {
                writer.updateDocument(new Term(ID, article.id()), document(article, aliases));
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new KnowledgeException("cannot build the in-memory article index", e);
        }
    }

    private static Document document(Article article, CodeAliases aliases) {
        Document doc = new Document();
        doc.add(new KeywordField(ID, article.id(), Field.Store.YES));
        aliases.expand(article.codes()).forEach(code -> doc.add(new KeywordField(CODES, code, Field.Store.NO)));
        doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
        doc.add(new TextField(DESCRIBE, MarkdownSections.parse(article.body()).text(ArticleParser.DESCRIBE),
                Field.Store.NO));
        doc.add(new TextField(BODY, article.body(), Field.Store.NO));
        return doc;
    }

    /** The best articles for the text and the codes decoded from it, best first; empty when nothing matches. */
    public List<SearchHit> search(String text, List<DecodedCode> codes, int limit) {
        if (limit <= 0 || articles.isEmpty()) {
            return List.of();
        }
        Query query = query(text == null ? "" : text, codes == null ? List.of() : codes);
        try {
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : searcher.search(query, Math.min(limit, articles.size())).scoreDocs) {
                Article article = articles.get(stored.document(scoreDoc.doc).get(ID));
                hits.add(new SearchHit(article.id(), article.title(), article.causes(), scoreDoc.score));
            }
            return List.copyOf(hits);
        } catch (IOException e) {
            throw new KnowledgeException("searching the in-memory article index failed", e);
        }
    }

    private Query query(String text, List<DecodedCode> codes) {
        Set<String> terms = QueryTerms.of(analyzer, BODY, text, MAX_TEXT_TERMS);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addTerms(query, TITLE, terms, TITLE_BOOST);
        addTerms(query, DESCRIBE, terms, DESCRIBE_BOOST);
        addTerms(query, BODY, terms, 1f);
        addTerms(query, CODES, codeTerms(terms), TEXT_CODE_BOOST);
        addTerms(query, CODES, decodedTerms(codes), DECODED_CODE_BOOST);
        return query.build();
    }

    private void addTerms(BooleanQuery.Builder query, String field, Set<String> terms, float boost) {
        Set<String> present = vocabulary.get(field);
        BooleanQuery.Builder any = null;
        for (String text : terms) {
            if (present.contains(text)) {
                if (any == null) {
                    any = new BooleanQuery.Builder();
                }
                Term term = new Term(field, text);
                any.add(new TermQuery(term, termStates.computeIfAbsent(term, this::statesOf)), Occur.SHOULD);
            }
        }
        if (any != null) {
            query.add(new BoostQuery(any.build(), boost), Occur.SHOULD);
        }
    }

    private TermStates statesOf(Term term) {
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new KnowledgeException("cannot look up a term in the in-memory article index", e);
        }
    }

    /** Analyzed terms that are codes: canonical hex, or whole snake-case names (which the stemmer skipped). */
    private static Set<String> codeTerms(Set<String> terms) {
        return terms.stream()
                .filter(term -> term.startsWith("0x") || term.indexOf('_') > 0)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> decodedTerms(List<DecodedCode> codes) {
        Set<String> terms = new LinkedHashSet<>();
        for (DecodedCode code : codes.subList(0, Math.min(codes.size(), MAX_DECODED))) {
            // A Guacamole status's hex is not the mstsc code the articles list (its 0x204 is no failed TCP connect).
            if (code.kind() != CodeKind.GUACAMOLE_STATUS) {
                terms.add(code.code().toLowerCase(Locale.ROOT));
            }
            if (!code.name().isEmpty()) {
                terms.add(code.name().toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}
