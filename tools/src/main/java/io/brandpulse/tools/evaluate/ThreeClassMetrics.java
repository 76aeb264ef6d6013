package io.brandpulse.tools.evaluate;

import io.brandpulse.text.sentiment.Sentiment;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Three-class accuracy and confusion (positive, neutral, negative) on posts with neutral ones among
 * them, and the share of neutral posts called negative: what feeds negative surges with chatter.
 */
public final class ThreeClassMetrics {
    static final List<String> LABELS =
            List.of(Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE);

    /** [gold][predicted], in the order of {@link #LABELS}. */
    private final int[][] confusion = new int[3][3];

    public void add(String gold, String predicted) {
        confusion[index(gold)][index(predicted)]++;
    }

    private static int index(String label) {
        int i = LABELS.indexOf(label);
        if (i < 0) throw new IllegalArgumentException("not a three-class label: " + label);
        return i;
    }

    int size() {
        int n = 0;
        for (int[] row : confusion) for (int c : row) n += c;
        return n;
    }

    double accuracy() {
        int n = size();
        return n == 0 ? 0 : (double) (confusion[0][0] + confusion[1][1] + confusion[2][2]) / n;
    }

    /** Of the neutral posts, the share called negative. */
    double neutralCalledNegative() {
        int neutral = confusion[1][0] + confusion[1][1] + confusion[1][2];
        return neutral == 0 ? 0 : (double) confusion[1][2] / neutral;
    }

    int count(String gold, String predicted) {
        return confusion[index(gold)][index(predicted)];
    }

    void print(PrintStream out, String title) {
        out.println(title);
        out.printf(
                Locale.ROOT,
                "  %-14s %9s %9s %9s%n",
                "gold \\ called",
                "positive",
                "neutral",
                "negative");
        for (int g = 0; g < 3; g++) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %9d %9d %9d%n",
                    LABELS.get(g),
                    confusion[g][0],
                    confusion[g][1],
                    confusion[g][2]);
        }
        out.printf(
                Locale.ROOT,
                "  three-class accuracy %.4f over %d posts; neutral posts called negative: %.1f%%"
                        + " (targets: >= 0.80, <= 10%%)%n",
                accuracy(),
                size(),
                100 * neutralCalledNegative());
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"posts\":%d,\"accuracy\":%.4f,\"neutralCalledNegative\":%.4f}",
                size(),
                accuracy(),
                neutralCalledNegative());
    }
}
