package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.ListeningChange;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts a silence covers are marked, still written; a tombstone lifts the silence. */
class ApplySilencesTest {
    private static final long NOON = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
    private BroadcastOperatorTestHarness<Alert, ListeningChange, Alert> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new ApplySilences(TestConfigs.demo()),
                        BrandsInForce.DEFINITIONS,
                        ApplySilences.SILENCES);
    }

    private void control(String key, String value) throws Exception {
        harness.processBroadcastElement(
                ListeningChange.of(new ControlRecord(key, value, "listening-control", 0, 0)), 0);
    }

    private Alert alert(String brand, String type, long detectedAt, String... keywords)
            throws Exception {
        Alert a = new Alert();
        a.brand = brand;
        a.type = type;
        a.detectedAt = detectedAt;
        a.evidence = new AlertEvidence();
        a.evidence.keywords = keywords;
        a.evidence.driverTerms = new String[0];
        harness.processElement(a, 0);
        List<Alert> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void aSilencedAlertIsMarkedAndStillWritten() throws Exception {
        control(
                "silence:s1",
                "{\"brand\":\"qingning\",\"type\":\"CRISIS_KEYWORD\",\"match\":\"发霉\","
                    + "\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"handled\",\"by\":\"li\"}");
        Alert silenced = alert("qingning", "CRISIS_KEYWORD", NOON, "发霉");
        assertTrue(silenced.silenced);
        assertEquals("s1", silenced.silenceId);
        Alert other = alert("qingning", "CRISIS_KEYWORD", NOON, "召回");
        assertFalse(other.silenced, "another term");
        assertNull(other.silenceId);
        assertFalse(
                alert("qingning", "CRISIS_KEYWORD", NOON + 3 * 3_600_000L, "发霉").silenced,
                "expired");
        assertEquals(3, harness.extractOutputValues().size(), "every alert is written");
    }

    @Test
    void aTombstoneLiftsTheSilence() throws Exception {
        control(
                "silence:s1",
                "{\"brand\":\"beian\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"}");
        assertTrue(alert("beian", "VOLUME_SPIKE", NOON).silenced);
        control("silence:s1", null);
        assertFalse(alert("beian", "VOLUME_SPIKE", NOON).silenced);
    }

    @Test
    void aSilenceForABrandNotInForceIsNotApplied() throws Exception {
        control(
                "silence:s2",
                "{\"brand\":\"heytea\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"}");
        assertFalse(alert("heytea", "VOLUME_SPIKE", NOON).silenced);
        control("brand:heytea", "{\"id\":\"heytea\",\"names\":[\"喜茶\"]}");
        control(
                "silence:s2",
                "{\"brand\":\"heytea\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"}");
        assertTrue(alert("heytea", "VOLUME_SPIKE", NOON).silenced, "once the brand is defined");
    }
}
