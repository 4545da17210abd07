package dev.triage.knowledge.internal.codes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical spelling of error codes, shared by article validation, the analyzer and the decoder so that the
 * three always agree: hex as lower-case {@code 0x} without leading zeros, symbolic names in upper case.
 */
public final class CodeSpelling {
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,16}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*([_-][A-Za-z0-9]+)+|[A-Za-z][A-Za-z0-9]{2,}");

    private CodeSpelling() {
    }

    /**
     * The canonical spelling of a code written in front matter, or empty when it is neither hex nor a name. Names
     * may contain {@code _} and {@code -} ({@code SSL_ERR_CERT_EXPIRED}, {@code CVE-2018-0886}).
     */
    public static Optional<String> canonical(String code) {
        String trimmed = code.strip();
        if (HEX.matcher(trimmed).matches()) {
            return hexValue(trimmed).map(CodeSpelling::hex);
        }
        if (NAME.matcher(trimmed).matches()) {
            return Optional.of(trimmed.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** {@code 0x} + lower-case hex digits without leading zeros; {@code 0x0} for zero. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The value of a {@code 0x...} spelling (any case, any leading zeros); empty when it is not one or too big. */
    public static Optional<Long> hexValue(String text) {
        if (text.length() < 3 || !(text.startsWith("0x") || text.startsWith("0X"))) {
            return Optional.empty();
        }
        return parse(text.substring(2), 16);
    }

    /** The value of plain digits in the given radix; empty when they are not digits or exceed 32 bits. */
    public static Optional<Long> parse(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 16) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c < 128 ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            value = value * radix + digit;
            if (value > 0xFFFF_FFFFL) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }
}
