package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guacamole protocol status codes as web gateways built on guacamole-common-js show them in place of the RDP client's
 * own error: JumpServer Lion and Next Terminal print the decimal number ("error 519", "报519错误", "status: 769"),
 * Guacamole's log and console the hex one ("status 0x0207"), and Guacamole's page its untranslated key
 * ("CLIENT.ERROR_CLIENT_207", the key's number being the status in hex). The numbers overlap mstsc's codes (516 is
 * mstsc's 0x204, a failed TCP connect), so a number is read as a Guacamole status only when the text names a
 * Guacamole-based gateway; the translation key names itself. All quantifiers are bounded.
 */
final class GatewayStatus {
    /** Gateways whose RDP runs through guacd: Guacamole, JumpServer (Lion), Next Terminal. */
    private static final Pattern GATEWAY = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:guacamole|guacd|jump ?server|next[ -]?terminal)", Pattern.CASE_INSENSITIVE);

    private static final String GAP = "[\\s\\u3000]{0,3}";
    /** The words these UIs and their users put before the number; "error code" too, so it outranks mstsc's reading. */
    private static final String LABEL =
            "(?:(?<![\\p{L}\\p{N}_])(?<!(?i:http|https|socket|ssl|curl|nginx) )(?:status(?: code)?|error(?: code)?|code)"
                    + "|状态码|错误码|错误代码|错误|报错?)";
    /**
     * Cloudflare's own error pages number 520-523 too ("Error 521: Web server is down"), and a gateway published
     * through Cloudflare shows them; where Cloudflare is named those four numbers are its, not Guacamole's.
     */
    private static final Pattern CLOUDFLARE = Pattern.compile("cloudflare", Pattern.CASE_INSENSITIVE);
    private static final long FIRST_CLOUDFLARE = 520;
    private static final long LAST_CLOUDFLARE = 523;
    private static final String DECIMAL = "(?<decimal>5(?:1[2-9]|2[0-3])|7(?:68|69|71|76|81|83|97))";
    private static final String HEX = "(?<hex>0x0?[23][0-9a-f]{2})";

    /** A label, then the status: decimal, or hex only after "status" (a bare or "error code" 0x... stays mstsc's). */
    static final Pattern LABELLED = Pattern.compile("(?:" + LABEL + GAP + "[:：=#]?" + GAP + DECIMAL
            + "|(?<![\\p{L}\\p{N}_])status(?: code)?" + GAP + "[:：=#]?" + GAP + HEX + ")(?![A-Za-z0-9_]|\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    /** Chinese puts the word after the number ("519错误"); CJK letters touch the number, so only Latin ones bound it. */
    static final Pattern TRAILING = Pattern.compile("(?<![A-Za-z0-9_.])" + DECIMAL + GAP + "(?:错误|error)");
    /**
     * guacamole-client's translation keys for the connection's status, shown raw when a translation is missing. Its
     * ERROR_TUNNEL_ keys are the tunnel's to the gateway (TUNNEL 207 is guacd unreachable), so they are not read here.
     */
    /**
     * JumpServer Lion's own codes (1000-1011, jumpserver-lion-status.tsv) travel in the same field of Guacamole's error
     * instruction; they are JumpServer's, so they are read only where JumpServer is named, in decimal after a label or
     * before 错误 as the Guacamole statuses are.
     */
    private static final Pattern JUMPSERVER = Pattern.compile("(?<![\\p{L}\\p{N}])jump ?server",
            Pattern.CASE_INSENSITIVE);
    private static final String LION = "(?<decimal>10(?:0[0-9]|1[01]))";
    static final Pattern LION_LABELLED = Pattern.compile(LABEL + GAP + "[:：=#]?" + GAP + LION
            + "(?![A-Za-z0-9_]|\\.\\d)", Pattern.CASE_INSENSITIVE);
    static final Pattern LION_TRAILING = Pattern.compile("(?<![A-Za-z0-9_.])" + LION + GAP + "(?:错误|error)");

    static final Pattern KEY = Pattern.compile("(?<![\\p{L}\\p{N}])ERROR_CLIENT_(?<key>[0-9A-F]{3})(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    private final CodeTable table;
    private final CodeTable lion;

    GatewayStatus(CodeTable table, CodeTable lion) {
        this.table = table;
        this.lion = lion;
    }

    /** One status code and where it was found. */
    record Find(int start, int end, DecodedCode code) {
    }

    /** Every Guacamole status in the text; numbers only when a Guacamole-based gateway is named. */
    List<Find> find(String text) {
        List<Find> found = new ArrayList<>();
        collect(table, KEY.matcher(text), found, m -> CodeSpelling.parse(m.group("key"), 16));
        if (JUMPSERVER.matcher(text).find()) {
            collect(lion, LION_LABELLED.matcher(text), found, m -> CodeSpelling.parse(m.group("decimal"), 10));
            collect(lion, LION_TRAILING.matcher(text), found, m -> CodeSpelling.parse(m.group("decimal"), 10));
        }
        if (GATEWAY.matcher(text).find()) {
            boolean cloudflare = CLOUDFLARE.matcher(text).find();
            collect(table, LABELLED.matcher(text), found,
                    m -> value(m).filter(v -> !(cloudflare && isCloudflares(m, v))));
            collect(table, TRAILING.matcher(text), found, m -> CodeSpelling.parse(m.group("decimal"), 10)
                    .filter(v -> !(cloudflare && isCloudflares(m, v))));
        }
        return found;
    }

    private static void collect(CodeTable from, Matcher m, List<Find> found,
            Function<Matcher, Optional<Long>> value) {
        while (m.find()) {
            Optional<Long> v = value.apply(m);
            if (v.isPresent()) {
                int start = m.start();
                int end = m.end();
                String matched = m.group().strip();
                from.exact(v.get()).ifPresent(row -> found.add(new Find(start, end, new DecodedCode(
                        CodeSpelling.hex(v.get()), CodeKind.GUACAMOLE_STATUS, v.get(), row.name(), row.meaning(),
                        from.source(), matched, row.causes()))));
            }
        }
    }

    private static boolean isCloudflares(Matcher m, long value) {
        return m.group("decimal") != null && value >= FIRST_CLOUDFLARE && value <= LAST_CLOUDFLARE;
    }

    private static Optional<Long> value(Matcher m) {
        return m.group("decimal") != null ? CodeSpelling.parse(m.group("decimal"), 10)
                : CodeSpelling.hexValue(m.group("hex"));
    }
}
