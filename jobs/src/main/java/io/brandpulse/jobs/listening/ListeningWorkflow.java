package io.brandpulse.jobs.listening;

import io.brandpulse.config.Durations;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.operators.AggregateBrandMetrics;
import io.brandpulse.jobs.operators.CountLateMentions;
import io.brandpulse.jobs.operators.StampWindow;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.jobs.operators.DeadLetters;
import io.brandpulse.jobs.operators.DropDuplicateMentions;
import io.brandpulse.jobs.operators.EnrichMentions;
import io.brandpulse.jobs.operators.MentionTimestamps;
import io.brandpulse.jobs.operators.ParseMentions;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The listening job's dataflow, independent of where records come from and go to: the Kafka job, the file runner
 * and the tests all build this same graph.
 *
 * <pre>
 * raw records ─► parse ─► watermarks ─► drop duplicates ─► enrich ─┬─► enriched mentions
 *                  └──────────(dead letters)──────┘                 └─► per-brand event-time windows ─► brand metrics
 *                                                                   (dead letters ─► dead letters)
 * </pre>
 */
public final class ListeningWorkflow {
    private ListeningWorkflow() {}

    /** The workflow's output streams, before they are written anywhere. */
    public record Outputs(DataStream<EnrichedMention> enrichedMentions, DataStream<DeadLetter> deadLetters,
            DataStream<BrandWindowMetrics> brandMetrics) {
        public void writeTo(ListeningSinks sinks) {
            enrichedMentions.sinkTo(sinks.enrichedMentions()).name("enriched mentions sink").uid(Uids.ENRICHED_SINK);
            deadLetters.sinkTo(sinks.deadLetters()).name("dead letter sink").uid(Uids.DEAD_LETTER_SINK);
            brandMetrics.sinkTo(sinks.brandMetrics()).name("brand metrics sink").uid(Uids.BRAND_METRICS_SINK);
        }
    }

    /** Mentions that came later than the metrics windows allow. */
    static final OutputTag<EnrichedMention> TOO_LATE_FOR_METRICS = new OutputTag<>("too-late-for-metrics") {};

    public static void defineWorkflow(ListeningConfig config, DataStream<RawRecord> rawRecords, ListeningSinks sinks) {
        define(config, rawRecords).writeTo(sinks);
    }

    public static Outputs define(ListeningConfig config, DataStream<RawRecord> rawRecords) {
        SingleOutputStreamOperator<Mention> parsed = rawRecords
                .process(new ParseMentions(config.ingestion))
                .name("parse mentions")
                .uid(Uids.PARSE);

        SingleOutputStreamOperator<Mention> unique = parsed
                .assignTimestampsAndWatermarks(MentionTimestamps.watermarks(config.ingestion))
                .name("event time")
                .uid(Uids.WATERMARKS)
                .keyBy(DropDuplicateMentions::key)
                .process(new DropDuplicateMentions(config.ingestion.deduplicationWindow))
                .name("drop duplicate mentions")
                .uid(Uids.DEDUPLICATE);

        SingleOutputStreamOperator<EnrichedMention> enriched = unique
                .process(new EnrichMentions(config))
                .name("enrich mentions")
                .uid(Uids.ENRICH);

        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(DeadLetters.TAG).union(unique.getSideOutput(DeadLetters.TAG));
        return new Outputs(enriched, deadLetters, brandMetrics(config, enriched));
    }

    /** Tumbling event-time windows per brand, pre-aggregated; too-late mentions are counted, not silently lost. */
    static DataStream<BrandWindowMetrics> brandMetrics(ListeningConfig config, DataStream<EnrichedMention> enriched) {
        SingleOutputStreamOperator<BrandWindowMetrics> metrics = enriched
                .filter(new HasBrand())
                .name("mentions with a brand")
                .uid(Uids.BRAND_METRICS + "-filter")
                .keyBy(new BrandKey())
                .window(TumblingEventTimeWindows.of(Durations.parse(config.metrics.window)))
                .allowedLateness(Durations.parse(config.metrics.allowedLateness))
                .sideOutputLateData(TOO_LATE_FOR_METRICS)
                .aggregate(new AggregateBrandMetrics(), new StampWindow())
                .name("brand metrics windows")
                .uid(Uids.BRAND_METRICS);
        metrics.getSideOutput(TOO_LATE_FOR_METRICS)
                .flatMap(new CountLateMentions())
                .name("count late mentions")
                .uid(Uids.LATE_MENTIONS);
        return metrics;
    }

    /** Only mentions about a brand (configured or named by the collector) have per-brand metrics. */
    static final class HasBrand implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return mention.brand != null;
        }
    }

    static final class BrandKey implements KeySelector<EnrichedMention, String> {
        @Override
        public String getKey(EnrichedMention mention) {
            return mention.brand;
        }
    }
}
