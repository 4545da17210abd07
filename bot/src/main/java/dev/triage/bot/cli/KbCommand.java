package dev.triage.bot.cli;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.KnowledgeBase;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Diagnoser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code triage kb search QUERY} and {@code triage kb check [DIR]}. */
final class KbCommand {
    private static final int HITS = 10;
    private final Io io;

    KbCommand(Io io) {
        this.io = io;
    }

    Exit run(List<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageException("kb needs 'search QUERY' or 'check [DIR]'");
        }
        List<String> args = rest.subList(1, rest.size());
        return switch (rest.get(0)) {
            case "search" -> search(args);
            case "check" -> check(args);
            default -> throw new UsageException("unknown kb command '" + rest.get(0) + "'; use search or check");
        };
    }

    private Exit search(List<String> args) {
        String query = io.paste(Args.parse(args, Set.of(), Set.of()).positionals());
        if (query.isBlank()) {
            throw new UsageException("kb search needs a query");
        }
        KnowledgeBase kb = KnowledgeBase.bundled();
        List<DecodedCode> codes = kb.decode(query);
        codes.forEach(c -> io.out().printf("code %s: %s %s%n", c.code(), c.name(), c.meaning()));
        List<SearchHit> hits = kb.search(query, codes, HITS);
        if (hits.isEmpty()) {
            io.out().println("No article matches.");
        }
        for (SearchHit hit : hits) {
            io.out().printf(Locale.ROOT, "%7.3f  %-34s %s  [%s]%n", hit.score(), hit.articleId(), hit.title(),
                    String.join(", ", hit.causes()));
        }
        return Exit.OK;
    }

    private Exit check(List<String> args) {
        List<String> positionals = Args.parse(args, Set.of(), Set.of()).positionals();
        if (positionals.size() > 1) {
            throw new UsageException("kb check takes at most one folder");
        }
        CheckReport report;
        boolean bundled = positionals.isEmpty();
        if (bundled) {
            report = KnowledgeBase.checkBundled();
        } else {
            Path dir = Path.of(positionals.get(0));
            if (!Files.isDirectory(dir)) {
                throw new UsageException("no such folder: " + dir);
            }
            report = KnowledgeBase.check(dir);
        }
        List<String> problems = new ArrayList<>();
        report.problems().forEach(p -> problems.add(p.toString()));
        if (report.ok()) {
            problems.addAll(causeProblems(bundled ? KnowledgeBase.bundled() : KnowledgeBase.load(
                    Path.of(positionals.get(0))), bundled));
        }
        problems.forEach(io.out()::println);
        io.out().printf("%d articles, %d problems%n", report.articles(), problems.size());
        return problems.isEmpty() ? Exit.OK : Exit.FAILED;
    }

    /** Articles must name causes the rules know; the bundled pack must also cover every cause the rules emit. */
    private static List<String> causeProblems(KnowledgeBase kb, boolean requireCoverage) {
        Set<String> ruleCauses = Diagnoser.create().causeIds();
        List<String> problems = new ArrayList<>();
        Set<String> articleCauses = new TreeSet<>();
        for (Article article : kb.articles()) {
            for (String cause : article.causes()) {
                articleCauses.add(cause);
                if (!ruleCauses.contains(cause)) {
                    problems.add(article.file() + ": causes: '" + cause + "' is not a cause the rules know");
                }
            }
        }
        if (requireCoverage) {
            new TreeSet<>(ruleCauses).stream().filter(c -> !articleCauses.contains(c))
                    .forEach(c -> problems.add("(pack): cause '" + c + "' has no article"));
        }
        return problems;
    }
}
