package io.brandpulse.jobs.operators;

import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Mention;
import io.brandpulse.model.OptOut;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses the text (normalization, segmentation, keywords, sentiment, complaint, spam, duplicate
 * key), resolves the brand and pseudonymizes the author. Opted-out customers are dropped and
 * counted: those of {@code privacy.optOut}, and those of the live opt-out topic, which arrive on
 * the broadcast input and are kept in broadcast state (by pseudonym: no raw id is stored).
 *
 * <p>The brands come from the configuration file with the control topic's definitions on top
 * ({@link BrandsInForce}), as in force at the mention's event time: a definition that applies
 * replaces the analyzer (its term automaton holds every brand's names and terms) between two
 * mentions; one that does not goes to the dead letters as {@code INVALID_CONTROL} with the reason,
 * and the definitions in force stay.
 */
public class EnrichMentions
        extends BroadcastProcessFunction<Mention, ListeningChange, EnrichedMention> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichMentions.class);

    /** Pseudonyms of the customers who opted out through the topic. */
    public static final MapStateDescriptor<String, Boolean> OPTED_OUT =
            new MapStateDescriptor<>("opted-out-customers", Types.STRING, Types.BOOLEAN);

    /** Analysers kept for the stretches of event time recently seen (usually one). */
    private static final int ENRICHERS_KEPT = 4;

    private final ListeningConfig config;

    private transient BrandsInForce brands;
    private transient Map<Long, MentionEnricher> enrichers;

    /** The analysers in use before the last change, until their successors are built. */
    private transient Map<Long, MentionEnricher> retired;

    private transient long enrichersBuiltAt;
    private transient Counter optedOut;
    private transient DeadLetters deadLetters;

    public EnrichMentions(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        brands = new BrandsInForce(config);
        enrichers =
                new LinkedHashMap<>(ENRICHERS_KEPT * 2, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, MentionEnricher> eldest) {
                        if (size() <= ENRICHERS_KEPT) return false;
                        eldest.getValue().close();
                        return true;
                    }
                };
        retired = new HashMap<>();
        optedOut = getRuntimeContext().getMetricGroup().counter("optedOutMentionsDropped");
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void close() {
        if (enrichers != null) {
            closeAll(enrichers);
            closeAll(retired);
        }
    }

    @Override
    public void processElement(Mention mention, ReadOnlyContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        EnrichedMention enriched = enricherAt(ctx, mention.createdAt).enrich(mention);
        if (enriched == null
                || (enriched.customerKey != null
                        && ctx.getBroadcastState(OPTED_OUT).contains(enriched.customerKey))) {
            optedOut.inc();
        } else {
            out.collect(enriched);
        }
    }

    /** The analyser of the brands in force at the mention's event time. */
    private MentionEnricher enricherAt(ReadOnlyContext ctx, long eventTime) throws Exception {
        ReadOnlyBroadcastState<String, String> control =
                ctx.getBroadcastState(BrandsInForce.CONTROL);
        if (enrichersBuiltAt != brands.changes()) {
            // the analysers of the definitions before the change: what they remember of recent
            // texts the change cannot affect is kept by their successors
            closeAll(retired);
            retired.putAll(enrichers);
            enrichers.clear();
            enrichersBuiltAt = brands.changes();
        }
        long stretch = brands.stretchAt(control, eventTime);
        MentionEnricher enricher = enrichers.get(stretch);
        if (enricher == null) {
            MentionEnricher previous = retired.remove(stretch);
            enricher = new MentionEnricher(brands.at(control, eventTime), previous);
            if (previous != null) previous.close();
            enrichers.put(stretch, enricher);
        }
        return enricher;
    }

    private static void closeAll(Map<Long, MentionEnricher> enrichers) {
        for (MentionEnricher e : enrichers.values()) e.close();
        enrichers.clear();
    }

    @Override
    public void processBroadcastElement(
            ListeningChange change, Context ctx, Collector<EnrichedMention> out) throws Exception {
        if (change.optOut != null) {
            OptOut optOut = change.optOut;
            if (optOut.optedOut) {
                ctx.getBroadcastState(OPTED_OUT).put(optOut.customerKey, true);
            } else {
                ctx.getBroadcastState(OPTED_OUT).remove(optOut.customerKey);
            }
        } else if (change.control != null) {
            apply(change.control, ctx);
        }
    }

    private void apply(ControlRecord record, Context ctx) throws Exception {
        boolean changed;
        try {
            changed = brands.apply(ctx.getBroadcastState(BrandsInForce.CONTROL), record);
        } catch (ConfigException e) {
            // Every parallel instance sees the record; one dead letter is enough.
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                DeadLetter d = DeadLetters.invalidControl(record, e.getMessage());
                deadLetters.count(d);
                ctx.output(DeadLetters.TAG, d);
            }
            return;
        }
        if (changed) {
            // Built again from the next mention on: the change costs the hot path one build.
            LOG.info("control record {} applied", record.key);
        }
    }
}
