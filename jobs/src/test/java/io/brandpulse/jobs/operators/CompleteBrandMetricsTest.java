package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.ResponseStats;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * Completing a window's brand metrics, keyed by window start: share of voice across the brands of
 * the same window, the response stats of that window, held until the watermark passes the window,
 * late updates, state that goes.
 */
class CompleteBrandMetricsTest {
    static final long MINUTE = 60_000;
    static final long WINDOW = 15 * MINUTE; // config/demo.yaml: metrics.window
    static final long LATENESS = 10 * MINUTE; // metrics.allowedLateness
    static final long T0 = 1_772_323_200_000L; // 2026-03-01T00:00Z, a window boundary
    static final long T1 = T0 + WINDOW;

    /**
     * The demo brands qingning and beian are each other's competitors; "other" is not configured.
     */
    private static MergedInputHarness<Long, BrandWindowMetrics, ResponseStats, BrandWindowMetrics>
            harness() throws Exception {
        return new MergedInputHarness<>(
                new CompleteBrandMetrics(TestConfigs.demo()),
                m -> m.windowStart,
                s -> s.windowStart,
                Types.LONG);
    }

    static BrandWindowMetrics metrics(String brand, long start, long volume) {
        BrandWindowMetrics m = new BrandWindowMetrics();
        m.brand = brand;
        m.windowStart = start;
        m.windowEnd = start + WINDOW;
        m.volume = volume;
        m.originals = volume;
        m.uniqueAuthors = volume;
        return m;
    }

    static ResponseStats stats(String brand, long start, long opened, long answered) {
        ResponseStats s = new ResponseStats();
        s.brand = brand;
        s.windowStart = start;
        s.windowEnd = start + WINDOW;
        s.opened = opened;
        s.answered = answered;
        return s;
    }

    /** As the upstream windows emit them: stamped with the window's last millisecond. */
    private static void send(
            MergedInputHarness<Long, BrandWindowMetrics, ResponseStats, BrandWindowMetrics> h,
            BrandWindowMetrics m)
            throws Exception {
        h.processElement1(new StreamRecord<>(m, m.windowEnd - 1));
    }

    private static void send(
            MergedInputHarness<Long, BrandWindowMetrics, ResponseStats, BrandWindowMetrics> h,
            ResponseStats s)
            throws Exception {
        h.processElement2(new StreamRecord<>(s, s.windowEnd - 1));
    }

    /**
     * What was emitted, one line per record, read at once: "brand window volume share [responses
     * opened/answered]", the window counted in windows from T0.
     */
    private static List<String> emitted(
            MergedInputHarness<Long, BrandWindowMetrics, ResponseStats, BrandWindowMetrics> h) {
        return h.extractOutputValues().stream()
                .map(
                        m -> {
                            assertEquals(WINDOW, m.windowEnd - m.windowStart, "a whole window");
                            return m.brand
                                    + " "
                                    + (m.windowStart - T0) / WINDOW
                                    + " "
                                    + m.volume
                                    + " "
                                    + m.shareOfVoice
                                    + (m.responses == null
                                            ? ""
                                            : " "
                                                    + m.responses.opened
                                                    + "/"
                                                    + m.responses.answered);
                        })
                .toList();
    }

