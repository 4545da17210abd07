package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * All code tables the decoder and the analyzer use, loaded once per knowledge base. The Windows tables share one
 * kind: Win32 codes (also reached through FACILITY_WIN32 HRESULTs), other HRESULTs, NTSTATUS values, and the names
 * of HRESULT facilities for codes none of them lists. OpenSSL's SSL reasons and the TLS alerts they carry have their
 * own kind, and so do the Guacamole gateway's status codes, which the decoder reads only where a gateway is named;
 * JumpServer Lion's own codes travel in the same field of Guacamole's error instruction and share that kind.
 */
public record CodeTables(
        CodeTable disconnect, CodeTable extended, CodeTable serverInfo, CodeTable connect, CodeTable unverified,
        CodeTable win32, CodeTable hresults, CodeTable ntstatus, CodeTable facilities, CodeTable sslReasons,
        CodeTable tlsAlerts, CodeTable guacamole, CodeTable jumpserver) {

    public static CodeTables load() {
        return new CodeTables(
                CodeTable.load(CodeKind.DISCONNECT_REASON, "disconnect-reasons.tsv"),
                CodeTable.load(CodeKind.EXTENDED_REASON, "extended-reasons.tsv"),
                CodeTable.load(CodeKind.SERVER_ERROR_INFO, "server-error-info.tsv"),
                CodeTable.load(CodeKind.FREERDP_CONNECT_ERROR, "freerdp-connect-errors.tsv"),
                CodeTable.load(CodeKind.UNVERIFIED, "unverified.tsv"),
                CodeTable.load(CodeKind.WINDOWS_STATUS, "win32-errors.tsv"),
                CodeTable.load(CodeKind.WINDOWS_STATUS, "hresults.tsv"),
                CodeTable.load(CodeKind.WINDOWS_STATUS, "ntstatus.tsv"),
                CodeTable.load(CodeKind.WINDOWS_STATUS, "hresult-facilities.tsv"),
                CodeTable.load(CodeKind.OPENSSL_ERROR, "openssl-ssl-reasons.tsv"),
                CodeTable.load(CodeKind.OPENSSL_ERROR, "tls-alerts.tsv"),
                CodeTable.load(CodeKind.GUACAMOLE_STATUS, "guacamole-status.tsv"),
                CodeTable.load(CodeKind.GUACAMOLE_STATUS, "jumpserver-lion-status.tsv"));
    }

    /**
     * The tables of codes users paste as numbers. Facility names are not codes, and OpenSSL reasons and TLS alerts
     * only ever arrive packed in an OpenSSL error, so none of those give a bare number a meaning.
     */
    public List<CodeTable> all() {
        return List.of(disconnect, extended, serverInfo, connect, unverified, win32, hresults, ntstatus);
    }

    /** Every cause id a row of any table points at, so the composition can check them against the rules' causes. */
    public Set<String> pointedCauses() {
        Set<String> causes = new TreeSet<>();
        for (CodeTable table : List.of(disconnect, extended, serverInfo, connect, unverified, win32, hresults, ntstatus,
                sslReasons, tlsAlerts, guacamole, jumpserver)) {
            table.rows().forEach(row -> row.causes().forEach(hint -> causes.add(hint.causeId())));
        }
        return Set.copyOf(causes);
    }

    /** Every single value any table lists; ranges are left out because they would swallow ordinary numbers. */
    public Set<Long> knownValues() {
        Set<Long> values = new HashSet<>();
        for (CodeTable table : all()) {
            table.rows().stream().filter(row -> !row.isRange()).forEach(row -> values.add(row.first()));
        }
        return Set.copyOf(values);
    }
}
