package io.brandpulse.tools.evaluate;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A reliability table: predictions binned by the confidence the model gave them, with how often
 * each bin was right. A calibrated model is right about 80% of the time when it says 0.8; the
 * expected calibration error (ECE) is the texts-weighted mean gap between a bin's mean confidence
 * and its accuracy.
 */
public final class Reliability {
    /** Bins of width 0.1 over [0, 1]; a confidence of exactly 1 goes to the last. */
    static final int BINS = 10;

    private final int[] count = new int[BINS];
    private final int[] right = new int[BINS];
    private final double[] confidenceSum = new double[BINS];

    public void add(double confidence, boolean correct) {
        double c = Math.max(0, Math.min(1, confidence));
        int bin = Math.min(BINS - 1, (int) (c * BINS));
        count[bin]++;
        confidenceSum[bin] += c;
        if (correct) right[bin]++;
    }

    int size() {
        int n = 0;
        for (int c : count) n += c;
        return n;
    }

    /** Accuracy of the bin holding {@code confidence}, or NaN when it is empty. */
    double accuracyAt(double confidence) {
        int bin = Math.min(BINS - 1, (int) (Math.max(0, Math.min(1, confidence)) * BINS));
        return count[bin] == 0 ? Double.NaN : (double) right[bin] / count[bin];
    }

    double expectedCalibrationError() {
        int n = size();
        if (n == 0) return Double.NaN;
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) continue;
            double gap = Math.abs(confidenceSum[b] / count[b] - (double) right[b] / count[b]);
            ece += gap * count[b] / n;
        }
        return ece;
    }

    void print(PrintStream out, String title) {
        out.println(title);
        out.printf(
                Locale.ROOT,
                "  %-11s %7s %15s %9s %7s%n",
                "confidence",
                "texts",
                "mean confidence",
                "accuracy",
                "gap");
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) continue;
            double mean = confidenceSum[b] / count[b];
            double accuracy = (double) right[b] / count[b];
            out.printf(
                    Locale.ROOT,
                    "  %.1f - %.1f   %7d %15.3f %9.3f %+7.3f%n",
                    b / (double) BINS,
                    (b + 1) / (double) BINS,
                    count[b],
                    mean,
                    accuracy,
                    accuracy - mean);
        }
        out.printf(
                Locale.ROOT,
                "  expected calibration error: %.4f over %d texts%n",
                expectedCalibrationError(),
                size());
    }

    String json() {
        StringBuilder b = new StringBuilder("{\"bins\":[");
        boolean first = true;
        for (int i = 0; i < BINS; i++) {
            if (count[i] == 0) continue;
            b.append(first ? "" : ",")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "{\"from\":%.1f,\"texts\":%d,\"meanConfidence\":%.4f,\"accuracy\":%.4f}",
                                    i / (double) BINS,
                                    count[i],
                                    confidenceSum[i] / count[i],
                                    (double) right[i] / count[i]));
            first = false;
        }
        return b.append(String.format(Locale.ROOT, "],\"ece\":%.4f}", expectedCalibrationError()))
                .toString();
    }
}
