package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Versioned;
import io.brandpulse.text.AnalysisVersion;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Names on a brand window, an alert or an engagement score the rules and the analysis it was
 * computed under: the {@code rulesVersion} of the brand's definition in force (the file's, or the
 * control topic's on top, {@link BrandsInForce}) and this job's {@code analysisVersion}. A record
 * computed after an upgrade names the new versions even where its state (a baseline, a customer's
 * history) was built by the previous release; the enriched mentions it counted name their own.
 */
public class NameVersions<T extends Versioned>
        extends BroadcastProcessFunction<T, ListeningChange, T> {
    private final ListeningConfig config;

    private transient BrandsInForce brands;
    private transient Map<String, String> rulesVersions;
    private transient boolean restoredDefinitionsRead;
    private transient String analysisVersion;

    public NameVersions(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        brands = new BrandsInForce(config);
        rulesVersions = versions(config);
        // Where the job runs: the TaskManager's classes are what analyse, not the client's.
        analysisVersion = AnalysisVersion.current();
    }

    @Override
    public void processElement(T record, ReadOnlyContext ctx, Collector<T> out) throws Exception {
        if (!restoredDefinitionsRead) {
            Map<String, String> restored =
                    BrandsInForce.definitions(ctx.getBroadcastState(BrandsInForce.DEFINITIONS));
            if (!restored.isEmpty()) {
                rulesVersions = versions(brands.deployment(restored));
            }
            restoredDefinitionsRead = true;
        }
        record.nameVersions(rulesVersions.get(record.brandId()), analysisVersion);
        out.collect(record);
    }

    @Override
    public void processBroadcastElement(ListeningChange change, Context ctx, Collector<T> out)
            throws Exception {
        if (change.control == null) {
            return;
        }
        BroadcastState<String, String> state = ctx.getBroadcastState(BrandsInForce.DEFINITIONS);
        Map<String, String> next;
        try {
            next = brands.after(BrandsInForce.definitions(state), change.control);
        } catch (ConfigException e) {
            return; // enrichment dead-letters it; the definitions in force stay
        }
        for (Map.Entry<String, String> e : next.entrySet()) {
            state.put(e.getKey(), e.getValue());
        }
        rulesVersions = versions(brands.deployment(next));
        restoredDefinitionsRead = true;
    }

    private static Map<String, String> versions(ListeningConfig deployment) {
        Map<String, String> versions = new HashMap<>();
        for (BrandSettings brand : deployment.brands) {
            versions.put(brand.id, brand.rulesVersion());
        }
        return versions;
    }
}