    @Test
    void aWindowIsHeldUntilTheWatermarkPassesItThenEveryBrandGetsItsShareOfVoice()
            throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 30));
            h.processBothWatermarks(new Watermark(T1 - 2));
            assertEquals(List.of(), emitted(h), "beian's window of the same time may still come");
            send(h, metrics("beian", T0, 10));
            assertEquals(List.of(), emitted(h));
            h.processBothWatermarks(new Watermark(T1 - 1));
            assertEquals(
                    List.of("beian 0 10 0.25", "qingning 0 30 0.75"),
                    emitted(h),
                    "brands in order, shares of the same window");
            List<BrandWindowMetrics> out = h.extractOutputValues();
            assertEquals(Map.of("qingning", 30L), out.get(0).competitorVolumes);
            assertEquals(Map.of("beian", 10L), out.get(1).competitorVolumes);
        }
    }

    @Test
    void aSilentCompetitorCountsAsZeroAndABrandWithoutCompetitorsHasNoShare() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 5));
            send(h, metrics("other", T0, 7));
            h.processBothWatermarks(new Watermark(T1 - 1));
            assertEquals(List.of("other 0 7 null", "qingning 0 5 1.0"), emitted(h));
            assertEquals(Map.of("beian", 0L), h.extractOutputValues().get(1).competitorVolumes);
        }
    }

    @Test
    void competitorsWrittenOnTheControlTopicGiveShareOfVoiceFromTheirEffectiveFrom()
            throws Exception {
        try (var h = harness()) {
            h.open();
            h.control(
                    "brand:heytea",
                    "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"competitors\":[\"qingning\"],"
                            + "\"effectiveFrom\":\""
                            + java.time.Instant.ofEpochMilli(T1)
                            + "\"}");
            for (long start : new long[] {T0, T1}) {
                send(h, metrics("heytea", start, 10));
                send(h, metrics("qingning", start, 30));
            }
            h.processBothWatermarks(new Watermark(T1 + WINDOW - 1));
            assertEquals(
                    List.of(
                            "heytea 0 10 null",
                            "qingning 0 30 1.0",
                            "heytea 1 10 0.25",
                            "qingning 1 30 1.0"),
                    emitted(h),
                    "not a configured brand before its effectiveFrom, beian's rival after");
        }
    }

    @Test
    void responseStatsJoinTheMetricsOfTheirOwnWindowAndAWindowWithOnlyResponsesGetsZeros()
            throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 20));
            send(h, stats("qingning", T1, 4, 3)); // the next window's stats arrive first
            send(
                    h,
                    stats(
                            "beian", T0, 2,
                            0)); // beian had cases opened but no mention counted in the window
            send(h, metrics("qingning", T1, 8));
            h.processBothWatermarks(new Watermark(T1 - 1));
            assertEquals(
                    List.of("beian 0 0 0.0 2/0", "qingning 0 20 1.0"),
                    emitted(h),
                    "the first window: its own stats only");
            h.processBothWatermarks(new Watermark(T1 + WINDOW - 1));
            assertEquals(
                    List.of("beian 0 0 0.0 2/0", "qingning 0 20 1.0", "qingning 1 8 1.0 4/3"),
                    emitted(h));
        }
    }

    @Test
    void
            lateUpdatesGoOutAtTheNextWatermarkWithTheirRivalsThenTheStateGoesWhenTheWindowCanNoLongerChange()
                    throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 30));
            send(h, metrics("beian", T0, 10));
            h.processBothWatermarks(new Watermark(T1 - 1));
            assertEquals(2, emitted(h).size());

            // Within the allowed lateness the upstream windows emit again.
            h.processBothWatermarks(new Watermark(T1 + 5 * MINUTE));
            send(h, metrics("qingning", T0, 50));
            send(h, stats("beian", T0, 3, 1));
            assertEquals(2, emitted(h).size(), "held until the next watermark");
            h.processBothWatermarks(new Watermark(T1 + 6 * MINUTE));
            assertEquals(
                    List.of(
                            "beian 0 10 0.16666666666666666 3/1",
                            "qingning 0 50 0.8333333333333334"),
                    emitted(h).subList(2, emitted(h).size()),
                    "qingning's new volume, and beian's share against it with its late stats, once"
                            + " each");
            assertTrue(h.numKeyedStateEntries() > 0, "the window can still change");

            h.processBothWatermarks(new Watermark(T1 - 1 + LATENESS));
            assertEquals(
                    0,
                    h.numKeyedStateEntries(),
                    "the upstream windows are gone: nothing holds this one any longer");
            assertEquals(0, h.numEventTimeTimers());
            assertEquals(4, emitted(h).size(), "and nothing more is emitted");
        }
    }

    /**
     * A late mention re-fires its brand's window and its response window on other tasks: their
     * re-emissions reach this operator in either order, and the output must not tell which.
     */
    @Test
    void lateReEmissionsGiveTheSameOutputWhicheverArrivesFirst() throws Exception {
        assertEquals(afterLateReEmissions(true), afterLateReEmissions(false));
        assertEquals(
                List.of("qingning 0 31 0.7560975609756098 4/2"),
                afterLateReEmissions(true),
                "one record with both late changes");
    }

    private static List<String> afterLateReEmissions(boolean windowFirst) throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 30));
            send(h, stats("qingning", T0, 3, 2));
            send(h, metrics("beian", T0, 10));
            h.processBothWatermarks(new Watermark(T1 - 1));
            int released = emitted(h).size();
            h.processBothWatermarks(new Watermark(T1 + MINUTE));
            if (windowFirst) {
                send(h, metrics("qingning", T0, 31));
                send(h, stats("qingning", T0, 4, 2));
            } else {
                send(h, stats("qingning", T0, 4, 2));
                send(h, metrics("qingning", T0, 31));
            }
            h.processBothWatermarks(new Watermark(T1 + 2 * MINUTE));
            List<String> all = emitted(h);
            return all.subList(released, all.size()).stream()
                    .filter(line -> line.startsWith("qingning"))
                    .toList();
        }
    }

    @Test
    void aHeldWindowAndItsTimersSurviveARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            send(h, metrics("qingning", T0, 30));
            send(h, stats("qingning", T0, 5, 5));
            snapshot = h.snapshot(1, T0 + MINUTE);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            send(h, metrics("beian", T0, 10));
            assertEquals(List.of(), emitted(h));
            h.processBothWatermarks(new Watermark(T1 - 1));
            assertEquals(
                    List.of("beian 0 10 0.25", "qingning 0 30 0.75 5/5"),
                    emitted(h),
                    "the restored brand is emitted with the new one");
        }
    }
}
