package dev.triage.rules;

import java.util.Objects;

/**
 * A decoded error code.
 *
 * @param kind  which table: {@code disconnect}, {@code extended}, {@code errinfo}, {@code errconnect},
 *              {@code status} (a Windows NTSTATUS or HRESULT), {@code unverified} or {@code unknown}
 * @param code  canonical lower-case hex ({@code 0x904}); for {@code errconnect} always the symbolic name
 *              ({@code ERRCONNECT_CONNECT_TRANSPORT_FAILED}), whether the paste showed the name or the value
 * @param value numeric value, 0 when the code is purely symbolic
 * @param name  the symbolic name in its table, empty when unknown
 */
public record CodeFact(String kind, String code, long value, String name) {
    public CodeFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
