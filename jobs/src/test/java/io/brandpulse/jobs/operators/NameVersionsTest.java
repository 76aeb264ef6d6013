package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Alert;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Versioned;
import io.brandpulse.text.AnalysisVersion;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Brand windows, alerts and scores name the rules of their brand and the analysis in force. */
class NameVersionsTest {
    private final ListeningConfig config = TestConfigs.demo();

    private BroadcastOperatorTestHarness<Versioned, ListeningChange, Versioned> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new NameVersions<>(config), BrandsInForce.CONTROL);
    }

    private static Versioned named(
            BroadcastOperatorTestHarness<Versioned, ListeningChange, Versioned> h, Versioned record)
            throws Exception {
        h.processElement(record, 0);
        return h.extractOutputValues().get(h.extractOutputValues().size() - 1);
    }

    private static Alert alert(String brand) {
        Alert a = new Alert();
        a.brand = brand;
        return a;
    }

    @Test
    void eachOutputNamesItsBrandsRulesAndTheAnalysis() throws Exception {
        try (var h = harness()) {
            String first = config.brands.get(0).id;
            String second = config.brands.get(1).id;

            Versioned alert = named(h, alert(first));
            assertEquals(config.brands.get(0).rulesVersion(), alert.rulesVersion);
            assertEquals(AnalysisVersion.current(), alert.analysisVersion);

            BrandWindowMetrics window = new BrandWindowMetrics();
            window.brand = second;
            named(h, window);
            assertEquals(config.brands.get(1).rulesVersion(), window.rulesVersion);
            assertNotEquals(alert.rulesVersion, window.rulesVersion, "each brand its own rules");

            CustomerEngagement score = new CustomerEngagement();
            score.brand = first;
            named(h, score);
            assertEquals(alert.rulesVersion, score.rulesVersion);
            assertEquals(AnalysisVersion.current(), score.analysisVersion);
        }
    }

    @Test
    void aBrandThatIsNotConfiguredHasNoRulesVersion() throws Exception {
        try (var h = harness()) {
            Versioned window = named(h, alert("heytea"));
            assertNull(window.rulesVersion);
            assertEquals(AnalysisVersion.current(), window.analysisVersion);
        }
    }

    @Test
    void aBrandDefinedOnTheControlTopicNamesItsNewRules() throws Exception {
        try (var h = harness()) {
            String before = named(h, alert(config.brands.get(0).id)).rulesVersion;
            h.processBroadcastElement(
                    ListeningChange.of(
                            new ControlRecord(
                                    "brand:heytea",
                                    "{\"id\":\"heytea\",\"names\":[\"喜茶\"]}",
                                    "listening-control",
                                    0,
                                    0)),
                    0);
            assertNotNull(named(h, alert("heytea")).rulesVersion, "a configured brand now");
            assertEquals(before, named(h, alert(config.brands.get(0).id)).rulesVersion);
            h.processBroadcastElement(
                    ListeningChange.of(
                            new ControlRecord(
                                    "brand:heytea", "{broken", "listening-control", 0, 1)),
                    0);
            assertNotNull(
                    named(h, alert("heytea")).rulesVersion, "an invalid record changes nothing");
        }
    }
}
