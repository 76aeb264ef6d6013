package io.brandpulse.alerts;

import io.brandpulse.config.DetectorSettings;
import io.brandpulse.config.Durations;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.TermStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detectors that judge a brand's closed window against its history: {@code VOLUME_SPIKE},
 * {@code NEGATIVE_SURGE} and {@code COMPLAINT_BURST}. Plain functions: the history is read, never
 * changed here (the caller records the window afterwards, so a window is never part of its own
 * baseline).
 */
public final class WindowDetectors {
    /** Negative share assumed while a brand has too little history to have its own. */
    static final double PRIOR_NEGATIVE_SHARE = 0.3;

    /** Mentions of history needed before the brand's own complaint mix is trusted. */
    static final int MIN_BASELINE_MENTIONS = 30;

    /**
     * The brand's negative share is shrunk toward the prior as if this many prior mentions had been
     * seen: a first morning's 30 mentions do not make "usually 6% negative".
     */
    static final int PRIOR_MENTIONS = 100;

    /** Mentions a single past window can weigh in the brand's usual negative share. */
    static final int WINDOW_WEIGHT_CAP = 20;

    /**
     * Windows of "recent trend" for the volume baseline: the last two hours of 15-minute windows.
     */
    static final int RECENT_WINDOWS = 8;

    private WindowDetectors() {}

    public static List<Detection> detect(
            BrandHistory history, BrandWindowMetrics window, DetectorSettings settings) {
        List<Detection> found = new ArrayList<>(3);
        long slot = history.slotOf(window.windowStart);
        boolean warmedUp =
                history.windowsBefore(slot) * history.windowMillis >= settings.warmUp.toMillis();
        if (settings.volumeSpike.enabled && warmedUp) {
            volumeSpike(history, slot, window, settings.volumeSpike, settings.baselineDays, found);
        }
        if (settings.negativeSurge.enabled) {
            negativeSurge(
                    history, slot, window, settings.negativeSurge, settings.baselineDays, found);
        }
        if (settings.complaintBurst.enabled && warmedUp) {
            complaintBurst(
                    history, slot, window, settings.complaintBurst, settings.baselineDays, found);
        }
        return found;
    }

    /**
     * Volume against a seasonal baseline: the median of the same hour of day on the previous days,
     * or the median of the last two hours when that is higher (a brand trending up is not spiking);
     * spread from the median absolute deviation, never below Poisson noise.
     */
    static void volumeSpike(
            BrandHistory h,
            long slot,
            BrandWindowMetrics w,
            DetectorSettings.VolumeSpike s,
            int days,
            List<Detection> out) {
        long observed = w.volume;
        if (observed < s.minVolume) {
            return;
        }
        if (w.spamExcluded > w.volume && w.negative * 2 < w.volume) {
            return; // an ad campaign naming the brand: what slips through the spam filter must not
            // page anyone
        }
        int perDay = h.slotsPerDay();
        int perHour = Math.max(1, h.slotsIn(3_600_000L));
        long hourStart = slot - Math.floorMod(slot, perHour);
        double[] seasonal = new double[days * perHour];
        int n = 0;
        for (int d = 1; d <= days; d++) {
            for (int j = 0; j < perHour; j++) {
                long v = h.volume(hourStart + j - (long) d * perDay);
                if (v != BrandHistory.UNKNOWN) {
                    seasonal[n++] = v;
                }
            }
        }
        double[] recent = new double[RECENT_WINDOWS];
        int r = 0;
        for (int k = 1; k <= RECENT_WINDOWS; k++) {
            long v = h.volume(slot - k);
            if (v != BrandHistory.UNKNOWN) {
                recent[r++] = v;
            }
        }
        if (n < perHour && r < RECENT_WINDOWS / 2) {
            return; // neither a day of seasonal history nor an hour of recent history
        }
        double seasonalMedian = n >= perHour ? Stats.median(seasonal, n) : 0;
        double recentMedian = r > 0 ? Stats.median(recent, r) : 0;
        double expected = Math.max(seasonalMedian, recentMedian);
        double[] sample = n >= perHour ? seasonal : recent;
        int size = n >= perHour ? n : r;
        double mad = Stats.mad(sample, size, Stats.median(sample, size));
        double spread = Math.max(Stats.MAD_TO_SIGMA * mad, Math.sqrt(Math.max(expected, 1)));
        double score = (observed - expected) / spread;
        double ratio = observed / Math.max(expected, 1);
        if (ratio < s.minRatio || score < s.minScore) {
            return;
        }
        double negativeShare = share(w.negative, w.volume);
        Severity severity =
                ratio >= 10 ? Severity.HIGH : ratio >= 5 ? Severity.MEDIUM : Severity.LOW;
        if (negativeShare >= 0.5) {
            severity = severity.raised();
        }
        if (w.netSentiment > 0.3) {
            severity =
                    Severity.of(
                            Math.min(
                                    severity.ordinal(),
                                    Severity.MEDIUM
                                            .ordinal())); // a happy crowd: news, not a crisis
        }
        boolean amplified = w.repostShare >= 0.8;
        if (amplified) {
            severity =
                    Severity.LOW; // one post passed around: worth knowing, not a crisis by itself
        }
        String summary =
                String.format(
                        Locale.ROOT,
                        "%d mentions in the window, %.1fx the usual %.1f (robust z %.1f >= %.1f);"
                                + " %d authors, %.0f%% reposts%s",
                        observed,
                        ratio,
                        expected,
                        score,
                        s.minScore,
                        w.uniqueAuthors,
                        100 * w.repostShare,
                        amplified ? ": amplification of few posts" : "");
        out.add(
                new Detection(
                        AlertType.VOLUME_SPIKE,
                        severity,
                        w.windowStart,
                        w.windowEnd,
                        w.windowEnd,
                        observed,
                        Stats.round(expected),
                        Stats.round(score),
                        s.minScore,
                        summary,
                        evidence(w, w.sampleMentionIds, observed, negativeShare)));
    }

