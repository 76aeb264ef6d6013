package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.Versioned;
import io.brandpulse.text.AnalysisVersion;
import java.util.HashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Names on a brand window, an alert or an engagement score the rules and the analysis it was
 * computed under: the brand's {@code rulesVersion} and this job's {@code analysisVersion}. A record
 * computed after an upgrade names the new versions even where its state (a baseline, a customer's
 * history) was built by the previous release; the enriched mentions it counted name their own.
 */
public class NameVersions<T extends Versioned> extends RichMapFunction<T, T> {
    private final HashMap<String, String> rulesVersions = new HashMap<>();
    private transient String analysisVersion;

    public NameVersions(ListeningConfig config) {
        for (BrandSettings brand : config.brands) {
            rulesVersions.put(brand.id, brand.rulesVersion());
        }
    }

    @Override
    public void open(OpenContext context) {
        // Where the job runs: the TaskManager's classes are what analyse, not the client's.
        analysisVersion = AnalysisVersion.current();
    }

    @Override
    public T map(T record) {
        record.nameVersions(rulesVersions.get(record.brandId()), analysisVersion);
        return record;
    }
}
