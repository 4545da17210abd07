package dev.triage.probes.internal.ntlm;

import java.util.List;
import java.util.Optional;

/**
 * CredSSP TSRequest (MS-CSSP 2.2.1): encodes the first client message carrying an NTLM NEGOTIATE, and decodes the
 * server's answer into the NTLM token or the error code. Decoding never throws.
 */
public final class TsRequest {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int CREDSSP_VERSION = 6;

    private TsRequest() {
    }

    /** What the server's TSRequest held. */
    public sealed interface Reply {
        record Token(long version, byte[] token) implements Reply {
        }

        /** {@code errorCode} is an NTSTATUS (MS-CSSP 2.2.1). */
        record Error(long version, long errorCode) implements Reply {
        }

        record Malformed(String why) implements Reply {
        }
    }

    public static byte[] negotiate(byte[] ntlmNegotiate) {
        byte[] version = Der.encode(0xA0, Der.encode(INTEGER, new byte[] {CREDSSP_VERSION}));
        byte[] token = Der.encode(SEQUENCE, Der.encode(0xA0, Der.encode(OCTET_STRING, ntlmNegotiate)));
        byte[] negoTokens = Der.encode(0xA1, Der.encode(SEQUENCE, token));
        return Der.encode(SEQUENCE, version, negoTokens);
    }

    public static Reply decode(byte[] message) {
        Optional<List<Der.Element>> top = Der.children(message);
        if (top.isEmpty() || top.get().size() != 1 || top.get().get(0).tag() != SEQUENCE) {
            return new Reply.Malformed("not a DER SEQUENCE");
        }
        Optional<List<Der.Element>> fields = Der.children(top.get().get(0).content());
        if (fields.isEmpty()) {
            return new Reply.Malformed("TSRequest fields overrun");
        }
        long version = -1;
        for (Der.Element field : fields.get()) {
            if (field.tag() == 0xA0) {
                version = innerInteger(field).orElse(-1L);
            } else if (field.tag() == 0xA1) {
                Optional<byte[]> token = firstToken(field.content());
                if (token.isPresent()) {
                    return new Reply.Token(version, token.get());
                }
            } else if (field.tag() == 0xA4) {
                Optional<Long> code = innerInteger(field);
                if (code.isPresent()) {
                    return new Reply.Error(version, code.get());
                }
            }
        }
        return new Reply.Malformed("TSRequest carries neither a negoToken nor an errorCode");
    }

    private static Optional<Long> innerInteger(Der.Element explicit) {
        return Der.children(explicit.content())
                .filter(list -> list.size() == 1 && list.get(0).tag() == INTEGER)
                .flatMap(list -> Der.integer(list.get(0).content()));
    }

    /** negoTokens: SEQUENCE OF SEQUENCE { [0] OCTET STRING }. */
    private static Optional<byte[]> firstToken(byte[] negoTokens) {
        return Der.children(negoTokens)
                .filter(l -> !l.isEmpty() && l.get(0).tag() == SEQUENCE)
                .flatMap(l -> Der.children(l.get(0).content()))
                .filter(l -> !l.isEmpty() && l.get(0).tag() == SEQUENCE)
                .flatMap(l -> Der.children(l.get(0).content()))
                .filter(l -> !l.isEmpty() && l.get(0).tag() == 0xA0)
                .flatMap(l -> Der.children(l.get(0).content()))
                .filter(l -> l.size() == 1 && l.get(0).tag() == OCTET_STRING)
                .map(l -> l.get(0).content());
    }
}
