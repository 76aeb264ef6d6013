package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.ResponseStats;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Completes each brand's window metrics with what needs other streams or other brands: share of
 * voice against the brand's competitors (the file's, or the control topic's, {@link
 * BrandsInForce}), and the brand's response stats. Keyed by window start, so every brand's metrics
 * and stats of a window meet here; they are held until the watermark passes the window (by then
 * every window has fired upstream), then emitted, brands in order. A late re-emission updates the
 * window; it is held until the next watermark, which comes behind the late re-emissions of both
 * streams (a late mention can re-fire its brand's window and its response window, on other tasks,
 * in either order): then each brand changed, and each brand whose competitor's volume changed, is
 * emitted once, brands in order, so the output does not depend on which re-emission came first. The
 * state goes once the window can no longer change.
 */
public class CompleteBrandMetrics
        extends KeyedBroadcastProcessFunction<
                Long,
                Either<BrandWindowMetrics, ResponseStats>,
                ListeningChange,
                BrandWindowMetrics> {
    private final ListeningConfig config;

    private transient BrandsInForce brands;
    private transient long windowMillis;
    private transient long keepFor;
    private transient MapState<String, BrandWindowMetrics> metrics;
    private transient MapState<String, ResponseStats> responses;
    private transient ValueState<Boolean> released;

    /**
     * Brands re-emitted late since the window's release and not yet emitted again; true where the
     * brand's volume changed (its rivals' share of voice changes with it).
     */
    private transient MapState<String, Boolean> changedLate;

    public CompleteBrandMetrics(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        brands = new BrandsInForce(config);
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
        changedLate =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "changed-late", Types.STRING, Types.BOOLEAN));
    }

    /** A brand's window metrics or its response stats of the window. */
    @Override
    public void processElement(
            Either<BrandWindowMetrics, ResponseStats> input,
            ReadOnlyContext ctx,
            Collector<BrandWindowMetrics> out)
            throws Exception {
        String brand;
        long windowEnd;
        boolean volumeChanged = false;
        if (input.isLeft()) {
            BrandWindowMetrics window = input.left();
            BrandWindowMetrics before = metrics.get(window.brand);
            volumeChanged = before == null || before.volume != window.volume;
            metrics.put(window.brand, window);
            brand = window.brand;
            windowEnd = window.windowEnd;
        } else {
            ResponseStats stats = input.right();
            responses.put(stats.brand, stats);
            brand = stats.brand;
            windowEnd = stats.windowEnd;
        }
        if (Boolean.TRUE.equals(released.value())) {
            // a late re-emission: the other brands are all known; out at the next watermark
            changedLate.put(brand, volumeChanged || Boolean.TRUE.equals(changedLate.get(brand)));
            ctx.timerService().registerEventTimeTimer(ctx.timerService().currentWatermark() + 1);
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
            for (String brand : brandsOfTheWindow()) {
                out.collect(complete(ctx, brand, ctx.getCurrentKey()));
            }
            released.update(true);
        } else {
            emitLateChanges(ctx, out);
        }
        if (timestamp >= ctx.getCurrentKey() + keepFor - 1) {
            // with no allowed lateness this is the release's own timer
            metrics.clear();
            responses.clear();
            released.clear();
        }
    }

    /**
     * Each brand re-emitted late, and each brand of the window that has one of those whose volume
     * changed among its competitors, once, brands in order.
     */
    private void emitLateChanges(ReadOnlyContext ctx, Collector<BrandWindowMetrics> out)
            throws Exception {
        if (changedLate.isEmpty()) {
            return;
        }
        long windowStart = ctx.getCurrentKey();
        TreeSet<String> toEmit = new TreeSet<>();
        Set<String> volumeChanged = new HashSet<>();
        for (Map.Entry<String, Boolean> entry : changedLate.entries()) {
            toEmit.add(entry.getKey());
            if (entry.getValue()) {
                volumeChanged.add(entry.getKey());
            }
        }
        for (String brand : brandsOfTheWindow()) {
            if (rivals(ctx, brand, windowStart).stream().anyMatch(volumeChanged::contains)) {
                toEmit.add(brand);
            }
        }
        for (String brand : toEmit) {
            out.collect(complete(ctx, brand, windowStart));
        }
        changedLate.clear();
    }

    @Override
    public void processBroadcastElement(
            ListeningChange change, Context ctx, Collector<BrandWindowMetrics> out)
            throws Exception {
        if (change.control != null) {
            brands.applyQuietly(ctx.getBroadcastState(BrandsInForce.CONTROL), change.control);
        }
    }

    /**
     * The brand's metrics with share of voice (against its competitors in force at the window's
     * start) and responses; a window with response activity only gets zeros.
     */
    private BrandWindowMetrics complete(ReadOnlyContext ctx, String brand, long windowStart)
            throws Exception {
        BrandWindowMetrics m = metrics.get(brand);
        if (m == null) {
            m = new BrandWindowMetrics();
            m.brand = brand;
            m.windowStart = windowStart;
            m.windowEnd = windowStart + windowMillis;
        }
        m.responses = responses.get(brand);
        List<String> rivals = rivals(ctx, brand, windowStart);
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

    /** Every brand with metrics or response stats in the window, in order. */
    private TreeSet<String> brandsOfTheWindow() throws Exception {
        TreeSet<String> brands = new TreeSet<>();
        metrics.keys().forEach(brands::add);
        responses.keys().forEach(brands::add);
        return brands;
    }

    /** The brand's competitors in force at the window's start. */
    private List<String> rivals(ReadOnlyContext ctx, String brand, long windowStart)
            throws Exception {
        BrandSettings settings =
                brands.at(ctx.getBroadcastState(BrandsInForce.CONTROL), windowStart).brand(brand);
        return settings == null ? List.of() : settings.competitors;
    }
}
