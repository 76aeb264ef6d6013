package io.brandpulse.jobs.operators;

import io.brandpulse.alerts.Severity;
import io.brandpulse.config.Acknowledgement;
import io.brandpulse.config.ControlState;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.Silence;
import io.brandpulse.model.Alert;
import io.brandpulse.model.ListeningChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * What the crisis team said on the control topic about alerts, applied per incident (keyed by
 * incident id):
 *
 * <ul>
 *   <li>a silence ({@code silence:<id>}) marks the alerts it covers {@code silenced} with its id;
 *       they are written to {@code alerts} all the same, and the webhook is not told ({@code
 *       notify} false). It covers alerts detected from its {@code effectiveFrom} (when it says one)
 *       until its {@code until}, in event time; a tombstone lifts it;
 *   <li>an acknowledgement ({@code ack:<incidentId>}) names who acknowledged the incident on its
 *       next alerts ({@code acknowledgedBy}); its UPDATEs then reach the webhook only when the
 *       severity rises above the highest the webhook was told. A tombstone withdraws it.
 * </ul>
 *
 * Records are checked against the brands in force, as enrichment checks them (which dead-letters
 * those that do not apply), so this operator follows the brand definitions too.
 */
public class ApplyAlertControls
        extends KeyedBroadcastProcessFunction<String, Alert, ListeningChange, Alert> {
    private final ListeningConfig config;
    private transient BrandsInForce brands;

    /** The silences in force, read; null until the first alert after a start or a change. */
    private transient List<Silence> silencesInForce;

    private transient long silencesReadAt;

    /** Per incident: the highest severity the webhook was told of (its ordinal). */
    private transient ValueState<Integer> notifiedSeverity;

    public ApplyAlertControls(ListeningConfig config) {
        this.config = config;
    }

    /** The key alerts are applied by: their incident (an alert without one stands alone). */
    public static String incidentOf(Alert alert) {
        return alert.incidentId != null ? alert.incidentId : alert.alertId;
    }

    @Override
    public void open(OpenContext context) {
        brands = new BrandsInForce(config);
        notifiedSeverity =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("notified-severity", Types.INT));
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        ControlState control = brands.state(ctx.getBroadcastState(BrandsInForce.CONTROL));
        if (silencesInForce == null || silencesReadAt != brands.changes()) {
            silencesInForce = control.silencesInForce();
            silencesReadAt = brands.changes();
        }
        List<String> terms = terms(alert);
        for (Silence s : silencesInForce) {
            if (s.covers(alert.brand, alert.type, alert.detectedAt, terms)) {
                alert.silenced = true;
                alert.silenceId = s.id;
                break;
            }
        }
        Acknowledgement ack = control.acknowledgementOf(incidentOf(alert));
        if (ack != null) {
            alert.acknowledgedBy = ack.by();
        }
        int severity = Severity.of(alert.severity).ordinal();
        Integer told = notifiedSeverity.value();
        boolean quietUpdate =
                alert.acknowledgedBy != null
                        && "UPDATE".equals(alert.status)
                        && told != null
                        && severity <= told;
        alert.notifyWebhook = !alert.silenced && !quietUpdate;
        if ("RESOLVED".equals(alert.status)) {
            notifiedSeverity.clear();
        } else if (alert.notifyWebhook) {
            notifiedSeverity.update(told == null ? severity : Math.max(told, severity));
        }
        out.collect(alert);
    }

    @Override
    public void processBroadcastElement(ListeningChange change, Context ctx, Collector<Alert> out)
            throws Exception {
        if (change.control != null) {
            brands.applyQuietly(ctx.getBroadcastState(BrandsInForce.CONTROL), change.control);
        }
    }

    /** The alert's keywords and driver terms, as a silence's {@code match} is compared. */
    private static List<String> terms(Alert alert) {
        List<String> terms = new ArrayList<>();
        if (alert.evidence != null) {
            for (String[] list :
                    new String[][] {alert.evidence.keywords, alert.evidence.driverTerms}) {
                if (list == null) continue;
                for (String t : list) terms.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}
