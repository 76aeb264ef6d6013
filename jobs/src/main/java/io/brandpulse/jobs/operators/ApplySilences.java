package io.brandpulse.jobs.operators;

import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.Silence;
import io.brandpulse.model.Alert;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.ListeningChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Marks alerts a silence of the control topic covers ({@code silenced}, {@code silenceId}): they
 * are written to {@code alerts} all the same, and the webhook leaves them out. A silence covers
 * alerts detected before its {@code until} (event time); a tombstone lifts it. Silences are checked
 * against the brands in force, as enrichment checks them (which dead-letters the ones that do not
 * apply), so this operator follows the brand definitions too.
 */
public class ApplySilences extends BroadcastProcessFunction<Alert, ListeningChange, Alert> {
    /** The silences in force, by id, as written on the topic. */
    public static final MapStateDescriptor<String, String> SILENCES =
            new MapStateDescriptor<>("silences", Types.STRING, Types.STRING);

    private final ListeningConfig config;
    private transient BrandsInForce brands;

    /** The silences of the state, read; null until the first alert or change. */
    private transient Map<String, Silence> inForce;

    public ApplySilences(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        brands = new BrandsInForce(config);
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        if (inForce == null) { // after a start or a restore: what the state holds
            inForce = new HashMap<>();
            for (Map.Entry<String, String> e : ctx.getBroadcastState(SILENCES).immutableEntries()) {
                inForce.put(e.getKey(), Silence.read(Silence.KEY + e.getKey(), e.getValue()));
            }
        }
        List<String> terms = terms(alert);
        for (Silence s : inForce.values()) {
            if (s.covers(alert.brand, alert.type, alert.detectedAt, terms)) {
                alert.silenced = true;
                alert.silenceId = s.id;
                break;
            }
        }
        out.collect(alert);
    }

    @Override
    public void processBroadcastElement(ListeningChange change, Context ctx, Collector<Alert> out)
            throws Exception {
        ControlRecord record = change.control;
        if (record == null) {
            return;
        }
        BroadcastState<String, String> definitions =
                ctx.getBroadcastState(BrandsInForce.DEFINITIONS);
        Map<String, String> current = BrandsInForce.definitions(definitions);
        Map<String, String> next;
        try {
            next = brands.after(current, record);
        } catch (ConfigException e) {
            return; // enrichment dead-letters it; what is in force stays
        }
        for (Map.Entry<String, String> e : next.entrySet()) {
            definitions.put(e.getKey(), e.getValue());
        }
        if (record.key.startsWith(Silence.KEY)) {
            String id = record.key.substring(Silence.KEY.length());
            if (record.value == null) {
                ctx.getBroadcastState(SILENCES).remove(id);
            } else {
                ctx.getBroadcastState(SILENCES).put(id, record.value);
            }
            inForce = null; // read again from the state at the next alert
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
