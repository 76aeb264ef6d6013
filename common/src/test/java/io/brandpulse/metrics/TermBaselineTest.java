package io.brandpulse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.model.TermStat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermBaselineTest {
    private static final long WINDOW = 900_000;

    @Test
    void aWordAlwaysThereHasNoLiftAndANewBurstWordDrives() {
        TermBaseline baseline = new TermBaseline();
        for (int w = 0; w < 50; w++) {
            baseline.update(w * WINDOW, Map.of("拿铁", 20L, "门店", 10L), 40);
        }
        List<TermStat> stats = baseline.lift(Map.of("拿铁", 20L, "中毒", 12L), 40);
        TermStat latte = stats.stream().filter(s -> s.term.equals("拿铁")).findFirst().orElseThrow();
        assertEquals(1.0, latte.lift, 0.05);
        List<TermStat> drivers = baseline.drivers(stats);
        assertEquals("中毒", drivers.get(0).term);
        assertTrue(drivers.stream().noneMatch(s -> s.term.equals("拿铁")));
    }

    @Test
    void aWindowEmittedAgainWithLateMentionsIsLearnedOnce() {
        TermBaseline baseline = new TermBaseline();
        baseline.update(0, Map.of("拿铁", 10L), 10);
        baseline.update(WINDOW, Map.of("拿铁", 10L), 10);
        double share = baseline.usualShare.get("拿铁");
        baseline.update(WINDOW, Map.of("投诉", 10L), 10); // the same window re-emitted
        assertEquals(share, baseline.usualShare.get("拿铁"));
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
        assertTrue(prunedWithRoomToSpare, "pruning goes down to KEEP_TERMS, so it is not needed again next window");
        assertTrue(baseline.usualShare.containsKey("拿铁"), "the brand's everyday word survives pruning");
    }
}
