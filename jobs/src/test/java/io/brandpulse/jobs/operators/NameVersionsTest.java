package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Alert;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.text.AnalysisVersion;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.junit.jupiter.api.Test;

/** Brand windows, alerts and scores name the rules of their brand and the analysis in force. */
class NameVersionsTest {
    private final ListeningConfig config = TestConfigs.demo();

    private <T extends io.brandpulse.model.Versioned> T named(T record) {
        NameVersions<T> operator = new NameVersions<>(config);
        operator.open(DefaultOpenContext.INSTANCE);
        T out = operator.map(record);
        assertSame(record, out, "named in place: no copy per record");
        return out;
    }

    @Test
    void eachOutputNamesItsBrandsRulesAndTheAnalysis() {
        String first = config.brands.get(0).id;
        String second = config.brands.get(1).id;

        Alert alert = new Alert();
        alert.brand = first;
        named(alert);
        assertEquals(config.brands.get(0).rulesVersion(), alert.rulesVersion);
        assertEquals(AnalysisVersion.current(), alert.analysisVersion);

        BrandWindowMetrics window = new BrandWindowMetrics();
        window.brand = second;
        named(window);
        assertEquals(config.brands.get(1).rulesVersion(), window.rulesVersion);
        assertNotEquals(alert.rulesVersion, window.rulesVersion, "each brand its own rules");

        CustomerEngagement score = new CustomerEngagement();
        score.brand = first;
        named(score);
        assertEquals(alert.rulesVersion, score.rulesVersion);
        assertEquals(AnalysisVersion.current(), score.analysisVersion);
    }

    @Test
    void aBrandThatIsNotConfiguredHasNoRulesVersion() {
        BrandWindowMetrics window = new BrandWindowMetrics();
        window.brand = "heytea";
        named(window);
        assertNull(window.rulesVersion);
        assertEquals(AnalysisVersion.current(), window.analysisVersion);
    }
}
