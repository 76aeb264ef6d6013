package io.brandpulse.jobs.operators;

import io.brandpulse.alerts.AlertType;
import io.brandpulse.alerts.BrandHistory;
import io.brandpulse.alerts.CrisisTermDetector;
import io.brandpulse.alerts.CrisisTermWatch;
import io.brandpulse.alerts.Detection;
import io.brandpulse.alerts.Incident;
import io.brandpulse.alerts.IncidentLifecycle;
import io.brandpulse.alerts.WindowDetectors;
import io.brandpulse.config.DetectorSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.metrics.BrandMetrics;
import io.brandpulse.model.Alert;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.text.TextNormalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * The brand's detectors and incident lifecycle, keyed by brand, with the detector settings in force
 * at each input's event time (the file's, or the control topic's, {@link BrandsInForce}). Closed
 * metrics windows feed the window detectors (volume spike, negative surge, complaint burst) and
 * then the brand's history; severe-term mentions feed the crisis-term detector as they arrive, so a
 * crisis is not kept waiting for a window to close. Detections become OPEN / UPDATE alerts; an
 * event-time timer resolves an incident that stayed quiet.
 */
public class DetectIncidents
        extends KeyedBroadcastProcessFunction<
                String, Either<BrandWindowMetrics, EnrichedMention>, ListeningChange, Alert> {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    /** The incidents that closed windows (and nothing else) open, update and keep alive. */
    static final Set<AlertType> WINDOW_DETECTED =
            EnumSet.of(AlertType.VOLUME_SPIKE, AlertType.NEGATIVE_SURGE, AlertType.COMPLAINT_BURST);

    /** Every kind of incident: a timer resolves whichever is due. */
    static final Set<AlertType> ALL_TYPES = EnumSet.allOf(AlertType.class);

    /** The incidents that severe-term mentions (and nothing else) open and keep alive. */
    static final Set<AlertType> CRISIS_DETECTED = EnumSet.of(AlertType.CRISIS_KEYWORD);

    private final ListeningConfig config;

    private transient long windowMillis;
    private transient BrandsInForce brands;
    private transient IncidentLifecycle lifecycle;
    private transient ValueState<BrandHistory> history;
    private transient MapState<String, CrisisTermWatch> crisisTerms;
    private transient MapState<String, Incident> incidents;
    private transient Map<String, Counter> alertsByType;

    public DetectIncidents(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        windowMillis = config.metrics.window.toMillis();
        brands = new BrandsInForce(config);
        lifecycle = new IncidentLifecycle(config.alerts);
        history =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "history", TypeInformation.of(BrandHistory.class)));
        crisisTerms =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "crisis-terms",
                                        Types.STRING,
                                        TypeInformation.of(CrisisTermWatch.class)));
        incidents =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "incidents",
                                        Types.STRING,
                                        TypeInformation.of(Incident.class)));
        alertsByType = new HashMap<>();
        for (AlertType type : AlertType.values()) {
            alertsByType.put(
                    type.name(),
                    getRuntimeContext()
                            .getMetricGroup()
                            .addGroup("type", type.name())
                            .counter("alerts"));
        }
    }

    /** A closed window or a severe-term mention of the brand. */
    @Override
    public void processElement(
            Either<BrandWindowMetrics, EnrichedMention> input,
            ReadOnlyContext ctx,
            Collector<Alert> out)
            throws Exception {
        if (input.isLeft()) {
            windowClosed(input.left(), ctx, out);
        } else {
            severeMention(input.right(), ctx, out);
        }
    }

    @Override
    public void processBroadcastElement(ListeningChange change, Context ctx, Collector<Alert> out)
            throws Exception {
        if (change.control != null) {
            brands.applyQuietly(ctx.getBroadcastState(BrandsInForce.CONTROL), change.control);
        }
    }

    private void windowClosed(BrandWindowMetrics window, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        // The window closed after every instant before its end: the window detectors' incidents
        // quiet by then resolve first, as their timers would have. The window comes from another
        // task than the watermark that fires those timers, so it can overtake them (a fast replay
        // does), and the outcome would depend on which arrived first. Crisis-term incidents are
        // left to their timers: the window can overtake the very mentions that keep them open.
        resolveDue(ctx.getCurrentKey(), window.windowEnd - 1, WINDOW_DETECTED, out);
        DetectorSettings settings = settings(ctx, window.brand, window.windowStart);
        BrandHistory h = history.value();
        if (h == null) {
            h = new BrandHistory(windowMillis, settings.baselineDays);
        }
        // A window re-emitted with late mentions updates the history but is not judged twice.
        boolean newWindow = h.isEmpty() || h.slotOf(window.windowStart) > h.lastSlot;
        if (newWindow) {
            for (Detection detection : WindowDetectors.detect(h, window, settings)) {
                apply(ctx, detection, out);
            }
        }
        h.record(window);
        history.update(h);
    }

    private void severeMention(EnrichedMention mention, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        // The crisis-term incidents quiet before this mention resolve first, as their timers would
        // have: those timers wait for the windows' channel too, so the mention can overtake them.
        resolveDue(ctx.getCurrentKey(), mention.createdAt - 1, CRISIS_DETECTED, out);
        DetectorSettings settings = settings(ctx, mention.brand, mention.createdAt);
        BrandHistory h = history.value();
        long brandSince = h == null || h.isEmpty() ? Long.MAX_VALUE : h.firstSlot * windowMillis;
        for (String term : crisisTermsOf(mention)) {
            CrisisTermWatch watch = crisisTerms.get(term);
            if (watch == null) {
                watch = new CrisisTermWatch(settings.baselineDays);
            }
            CrisisTermDetector.Use use =
                    new CrisisTermDetector.Use(
                            term,
                            mention.createdAt,
                            mention.customerKey,
                            mention.id,
                            BrandMetrics.engagement(mention),
                            mention.analysis.repost || mention.repostOfId != null,
                            "positive".equals(mention.analysis.sentimentLabel),
                            mention.analysis.severity);
            Detection detection =
                    CrisisTermDetector.observe(watch, use, brandSince, windowMillis, settings);
            crisisTerms.put(term, watch);
            if (detection != null) {
                apply(ctx, detection, out);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a finite input (a replay) is not evidence that things calmed down
        }
        resolveDue(ctx.getCurrentKey(), timestamp, ALL_TYPES, out);
    }

    /**
     * Resolves every open incident of the brand, of the given types, whose quiet period ended at or
     * before {@code upTo}, each at the instant it ended.
     */
    private void resolveDue(String brand, long upTo, Set<AlertType> types, Collector<Alert> out)
            throws Exception {
        for (Map.Entry<String, Incident> entry : incidents.entries()) {
            if (!types.contains(AlertType.valueOf(entry.getKey()))) {
                continue;
            }
            Incident incident = entry.getValue();
            long due = lifecycle.resolveAt(incident);
            if (!incident.open || due > upTo) {
                continue;
            }
            IncidentLifecycle.Result result =
                    lifecycle.onQuiet(brand, entry.getKey(), incident, due, windowMillis);
            if (result.alert() != null) {
                entry.setValue(result.incident());
                emit(result.alert(), out);
            }
        }
    }

    private void apply(ReadOnlyContext ctx, Detection detection, Collector<Alert> out)
            throws Exception {
        String type = detection.type().name();
        IncidentLifecycle.Result result =
                lifecycle.onDetection(ctx.getCurrentKey(), incidents.get(type), detection);
        incidents.put(type, result.incident());
        ctx.timerService().registerEventTimeTimer(lifecycle.resolveAt(result.incident()));
        if (result.alert() != null) {
            emit(result.alert(), out);
        }
    }

    private void emit(Alert alert, Collector<Alert> out) {
        alertsByType.get(alert.type).inc();
        out.collect(alert);
    }

    /** The brand's detectors as in force at an event time (the control topic may change them). */
    private DetectorSettings settings(ReadOnlyContext ctx, String brand, long eventTime)
            throws Exception {
        return brands.at(ctx.getBroadcastState(BrandsInForce.CONTROL), eventTime)
                .detectorsOf(brand);
    }

    /**
     * The mention's severe terms, normalized (Traditional and Simplified are one term), each once.
     */
    static Set<String> crisisTermsOf(EnrichedMention mention) {
        Set<String> terms = new LinkedHashSet<>();
        for (KeywordHit hit : mention.analysis.keywords) {
            if ("CRISIS".equals(hit.kind)) {
                terms.add(NORMALIZER.normalize(hit.text));
            }
        }
        return terms;
    }

    /**
     * Only mentions that can be crisis evidence reach the detector: about a brand, severe terms, no
     * spam, not the brand itself.
     */
    public static boolean isCrisisEvidence(EnrichedMention m) {
        if (m.brand == null
                || m.analysis == null
                || m.analysis.spam
                || m.isBrandReply()
                || m.analysis.keywords == null) {
            return false;
        }
        for (KeywordHit hit : m.analysis.keywords) {
            if ("CRISIS".equals(hit.kind)) {
                return true;
            }
        }
        return false;
    }
}
