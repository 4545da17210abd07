package dev.triage.probes.internal.runner;

import dev.triage.probes.DnsResult;
import dev.triage.probes.Outcome;
import dev.triage.probes.Resolver;
import dev.triage.probes.internal.policy.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Forward resolution with a deadline. IP literals are never looked up. A name's result carries the detail
 * {@code vantage}: {@code triage} when the resolver is Triage's own, {@code shared} when the operator said it is the
 * one the users use; a failed lookup means little about the user's DNS in the first case.
 */
final class DnsStep {
    private DnsStep() {
    }

    /** The DNS result and, when resolved, the addresses in resolver order. */
    record Resolved(DnsResult result, List<InetAddress> addresses) {
    }

    static Resolved resolve(String host, Resolver resolver, boolean sharedDns, ExecutorService executor,
            Deadline deadline) {
        String vantage = sharedDns ? "shared" : "triage";
        long start = System.nanoTime();
        Optional<InetAddress> literal = IpLiterals.parse(host);
        if (literal.isPresent()) {
            InetAddress address = IpLiterals.normalise(literal.get());
            return new Resolved(result(Outcome.RESOLVED, host + " is an IP address", start,
                    details(List.of(address), true, Optional.empty())), List.of(address));
        }
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> lookup(resolver, host), executor);
        try {
            List<InetAddress> addresses = lookup.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS).stream()
                    .map(IpLiterals::normalise).distinct().toList();
            if (addresses.isEmpty()) {
                return failed(Outcome.NXDOMAIN, host + " has no addresses", start, vantage);
            }
            return new Resolved(result(Outcome.RESOLVED, host + " → " + joined(addresses), start,
                    details(addresses, false, Optional.of(vantage))), addresses);
        } catch (TimeoutException e) {
            // getaddrinfo cannot be interrupted; the lookup thread finishes on its own, its answer is dropped.
            lookup.cancel(true);
            return failed(Outcome.FAILED, "resolving " + host + " took longer than the deadline", start, vantage);
        } catch (ExecutionException e) {
            String message = String.valueOf(e.getCause().getMessage());
            boolean temporary = message.toLowerCase(Locale.ROOT).contains("temporar");
            return failed(temporary ? Outcome.FAILED : Outcome.NXDOMAIN,
                    temporary ? "the resolver failed for " + host + ": " + message : host + " does not exist in DNS",
                    start, vantage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(Outcome.FAILED, "resolving " + host + " was cancelled", start, vantage);
        }
    }

    static DnsResult withReverse(DnsResult result, Optional<String> reverseName) {
        if (reverseName.isEmpty()) {
            return result;
        }
        Map<String, String> details = new LinkedHashMap<>(result.details());
        details.put("reverseName", reverseName.get());
        return new DnsResult(result.outcome(), result.summary() + " (PTR " + reverseName.get() + ")",
                result.elapsed(), details);
    }

    private static List<InetAddress> lookup(Resolver resolver, String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static Resolved failed(Outcome outcome, String summary, long start, String vantage) {
        return new Resolved(result(outcome, summary, start, Map.of("vantage", vantage)), List.of());
    }

    private static DnsResult result(Outcome outcome, String summary, long start, Map<String, String> details) {
        return new DnsResult(outcome, summary, Duration.ofNanos(System.nanoTime() - start), details);
    }

    private static Map<String, String> details(List<InetAddress> addresses, boolean literal,
            Optional<String> vantage) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("addresses", joined(addresses));
        details.put("literal", String.valueOf(literal));
        vantage.ifPresent(v -> details.put("vantage", v));
        return details;
    }

    private static String joined(List<InetAddress> addresses) {
        return addresses.stream().map(IpLiterals::text).collect(Collectors.joining(","));
    }
}
