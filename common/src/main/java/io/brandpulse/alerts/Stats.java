package io.brandpulse.alerts;

import java.util.Arrays;

/** The few robust statistics the detectors need. */
final class Stats {
    /** Scales a median absolute deviation to a standard deviation for normal data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Stats() {}

    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double mad(double[] values, int n, double median) {
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations, n);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
