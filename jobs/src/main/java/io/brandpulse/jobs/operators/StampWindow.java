package io.brandpulse.jobs.operators;

import io.brandpulse.model.BrandWindowMetrics;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Gives the pre-aggregated metrics their brand and window bounds. */
public class StampWindow extends ProcessWindowFunction<BrandWindowMetrics, BrandWindowMetrics, String, TimeWindow> {
    @Override
    public void process(String brand, Context context, Iterable<BrandWindowMetrics> aggregated, Collector<BrandWindowMetrics> out) {
        for (BrandWindowMetrics metrics : aggregated) {
            metrics.brand = brand;
            metrics.windowStart = context.window().getStart();
            metrics.windowEnd = context.window().getEnd();
            out.collect(metrics);
        }
    }
}
