package io.brandpulse.text;

/**
 * A text after {@link TextNormalizer}, with the way back: {@link #originalStart}/{@link
 * #originalEnd} map any span of the normalized text to the span of the original it came from, so
 * that tokens and keyword hits found on the normalized text are reported in the characters people
 * wrote (Traditional stays Traditional).
 */
public final class NormalizedText {
    private final String original;
    private final String normalized;

    /**
     * For each char of {@link #normalized}, the index of the original char it came from; one more
     * entry at the end.
     */
    private final int[] toOriginal;

    NormalizedText(String original, String normalized, int[] toOriginal) {
        this.original = original;
        this.normalized = normalized;
        this.toOriginal = toOriginal;
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    /** Start in the original of the normalized char at {@code start}. */
    public int originalStart(int start) {
        return toOriginal == null ? start : toOriginal[start];
    }

    /**
     * End (exclusive) in the original of a normalized span ending at {@code end} (exclusive): just
     * after the original char that the span's last char came from (a char that expanded, like
     * {@code ①}, is covered whole).
     */
    public int originalEnd(int end) {
        if (toOriginal == null || end == 0) {
            return end;
        }
        return toOriginal[end - 1] + 1;
    }

    /** The original characters of a normalized span. */
    public String originalSpan(int start, int end) {
        return original.substring(originalStart(start), originalEnd(end));
    }
}
