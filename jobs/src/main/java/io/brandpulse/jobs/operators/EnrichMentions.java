package io.brandpulse.jobs.operators;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import io.brandpulse.model.OptOut;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Analyses the text (normalization, segmentation, keywords, sentiment, complaint, spam, duplicate
 * key), resolves the brand and pseudonymizes the author. Opted-out customers are dropped and
 * counted: those of {@code privacy.optOut}, and those of the live opt-out topic, which arrive on
 * the broadcast input and are kept in broadcast state (by pseudonym: no raw id is stored). The
 * analyzer is built once per operator instance.
 */
public class EnrichMentions extends BroadcastProcessFunction<Mention, OptOut, EnrichedMention> {
    /** Pseudonyms of the customers who opted out through the topic. */
    public static final MapStateDescriptor<String, Boolean> OPTED_OUT =
            new MapStateDescriptor<>("opted-out-customers", Types.STRING, Types.BOOLEAN);

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
    public void processElement(Mention mention, ReadOnlyContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        EnrichedMention enriched = enricher.enrich(mention);
        if (enriched == null
                || (enriched.customerKey != null
                        && ctx.getBroadcastState(OPTED_OUT).contains(enriched.customerKey))) {
            optedOut.inc();
        } else {
            out.collect(enriched);
        }
    }

    @Override
    public void processBroadcastElement(OptOut optOut, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        if (optOut.optedOut) {
            ctx.getBroadcastState(OPTED_OUT).put(optOut.customerKey, true);
        } else {
            ctx.getBroadcastState(OPTED_OUT).remove(optOut.customerKey);
        }
    }
}
