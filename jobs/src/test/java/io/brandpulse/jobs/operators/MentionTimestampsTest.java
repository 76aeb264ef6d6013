package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class MentionTimestampsTest {
    private static final long OUT_OF_ORDERNESS = 300_000L;

    /** Records the watermarks a generator sends. */
    private static final class Recorded implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    @Test
    void aJumpInEventTimeGoesOutWithTheRecordNotOnTheNextTick() {
        var generator = new MentionTimestamps.OutOfOrdernessWatermarks(OUT_OF_ORDERNESS);
        Recorded out = new Recorded();
        generator.onEvent(null, 1_000_000L, out);
        assertEquals(
                List.of(1_000_000L - OUT_OF_ORDERNESS - 1),
                out.watermarks,
                "the first record starts event time");

        generator.onEvent(null, 1_030_000L, out); // 30 s later: waits for the periodic tick
        assertEquals(1, out.watermarks.size());

        long muchLater = 1_000_000L + 200L * 86_400_000L; // the end of a replay, months later
        generator.onEvent(null, muchLater, out);
        assertEquals(
                List.of(1_000_000L - OUT_OF_ORDERNESS - 1, muchLater - OUT_OF_ORDERNESS - 1),
                out.watermarks,
                "a file that ends right after this record still lets time pass up to it before its"
                        + " final watermark");
    }

    @Test
    void theTickStillAdvancesEventTimeBetweenSteps() {
        var generator = new MentionTimestamps.OutOfOrdernessWatermarks(OUT_OF_ORDERNESS);
        Recorded out = new Recorded();
        generator.onEvent(null, 1_000_000L, out);
        generator.onEvent(null, 1_030_000L, out);
        generator.onEvent(null, 1_010_000L, out); // out of order: never moves the watermark back
        generator.onPeriodicEmit(out);
        assertEquals(
                1_030_000L - OUT_OF_ORDERNESS - 1, out.watermarks.get(out.watermarks.size() - 1));
    }
}
