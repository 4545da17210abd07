package dev.triage.bot.backlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A backlog summed up for a meeting: tickets per leading cause, the codes seen most, the hosts that appear in several
 * tickets (one server breaking many users), and the tickets that share a leading cause and a host. Every list is
 * ordered by size, largest first, ties by name, so the same backlog always gives the same report.
 */
public record BacklogSummary(List<BacklogRow> rows, List<Skipped> skipped, List<CauseCount> causes,
        List<CodeCount> codes, List<HostTickets> hosts, List<Group> groups) {
    /** The leading-cause id of tickets without one: no text, or nothing the rules could tell. */
    public static final String UNDETERMINED = "undetermined";

    public BacklogSummary {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
        causes = List.copyOf(causes);
        codes = List.copyOf(codes);
        hosts = List.copyOf(hosts);
        groups = List.copyOf(groups);
    }

    /** Tickets whose leading cause is {@code id} (or {@link #UNDETERMINED}), in input order. */
    public record CauseCount(String id, String title, List<BacklogRow> rows) {
        public CauseCount {
            rows = List.copyOf(rows);
        }
    }

    public record CodeCount(String code, String name, int tickets) {
    }

    /** A host named by more than one ticket, with those tickets. */
    public record HostTickets(String host, List<BacklogRow> rows) {
        public HostTickets {
            rows = List.copyOf(rows);
        }
    }

    /** More than one ticket with the same leading cause on the same host. */
    public record Group(String causeId, String causeTitle, String host, List<BacklogRow> rows) {
        public Group {
            rows = List.copyOf(rows);
        }
    }

    public static BacklogSummary of(List<BacklogRow> rows, List<Skipped> skipped) {
        return new BacklogSummary(rows, skipped, causes(rows), codes(rows), hosts(rows), groups(rows));
    }

    /** Tickets with a leading cause. */
    public int diagnosed() {
        return (int) rows.stream().filter(r -> r.leading().isPresent()).count();
    }

    /** Tickets that could not be diagnosed at all (empty text, too large). */
    public int failed() {
        return (int) rows.stream().filter(r -> r.error().isPresent()).count();
    }

    private static List<CauseCount> causes(List<BacklogRow> rows) {
        Map<String, List<BacklogRow>> byCause = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (BacklogRow row : rows) {
            String id = row.leading().map(BacklogRow.Cause::id).orElse(UNDETERMINED);
            byCause.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            titles.putIfAbsent(id, row.leading().map(BacklogRow.Cause::title).orElse("Cause not determined"));
        }
        return byCause.entrySet().stream().map(e -> new CauseCount(e.getKey(), titles.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt((CauseCount c) -> -c.rows().size()).thenComparing(CauseCount::id))
                .toList();
    }

    private static List<CodeCount> codes(List<BacklogRow> rows) {
        Map<String, CodeCount> counts = new LinkedHashMap<>();
        for (BacklogRow row : rows) {
            row.codes().stream().map(BacklogRow.Code::code).distinct().forEach(code -> {
                String name = row.codes().stream().filter(c -> c.code().equals(code)).findFirst().get().name();
                counts.merge(code, new CodeCount(code, name, 1),
                        (a, b) -> new CodeCount(a.code(), a.name().isEmpty() ? b.name() : a.name(), a.tickets() + 1));
            });
        }
        return counts.values().stream().sorted(Comparator.comparingInt((CodeCount c) -> -c.tickets())
                .thenComparing(CodeCount::code)).toList();
    }

    private static List<HostTickets> hosts(List<BacklogRow> rows) {
        Map<String, List<BacklogRow>> byHost = new LinkedHashMap<>();
        rows.forEach(r -> r.host().ifPresent(h -> byHost.computeIfAbsent(key(h), k -> new ArrayList<>()).add(r)));
        return byHost.values().stream().filter(l -> l.size() > 1)
                .map(l -> new HostTickets(l.get(0).host().orElseThrow(), l))
                .sorted(Comparator.comparingInt((HostTickets h) -> -h.rows().size()).thenComparing(HostTickets::host))
                .toList();
    }

    private static List<Group> groups(List<BacklogRow> rows) {
        Map<String, List<BacklogRow>> byPair = new LinkedHashMap<>();
        for (BacklogRow row : rows) {
            Optional<BacklogRow.Cause> cause = row.leading();
            if (cause.isPresent() && row.host().isPresent()) {
                byPair.computeIfAbsent(cause.get().id() + "\n" + key(row.host().get()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        return byPair.values().stream().filter(l -> l.size() > 1).map(l -> {
            BacklogRow first = l.get(0);
            BacklogRow.Cause cause = first.leading().orElseThrow();
            return new Group(cause.id(), cause.title(), first.host().orElseThrow(), l);
        }).sorted(Comparator.comparingInt((Group g) -> -g.rows().size()).thenComparing(Group::causeId)
                .thenComparing(Group::host)).toList();
    }

    /** Host names compare without case: RDS01 and rds01 are one server. */
    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
