package io.brandpulse.jobs.operators;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Opt-outs (and control records) have no event time. Joined to the mentions (broadcast into
 * enrichment, keyed into the engagement scores), a stream without watermarks would hold those
 * operators' event time back forever; this one declares itself idle, so the operators it joins
 * follow the mentions' event time alone.
 *
 * <p>Idle, not "the end of time" (a maximum watermark): with a maximum, the moment the mentions
 * went quiet for longer than {@code ingestion.idleness} (a quiet night), Flink would leave them out
 * and take the opt-outs' maximum as the joined operators' event time; every window would close and
 * every later mention would be late, until a restart. An idle input is left out of the minimum, and
 * its records still pass.
 */
public final class OptOutWatermarks {
    private OptOutWatermarks() {}

    public static <T> WatermarkStrategy<T> neverHoldBack() {
        return WatermarkStrategy.<T>forGenerator(context -> new NeverHoldBack<>())
                .withTimestampAssigner((o, t) -> Long.MIN_VALUE);
    }

    static final class NeverHoldBack<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
