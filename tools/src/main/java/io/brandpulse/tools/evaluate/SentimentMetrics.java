package io.brandpulse.tools.evaluate;

import io.brandpulse.text.sentiment.Sentiment;
import java.util.Locale;

/**
 * Accuracy and macro-F1 of predicted labels against binary gold labels. A neutral prediction is a
 * miss: it counts against accuracy and against the recall of the gold class, and as a positive or
 * negative prediction of neither.
 */
public final class SentimentMetrics {
    private int n;
    private int correct;
    private int neutral;

    /** [gold][predicted]: gold 0 neg / 1 pos; predicted 0 neg / 1 pos. */
    private final int[][] confusion = new int[2][2];

    private final int[] goldCount = new int[2];

    public void add(int gold, String predicted) {
        n++;
        goldCount[gold]++;
        if (Sentiment.NEUTRAL.equals(predicted)) {
            neutral++;
            return;
        }
        int p = Sentiment.POSITIVE.equals(predicted) ? 1 : 0;
        confusion[gold][p]++;
        if (p == gold) correct++;
    }

    /** Is {@code predicted} the binary gold label? A neutral prediction never is. */
    static boolean isRight(int gold, String predicted) {
        return gold == 1
                ? Sentiment.POSITIVE.equals(predicted)
                : Sentiment.NEGATIVE.equals(predicted);
    }

    int size() {
        return n;
    }

    double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    double neutralShare() {
        return n == 0 ? 0 : (double) neutral / n;
    }

    double f1(int cls) {
        int tp = confusion[cls][cls];
        int predicted = confusion[0][cls] + confusion[1][cls];
        int gold =
                goldCount[cls]; // includes the neutral predictions, which are not in the confusion
        // matrix
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = gold == 0 ? 0 : (double) tp / gold;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double macroF1() {
        return (f1(0) + f1(1)) / 2;
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "n=%d acc=%.4f macroF1=%.4f neutral=%.2f%%",
                n,
                accuracy(),
                macroF1(),
                100 * neutralShare());
    }
}
