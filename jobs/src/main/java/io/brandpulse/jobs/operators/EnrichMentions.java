package io.brandpulse.jobs.operators;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Analyses the text (normalization, segmentation, keywords, sentiment, complaint, spam, duplicate key), resolves the
 * brand and pseudonymizes the author; opted-out customers are dropped and counted. The analyzer (a tokenizer and the
 * term automaton) is built once per operator instance.
 */
public class EnrichMentions extends ProcessFunction<Mention, EnrichedMention> {
    private final ListeningConfig config;

    private transient MentionEnricher enricher;
    private transient Counter optedOut;

    public EnrichMentions(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        enricher = new MentionEnricher(config);
        optedOut = getRuntimeContext().getMetricGroup().counter("optedOutMentionsDropped");
    }

    @Override
    public void close() {
        if (enricher != null) {
            enricher.close();
        }
    }

    @Override
    public void processElement(Mention mention, Context ctx, Collector<EnrichedMention> out) {
        EnrichedMention enriched = enricher.enrich(mention);
        if (enriched == null) {
            optedOut.inc();
        } else {
            out.collect(enriched);
        }
    }
}
