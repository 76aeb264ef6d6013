package io.brandpulse.jobs.operators;

import io.brandpulse.model.OptOut;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Opt-outs have no event time. Joined to the mentions (broadcast into enrichment, keyed into the engagement
 * scores), a stream without watermarks would hold those operators' event time back forever; this one declares
 * at once that it will never hold anything back.
 */
public final class OptOutWatermarks {
    private OptOutWatermarks() {}

    public static WatermarkStrategy<OptOut> neverHoldBack() {
        return WatermarkStrategy.<OptOut>forGenerator(context -> new NeverHoldBack()).withTimestampAssigner((o, t) -> Long.MIN_VALUE);
    }

    static final class NeverHoldBack implements WatermarkGenerator<OptOut> {
        @Override
        public void onEvent(OptOut event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
