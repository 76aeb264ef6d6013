package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A silence from the control topic: what it covers, and the records that are refused. */
class SilenceTest {
    private static final Set<String> BRANDS = Set.of("qingning", "beian");
    private static final long NOON = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

    private static Silence silence(String json) {
        return Silence.parse("silence:s1", json, BRANDS);
    }

    private static String refused(String json) {
        return assertThrows(ConfigException.class, () -> silence(json)).getMessage();
    }

    @Test
    void coversItsBrandTypeAndTermUntilItExpires() {
        Silence s =
                silence(
                        "{\"brand\":\"qingning\",\"type\":\"CRISIS_KEYWORD\",\"match\":\"发霉\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"known,"
                            + " handled\",\"by\":\"li.wei\"}");
        assertEquals("s1", s.id);
        assertTrue(s.covers("qingning", "CRISIS_KEYWORD", NOON, List.of("发霉", "召回")));
        assertFalse(s.covers("beian", "CRISIS_KEYWORD", NOON, List.of("发霉")), "another brand");
        assertFalse(s.covers("qingning", "VOLUME_SPIKE", NOON, List.of("发霉")), "another type");
        assertFalse(s.covers("qingning", "CRISIS_KEYWORD", NOON, List.of("召回")), "another term");
        assertFalse(
                s.covers("qingning", "CRISIS_KEYWORD", NOON + 2 * 3_600_000L, List.of("发霉")),
                "expired at 14:00");
    }

    @Test
    void withoutTypeOrMatchItCoversEveryAlertOfTheBrand() {
        Silence s =
                silence(
                        "{\"brand\":\"beian\",\"until\":\"2026-12-04T14:00:00Z\","
                                + "\"reason\":\"launch day\",\"by\":\"ops\"}");
        assertTrue(s.covers("beian", "VOLUME_SPIKE", NOON, List.of()));
        assertTrue(s.covers("beian", "NEGATIVE_SURGE", NOON, List.of("x")));
    }

    @Test
    void recordsThatDoNotHoldAreRefusedWithTheirKey() {
        String ok = "\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"";
        assertTrue(refused("{\"brand\":\"heytea\"," + ok + "}").contains("key 'brand'"));
        assertTrue(
                refused("{\"brand\":\"beian\",\"type\":\"SPIKE\"," + ok + "}")
                        .contains("key 'type'"));
        assertTrue(
                refused(
                                "{\"brand\":\"beian\",\"until\":\"in 2"
                                        + " hours\",\"reason\":\"r\",\"by\":\"b\"}")
                        .contains("key 'until'"));
        assertTrue(
                refused("{\"brand\":\"beian\",\"until\":\"2026-12-04T14:00:00Z\",\"by\":\"b\"}")
                        .contains("key 'reason'"));
        assertTrue(
                refused("{\"brand\":\"beian\",\"mute\":true," + ok + "}")
                        .contains("unknown key 'mute'"));
        assertTrue(refused("[1]").contains("JSON object"));
    }

    @Test
    void anAcceptedSilenceReadsAgainWithoutItsBrandInForce() {
        String json =
                "{\"brand\":\"gone\",\"until\":\"2026-12-04T14:00:00Z\",\"reason\":\"r\",\"by\":\"b\"}";
        assertEquals("gone", Silence.read("silence:s9", json).brand);
    }
}
