package dev.triage.bot.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * One scrubbed log line, rendered as text for a person or as a JSON object for a collector.
 *
 * @param context   the MDC entries: the case and the surface a line is about, where known
 * @param exception the exception and its causes, outermost first, already scrubbed; empty when there is none
 * @param stack     the exception's stack frames (names only: they carry no data), empty when there is none
 * @param inline    whether the message already shows the exception (it filled the last placeholder), so the
 *                  plain rendering does not repeat it
 */
record LogLine(Instant time, Level level, String logger, String message, Map<String, String> context,
        List<String> exception, List<String> stack, boolean inline) {

    String plain() {
        StringBuilder out = new StringBuilder().append(time).append(' ').append(level).append(' ').append(logger)
                .append(" - ").append(message);
        context.forEach((key, value) -> out.append(' ').append(key).append('=').append(value));
        for (int i = 0; !inline && i < exception.size(); i++) {
            out.append(System.lineSeparator()).append(i == 0 ? "  " : "  caused by ").append(exception.get(i));
        }
        stack.forEach(frame -> out.append(System.lineSeparator()).append("    at ").append(frame));
        return out.toString();
    }

    String json() {
        StringBuilder out = new StringBuilder("{");
        field(out, "time", time.toString()).append(',');
        field(out, "level", level.toString()).append(',');
        field(out, "logger", logger).append(',');
        field(out, "message", message);
        context.forEach((key, value) -> field(out.append(','), key, value));
        if (!exception.isEmpty()) {
            String outer = exception.get(0);
            int colon = outer.indexOf(": ");
            field(out.append(','), "exception", colon < 0 ? outer : outer.substring(0, colon));
            field(out.append(','), "exception_message", colon < 0 ? "" : outer.substring(colon + 2));
            if (exception.size() > 1) {
                field(out.append(','), "causes", String.join(" <- ", exception.subList(1, exception.size())));
            }
            field(out.append(','), "stack", String.join("\n", stack));
        }
        return out.append('}').toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        quoted(out, name).append(':');
        return quoted(out, value);
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
