package dev.triage.probes.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Port numbers, and the port lists of allow entries ({@code 3389,3390} or ranges such as {@code 50000-50100}). */
final class Ports {
    private Ports() {
    }

    static Optional<Integer> parse(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /** An empty result means the list was malformed. */
    static Optional<PortSet> parseList(String text) {
        List<PortSet.Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Optional<PortSet.Range> range = parseRange(part.strip());
            if (range.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(range.get());
        }
        return Optional.of(new PortSet(ranges, false));
    }

    private static Optional<PortSet.Range> parseRange(String text) {
        int dash = text.indexOf('-');
        Optional<Integer> from = parse(dash < 0 ? text : text.substring(0, dash));
        Optional<Integer> to = dash < 0 ? from : parse(text.substring(dash + 1));
        if (from.isEmpty() || to.isEmpty() || from.get() > to.get()) {
            return Optional.empty();
        }
        return Optional.of(new PortSet.Range(from.get(), to.get()));
    }
}
