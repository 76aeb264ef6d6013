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
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Silences and acknowledgements from the control topic: every alert is written, the webhook is told
 * only of those that call for it.
 */
class ApplyAlertControlsTest {
    private static final long NOON = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
    private KeyedBroadcastOperatorTestHarness<String, Alert, ListeningChange, Alert> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new ApplyAlertControls(TestConfigs.demo()),
                        ApplyAlertControls::incidentOf,
                        Types.STRING,
                        BrandsInForce.CONTROL);
    }

    private void control(String key, String value) throws Exception {
        harness.processBroadcastElement(
                ListeningChange.of(new ControlRecord(key, value, "listening-control", 0, 0)), 0);
    }

    private Alert alert(String brand, String type, long detectedAt, String... keywords)
            throws Exception {
        return alert("i-" + brand + type, "OPEN", "HIGH", brand, type, detectedAt, keywords);
    }

    private Alert alert(
            String incident,
            String status,
            String severity,
            String brand,
            String type,
            long detectedAt,
            String... keywords)
            throws Exception {
        Alert a = new Alert();
        a.alertId = incident + status + severity + detectedAt;
        a.incidentId = incident;
        a.status = status;
        a.severity = severity;
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
    void aSilencedAlertIsMarkedStillWrittenAndNotNotified() throws Exception {
        control(
                "silence:s1",
                "{\"brand\":\"qingning\",\"type\":\"CRISIS_KEYWORD\",\"match\":\"发霉\","
                    + "\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"handled\",\"by\":\"li\"}");
        Alert silenced = alert("qingning", "CRISIS_KEYWORD", NOON, "发霉");
        assertTrue(silenced.silenced);
        assertEquals("s1", silenced.silenceId);
        assertFalse(silenced.notifyWebhook);
        Alert other = alert("qingning", "CRISIS_KEYWORD", NOON, "召回");
        assertFalse(other.silenced, "another term");
        assertNull(other.silenceId);
        assertTrue(other.notifyWebhook);
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
        String heytea =
                "{\"brand\":\"heytea\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"}";
        control("silence:s2", heytea);
        assertFalse(alert("heytea", "VOLUME_SPIKE", NOON).silenced);
        control("brand:heytea", "{\"id\":\"heytea\",\"names\":[\"喜茶\"]}");
        control("silence:s2", heytea);
        assertTrue(alert("heytea", "VOLUME_SPIKE", NOON).silenced, "once the brand is defined");
    }

    @Test
    void anAcknowledgedIncidentTellsTheWebhookOnlyWhenItsSeverityRises() throws Exception {
        Alert open = alert("i1", "OPEN", "MEDIUM", "qingning", "NEGATIVE_SURGE", NOON);
        assertTrue(open.notifyWebhook);
        assertNull(open.acknowledgedBy);
        control("ack:i1", "{\"by\":\"li.wei\",\"note\":\"on it\"}");

        Alert same = alert("i1", "UPDATE", "MEDIUM", "qingning", "NEGATIVE_SURGE", NOON + 900_000);
        assertEquals("li.wei", same.acknowledgedBy);
        assertFalse(same.notifyWebhook, "the same severity again: the responder knows");
        Alert worse = alert("i1", "UPDATE", "HIGH", "qingning", "NEGATIVE_SURGE", NOON + 1_800_000);
        assertTrue(worse.notifyWebhook, "it got worse");
        assertFalse(
                alert("i1", "UPDATE", "MEDIUM", "qingning", "NEGATIVE_SURGE", NOON + 2_700_000)
                        .notifyWebhook,
                "lower than the webhook was last told");
        Alert resolved =
                alert("i1", "RESOLVED", "MEDIUM", "qingning", "NEGATIVE_SURGE", NOON + 3_600_000);
        assertTrue(resolved.notifyWebhook, "a resolution is always told");
        assertEquals("li.wei", resolved.acknowledgedBy);

        Alert unacknowledged = alert("i2", "OPEN", "LOW", "qingning", "VOLUME_SPIKE", NOON);
        assertNull(unacknowledged.acknowledgedBy, "another incident");
        control("ack:i1", null);
        assertNull(
                alert("i1", "UPDATE", "LOW", "qingning", "NEGATIVE_SURGE", NOON).acknowledgedBy,
                "withdrawn");
    }
}
