package io.brandpulse.jobs.operators;

import io.brandpulse.metrics.BrandMetrics;
import io.brandpulse.metrics.BrandMetricsAccumulator;
import io.brandpulse.model.EnrichedMention;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Pre-aggregates a brand's window mention by mention (the state is the accumulator, not the
 * mentions).
 */
public class AggregateBrandMetrics
        implements AggregateFunction<
                EnrichedMention, BrandMetricsAccumulator, BrandMetricsAccumulator> {
    @Override
    public BrandMetricsAccumulator createAccumulator() {
        return new BrandMetricsAccumulator();
    }

    @Override
    public BrandMetricsAccumulator add(EnrichedMention mention, BrandMetricsAccumulator acc) {
        BrandMetrics.add(acc, mention);
        return acc;
    }

    @Override
    public BrandMetricsAccumulator getResult(BrandMetricsAccumulator acc) {
        return acc; // the window function needs the term counts too (for their lift), not only the
        // totals
    }

    @Override
    public BrandMetricsAccumulator merge(BrandMetricsAccumulator a, BrandMetricsAccumulator b) {
        return BrandMetrics.merge(a, b);
    }
}
