package io.brandpulse.jobs.listening;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.operators.DeadLetters;
import io.brandpulse.jobs.operators.DropDuplicateMentions;
import io.brandpulse.jobs.operators.EnrichMentions;
import io.brandpulse.jobs.operators.MentionTimestamps;
import io.brandpulse.jobs.operators.ParseMentions;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The listening job's dataflow, independent of where records come from and go to: the Kafka job, the file runner
 * and the tests all build this same graph.
 *
 * <pre>
 * raw records ─► parse ─► watermarks ─► drop duplicates ─► enrich ─► enriched mentions
 *                  └──────────(dead letters)──────┘─────────────────► dead letters
 * </pre>
 */
public final class ListeningWorkflow {
    private ListeningWorkflow() {}

    /** The workflow's output streams, before they are written anywhere. */
    public record Outputs(DataStream<EnrichedMention> enrichedMentions, DataStream<DeadLetter> deadLetters) {
        public void writeTo(ListeningSinks sinks) {
            enrichedMentions.sinkTo(sinks.enrichedMentions()).name("enriched mentions sink").uid(Uids.ENRICHED_SINK);
            deadLetters.sinkTo(sinks.deadLetters()).name("dead letter sink").uid(Uids.DEAD_LETTER_SINK);
        }
    }

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
        return new Outputs(enriched, deadLetters);
    }
}
