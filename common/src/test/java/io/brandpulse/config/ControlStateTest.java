package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.model.ControlRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the control topic keeps in force, record after record: definitions from when read or from
 * their {@code effectiveFrom} in event time, silences and acknowledgements, and the JSON form the
 * job keeps in broadcast state.
 */
class ControlStateTest {
    private static final String FILE =
            """
            privacy:
              pseudonymKey: "0123456789abcdef"
            brands:
              - id: qingning
                names: [青柠咖啡]
            """;
    private static final long NOON = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final ConfigLoader loader = new ConfigLoader(name -> null);
    private final ListeningConfig deployment = loader.parse("test.yaml", FILE, List.of());
    private long offset;

    private ControlState after(ControlState state, String key, String value) {
        return state.after(
                deployment,
                new ControlRecord(key, value, "listening-control", 0, offset++),
                loader);
    }

    private static String heytea(String term, String effectiveFrom) {
        return "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"crisisTerms\":[\""
                + term
                + "\"]"
                + (effectiveFrom == null ? "" : ",\"effectiveFrom\":\"" + effectiveFrom + "\"")
                + "}";
    }

    @Test
    void aDefinitionWithEffectiveFromHoldsFromThatInstantOnAndBeforeItTheOneInForce() {
        ControlState s = after(ControlState.empty(), "brand:heytea", heytea("发霉", null));
        s = after(s, "brand:heytea", heytea("召回", "2026-12-04T13:00:00Z"));

        assertTrue(s.definitionsAt(NOON).get("heytea").contains("发霉"));
        assertTrue(s.definitionsAt(NOON + HOUR).get("heytea").contains("召回"));
        assertFalse(
                s.definitionsAt(NOON + HOUR).get("heytea").contains("effectiveFrom"),
                "the definition is versioned without its effectiveFrom");
        assertEquals(Long.MIN_VALUE, s.stretchAt(NOON));
        assertEquals(NOON + HOUR, s.stretchAt(NOON + 2 * HOUR));
    }

    @Test
    void aLaterRecordReplacesWhatWasPlannedFromItsOwnEffectiveFromOn() {
        ControlState s = after(ControlState.empty(), "brand:heytea", heytea("a", null));
        s = after(s, "brand:heytea", heytea("b", "2026-12-04T13:00:00Z"));
        s = after(s, "brand:heytea", heytea("c", "2026-12-04T15:00:00Z"));
        s = after(s, "brand:heytea", heytea("d", "2026-12-04T14:00:00Z"));
        assertTrue(s.definitionsAt(NOON + HOUR).get("heytea").contains("\"b\""));
        assertTrue(
                s.definitionsAt(NOON + 4 * HOUR).get("heytea").contains("\"d\""),
                "the 15:00 plan was replaced by the 14:00 one");

        s = after(s, "brand:heytea", heytea("e", null));
        assertTrue(s.scheduled.isEmpty(), "a record without effectiveFrom replaces every plan");
        assertTrue(s.definitionsAt(NOON + 4 * HOUR).get("heytea").contains("\"e\""));
    }

    @Test
    void aBadEffectiveFromIsRefusedWithTheKeyAndNothingChanges() {
        ControlState s = after(ControlState.empty(), "brand:heytea", heytea("a", null));
        ControlState before = s;
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> after(before, "brand:heytea", heytea("b", "soon")));
        assertTrue(e.getMessage().contains("brand:heytea"), e.getMessage());
        assertTrue(e.getMessage().contains("'effectiveFrom'"), e.getMessage());
        assertTrue(s.definitionsAt(NOON).get("heytea").contains("\"a\""));
    }

    @Test
    void aSilenceWithEffectiveFromCoversOnlyAlertsFromThen() {
        ControlState s =
                after(
                        ControlState.empty(),
                        "silence:s1",
                        "{\"brand\":\"qingning\",\"until\":\"2026-12-04T18:00:00Z\","
                                + "\"effectiveFrom\":\"2026-12-04T13:00:00Z\","
                                + "\"reason\":\"known\",\"by\":\"ana\"}");
        Silence silence = s.silencesInForce().get(0);
        assertFalse(silence.covers("qingning", "VOLUME_SPIKE", NOON, List.of()));
        assertTrue(silence.covers("qingning", "VOLUME_SPIKE", NOON + HOUR, List.of()));
        assertFalse(silence.covers("qingning", "VOLUME_SPIKE", NOON + 6 * HOUR, List.of()));

        s = after(s, "silence:s1", null);
        assertTrue(s.silencesInForce().isEmpty(), "a tombstone lifts it");
    }

    @Test
    void itIsKeptAsJsonAndReadBackTheSame() {
        ControlState s = after(ControlState.empty(), "brand:heytea", heytea("a", null));
        s = after(s, "brand:heytea", heytea("b", "2026-12-04T13:00:00Z"));
        s = after(s, "ack:inc-1", "{\"by\":\"ana\",\"note\":\"on it\"}");
        ControlState read = ControlState.fromJson(s.toJson());
        assertEquals(s, read);
        assertEquals("ana", read.acknowledgementOf("inc-1").by());
        assertNull(read.acknowledgementOf("inc-2"));
        assertEquals(s.definitionsAt(NOON + HOUR), read.definitionsAt(NOON + HOUR));
    }

    @Test
    void twoStatesAreEqualExactlyWhenTheirJsonIs() {
        ControlState s = after(ControlState.empty(), "brand:heytea", heytea("a", null));
        ControlState same = after(ControlState.empty(), "brand:heytea", heytea("a", null));
        assertEquals(s, same);
        assertEquals(s.hashCode(), same.hashCode());
        assertEquals(s, after(s, "brand:heytea", heytea("a", null)), "the same record again");

        List<ControlState> others =
                List.of(
                        ControlState.empty(),
                        after(s, "brand:heytea", heytea("b", null)),
                        after(s, "brand:heytea", heytea("a", "2026-12-04T13:00:00Z")),
                        after(
                                s,
                                "silence:s1",
                                "{\"brand\":\"qingning\",\"until\":\"2026-12-04T18:00:00Z\","
                                        + "\"reason\":\"known\",\"by\":\"ana\"}"),
                        after(s, "ack:inc-1", "{\"by\":\"ana\"}"));
        for (ControlState other : others) {
            assertFalse(s.equals(other), other.toJson());
            assertFalse(s.toJson().equals(other.toJson()), other.toJson());
        }
    }
}
