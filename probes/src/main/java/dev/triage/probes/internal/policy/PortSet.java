package dev.triage.probes.internal.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ports an allow entry admits. An entry written without ports admits only the RDP default 3389: an allow-list
 * that admitted every port would let anyone who can chat with the bot scan the allowed networks.
 *
 * @param ranges   inclusive port ranges, as written
 * @param implicit true when the entry named no ports and got the default
 */
public record PortSet(List<Range> ranges, boolean implicit) {
    /** The RDP default port. */
    public static final int RDP = 3389;
    /** What an entry without a port list allows. */
    public static final PortSet DEFAULT = new PortSet(List.of(new Range(RDP, RDP)), true);

    public PortSet {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a port set needs at least one port");
        }
    }

    public boolean contains(int port) {
        return ranges.stream().anyMatch(r -> r.from() <= port && port <= r.to());
    }

    /** "3389", "3389, 3390" or "3389, 50000-50100", for reasons a user reads. */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }

    /** An inclusive range; a single port is a range of one. */
    public record Range(int from, int to) {
        public Range {
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("bad port range " + from + "-" + to);
            }
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }
}
