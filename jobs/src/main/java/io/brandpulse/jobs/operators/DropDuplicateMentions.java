package io.brandpulse.jobs.operators;

import io.brandpulse.config.Durations;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first mention with a given {@code platform:id} through and sends repeats (collectors
 * re-deliver) to the dead letters as {@code DUPLICATE_ID}, so downstream counts are not inflated.
 * Ids are remembered for {@code ingestion.deduplicationWindow} of processing time (state TTL),
 * which bounds the state.
 */
public class DropDuplicateMentions extends KeyedProcessFunction<String, Mention, Mention> {
    private final String windowText;
    private final Duration window;

    private transient ValueState<Boolean> seen;
    private transient DeadLetters deadLetters;

    public DropDuplicateMentions(Duration deduplicationWindow) {
        this.windowText = Durations.format(deduplicationWindow);
        this.window = deduplicationWindow;
    }

    /** The key this operator must be keyed by. */
    public static String key(Mention m) {
        return m.platform + ":" + m.id;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor =
                new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(window)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Mention mention, Context ctx, Collector<Mention> out)
            throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(mention);
            return;
        }
        // The bytes were not kept past parsing (that would double the state of every mention in
        // flight): the dead
        // letter carries the platform:id as payload and the record's real source position, to fetch
        // it upstream.
        RawRecord where =
                new RawRecord(
                        key(mention).getBytes(StandardCharsets.UTF_8),
                        mention.sourceName,
                        mention.sourcePartition,
                        mention.sourceOffset);
        DeadLetter duplicate =
                MentionParser.deadLetter(
                        where,
                        key(mention),
                        DeadLetterReason.DUPLICATE_ID,
                        "mention "
                                + key(mention)
                                + " was already processed in the last "
                                + windowText,
                        mention.id);
        deadLetters.count(duplicate);
        ctx.output(DeadLetters.TAG, duplicate);
    }
}
