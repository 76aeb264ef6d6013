package io.brandpulse.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations people write in YAML: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 4h}, {@code
 * 7d}, or ISO-8601 {@code PT5M}. The configuration is parsed with it once, at load; {@link #format}
 * writes a duration back the same way.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    /**
     * The duration, never negative; an unreadable or negative one is an {@link
     * IllegalArgumentException}.
     */
    public static Duration parse(String text) {
        Duration d;
        try {
            d = parseUnchecked(text);
            d.toMillis(); // every use is in milliseconds: one that does not fit is too long
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; durations must not be");
        }
        return d;
    }

    /**
     * The duration in the largest unit that holds it whole: {@code 15m}, {@code 24h} is {@code 1d},
     * {@code 90s}.
     */
    public static String format(Duration d) {
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms == 0 || ms % 1000 != 0) {
            return ms == 0 ? "0s" : ms + "ms";
        }
        long s = ms / 1000;
        return s % 86_400 == 0
                ? s / 86_400 + "d"
                : s % 3_600 == 0 ? s / 3_600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
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
