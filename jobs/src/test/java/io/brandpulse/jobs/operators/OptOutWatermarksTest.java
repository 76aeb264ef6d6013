package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.model.OptOut;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.streaming.api.functions.co.CoMapFunction;
import org.apache.flink.streaming.api.operators.co.CoStreamMap;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The opt-outs joined to the mentions must never set the joined operator's event time: not while
 * the mentions flow, and not when the mentions go quiet for longer than the idleness timeout (a
 * quiet night).
 */
class OptOutWatermarksTest {

    @Test
    void quietMentionsDoNotLetTheOptOutsMoveEventTime() throws Exception {
        try (TwoInputStreamOperatorTestHarness<String, OptOut, String> joined =
                new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new Passthrough()))) {
            joined.open();
            joined.processWatermark1(new Watermark(1_000));
            optOutsPeriodicEmit(joined);
            assertEquals(1_000, latestWatermark(joined), "event time follows the mentions");

            joined.processWatermarkStatus1(
                    WatermarkStatus.IDLE); // no mention for longer than ingestion.idleness
            optOutsPeriodicEmit(joined);
            assertEquals(
                    1_000, latestWatermark(joined), "a quiet night must not close every window");

            joined.processElement2(
                    new StreamRecord<>(new OptOut("weibo:u1", true), Long.MIN_VALUE));
            assertTrue(
                    joined.getOutput().stream()
                            .anyMatch(
                                    e ->
                                            e instanceof StreamRecord<?> r
                                                    && "opt-out".equals(r.getValue())),
                    "an opt-out still passes while its input is idle");

            joined.processWatermarkStatus1(WatermarkStatus.ACTIVE); // the mentions are back
            joined.processWatermark1(new Watermark(5_000));
            optOutsPeriodicEmit(joined);
            assertEquals(
                    5_000, latestWatermark(joined), "and event time goes on from the mentions");
        }
    }

    /**
     * What the opt-outs' watermark generator says on a periodic emit, delivered to the joined
     * operator's input 2.
     */
    private static void optOutsPeriodicEmit(
            TwoInputStreamOperatorTestHarness<String, OptOut, String> joined) throws Exception {
        List<Object> said = new ArrayList<>();
        new OptOutWatermarks.NeverHoldBack<OptOut>()
                .onPeriodicEmit(
                        new WatermarkOutput() {
                            @Override
                            public void emitWatermark(
                                    org.apache.flink.api.common.eventtime.Watermark watermark) {
                                said.add(new Watermark(watermark.getTimestamp()));
                            }

                            @Override
                            public void markIdle() {
                                said.add(WatermarkStatus.IDLE);
                            }

                            @Override
                            public void markActive() {
                                said.add(WatermarkStatus.ACTIVE);
                            }
                        });
        assertTrue(
                !said.isEmpty(),
                "the generator must say something, or the joined operators wait for it forever");
        for (Object s : said) {
            if (s instanceof Watermark w) {
                joined.processWatermark2(w);
            } else {
                joined.processWatermarkStatus2((WatermarkStatus) s);
            }
        }
    }

    private static long latestWatermark(
            TwoInputStreamOperatorTestHarness<String, OptOut, String> joined) {
        long latest = Long.MIN_VALUE;
        for (Object e : joined.getOutput()) {
            if (e instanceof Watermark w) {
                latest = w.getTimestamp();
            }
        }
        return latest;
    }

    private static final class Passthrough implements CoMapFunction<String, OptOut, String> {
        @Override
        public String map1(String mention) {
            return mention;
        }

        @Override
        public String map2(OptOut optOut) {
            return "opt-out";
        }
    }
}
