package io.brandpulse.jobs.operators;

import io.brandpulse.config.IngestionSettings;
import io.brandpulse.model.Mention;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time is when a mention was posted ({@code createdAt}), not when it reached us. */
public final class MentionTimestamps implements SerializableTimestampAssigner<Mention> {
    /**
     * Event time a watermark must gain before it goes out on the record itself rather than on the
     * next tick.
     */
    static final long EMIT_ON_EVENT_STEP = 60_000L;

    @Override
    public long extractTimestamp(Mention mention, long recordTimestamp) {
        return mention.createdAt;
    }

    /**
     * Bounded out-of-orderness, and idleness so that a quiet partition does not stall event time.
     */
    public static WatermarkStrategy<Mention> watermarks(IngestionSettings settings) {
        long maxOutOfOrderness = settings.maxOutOfOrderness.toMillis();
        return WatermarkStrategy.<Mention>forGenerator(
                        ctx -> new OutOfOrdernessWatermarks(maxOutOfOrderness))
                .withTimestampAssigner(new MentionTimestamps())
                .withIdleness(settings.idleness);
    }

    /**
     * Flink's bounded out-of-orderness watermarks, which go out on a timer (every 200 ms), plus one
     * on the record itself when event time has moved a minute or more past the last watermark.
     * Without it, a file read faster than the timer ticks (scripts/run-file, a backfill) could
     * reach its end, where Flink's final watermark deliberately does not count as time passing (no
     * dormancy, no resolution), before any watermark for its last records went out: the output
     * would depend on how fast the machine read the file.
     */
    static final class OutOfOrdernessWatermarks implements WatermarkGenerator<Mention> {
        private final long maxOutOfOrderness;
        private long maxTimestamp;
        private long emitted = Long.MIN_VALUE;

        OutOfOrdernessWatermarks(long maxOutOfOrderness) {
            this.maxOutOfOrderness = maxOutOfOrderness;
            this.maxTimestamp = Long.MIN_VALUE + maxOutOfOrderness + 1;
        }

        @Override
        public void onEvent(Mention mention, long eventTimestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            if (emitted == Long.MIN_VALUE || current() - emitted >= EMIT_ON_EVENT_STEP) {
                emit(output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            emit(output);
        }

        private long current() {
            return maxTimestamp - maxOutOfOrderness - 1;
        }

        private void emit(WatermarkOutput output) {
            emitted = current();
            output.emitWatermark(new Watermark(emitted));
        }
    }
}
