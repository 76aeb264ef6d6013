package io.brandpulse.jobs.operators;

import io.brandpulse.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Unanswered-complaint alerts go out only for a brand whose replies are visible in the stream,
 * keyed by brand. If none of a brand's official accounts has ever been seen replying, its replies
 * are not being collected (or no account is configured): every complaint would look unanswered, and
 * the crisis team would drown in alerts that mean nothing. Such alerts wait (bounded) and go out,
 * in order, as soon as the brand's first reply shows up.
 *
 * <p>The second input is the brand of each brand reply: the reply itself is not needed, only that
 * one was seen.
 */
public class GateUnansweredAlerts extends KeyedCoProcessFunction<String, Alert, String, Alert> {
    /**
     * At least the newest this many alerts are held per brand while none of its replies has been
     * seen.
     */
    static final int MAX_HELD = 1_000;

    /**
     * How far the held alerts may grow past {@link #MAX_HELD} before the oldest are dropped, all at
     * once: dropping them one by one would rewrite the whole list for every new alert, and a brand
     * without collected replies sends a steady stream of them.
     */
    static final int DROP_AT_ONCE = MAX_HELD / 10;

    private transient ValueState<Boolean> repliesSeen;
    private transient ListState<Alert> held;
    private transient ValueState<Integer> heldCount;
    private transient Counter dropped;

    @Override
    public void open(OpenContext openContext) {
        repliesSeen =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("brand-replies-seen", Types.BOOLEAN));
        held =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "held-alerts", TypeInformation.of(Alert.class)));
        heldCount =
                getRuntimeContext().getState(new ValueStateDescriptor<>("held-count", Types.INT));
        dropped =
                getRuntimeContext()
                        .getMetricGroup()
                        .counter("unansweredAlertsWithoutVisibleReplies");
    }

    @Override
    public void processElement1(Alert alert, Context ctx, Collector<Alert> out) throws Exception {
        if (Boolean.TRUE.equals(repliesSeen.value())) {
            out.collect(alert);
            return;
        }
        int count = heldCount.value() == null ? 0 : heldCount.value();
        if (count >= MAX_HELD + DROP_AT_ONCE) {
            List<Alert> all = new ArrayList<>(count);
            held.get().forEach(all::add);
            int drop = all.size() - (MAX_HELD - 1); // with the new alert, the newest MAX_HELD stay
            held.update(new ArrayList<>(all.subList(drop, all.size())));
            dropped.inc(drop);
            count = MAX_HELD - 1;
        }
        held.add(alert);
        heldCount.update(count + 1);
    }

    @Override
    public void processElement2(String repliedBrand, Context ctx, Collector<Alert> out)
            throws Exception {
        if (Boolean.TRUE.equals(repliesSeen.value())) {
            return;
        }
        repliesSeen.update(true);
        for (Alert alert : held.get()) {
            out.collect(alert);
        }
        held.clear();
        heldCount.clear();
    }
}
