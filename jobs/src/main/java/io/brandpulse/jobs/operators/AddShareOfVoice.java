package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.Durations;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.BrandWindowMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Share of voice: each brand's volume against its configured competitors' in the same window. Keyed by window
 * start, so every brand's metrics of a window meet here; they are held until the watermark passes the window
 * (by then every brand's window has fired upstream), then emitted with their share. A window re-emitted with late
 * mentions updates the volumes and is emitted at once; the state goes once the window can no longer change.
 */
public class AddShareOfVoice extends KeyedProcessFunction<Long, BrandWindowMetrics, BrandWindowMetrics> {
    private final ListeningConfig config;

    private transient Map<String, List<String>> competitors;
    private transient long keepFor;
    private transient MapState<String, Long> volumes;
    private transient ListState<BrandWindowMetrics> waiting;
    private transient ValueState<Boolean> released;

    public AddShareOfVoice(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        competitors = new HashMap<>();
        for (BrandSettings brand : config.brands) {
            competitors.put(brand.id, List.copyOf(brand.competitors));
        }
        keepFor = Durations.parse(config.metrics.window).toMillis() + Durations.parse(config.metrics.allowedLateness).toMillis();
        volumes = getRuntimeContext().getMapState(new MapStateDescriptor<>("volumes", Types.STRING, Types.LONG));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", TypeInformation.of(BrandWindowMetrics.class)));
        released = getRuntimeContext().getState(new ValueStateDescriptor<>("released", Types.BOOLEAN));
    }

    @Override
    public void processElement(BrandWindowMetrics metrics, Context ctx, Collector<BrandWindowMetrics> out) throws Exception {
        volumes.put(metrics.brand, metrics.volume);
        if (Boolean.TRUE.equals(released.value())) {
            out.collect(withShare(metrics)); // a late re-emission: the other brands' windows are all known
            return;
        }
        waiting.add(metrics);
        ctx.timerService().registerEventTimeTimer(metrics.windowEnd - 1);
        ctx.timerService().registerEventTimeTimer(metrics.windowEnd - 1 + keepFor);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandWindowMetrics> out) throws Exception {
        if (!Boolean.TRUE.equals(released.value())) {
            for (BrandWindowMetrics metrics : waiting.get()) {
                out.collect(withShare(metrics));
            }
            waiting.clear();
            released.update(true);
        } else if (timestamp >= ctx.getCurrentKey() + keepFor) {
            volumes.clear();
            released.clear();
        }
    }

    private BrandWindowMetrics withShare(BrandWindowMetrics metrics) throws Exception {
        List<String> rivals = competitors.getOrDefault(metrics.brand, List.of());
        if (rivals.isEmpty()) {
            metrics.shareOfVoice = null;
            return metrics;
        }
        long total = metrics.volume;
        Map<String, Long> theirs = new HashMap<>();
        for (String rival : rivals) {
            Long volume = volumes.get(rival);
            theirs.put(rival, volume == null ? 0L : volume);
            total += volume == null ? 0 : volume;
        }
        metrics.competitorVolumes = theirs;
        metrics.shareOfVoice = total == 0 ? null : (double) metrics.volume / total;
        return metrics;
    }
}
