package io.brandpulse.metrics;

import io.brandpulse.model.TermStat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * How often a brand's words usually appear: per word, an exponentially weighted average of its
 * share of the brand's original posts per window. A window's words are judged against it (lift),
 * which is what tells the words driving a spike ("中毒", "召回") from the ones always there (the
 * brand's own products).
 *
 * <p>Closing a window costs what the window's own words cost, not what the whole vocabulary costs:
 * the decay every word undergoes each window is kept once, in {@link #decayLog}, instead of being
 * applied to each of up to {@value #MAX_TERMS} words (that pass, with the sorts of all the window's
 * words, was most of the brand-window stage's CPU). A word whose share fell below {@link
 * #FORGET_BELOW} counts as forgotten from that window on, exactly as if it had been removed then;
 * every {@value #SWEEP_EVERY} windows (and whenever the vocabulary is full) forgotten words are
 * removed and the decay is folded back into the stored values, so state holds little more than the
 * live words, and a savepoint read by a build from before {@link #decayLog} existed is off by at
 * most that many windows of decay (under 25% in the lifts once the first few hundred windows, which
 * weigh more, have passed).
 */
public class TermBaseline {
    /** Weight of a new window in the average: about three days of 15-minute windows. */
    static final double ALPHA = 1.0 / 300;

    /** Words whose average share fell below this are forgotten (bounded state). */
    static final double FORGET_BELOW = 1e-4;

    static final int MAX_TERMS = 5_000;

    /**
     * Past {@link #MAX_TERMS} the rarest words are forgotten down to this many, so the sort that
     * finds them runs once every several windows, not in every window.
     */
    static final int KEEP_TERMS = 4_000;

    /** Driver terms need this many occurrences in the window, so one odd post is not a driver. */
    static final int MIN_DRIVER_COUNT = 3;

    static final int DRIVERS = 5;

    /**
     * Windows between two sweeps of forgotten words (which also fold the decay into the stored
     * values).
     */
    static final int SWEEP_EVERY = 64;

    /** Most frequent first, ties by word. */
    private static final Comparator<TermStat> BY_COUNT =
            Comparator.comparingLong((TermStat s) -> -s.count).thenComparing(s -> s.term);

    /**
     * Rarest first; shares equal to 1e-15 are ties, broken by word: words with the same history
     * have the same share, and which of them is pruned must not depend on rounding.
     */
    static final Comparator<Map.Entry<String, Double>> RAREST_FIRST =
            Comparator.comparingLong((Map.Entry<String, Double> e) -> rarity(e.getValue()))
                    .thenComparing(Map.Entry::getKey);

    private static final Comparator<TermStat> BY_LIFT =
            Comparator.comparingDouble((TermStat s) -> -s.lift).thenComparing(s -> s.term);

    /**
     * Word → its usual share of the posts of a window, divided by {@code exp(decayLog)}: multiply
     * by {@link #scale()} to read it (see {@link #share}).
     */
    public Map<String, Double> usualShare = new HashMap<>();

    /**
     * The decay of every word since the stored values were last rescaled, as a natural logarithm (0
     * in state written before it existed, whose values are plain shares).
     */
    public double decayLog;

    /** Windows folded in; the first ones have no baseline yet. */
    public long windows;

    /** The latest window folded in: a window re-emitted with late mentions is not counted twice. */
    public long lastWindowStart = Long.MIN_VALUE;

    public TermBaseline() {}

    /**
     * The word's usual share of a window's posts; 0 when it was never seen or has been forgotten.
     */
    public double share(String term) {
        return share(usualShare.get(term), scale());
    }

    /**
     * The most frequent words of the window with their lift, most frequent first (ties by word).
     */
    public List<TermStat> top(Map<String, Long> counts, long posts, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // A bounded heap whose head is the weakest of the best so far: the window's words are not
        // all sorted.
        PriorityQueue<TermStat> best = new PriorityQueue<>(limit + 1, BY_COUNT.reversed());
        counts.forEach(
                (term, count) -> {
                    TermStat candidate = new TermStat(term, count, 0);
                    if (best.size() < limit) {
                        best.add(candidate);
                    } else if (BY_COUNT.compare(candidate, best.peek()) < 0) {
                        best.poll();
                        best.add(candidate);
                    }
                });
        double scale = scale();
        List<TermStat> top = new ArrayList<>(best);
        top.sort(BY_COUNT);
        top.forEach(s -> s.lift = lift(s.count, share(usualShare.get(s.term), scale), posts));
        return top;
    }

    /**
     * The words most above their usual frequency, frequent enough to matter; none before any
     * baseline exists.
     */
    public List<TermStat> drivers(Map<String, Long> counts, long posts) {
        if (windows == 0) {
            return List.of();
        }
        double scale = scale();
        List<TermStat> drivers = new ArrayList<>();
        counts.forEach(
                (term, count) -> {
                    if (count >= MIN_DRIVER_COUNT) {
                        double lift = lift(count, share(usualShare.get(term), scale), posts);
                        if (lift >= 2.0) {
                            drivers.add(new TermStat(term, count, lift));
                        }
                    }
                });
        drivers.sort(BY_LIFT);
        return drivers.size() > DRIVERS ? new ArrayList<>(drivers.subList(0, DRIVERS)) : drivers;
    }

    /** (count + 0.5) / (usual share × posts + 0.5), to two decimals. */
    static double lift(long count, double usualShare, long posts) {
        return round((count + 0.5) / (usualShare * posts + 0.5));
    }

    /** Folds a window in, once per window. */
    public void update(long windowStart, Map<String, Long> counts, long posts) {
        if (windowStart <= lastWindowStart) {
            return;
        }
        lastWindowStart = windowStart;
        windows++;
        double alpha =
                Math.max(
                        ALPHA,
                        1.0 / windows); // the first windows weigh fully, then the average settles
        double before = scale();
        if (alpha >= 1) {
            usualShare.clear(); // the first window replaces whatever was there
            decayLog = 0;
        } else {
            decayLog += Math.log1p(-alpha);
        }
        double after = scale();
        if (posts > 0) {
            counts.forEach(
                    (term, count) -> {
                        Double stored = usualShare.get(term);
                        // share(stored, before) is 0 for a word forgotten by the end of the
                        // previous window: it starts anew
                        double share = share(stored, before) * (1 - alpha) + alpha * count / posts;
                        if (share >= FORGET_BELOW) {
                            usualShare.put(term, share / after);
                        } else if (stored != null) {
                            usualShare.remove(
                                    term); // forgotten at once, like most words seen once: not kept
                            // until a sweep
                        }
                    });
        }
        if (windows % SWEEP_EVERY == 0 || usualShare.size() > MAX_TERMS) {
            usualShare.values().removeIf(stored -> stored * after < FORGET_BELOW);
            usualShare.replaceAll((term, stored) -> stored * after);
            decayLog = 0;
        }
        if (usualShare.size() > MAX_TERMS) {
            forgetRarest(usualShare.size() - KEEP_TERMS);
        }
    }

    /**
     * Forgets the {@code count} words that come first in {@link #RAREST_FIRST} order (stored values
     * are plain shares here: the sweep before has folded the decay in). The rounded shares are
     * sorted as primitives to find the cut; only the words at the cut itself are sorted by word.
     * Sorting all the entries with the comparator was a sixth of the brand-window stage's CPU while
     * a young baseline (its first few hundred windows) keeps many words.
     */
    private void forgetRarest(int count) {
        long[] keys = new long[usualShare.size()];
        int i = 0;
        for (double stored : usualShare.values()) {
            keys[i++] = rarity(stored);
        }
        Arrays.sort(keys);
        long cut = keys[count - 1];
        int belowCut = 0;
        while (keys[belowCut] < cut) {
            belowCut++;
        }
        List<String> atCut = new ArrayList<>();
        usualShare
                .entrySet()
                .removeIf(
                        e -> {
                            long key = rarity(e.getValue());
                            if (key == cut) {
                                atCut.add(e.getKey());
                            }
                            return key < cut;
                        });
        atCut.sort(null); // ties at the cut go by word, as in RAREST_FIRST
        atCut.subList(0, count - belowCut).forEach(usualShare::remove);
    }

    /**
     * The share rounded to 1e-15, so that words with the same history tie whatever the rounding.
     */
    private static long rarity(double share) {
        return Math.round(share * 1e15);
    }

    private double scale() {
        return Math.exp(decayLog);
    }

    private static double share(Double stored, double scale) {
        if (stored == null) {
            return 0;
        }
        double share = stored * scale;
        return share < FORGET_BELOW ? 0 : share;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
