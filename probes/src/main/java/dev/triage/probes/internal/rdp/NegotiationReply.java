package dev.triage.probes.internal.rdp;

/** What the server answered to one Connection Request. */
public sealed interface NegotiationReply {

    /** RDP_NEG_RSP: the server picked {@code selectedProtocol}. */
    record Selected(int selectedProtocol, int flags, int sourceReference) implements NegotiationReply {
    }

    /** RDP_NEG_FAILURE with its code. */
    record Refused(long failureCode, int sourceReference) implements NegotiationReply {
        public String codeName() {
            return FailureCode.nameOf(failureCode);
        }
    }

    /** A Connection Confirm without negotiation data: a pre-Vista server, Standard RDP Security only. */
    record LegacyConfirm(int sourceReference) implements NegotiationReply {
    }

    /** Bytes that are not an X.224 Connection Confirm; {@code firstBytes} in hex for the report. */
    record Garbage(String firstBytes, String why) implements NegotiationReply {
    }
}
