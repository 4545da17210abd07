package dev.triage.rules;

import java.util.Map;
import java.util.Objects;

/**
 * A decoded error code.
 *
 * @param kind  which table: {@code disconnect}, {@code extended}, {@code errinfo}, {@code errconnect},
 *              {@code status} (a Windows NTSTATUS, HRESULT or Win32 code), {@code openssl} (an OpenSSL error or the TLS alert
 *              it carries), {@code unverified} or {@code unknown}
 * @param code  canonical lower-case hex ({@code 0x904}); for {@code errconnect} always the symbolic name
 *              ({@code ERRCONNECT_CONNECT_TRANSPORT_FAILED}), whether the paste showed the name or the value
 * @param value numeric value, 0 when the code is purely symbolic
 * @param name  the symbolic name in its table, empty when unknown
 * @param pointsAt cause id to weight, as the code's table row states it (the decoder's Windows tables do); the rules
 *              add each as support, so a table row needs no rule of its own. Empty for most codes.
 * @param label what a helpdesk calls the code ("extended error code", "JumpServer Lion code"), as the views name it;
 *              the decoder knows it (the rules do not read it), so the evidence sentences say what the views say
 * @param shown the code as the views show it, which is how the user finds it in their paste ("519 (0x207)")
 */
public record CodeFact(String kind, String code, long value, String name, Map<String, Integer> pointsAt, String label,
                       String shown) {
    public CodeFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shown, "shown");
        pointsAt = Map.copyOf(pointsAt);
    }

    /** A code as a rules test states it: named "code" and shown as its canonical spelling. */
    public CodeFact(String kind, String code, long value, String name, Map<String, Integer> pointsAt) {
        this(kind, code, value, name, pointsAt, "code", code);
    }

    /** A code whose table points at no cause; the rules read it by kind and code. */
    public CodeFact(String kind, String code, long value, String name) {
        this(kind, code, value, name, Map.of());
    }
}
