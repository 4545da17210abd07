package dev.triage.probes;

import dev.triage.probes.internal.policy.AllowEntry;
import dev.triage.probes.internal.policy.AllowEntryParser;
import dev.triage.probes.internal.policy.PolicyEvaluator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The allow-list that decides which targets may be probed. Immutable and thread-safe.
 *
 * <p>Entries: CIDR blocks or single addresses ({@code 10.0.0.0/8}, {@code 10.1.2.3}, {@code ::1/128},
 * {@code [fe80::1]}) and domain suffixes ({@code corp.example.com} matches the name and its subdomains,
 * {@code .corp.example.com} only subdomains), each optionally followed by a port list
 * ({@code 10.0.0.0/8:3389,3390}, {@code [2001:db8::1]:3389}, ranges such as {@code .lab.example.com:50000-50100}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Ports are part of the policy. An entry without a port list allows only the RDP port 3389; an entry with one
 *       allows exactly the listed ports. A target on another port is denied, and the reason names the ports each
 *       covering entry allows.</li>
 *   <li>Names are checked before they are resolved ({@link #decideBeforeResolving}): a name that no suffix entry
 *       matches is denied without any DNS query when there are no block entries (with block entries the name has to
 *       be resolved to be checked, and it is resolved only through the prober's {@link Resolver}). A name whose
 *       covering entries all exclude the port is denied unresolved too. No DNS query is ever made for an empty
 *       allow-list.</li>
 *   <li>A target is allowed when one of its resolved addresses lies in a block entry, or its name matches a suffix
 *       entry, and that entry allows the port. The first allowed address is the only one the probes connect to.</li>
 *   <li>Whatever name or wide entry leads to them, special addresses are denied: loopback, link-local (including the
 *       cloud metadata service 169.254.169.254), IPv6 link-local, the AWS IPv6 metadata block fd00:ec2::/64, the
 *       Azure WireServer 168.63.129.16, the Alibaba Cloud metadata service 100.100.100.200, 0.0.0.0/8, the
 *       unspecified address ::, broadcast and multicast, also in IPv4-mapped IPv6 form. Only an entry naming the very
 *       address ({@code 127.0.0.1/32}, {@code 127.0.0.1}, {@code ::1/128}) allows one; {@code 127.0.0.0/8},
 *       {@code 0.0.0.0/0} or a suffix entry does not. So a name under an allowed suffix that resolves to
 *       168.63.129.16 is denied and nothing is connected to.</li>
 * </ol>
 * With no entries nothing is allowed.
 */
public final class TargetPolicy {
    private final List<String> entries;
    private final PolicyEvaluator evaluator;
    private final List<Narrowing> narrowings;

    private TargetPolicy(List<String> entries, List<AllowEntry> parsed) {
        this.entries = List.copyOf(entries);
        this.evaluator = new PolicyEvaluator(parsed);
        this.narrowings = List.of();
    }

    private TargetPolicy(TargetPolicy ceiling, List<Narrowing> narrowings) {
        this.entries = ceiling.entries;
        this.evaluator = ceiling.evaluator;
        this.narrowings = List.copyOf(narrowings);
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
     * This policy narrowed by {@code scope}: a target must be allowed by both, on the same resolved address, so the
     * result never allows more than either. A denial by the scope starts with {@code scopeName} (for example
     * {@code probes.scopes line 4: ...}) so that people can tell which list refused; an allowed decision names the
     * entry of each. {@link #entries()} stays this policy's.
     */
    public TargetPolicy narrowedBy(TargetPolicy scope, String scopeName) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeName, "scopeName");
        List<Narrowing> all = new ArrayList<>(narrowings);
        all.add(new Narrowing(scope, scopeName));
        return new TargetPolicy(this, all);
    }

    /**
     * The decision that needs no DNS: a denial for a name that no entry could allow (see rule 2 above), or empty when
     * the target has to be resolved and passed to {@link #decide}. Always empty for an IP literal.
     */
    public Optional<PolicyDecision> decideBeforeResolving(Target target) {
        Optional<PolicyDecision> own = evaluator.decideBeforeResolving(Objects.requireNonNull(target, "target"));
        if (own.isPresent()) {
            return own;
        }
        for (Narrowing narrowing : narrowings) {
            Optional<PolicyDecision> scoped = narrowing.scope().decideBeforeResolving(target);
            if (scoped.isPresent()) {
                return Optional.of(narrowing.named(scoped.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Decides for a target whose name was already resolved to {@code addresses} (an IP literal "resolves" to itself).
     * The decision's address is the one to connect to; never resolve the name again (DNS rebinding).
     */
    public PolicyDecision decide(Target target, List<InetAddress> addresses) {
        Objects.requireNonNull(target, "target");
        if (narrowings.isEmpty() || addresses.isEmpty()) {
            return evaluator.decide(target, List.copyOf(addresses));
        }
        // As the evaluator does for one list: the first address every list allows wins, else the first one's reason.
        PolicyDecision first = null;
        for (InetAddress address : addresses) {
            PolicyDecision decision = decideNarrowed(target, address);
            if (decision.isAllowed()) {
                return decision;
            }
            first = first == null ? decision : first;
        }
        return first;
    }

    /** One address through this policy and then every narrowing; the first denial is the answer. */
    private PolicyDecision decideNarrowed(Target target, InetAddress address) {
        PolicyDecision own = evaluator.decide(target, List.of(address));
        if (!(own instanceof PolicyDecision.Allowed allowed)) {
            return own;
        }
        String rule = allowed.rule();
        String reason = allowed.reason();
        for (Narrowing narrowing : narrowings) {
            PolicyDecision scoped = narrowing.scope().decide(target, List.of(address));
            if (!(scoped instanceof PolicyDecision.Allowed inScope)) {
                return narrowing.named(scoped);
            }
            rule = rule + " + " + narrowing.name() + " '" + inScope.rule() + "'";
            reason = reason + ", and by " + narrowing.name() + " entry '" + inScope.rule() + "'";
        }
        return new PolicyDecision.Allowed(target, allowed.address(), rule, reason);
    }

    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TargetPolicy").append(entries);
        narrowings.forEach(n -> text.append(" narrowed by ").append(n.name()).append(' ').append(n.scope()));
        return text.toString();
    }

    /** A narrower list every target must also pass, and how its denials are introduced. */
    private record Narrowing(TargetPolicy scope, String name) {
        PolicyDecision named(PolicyDecision decision) {
            return new PolicyDecision.Denied(decision.target(), decision.checkedAddress(),
                    name + ": " + decision.reason());
        }
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
