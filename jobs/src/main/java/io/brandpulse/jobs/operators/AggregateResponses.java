package io.brandpulse.jobs.operators;

import io.brandpulse.metrics.ResponseAccumulator;
import io.brandpulse.model.ResponseEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Pre-aggregates a brand's response events per window. */
public class AggregateResponses
        implements AggregateFunction<ResponseEvent, ResponseAccumulator, ResponseAccumulator> {
    @Override
    public ResponseAccumulator createAccumulator() {
        return new ResponseAccumulator();
    }

    @Override
    public ResponseAccumulator add(ResponseEvent event, ResponseAccumulator acc) {
        acc.add(event);
        return acc;
    }

    @Override
    public ResponseAccumulator getResult(ResponseAccumulator acc) {
        return acc;
    }

    @Override
    public ResponseAccumulator merge(ResponseAccumulator a, ResponseAccumulator b) {
        return a.merge(b);
    }
}
