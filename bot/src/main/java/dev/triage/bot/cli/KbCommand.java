package dev.triage.bot.cli;

import dev.triage.bot.KnowledgeCheck;
import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.KnowledgeBase;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.PackProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Checks the bundled packs, or a site's knowledge folder together with them: its articles, its pack tables when
     * it holds a pack, and that every article names a cause some loaded pack knows. Exit 0 only when nothing is wrong.
     */
    private Exit check(List<String> args) {
        List<String> positionals = Args.parse(args, Set.of(), Set.of()).positionals();
        if (positionals.size() > 1) {
            throw new UsageException("kb check takes at most one folder");
        }
        boolean bundled = positionals.isEmpty();
        List<Path> folders = bundled ? List.of() : List.of(Path.of(positionals.get(0)));
        if (!bundled && !Files.isDirectory(folders.get(0))) {
            throw new UsageException("no such folder: " + folders.get(0));
        }
        CheckReport report = bundled ? KnowledgeBase.checkBundled() : KnowledgeBase.check(folders.get(0));
        List<String> problems = new ArrayList<>();
        report.problems().forEach(p -> problems.add(p.toString()));
        List<PackProblem> packProblems = Diagnoser.check(folders);
        packProblems.forEach(p -> problems.add(p.toString()));
        if (report.ok() && packProblems.isEmpty()) {
            Set<String> ruleCauses = Diagnoser.create(folders).causeIds();
            KnowledgeBase kb = bundled ? KnowledgeBase.bundled() : KnowledgeBase.bundledWithSite(folders.get(0));
            List<Article> checked = bundled ? kb.articles() : kb.articles().stream().filter(kb::fromSite).toList();
            KnowledgeCheck.unknownCauses(checked, ruleCauses).forEach(p -> problems.add(p.toString()));
            if (bundled) {
                KnowledgeCheck.uncoveredCauses(checked, ruleCauses).forEach(p -> problems.add(p.toString()));
            }
        }
        problems.forEach(io.out()::println);
        io.out().printf("%d articles, %d problems%n", report.articles(), problems.size());
        return problems.isEmpty() ? Exit.OK : Exit.FAILED;
    }
}
