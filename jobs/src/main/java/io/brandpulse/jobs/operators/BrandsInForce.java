package io.brandpulse.jobs.operators;

import io.brandpulse.config.Acknowledgement;
import io.brandpulse.config.BrandDefinitions;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.Silence;
import io.brandpulse.model.ControlRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What the operators that read the control topic share: the broadcast state of brand definitions
 * ({@code brand id -> definition JSON}, an empty string for a removed brand) and how a control
 * record changes it. Each such operator applies every record to its own copy; only enrichment
 * dead-letters the records that do not apply.
 */
public final class BrandsInForce {
    /** The control topic's brand definitions, as accepted. */
    public static final MapStateDescriptor<String, String> DEFINITIONS =
            new MapStateDescriptor<>("brand-definitions", Types.STRING, Types.STRING);

    private final ListeningConfig deployment;
    private final ConfigLoader loader = new ConfigLoader();

    public BrandsInForce(ListeningConfig deployment) {
        this.deployment = deployment;
    }

    /** A copy of the definitions in the state. */
    public static Map<String, String> definitions(ReadOnlyBroadcastState<String, String> state)
            throws Exception {
        Map<String, String> copy = new HashMap<>();
        for (Map.Entry<String, String> e : state.immutableEntries()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }

    /**
     * The definitions after this record (a silence leaves them as they are), or the reason it does
     * not apply.
     *
     * @throws ConfigException naming the record's key and the path of the problem
     */
    public Map<String, String> after(Map<String, String> definitions, ControlRecord record) {
        if (record.key != null && record.key.startsWith(Acknowledgement.KEY)) {
            if (record.value != null) {
                Acknowledgement.parse(record.key, record.value);
            }
            return definitions; // an acknowledgement changes no definition
        }
        if (record.key != null && record.key.startsWith(Silence.KEY)) {
            // a silence changes no definition; it must hold for the brands in force
            if (record.value != null) {
                Silence.parse(record.key, record.value, ids(definitions));
            }
            return definitions;
        }
        BrandDefinitions.Change change =
                BrandDefinitions.change(deployment, definitions, record.key, record.value, loader);
        Map<String, String> next = new HashMap<>(definitions);
        next.put(change.brandId(), change.definition());
        return next;
    }

    /** The ids of the brands in force with these definitions. */
    public Set<String> ids(Map<String, String> definitions) {
        return BrandDefinitions.idsInForce(deployment, definitions, loader);
    }

    /** The deployment with these definitions laid over its brands. */
    public ListeningConfig deployment(Map<String, String> definitions) {
        return BrandDefinitions.withBrandsInForce(deployment, definitions, loader);
    }
}
