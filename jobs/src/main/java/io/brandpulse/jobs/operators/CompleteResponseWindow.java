package io.brandpulse.jobs.operators;

import io.brandpulse.metrics.OpenCases;
import io.brandpulse.metrics.ResponseAccumulator;
import io.brandpulse.model.ResponseStats;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * A brand's response stats of one window, with the running number of open cases kept in the brand's
 * state.
 */
public class CompleteResponseWindow
        extends ProcessWindowFunction<ResponseAccumulator, ResponseStats, String, TimeWindow> {
    private static final ValueStateDescriptor<OpenCases> OPEN_CASES =
            new ValueStateDescriptor<>("open-cases", TypeInformation.of(OpenCases.class));

    @Override
    public void process(
            String brand,
            Context context,
            Iterable<ResponseAccumulator> aggregated,
            Collector<ResponseStats> out)
            throws Exception {
        ValueState<OpenCases> state = context.globalState().getState(OPEN_CASES);
        OpenCases open = state.value() != null ? state.value() : new OpenCases();
        for (ResponseAccumulator acc : aggregated) {
            ResponseStats stats = acc.stats();
            stats.brand = brand;
            stats.windowStart = context.window().getStart();
            stats.windowEnd = context.window().getEnd();
            stats.openCases = open.after(stats.windowStart, acc);
            out.collect(stats);
        }
        state.update(open);
    }
}
