package dev.triage.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One knowledge article, as loaded from a Markdown file with YAML front matter.
 *
 * @param id          kebab-case id, equal to the file name without {@code .md}; never reused
 * @param title       one-line title
 * @param causes      the cause ids this article explains (shared vocabulary with the rules)
 * @param codes       error codes and names the article is about, in their canonical spelling
 * @param tags        free tags
 * @param sources     where the facts come from; never empty
 * @param confirm     the steps of the "How to confirm" section, in order
 * @param fixes       the steps of the "Fixes" section, in order, safest and most likely first
 * @param body        the Markdown body without the front matter
 * @param file        the article's path relative to its pack root, for messages
 */
public record Article(
        String id,
        String title,
        List<String> causes,
        List<String> codes,
        List<String> tags,
        List<Source> sources,
        List<String> confirm,
        List<String> fixes,
        String body,
        String file) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        causes = List.copyOf(causes);
        codes = List.copyOf(codes);
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
        confirm = List.copyOf(confirm);
        fixes = List.copyOf(fixes);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(file, "file");
    }

    /** A cited source: a human title and its address. */
    public record Source(String title, String url) {
        public Source {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }
}
