package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.ResponseStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Completes each brand's window metrics with what needs other streams or other brands: share of
 * voice against the configured competitors, and the brand's response stats. Keyed by window start,
 * so every brand's metrics and stats of a window meet here; they are held until the watermark
 * passes the window (by then every window has fired upstream), then emitted, brands in order. A
 * late re-emission updates the window and is emitted at once; the state goes once the window can no
 * longer change.
 */
public class CompleteBrandMetrics
        extends KeyedCoProcessFunction<
                Long, BrandWindowMetrics, ResponseStats, BrandWindowMetrics> {
    private final ListeningConfig config;

    private transient Map<String, List<String>> competitors;
    private transient long windowMillis;
    private transient long keepFor;
    private transient MapState<String, BrandWindowMetrics> metrics;
    private transient MapState<String, ResponseStats> responses;
    private transient ValueState<Boolean> released;

    public CompleteBrandMetrics(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        competitors = new HashMap<>();
        for (BrandSettings brand : config.brands) {
            competitors.put(brand.id, List.copyOf(brand.competitors));
        }
        windowMillis = config.metrics.window.toMillis();
        keepFor = windowMillis + config.metrics.allowedLateness.toMillis();
        metrics =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "metrics",
                                        Types.STRING,
                                        TypeInformation.of(BrandWindowMetrics.class)));
        responses =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "responses",
                                        Types.STRING,
                                        TypeInformation.of(ResponseStats.class)));
        released =
                getRuntimeContext().getState(new ValueStateDescriptor<>("released", Types.BOOLEAN));
    }

    @Override
    public void processElement1(
            BrandWindowMetrics window, Context ctx, Collector<BrandWindowMetrics> out)
            throws Exception {
        metrics.put(window.brand, window);
        arrived(ctx, window.brand, window.windowEnd, out);
    }

    @Override
    public void processElement2(ResponseStats stats, Context ctx, Collector<BrandWindowMetrics> out)
            throws Exception {
        responses.put(stats.brand, stats);
        arrived(ctx, stats.brand, stats.windowEnd, out);
    }

    private void arrived(
            Context ctx, String brand, long windowEnd, Collector<BrandWindowMetrics> out)
            throws Exception {
        if (Boolean.TRUE.equals(released.value())) {
            out.collect(
                    complete(
                            brand,
                            ctx.getCurrentKey())); // a late re-emission: the other brands are
            // all known
            return;
        }
        ctx.timerService().registerEventTimeTimer(windowEnd - 1);
        ctx.timerService()
                .registerEventTimeTimer(
                        ctx.getCurrentKey()
                                + keepFor
                                - 1); // when the upstream windows are cleaned up
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandWindowMetrics> out)
            throws Exception {
        if (!Boolean.TRUE.equals(released.value())) {
            TreeSet<String> brands = new TreeSet<>();
            metrics.keys().forEach(brands::add);
            responses.keys().forEach(brands::add);
            for (String brand : brands) {
                out.collect(complete(brand, ctx.getCurrentKey()));
            }
            released.update(true);
        } else if (timestamp >= ctx.getCurrentKey() + keepFor - 1) {
            metrics.clear();
            responses.clear();
            released.clear();
        }
    }

    /**
     * The brand's metrics with share of voice and responses; a window with response activity only
     * gets zeros.
     */
    private BrandWindowMetrics complete(String brand, long windowStart) throws Exception {
        BrandWindowMetrics m = metrics.get(brand);
        if (m == null) {
            m = new BrandWindowMetrics();
            m.brand = brand;
            m.windowStart = windowStart;
            m.windowEnd = windowStart + windowMillis;
        }
        m.responses = responses.get(brand);
        List<String> rivals = competitors.getOrDefault(brand, List.of());
        if (rivals.isEmpty()) {
            m.shareOfVoice = null;
            return m;
        }
        long total = m.volume;
        Map<String, Long> theirs = new HashMap<>();
        for (String rival : rivals) {
            BrandWindowMetrics other = metrics.get(rival);
            long volume = other == null ? 0 : other.volume;
            theirs.put(rival, volume);
            total += volume;
        }
        m.competitorVolumes = theirs;
        m.shareOfVoice = total == 0 ? null : (double) m.volume / total;
        return m;
    }
}
