package dev.triage.probes.internal.runner;

import dev.triage.probes.Outcome;
import dev.triage.probes.RdpResult;
import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.rdp.NegotiationReply;
import dev.triage.probes.internal.rdp.SecurityProtocol;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds the {@code rdp} result from the main X.224 exchange and the per-layer requests. */
final class RdpAssembler {
    private RdpAssembler() {
    }

    static RdpResult assemble(MainConnection.Negotiated main, List<SideProbes.LayerAnswer> layers) {
        if (main.exchange().isEmpty()) {
            return RdpResult.skipped("no TCP connection to negotiate on");
        }
        Negotiation.Exchange exchange = main.exchange().get();
        Duration took = exchange.took();
        String requested = SecurityProtocol.describeRequest(main.requested());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("requestedProtocols", requested);
        if (exchange instanceof Negotiation.Exchange.NoResponse none) {
            details.put("reason", none.closed() ? "closed" : "timeout");
            return new RdpResult(Outcome.NO_RESPONSE, none.closed()
                    ? "the server closed the connection without answering the X.224 Connection Request"
                    : "no answer to the X.224 Connection Request within " + took.toMillis() + " ms", took, details);
        }
        if (exchange instanceof Negotiation.Exchange.Reset reset) {
            details.put("error", reset.error());
            return new RdpResult(Outcome.RESET, "the server reset the connection instead of answering the X.224 "
                    + "Connection Request", took, details);
        }
        NegotiationReply reply = ((Negotiation.Exchange.Answered) exchange).reply();
        if (reply instanceof NegotiationReply.Garbage garbage) {
            details.put("firstBytes", garbage.firstBytes());
            details.put("error", garbage.why());
            return new RdpResult(Outcome.GARBAGE, "not an RDP answer (" + garbage.why() + "); first bytes "
                    + garbage.firstBytes(), took, details);
        }
        Layers scan = Layers.of(main, layers);
        details.putAll(scan.details());
        if (reply instanceof NegotiationReply.Refused refused) {
            details.put("failureCode", refused.codeName());
            details.put("sourceReference", String.format("%04x", refused.sourceReference()));
            return new RdpResult(Outcome.FAILURE, "the server refused " + requested + " with " + refused.codeName()
                    + scan.summarySuffix(), took, details);
        }
        int selected = reply instanceof NegotiationReply.Selected s ? s.selectedProtocol() : 0;
        details.put("selectedProtocol", SecurityProtocol.nameOf(selected));
        fingerprint(reply, details);
        return new RdpResult(Outcome.OK, "the server selected " + SecurityProtocol.nameOf(selected) + " "
                + meaning(selected) + scan.summarySuffix(), took, details);
    }

    private static void fingerprint(NegotiationReply reply, Map<String, String> details) {
        if (reply instanceof NegotiationReply.Selected s) {
            details.put("negotiationFlags", String.format("0x%02x", s.flags()));
            details.put("sourceReference", String.format("%04x", s.sourceReference()));
            details.put("fingerprint", String.format("srcref=%04x flags=%02x", s.sourceReference(), s.flags()));
            if (s.sourceReference() == 0) {
                details.put("serverGuess", "FreeRDP-based (X.224 source reference 0)");
            }
        } else if (reply instanceof NegotiationReply.LegacyConfirm legacy) {
            details.put("legacyConfirm", "true");
            details.put("sourceReference", String.format("%04x", legacy.sourceReference()));
            details.put("fingerprint", String.format("srcref=%04x legacy", legacy.sourceReference()));
        }
    }

    private static String meaning(int selected) {
        if (selected == SecurityProtocol.RDP.bits()) {
            return "(Standard RDP Security, no TLS)";
        }
        if (selected == SecurityProtocol.SSL.bits()) {
            return "(TLS without NLA)";
        }
        if (SecurityProtocol.isCredSsp(selected)) {
            return "(NLA over CredSSP)";
        }
        return "";
    }

    /** What the per-layer requests showed. */
    private record Layers(Set<String> accepted, Map<String, String> rejected, boolean scanned) {

        static Layers of(MainConnection.Negotiated main, List<SideProbes.LayerAnswer> layers) {
            Set<String> accepted = new TreeSet<>(Comparator.comparingInt(Layers::order).thenComparing(Comparator.naturalOrder()));
            Map<String, String> rejected = new LinkedHashMap<>();
            record(main.requested(), main.exchange().orElse(null), accepted, rejected);
            for (SideProbes.LayerAnswer layer : layers) {
                record(layer.requested(), layer.exchange().orElse(null), accepted, rejected);
            }
            return new Layers(accepted, rejected, !layers.isEmpty());
        }

        private static void record(int requested, Negotiation.Exchange exchange, Set<String> accepted,
                                   Map<String, String> rejected) {
            if (!(exchange instanceof Negotiation.Exchange.Answered answered)) {
                return;
            }
            String name = SecurityProtocol.describeRequest(requested);
            if (answered.reply() instanceof NegotiationReply.Selected s) {
                accepted.add(SecurityProtocol.nameOf(s.selectedProtocol()));
            } else if (answered.reply() instanceof NegotiationReply.LegacyConfirm) {
                accepted.add("RDP");
            } else if (answered.reply() instanceof NegotiationReply.Refused r) {
                rejected.put("rejected." + name, r.codeName());
            }
        }

        private static int order(String protocol) {
            List<String> known = List.of("RDP", "SSL", "HYBRID", "RDSTLS", "HYBRID_EX", "RDSAAD");
            int index = known.indexOf(protocol);
            return index < 0 ? known.size() : index;
        }

        boolean nlaRequired() {
            boolean refusedForNla = rejected.containsValue("HYBRID_REQUIRED_BY_SERVER");
            boolean onlyCredSsp = scanned && !accepted.isEmpty()
                    && accepted.stream().allMatch(p -> p.equals("HYBRID") || p.equals("HYBRID_EX"));
            return refusedForNla || onlyCredSsp;
        }

        Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("acceptedProtocols", String.join(",", accepted));
            details.putAll(rejected);
            details.put("nlaRequired", String.valueOf(nlaRequired()));
            return details;
        }

        String summarySuffix() {
            String text = accepted.isEmpty() ? "" : "; accepts " + String.join(", ", accepted);
            return text + (nlaRequired() ? "; NLA is required" : "");
        }
    }
}
