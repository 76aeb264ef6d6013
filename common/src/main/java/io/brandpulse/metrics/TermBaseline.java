package io.brandpulse.metrics;

import io.brandpulse.model.TermStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a brand's words usually appear: per word, an exponentially weighted average of its share of the
 * brand's original posts per window. A window's words are judged against it (lift), which is what tells the
 * words driving a spike ("中毒", "召回") from the ones always there (the brand's own products).
 */
public class TermBaseline {
    /** Weight of a new window in the average: about three days of 15-minute windows. */
    static final double ALPHA = 1.0 / 300;
    /** Words whose average share fell below this are forgotten (bounded state). */
    static final double FORGET_BELOW = 1e-4;
    static final int MAX_TERMS = 5_000;
    /**
     * Past {@link #MAX_TERMS} the rarest words are forgotten down to this many, so the sort that finds them runs
     * once every several windows, not in every window (it was most of the window stage's time).
     */
    static final int KEEP_TERMS = 4_000;
    /** Driver terms need this many occurrences in the window, so one odd post is not a driver. */
    static final int MIN_DRIVER_COUNT = 3;
    static final int DRIVERS = 5;

    /** Word → its usual share of the posts of a window. */
    public Map<String, Double> usualShare = new HashMap<>();
    /** Windows folded in; the first ones have no baseline yet. */
    public long windows;
    /** The latest window folded in: a window re-emitted with late mentions is not counted twice. */
    public long lastWindowStart = Long.MIN_VALUE;

    public TermBaseline() {}

    /** The window's words with their lift: (count + 0.5) / (usual share × posts + 0.5). */
    public List<TermStat> lift(Map<String, Long> counts, long posts) {
        List<TermStat> stats = new ArrayList<>(counts.size());
        counts.forEach((term, count) -> {
            double expected = usualShare.getOrDefault(term, 0.0) * posts;
            stats.add(new TermStat(term, count, round((count + 0.5) / (expected + 0.5))));
        });
        return stats;
    }

    /** The most frequent words, most frequent first (ties by word). */
    public static List<TermStat> top(List<TermStat> stats, int limit) {
        return stats.stream()
                .sorted(Comparator.comparingLong((TermStat s) -> -s.count).thenComparing(s -> s.term))
                .limit(limit)
                .toList();
    }

    /** The words most above their usual frequency, frequent enough to matter; none before any baseline exists. */
    public List<TermStat> drivers(List<TermStat> stats) {
        if (windows == 0) {
            return List.of();
        }
        return stats.stream()
                .filter(s -> s.count >= MIN_DRIVER_COUNT && s.lift >= 2.0)
                .sorted(Comparator.comparingDouble((TermStat s) -> -s.lift).thenComparing(s -> s.term))
                .limit(DRIVERS)
                .toList();
    }

    /** Folds a window in, once per window. */
    public void update(long windowStart, Map<String, Long> counts, long posts) {
        if (windowStart <= lastWindowStart) {
            return;
        }
        lastWindowStart = windowStart;
        windows++;
        double alpha = Math.max(ALPHA, 1.0 / windows); // the first windows weigh fully, then the average settles
        usualShare.replaceAll((term, share) -> share * (1 - alpha));
        if (posts > 0) {
            counts.forEach((term, count) -> usualShare.merge(term, alpha * count / posts, Double::sum));
        }
        usualShare.values().removeIf(share -> share < FORGET_BELOW);
        if (usualShare.size() > MAX_TERMS) {
            List<Map.Entry<String, Double>> rarest = new ArrayList<>(usualShare.entrySet());
            rarest.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            rarest.subList(0, usualShare.size() - KEEP_TERMS).forEach(e -> usualShare.remove(e.getKey()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
