package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Thresholds of the four detectors. Defaults are set so that a week of ordinary chatter raises
 * (almost) nothing; a brand's {@code detectors} section overrides single values, the rest comes
 * from {@code alerts.detectors}.
 */
public class DetectorSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many days of history the baselines remember (same hour of day, per brand). */
    public int baselineDays = 7;

    /**
     * Baselines are not trusted before this much history: until then only crisis terms can fire.
     */
    public Duration warmUp = Duration.ofHours(2);

    public VolumeSpike volumeSpike = new VolumeSpike();
    public NegativeSurge negativeSurge = new NegativeSurge();
    public ComplaintBurst complaintBurst = new ComplaintBurst();
    public CrisisKeyword crisisKeyword = new CrisisKeyword();

    /**
     * Volume of one window against its seasonal baseline (same hour on recent days, and the last
     * hours).
     */
    public static class VolumeSpike implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;

        /**
         * The minimum-volume gate: fewer mentions in a window never fire, so small brands are not
         * noisy.
         */
        public int minVolume = 15;

        /** Observed must be at least this many times the expected volume. */
        public double minRatio = 3.0;

        /** Robust z-score (median / MAD, floored by Poisson noise) at least this. */
        public double minScore = 4.0;
    }

    /** The negative share of the last {@code span} against the brand's own baseline share. */
    public static class NegativeSurge implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;
        public Duration span = Duration.ofHours(1);

        /** At least this many negative mentions in the span. */
        public int minNegative = 10;

        /** The negative share must be at least this (the floor)... */
        public double minShare = 0.45;

        /** ...and this much above the brand's baseline share... */
        public double minIncrease = 0.2;

        /**
         * ...and significant: a binomial z-score against the baseline share of at least this (high,
         * because the share is judged every window over two spans, and sentiment errors make it
         * noisier than binomial).
         */
        public double minScore = 4.5;
    }

    /**
     * One complaint category's count in the last {@code span} against the brand's usual share of
     * it.
     */
    public static class ComplaintBurst implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;
        public Duration span = Duration.ofHours(1);
        public int minCount = 8;

        /**
         * Observed at least this many times what the category's usual share predicts for the span's
         * volume.
         */
        public double minRatio = 4.0;

        /** Poisson z-score against that expectation. */
        public double minScore = 5.0;
    }

    /**
     * Severe terms, counted in distinct authors (not a rate) and judged against each term's own
     * baseline for the brand: a term new to the brand fires on {@code minAuthors}; a term that is
     * everyday chatter for it (an old scandal, slang) needs a burst of {@code burstRatio} times its
     * usual count on top.
     */
    public static class CrisisKeyword implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;
        public Duration span = Duration.ofHours(1);

        /**
         * Distinct authors, in non-positive mentions within the span, that make a new term fire.
         */
        public int minAuthors = 3;

        /** A known term needs minAuthors plus this many times its expected count in the span. */
        public double burstRatio = 5.0;

        /**
         * Before a day of history, a term's baseline is unknown: this many times minAuthors are
         * needed.
         */
        public double warmUpFactor = 2.0;
    }
}
