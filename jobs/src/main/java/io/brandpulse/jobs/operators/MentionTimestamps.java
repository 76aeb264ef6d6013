package io.brandpulse.jobs.operators;

import io.brandpulse.config.Durations;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.model.Mention;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time is when a mention was posted ({@code createdAt}), not when it reached us. */
public final class MentionTimestamps implements SerializableTimestampAssigner<Mention> {
    @Override
    public long extractTimestamp(Mention mention, long recordTimestamp) {
        return mention.createdAt;
    }

    /** Bounded out-of-orderness, and idleness so that a quiet partition does not stall event time. */
    public static WatermarkStrategy<Mention> watermarks(IngestionSettings settings) {
        return WatermarkStrategy.<Mention>forBoundedOutOfOrderness(Durations.parse(settings.maxOutOfOrderness))
                .withTimestampAssigner(new MentionTimestamps())
                .withIdleness(Durations.parse(settings.idleness));
    }
}
