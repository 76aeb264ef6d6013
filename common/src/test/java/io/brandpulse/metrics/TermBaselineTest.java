package io.brandpulse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.model.TermStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TermBaselineTest {
    private static final long WINDOW = 900_000;

    @Test
    void aWordAlwaysThereHasNoLiftAndANewBurstWordDrives() {
        TermBaseline baseline = new TermBaseline();
        for (int w = 0; w < 50; w++) {
            baseline.update(w * WINDOW, Map.of("拿铁", 20L, "门店", 10L), 40);
        }
        Map<String, Long> window = Map.of("拿铁", 20L, "中毒", 12L);
        TermStat latte =
                baseline.top(window, 40, 10).stream()
                        .filter(s -> s.term.equals("拿铁"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(1.0, latte.lift, 0.05);
        List<TermStat> drivers = baseline.drivers(window, 40);
        assertEquals("中毒", drivers.get(0).term);
        assertTrue(drivers.stream().noneMatch(s -> s.term.equals("拿铁")));
    }

    @Test
    void aWindowEmittedAgainWithLateMentionsIsLearnedOnce() {
        TermBaseline baseline = new TermBaseline();
        baseline.update(0, Map.of("拿铁", 10L), 10);
        baseline.update(WINDOW, Map.of("拿铁", 10L), 10);
        double share = baseline.share("拿铁");
        baseline.update(WINDOW, Map.of("投诉", 10L), 10); // the same window re-emitted
        assertEquals(share, baseline.share("拿铁"));
        assertEquals(0, baseline.share("投诉"));
        assertEquals(2, baseline.windows);
    }

    @Test
    void theVocabularyStaysBoundedAndKeepsTheCommonWords() {
        TermBaseline baseline = new TermBaseline();
        int peak = 0;
        boolean prunedWithRoomToSpare = false;
        for (int w = 0; w < 60; w++) {
            Map<String, Long> counts = new HashMap<>();
            counts.put("拿铁", 30L);
            for (int i = 0; i < 400; i++) {
                counts.put("词" + w + "_" + i, 1L); // a long tail of words seen once
            }
            baseline.update(w * WINDOW, counts, 30);
            peak = Math.max(peak, baseline.usualShare.size());
            prunedWithRoomToSpare |= baseline.usualShare.size() == TermBaseline.KEEP_TERMS;
        }
        assertTrue(peak <= TermBaseline.MAX_TERMS, "at most MAX_TERMS words: " + peak);
        assertTrue(peak > TermBaseline.KEEP_TERMS, "the tail did reach the bound: " + peak);
        assertTrue(
                prunedWithRoomToSpare,
                "pruning goes down to KEEP_TERMS, so it is not needed again next window");
        assertTrue(baseline.share("拿铁") > 0, "the brand's everyday word survives pruning");
    }

    @Test
    void stateWrittenBeforeTheDecayWasKeptOnceReadsAsPlainShares() {
        TermBaseline restored = new TermBaseline(); // as Flink restores it: decayLog absent, so 0
        restored.usualShare.put("拿铁", 0.5);
        restored.usualShare.put("冷门", 0.00005);
        restored.windows = 400;
        assertEquals(0.5, restored.share("拿铁"));
        assertEquals(0, restored.share("冷门"), "below the threshold it had been forgotten");
    }

    /**
     * The decay kept once must not change a single result: over thousands of windows of a Zipf-like
     * vocabulary (with forgetting, pruning, re-emitted and empty windows, and the periodic sweeps),
     * shares, top words and drivers are those of the plain implementation that decays every word in
     * every window.
     */
    @Test
    void givesTheSameSharesTopWordsAndDriversAsDecayingEveryWordEveryWindow() {
        Random random = new Random(11);
        TermBaseline baseline = new TermBaseline();
        PlainBaseline plain = new PlainBaseline();
        boolean rescaled = false;
        boolean pruned = false;
        int thresholdWindows = 0;
        for (int w = 0; w < 6_500; w++) {
            Map<String, Long> counts = new HashMap<>();
            long posts = random.nextInt(10) == 0 ? 0 : 20 + random.nextInt(200);
            int words =
                    w % 500 == 0
                            ? 2_500
                            : 50 + random.nextInt(300); // now and then a flood of new words
            for (int i = 0; i < words; i++) {
                int rank =
                        (int)
                                Math.min(
                                        20_000,
                                        Math.floor(
                                                Math.exp(random.nextDouble() * Math.log(20_000))));
                counts.merge(
                        "w" + rank + (w % 500 == 0 ? "_" + w : ""),
                        1L + random.nextInt(3),
                        Long::sum);
            }
            long start =
                    (random.nextInt(20) == 0 ? w - 1 : w)
                            * WINDOW; // now and then a window emitted again
            if (counts.keySet().stream().anyMatch(term -> onTheThreshold(plain, baseline, term))) {
                thresholdWindows++; // a word on the threshold changes its lift by rounding alone
            } else {
                assertSameJudgement(plain, baseline, counts, posts, w);
            }
            double decayBefore = baseline.decayLog;
            baseline.update(start, counts, posts);
            plain.update(start, counts, posts);
            rescaled |= baseline.decayLog > decayBefore;
            if (baseline.windows % TermBaseline.SWEEP_EVERY == 0) {
                assertEquals(
                        plain.usualShare.size(),
                        baseline.usualShare.size(),
                        2,
                        "after a sweep only live words are kept");
            }
            pruned |= plain.usualShare.size() == TermBaseline.KEEP_TERMS;
            if (w % 50 == 0 || w > 6_400) {
                assertSameShares(plain, baseline, w);
            }
        }
        assertTrue(rescaled, "the run swept forgotten words and folded the decay in");
        assertTrue(pruned, "the run pruned the vocabulary");
        assertTrue(
                thresholdWindows < 65,
                "windows with a word on the threshold are rare: " + thresholdWindows);
    }

    private static void assertSameShares(PlainBaseline plain, TermBaseline baseline, int window) {
        Set<String> live =
                baseline.usualShare.keySet().stream()
                        .filter(t -> baseline.share(t) > 0)
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> onlyPlain = new TreeSet<>(plain.usualShare.keySet());
        onlyPlain.removeAll(live);
        onlyPlain.removeIf(term -> onTheThreshold(plain, baseline, term));
        Set<String> onlyHere = new TreeSet<>(live);
        onlyHere.removeAll(plain.usualShare.keySet());
        onlyHere.removeIf(term -> onTheThreshold(plain, baseline, term));
        assertEquals(
                Set.of(),
                onlyPlain,
                "words known after window "
                        + window
                        + " only to the plain baseline "
                        + onlyPlain.stream()
                                .map(
                                        t ->
                                                t
                                                        + "="
                                                        + plain.usualShare.get(t)
                                                        + "/"
                                                        + baseline.usualShare.get(t)
                                                        + "*"
                                                        + Math.exp(baseline.decayLog))
                                .toList());
        assertEquals(Set.of(), onlyHere, "words known after window " + window + " only here");
        plain.usualShare.forEach(
                (term, share) -> {
                    if (!onTheThreshold(plain, baseline, term)) {
                        assertEquals(
                                share,
                                baseline.share(term),
                                share * 1e-9,
                                term + " after window " + window);
                    }
                });
    }

    /**
     * A word whose share is the forgetting threshold itself, to the last bit or so (1/300 × 3/100
     * is 1e-4): whether it is kept is a matter of rounding in either implementation, and both are
     * right.
     */
    private static boolean onTheThreshold(PlainBaseline plain, TermBaseline baseline, String term) {
        double mine = baseline.usualShare.getOrDefault(term, 0.0) * Math.exp(baseline.decayLog);
        double theirs = plain.usualShare.getOrDefault(term, 0.0);
        return Math.abs(mine / TermBaseline.FORGET_BELOW - 1) < 1e-9
                || Math.abs(theirs / TermBaseline.FORGET_BELOW - 1) < 1e-9;
    }

    private static void assertSameJudgement(
            PlainBaseline plain,
            TermBaseline baseline,
            Map<String, Long> counts,
            long posts,
            int window) {
        List<TermStat> stats = plain.lift(counts, posts);
        assertEquals(
                describe(PlainBaseline.top(stats, 10)),
                describe(baseline.top(counts, posts, 10)),
                "top words of window " + window);
        assertEquals(
                describe(plain.drivers(stats)),
                describe(baseline.drivers(counts, posts)),
                "drivers of window " + window);
    }

    private static List<String> describe(List<TermStat> stats) {
        return stats.stream().map(s -> s.term + ":" + s.count + ":" + s.lift).toList();
    }

    /**
     * The straightforward baseline, as it was: every word decays in every window, and every result
     * sorts all words.
     */
    private static final class PlainBaseline {
        final Map<String, Double> usualShare = new HashMap<>();
        long windows;
        long lastWindowStart = Long.MIN_VALUE;

        List<TermStat> lift(Map<String, Long> counts, long posts) {
            List<TermStat> stats = new ArrayList<>();
            counts.forEach(
                    (term, count) ->
                            stats.add(
                                    new TermStat(
                                            term,
                                            count,
                                            TermBaseline.lift(
                                                    count,
                                                    usualShare.getOrDefault(term, 0.0),
                                                    posts))));
            return stats;
        }

        static List<TermStat> top(List<TermStat> stats, int limit) {
            return stats.stream()
                    .sorted(
                            Comparator.comparingLong((TermStat s) -> -s.count)
                                    .thenComparing(s -> s.term))
                    .limit(limit)
                    .toList();
        }

        List<TermStat> drivers(List<TermStat> stats) {
            if (windows == 0) {
                return List.of();
            }
            return stats.stream()
                    .filter(s -> s.count >= TermBaseline.MIN_DRIVER_COUNT && s.lift >= 2.0)
                    .sorted(
                            Comparator.comparingDouble((TermStat s) -> -s.lift)
                                    .thenComparing(s -> s.term))
                    .limit(TermBaseline.DRIVERS)
                    .toList();
        }

        void update(long windowStart, Map<String, Long> counts, long posts) {
            if (windowStart <= lastWindowStart) {
                return;
            }
            lastWindowStart = windowStart;
            windows++;
            double alpha = Math.max(TermBaseline.ALPHA, 1.0 / windows);
            usualShare.replaceAll((term, share) -> share * (1 - alpha));
            if (posts > 0) {
                counts.forEach(
                        (term, count) ->
                                usualShare.merge(term, alpha * count / posts, Double::sum));
            }
            usualShare.values().removeIf(share -> share < TermBaseline.FORGET_BELOW);
            if (usualShare.size() > TermBaseline.MAX_TERMS) {
                List<Map.Entry<String, Double>> rarest = new ArrayList<>(usualShare.entrySet());
                rarest.sort(TermBaseline.RAREST_FIRST);
                rarest.subList(0, usualShare.size() - TermBaseline.KEEP_TERMS)
                        .forEach(e -> usualShare.remove(e.getKey()));
            }
        }
    }
}
