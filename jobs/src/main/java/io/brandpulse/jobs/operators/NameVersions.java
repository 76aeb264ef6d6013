package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Versioned;
import io.brandpulse.text.AnalysisVersion;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Names on a brand window, an alert or an engagement score the rules and the analysis it was
 * computed under: the {@code rulesVersion} of the brand's definition in force at the record's event
 * time (the file's, or the control topic's on top, {@link BrandsInForce}) and this job's {@code
 * analysisVersion}. A record computed after an upgrade names the new versions even where its state
 * (a baseline, a customer's history) was built by the previous release; the enriched mentions it
 * counted name their own.
 */
public class NameVersions<T extends Versioned>
        extends BroadcastProcessFunction<T, ListeningChange, T> {
    private final ListeningConfig config;

    private transient BrandsInForce brands;
    private transient String analysisVersion;

    public NameVersions(ListeningConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        brands = new BrandsInForce(config);
        // Where the job runs: the TaskManager's classes are what analyse, not the client's.
        analysisVersion = AnalysisVersion.current();
    }

    @Override
    public void processElement(T record, ReadOnlyContext ctx, Collector<T> out) throws Exception {
        ListeningConfig inForce =
                brands.at(ctx.getBroadcastState(BrandsInForce.CONTROL), record.eventTime());
        BrandSettings brand = inForce.brand(record.brandId());
        record.nameVersions(brand == null ? null : brand.rulesVersion(), analysisVersion);
        out.collect(record);
    }

    @Override
    public void processBroadcastElement(ListeningChange change, Context ctx, Collector<T> out)
            throws Exception {
        if (change.control != null) {
            brands.applyQuietly(ctx.getBroadcastState(BrandsInForce.CONTROL), change.control);
        }
    }
}
