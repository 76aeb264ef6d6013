package io.brandpulse.jobs.operators;

import io.brandpulse.model.EnrichedMention;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Counts mentions that came too late for their metrics window (beyond the allowed lateness). They
 * are still in {@code mentions-enriched}; only the window metrics leave them out, and this counter
 * says how many.
 */
public class CountLateMentions extends RichFlatMapFunction<EnrichedMention, Void> {
    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("lateMentionsDropped");
    }

    @Override
    public void flatMap(EnrichedMention mention, Collector<Void> out) {
        late.inc();
    }
}
