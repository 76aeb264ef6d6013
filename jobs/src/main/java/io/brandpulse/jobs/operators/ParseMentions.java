package io.brandpulse.jobs.operators;

import io.brandpulse.config.IngestionSettings;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.ingest.ParseOutcome;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses and validates raw records; what breaks the contract goes to the {@link DeadLetters#TAG}
 * side output.
 */
public class ParseMentions extends ProcessFunction<RawRecord, Mention> {
    private final IngestionSettings settings;

    private transient MentionParser parser;
    private transient DeadLetters deadLetters;
    private transient Counter recordsIn;

    public ParseMentions(IngestionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new MentionParser(settings, Clock.systemUTC());
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
        recordsIn = getRuntimeContext().getMetricGroup().counter("mentionRecordsIn");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Mention> out) {
        recordsIn.inc();
        ParseOutcome outcome = parser.parse(record);
        if (outcome.isValid()) {
            out.collect(outcome.mention());
        } else {
            deadLetters.count(outcome.deadLetter());
            ctx.output(DeadLetters.TAG, outcome.deadLetter());
        }
    }
}
