package io.brandpulse.jobs.operators;

import io.brandpulse.metrics.BrandMetrics;
import io.brandpulse.metrics.BrandMetricsAccumulator;
import io.brandpulse.metrics.TermBaseline;
import io.brandpulse.model.BrandWindowMetrics;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a brand's pre-aggregated window into its metrics: brand and window bounds, and the top and
 * driver terms judged against the brand's term baseline, which lives in the brand's state across
 * windows.
 */
public class CompleteBrandWindow
        extends ProcessWindowFunction<
                BrandMetricsAccumulator, BrandWindowMetrics, String, TimeWindow> {
    private static final ValueStateDescriptor<TermBaseline> TERM_BASELINE =
            new ValueStateDescriptor<>("term-baseline", TypeInformation.of(TermBaseline.class));

    @Override
    public void process(
            String brand,
            Context context,
            Iterable<BrandMetricsAccumulator> aggregated,
            Collector<BrandWindowMetrics> out)
            throws Exception {
        ValueState<TermBaseline> state = context.globalState().getState(TERM_BASELINE);
        TermBaseline baseline = state.value() != null ? state.value() : new TermBaseline();
        for (BrandMetricsAccumulator acc : aggregated) {
            BrandWindowMetrics metrics = BrandMetrics.result(acc);
            metrics.brand = brand;
            metrics.windowStart = context.window().getStart();
            metrics.windowEnd = context.window().getEnd();
            BrandMetrics.addTerms(metrics, acc.terms, baseline);
            out.collect(metrics);
        }
        state.update(baseline);
    }
}
