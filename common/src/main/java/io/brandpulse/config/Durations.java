package io.brandpulse.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations people write in YAML: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 4h}, {@code 7d}, or ISO-8601 {@code PT5M}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    /** The duration, never negative; an unreadable or negative one is an {@link IllegalArgumentException}. */
    public static Duration parse(String text) {
        Duration d;
        try {
            d = parseUnchecked(text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; durations must not be");
        }
        return d;
    }

    private static Duration parseUnchecked(String text) {
        Matcher m = SHORT.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (write e.g. 500ms, 10s, 5m, 4h, 7d or PT5M)");
        }
    }
}
