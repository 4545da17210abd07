package dev.triage.probes.internal.policy;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Port numbers and comma-separated port lists. */
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
    static Optional<Set<Integer>> parseList(String text) {
        Set<Integer> ports = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            Optional<Integer> port = parse(part.trim());
            if (port.isEmpty()) {
                return Optional.empty();
            }
            ports.add(port.get());
        }
        return Optional.of(ports);
    }
}