    /**
     * The negative share of the last span, and of twice the span (a slow night-time surge), against
     * the brand's own share over the baseline days; the stronger of the two is reported.
     */
    static void negativeSurge(
            BrandHistory h,
            long slot,
            BrandWindowMetrics w,
            DetectorSettings.NegativeSurge s,
            int days,
            List<Detection> out) {
        int span = h.slotsIn(s.span.toMillis());
        Detection shorter = negativeSurge(h, slot, w, s, days, span, Durations.format(s.span));
        Detection longer =
                negativeSurge(h, slot, w, s, days, 2 * span, "2x" + Durations.format(s.span));
        Detection stronger =
                shorter == null
                        ? longer
                        : longer == null || shorter.score() >= longer.score() ? shorter : longer;
        if (stronger != null) {
            out.add(stronger);
        }
    }

    private static Detection negativeSurge(
            BrandHistory h,
            long slot,
            BrandWindowMetrics w,
            DetectorSettings.NegativeSurge s,
            int days,
            int span,
            String spanName) {
        long volume = w.volume;
        long negative = w.negative;
        for (int k = 1; k < span; k++) {
            volume += Math.max(0, h.volume(slot - k));
            negative += Math.max(0, h.negative(slot - k));
        }
        if (negative < s.minNegative) {
            return null;
        }
        // Each window weighs at most WINDOW_WEIGHT_CAP mentions: a past storm (a repost wave, a
        // campaign) must not
        // set what "usual" is for the whole week.
        double baseVolume = 0;
        double baseNegative = 0;
        for (long k = span; k < (long) days * h.slotsPerDay(); k++) {
            long v = h.volume(slot - k);
            if (v == BrandHistory.UNKNOWN) {
                break;
            }
            double weight = v <= WINDOW_WEIGHT_CAP ? 1 : (double) WINDOW_WEIGHT_CAP / v;
            baseVolume += v * weight;
            baseNegative += h.negative(slot - k) * weight;
        }
        double expected =
                (baseNegative + PRIOR_NEGATIVE_SHARE * PRIOR_MENTIONS)
                        / (baseVolume + PRIOR_MENTIONS);
        expected = Math.min(0.95, Math.max(0.02, expected));
        double observed = share(negative, volume);
        double score =
                (negative - volume * expected) / Math.sqrt(volume * expected * (1 - expected));
        if (observed < s.minShare || observed < expected + s.minIncrease || score < s.minScore) {
            return null;
        }
        Severity severity =
                negative >= 100
                        ? Severity.CRITICAL
                        : negative >= 30 && observed >= 0.7 ? Severity.HIGH : Severity.MEDIUM;
        String summary =
                String.format(
                        Locale.ROOT,
                        "%.0f%% negative over the last %s (%d of %d mentions), usually %.0f%% (z"
                                + " %.1f >= %.1f)",
                        100 * observed,
                        spanName,
                        negative,
                        volume,
                        100 * expected,
                        score,
                        s.minScore);
        AlertEvidence evidence = evidence(w, w.sampleNegativeMentionIds, volume, observed);
        return new Detection(
                AlertType.NEGATIVE_SURGE,
                severity,
                w.windowStart,
                w.windowEnd,
                w.windowEnd,
                Stats.round(observed),
                Stats.round(expected),
                Stats.round(score),
                s.minScore,
                summary,
                evidence);
    }

