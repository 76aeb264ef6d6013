package io.brandpulse.text.sentiment;

import java.util.Locale;
import java.util.Objects;

/**
 * The sentiment of one text: a {@link #label}, a signed {@link #score} and a {@link #confidence}.
 *
 * <ul>
 *   <li>{@code label}: {@code "positive"}, {@code "negative"} or {@code "neutral"} (weak evidence:
 *       nothing to score, or a probability too close to one half);
 *   <li>{@code score}: in [-1, 1], {@code 2p - 1} where {@code p} is the model's probability that
 *       the text is positive; its sign is the polarity (0 for a text with nothing to score);
 *   <li>{@code confidence}: in [0, 1]; for positive and negative, the probability of that label
 *       ({@code max(p, 1 - p)}, so at least 0.5); for neutral, how close {@code p} is to one half
 *       (0 when there was nothing to score at all).
 * </ul>
 */
public final class Sentiment {
    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";

    /** The sentiment of a text with nothing to score (empty, whitespace, no known characters). */
    public static final Sentiment NONE = new Sentiment(NEUTRAL, 0.0, 0.0);

    public final String label;
    public final double score;
    public final double confidence;

    public Sentiment(String label, double score, double confidence) {
        if (!POSITIVE.equals(label) && !NEGATIVE.equals(label) && !NEUTRAL.equals(label)) {
            throw new IllegalArgumentException(
                    "label must be positive, negative or neutral: " + label);
        }
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score out of [-1, 1]: " + score);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
        }
        this.label = label;
        this.score = score;
        this.confidence = confidence;
    }

    public boolean isPositive() {
        return POSITIVE.equals(label);
    }

    public boolean isNegative() {
        return NEGATIVE.equals(label);
    }

    public boolean isNeutral() {
        return NEUTRAL.equals(label);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Sentiment)) return false;
        Sentiment that = (Sentiment) o;
        return label.equals(that.label)
                && Double.compare(score, that.score) == 0
                && Double.compare(confidence, that.confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, score, confidence);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Sentiment{%s, score=%.3f, confidence=%.3f}",
                label,
                score,
                confidence);
    }
}
