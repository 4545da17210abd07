package dev.triage.probes;

import dev.triage.probes.internal.policy.AllowEntry;
import dev.triage.probes.internal.policy.AllowEntryParser;
import dev.triage.probes.internal.policy.PolicyEvaluator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The allow-list that decides which targets may be probed. Immutable and thread-safe.
 *
 * <p>Entries: CIDR blocks or single addresses ({@code 10.0.0.0/8}, {@code 10.1.2.3}, {@code ::1/128},
 * {@code [fe80::1]}), domain suffixes ({@code corp.example.com} matches the name and its subdomains,
 * {@code .corp.example.com} only subdomains), each optionally restricted to ports ({@code 10.0.0.0/8:3389,3390}).
 * A target is allowed when its host matches a suffix entry or its resolved address lies in a block, and the port is
 * listed. With no entries nothing is allowed.
 *
 * <p>Loopback, link-local (including the 169.254.169.254 metadata service), unspecified, broadcast and multicast
 * addresses, also in IPv4-mapped IPv6 form, are denied unless a block entry lying wholly inside that special block
 * contains the address (for example {@code 127.0.0.1/32}); neither {@code 0.0.0.0/0} nor a suffix entry allows them.
 */
public final class TargetPolicy {
    private final List<String> entries;
    private final PolicyEvaluator evaluator;

    private TargetPolicy(List<String> entries, List<AllowEntry> parsed) {
        this.entries = List.copyOf(entries);
        this.evaluator = new PolicyEvaluator(parsed);
    }

    /** Parses every entry; a bad entry makes the whole result {@link Parsed.Invalid}, listing every problem. */
    public static Parsed parse(List<String> entries) {
        Objects.requireNonNull(entries, "entries");
        List<AllowEntry> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            AllowEntryParser.Result result = AllowEntryParser.parse(entry);
            if (result instanceof AllowEntryParser.Result.Ok ok) {
                parsed.add(ok.entry());
            } else if (result instanceof AllowEntryParser.Result.Problem problem) {
                problems.add(problem.message());
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed.Invalid(problems);
        }
        return new Parsed.Valid(new TargetPolicy(parsed.stream().map(AllowEntry::text).toList(), parsed));
    }

    /** Like {@link #parse(List)} but for configuration known to be valid: a bad entry is a bug. */
    public static TargetPolicy of(String... entries) {
        Parsed parsed = parse(List.of(entries));
        if (parsed instanceof Parsed.Invalid invalid) {
            throw new ProbeException("invalid allow entries: " + invalid.problems());
        }
        return ((Parsed.Valid) parsed).policy();
    }

    /** A policy with no entries: every target is denied with a reason. */
    public static TargetPolicy denyAll() {
        return of();
    }

    /**
     * Decides for a target whose name was already resolved to {@code addresses} (an IP literal "resolves" to itself).
     * The decision's address is the one to connect to; never resolve the name again (DNS rebinding).
     */
    public PolicyDecision decide(Target target, List<InetAddress> addresses) {
        return evaluator.decide(Objects.requireNonNull(target, "target"), List.copyOf(addresses));
    }

    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "TargetPolicy" + entries;
    }

    /** The result of {@link #parse(List)}. */
    public sealed interface Parsed {
        record Valid(TargetPolicy policy) implements Parsed {
        }

        record Invalid(List<String> problems) implements Parsed {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }
}
