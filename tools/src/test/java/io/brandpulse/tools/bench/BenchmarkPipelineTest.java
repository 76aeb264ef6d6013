package io.brandpulse.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkPipelineTest {
    @Test
    void theSteadyStateIsTheWholeRunMinusItsFirstHalf() {
        // The first half carries the start-up: 50,000 mentions in 25 s; the whole stream 100,000 in
        // 35 s.
        BenchmarkPipeline.Run half =
                new BenchmarkPipeline.Run(
                        50_000,
                        25_000,
                        30_000_000_000L,
                        Map.of(
                                "enrich",
                                20_000_000_000L,
                                StageCpu.JIT,
                                6_000_000_000L,
                                StageCpu.GC,
                                1_000_000_000L));
        BenchmarkPipeline.Run whole =
                new BenchmarkPipeline.Run(
                        100_000,
                        35_000,
                        45_000_000_000L,
                        Map.of(
                                "enrich",
                                31_000_000_000L,
                                StageCpu.JIT,
                                6_200_000_000L,
                                StageCpu.GC,
                                2_000_000_000L));
        BenchmarkPipeline.Run second = whole.minus(half);
        assertEquals(5_000, second.mentionsPerSecond(), 1e-9, "50,000 mentions in the last 10 s");
        assertEquals(50_000 / 15.0, second.mentionsPerCpuSecond(), 1e-9);
        assertEquals(11_000_000_000L, second.cpuByStage().get("enrich"));
        assertEquals(200_000_000L, second.cpuByStage().get(StageCpu.JIT));
        assertEquals(1_000_000_000L, second.cpuByStage().get(StageCpu.GC));
    }

    @Test
    void repeatedTurnsArePooledNotCherryPicked() {
        BenchmarkPipeline.Steady slow =
                new BenchmarkPipeline.Steady(
                        BenchmarkPipeline.Run.NONE,
                        new BenchmarkPipeline.Run(50_000, 20_000, 1, Map.of("enrich", 5L)),
                        7_000);
        BenchmarkPipeline.Steady fast =
                new BenchmarkPipeline.Steady(
                        BenchmarkPipeline.Run.NONE,
                        new BenchmarkPipeline.Run(50_000, 10_000, 1, Map.of("enrich", 3L)),
                        6_000);
        assertSame(slow, BenchmarkPipeline.Steady.pooled(BenchmarkPipeline.Steady.NONE, slow));
        BenchmarkPipeline.Steady both = BenchmarkPipeline.Steady.pooled(slow, fast);
        assertEquals(
                100_000 / 30.0,
                both.marginal().mentionsPerSecond(),
                1e-9,
                "100,000 mentions in 30 s, not the faster turn's 5,000/s");
        assertEquals(8L, both.marginal().cpuByStage().get("enrich"));
        assertEquals(6_500, both.ceiling(), 1e-9);
    }

    @Test
    void aDifferenceWithoutTimeIsNoRate() {
        assertTrue(Double.isNaN(new BenchmarkPipeline.Run(10, 0, 0, Map.of()).mentionsPerSecond()));
        assertTrue(
                Double.isNaN(
                        new BenchmarkPipeline.Run(10, -5, -5, Map.of()).mentionsPerCpuSecond()));
    }

    @Test
    void bothTargetsSetABudgetOfCpuPerMentionThatMoreCoresRelax() {
        // On 2 cores the whole job may spend at most 1 / 0.595 = 1.68 bare segmentations of CPU per
        // mention.
        assertEquals(0.595, BenchmarkPipeline.bothTargetsNeed(2), 1e-9);
        assertEquals(0.2975, BenchmarkPipeline.bothTargetsNeed(4), 1e-9);
        // A job exactly on the budget, keeping both cores busy at p2 and on target at p1, meets the
        // scaling target.
        double ceiling = 7_000;
        double p2 = 2 * BenchmarkPipeline.bothTargetsNeed(2) * ceiling;
        double p1 = BenchmarkPipeline.P1_TARGET * ceiling;
        assertEquals(BenchmarkPipeline.SCALING_TARGET, p2 / p1, 1e-9);
    }
}