    /**
     * Each complaint category's count over the last span against what the brand's usual share of
     * that category predicts for the span's volume (so busy evenings are not bursts); the strongest
     * burst is reported.
     */
    static void complaintBurst(
            BrandHistory h,
            long slot,
            BrandWindowMetrics w,
            DetectorSettings.ComplaintBurst s,
            int days,
            List<Detection> out) {
        int span = h.slotsIn(s.span.toMillis());
        long volume = w.volume;
        for (int k = 1; k < span; k++) {
            volume += Math.max(0, h.volume(slot - k));
        }
        Detection strongest = null;
        for (int c = 0; c < BrandHistory.CATEGORIES.length; c++) {
            String category = BrandHistory.CATEGORIES[c];
            long count = w.complaintCategories.getOrDefault(category, 0L);
            for (int k = 1; k < span; k++) {
                count += Math.max(0, h.complaints(slot - k, c));
            }
            if (count < s.minCount) {
                continue;
            }
            long baseCount = 0;
            long baseVolume = 0;
            long baseWindows = 0;
            for (long k = span; k < (long) days * h.slotsPerDay(); k++) {
                long v = h.complaints(slot - k, c);
                if (v == BrandHistory.UNKNOWN) {
                    break;
                }
                baseCount += v;
                baseVolume += h.volume(slot - k);
                baseWindows++;
            }
            double expected =
                    baseVolume >= MIN_BASELINE_MENTIONS
                            ? (double) baseCount / baseVolume * volume
                            : baseWindows == 0 ? 0 : (double) baseCount / baseWindows * span;
            double score = (count - expected) / Math.sqrt(Math.max(expected, 0.5));
            if (count < s.minRatio * expected
                    || score < s.minScore
                    || (strongest != null && score <= strongest.score())) {
                continue;
            }
            Severity severity =
                    category.equals("SAFETY_LEGAL")
                            ? (count >= 20 ? Severity.CRITICAL : Severity.HIGH)
                            : count >= 20 ? Severity.HIGH : Severity.MEDIUM;
            if (w.severities.getOrDefault("CRITICAL", 0L) > 0) {
                severity = severity.atLeast(Severity.HIGH);
            }
            String summary =
                    String.format(
                            Locale.ROOT,
                            "%d %s complaints in %d mentions over the last %s, %.1f expected from"
                                    + " the usual share (z %.1f >= %.1f)",
                            count,
                            category,
                            volume,
                            Durations.format(s.span),
                            expected,
                            score,
                            s.minScore);
            AlertEvidence evidence =
                    evidence(w, w.sampleNegativeMentionIds, count, share(w.negative, w.volume));
            evidence.complaintCategory = category;
            strongest =
                    new Detection(
                            AlertType.COMPLAINT_BURST,
                            severity,
                            w.windowStart,
                            w.windowEnd,
                            w.windowEnd,
                            count,
                            Stats.round(expected),
                            Stats.round(score),
                            s.minScore,
                            summary,
                            evidence);
        }
        if (strongest != null) {
            out.add(strongest);
        }
    }

    static AlertEvidence evidence(
            BrandWindowMetrics w, String[] samples, long mentions, double negativeShare) {
        AlertEvidence e = new AlertEvidence();
        e.driverTerms = w.driverTerms.stream().map((TermStat t) -> t.term).toArray(String[]::new);
        e.keywords =
                w.keywordHits.entrySet().stream()
                        .sorted(
                                Map.Entry.<String, Long>comparingByValue()
                                        .reversed()
                                        .thenComparing(Map.Entry.comparingByKey()))
                        .limit(10)
                        .map(Map.Entry::getKey)
                        .toArray(String[]::new);
        e.sampleMentionIds = samples.clone();
        e.mentions = mentions;
        e.uniqueAuthors = w.uniqueAuthors;
        e.repostShare = w.repostShare;
        e.negativeShare = Stats.round(negativeShare);
        return e;
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
