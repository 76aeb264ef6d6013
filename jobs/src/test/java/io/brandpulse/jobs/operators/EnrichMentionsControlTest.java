package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Author;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brand definitions from the control topic take effect in enrichment between two mentions; one that
 * does not apply goes to the dead letters with its reason and changes nothing.
 */
class EnrichMentionsControlTest {
    private static final String HEYTEA =
            "{\"id\":\"heytea\",\"names\":[\"喜茶\",\"HEYTEA\"]," + "\"crisisTerms\":[\"发霉\"]}";

    private BroadcastOperatorTestHarness<Mention, ListeningChange, EnrichedMention> harness;
    private long offset;

    @BeforeEach
    void setUp() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new EnrichMentions(TestConfigs.demo()),
                        EnrichMentions.OPTED_OUT,
                        BrandsInForce.CONTROL);
    }

    private static final long T0 = 1_772_323_200_000L; // 2026-03-01T00:00Z

    private EnrichedMention enrich(String text) throws Exception {
        return enrich(text, T0);
    }

    private EnrichedMention enrich(String text, long createdAt) throws Exception {
        Mention m = new Mention();
        m.id = "m" + offset++;
        m.platform = "weibo";
        m.createdAt = createdAt;
        m.author = new Author("u1", "用户", 10L, false);
        m.text = text;
        m.metrics = new Engagement(0, 0, 0);
        m.media = new Media(0, 0);
        harness.processElement(m, 0);
        List<EnrichedMention> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private void control(String key, String value) throws Exception {
        harness.processBroadcastElement(
                ListeningChange.of(new ControlRecord(key, value, "listening-control", 0, offset++)),
                0);
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(DeadLetters.TAG) == null
                ? List.of()
                : harness.getSideOutput(DeadLetters.TAG).stream()
                        .map(r -> ((StreamRecord<DeadLetter>) r).getValue())
                        .toList();
    }

    @Test
    void aBrandAddedOnTheControlTopicIsMatchedFromTheNextMention() throws Exception {
        EnrichedMention before = enrich("喜茶的新品发霉了");
        assertEquals("NONE", before.brandMatch);
        control("brand:heytea", HEYTEA);
        EnrichedMention after = enrich("喜茶的新品发霉了");
        assertEquals("heytea", after.brand);
        assertTrue(after.brandConfigured);
        assertTrue(after.analysis.crisis, "its crisis term is watched at once");
        assertTrue(after.rulesVersion.matches("[0-9a-f]{12}"));
        assertTrue(deadLetters().isEmpty());
    }

    @Test
    void anInvalidDefinitionIsDeadLetteredWithItsPathAndChangesNothing() throws Exception {
        control("brand:heytea", HEYTEA);
        String version = enrich("喜茶不错").rulesVersion;
        control("brand:heytea", "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"keyword\":[\"x\"]}");
        List<DeadLetter> letters = deadLetters();
        assertEquals(1, letters.size());
        assertEquals("INVALID_CONTROL", letters.get(0).reason);
        assertTrue(letters.get(0).detail.contains("brand:heytea"), letters.get(0).detail);
        assertTrue(letters.get(0).detail.contains("unknown key 'keyword'"), letters.get(0).detail);
        assertEquals("listening-control", letters.get(0).source);
        assertEquals(version, enrich("喜茶不错").rulesVersion, "the definition in force stays");
    }

    @Test
    void aTombstoneRemovesAFileBrandOnceNoBrandNamesItAsACompetitor() throws Exception {
        assertEquals("beian", enrich("北岸茶饮的奶茶").brand);
        control("brand:beian", null);
        assertTrue(
                deadLetters().get(0).detail.contains("'qingning' names it as a competitor"),
                deadLetters().get(0).detail);
        assertTrue(enrich("北岸茶饮的奶茶").brandConfigured, "refused: beian stays");

        control(
                "brand:qingning",
                "{\"id\":\"qingning\",\"names\":[\"青柠咖啡\"]}"); // no competitors now
        control("brand:beian", null);
        assertEquals(1, deadLetters().size());
        EnrichedMention after = enrich("北岸茶饮的奶茶");
        assertFalse("beian".equals(after.brand) && after.brandConfigured);
        assertNull(after.rulesVersion);
    }

    @Test
    void aDefinitionWithEffectiveFromHoldsForMentionsFromThatEventTimeInAnyArrivalOrder()
            throws Exception {
        control("brand:heytea", HEYTEA);
        control(
                "brand:heytea",
                "{\"id\":\"heytea\",\"names\":[\"喜茶\",\"HEYTEA\"],\"crisisTerms\":[\"发霉\",\"青蛙杯\"],"
                        + "\"effectiveFrom\":\"2026-03-01T01:00:00Z\"}");
        long hour = 3_600_000L;
        // arrivals out of event-time order: late, on time, late again
        EnrichedMention after = enrich("喜茶的青蛙杯", T0 + hour + 1);
        EnrichedMention before = enrich("喜茶的青蛙杯", T0 + hour - 1);
        EnrichedMention atTheInstant = enrich("喜茶的青蛙杯", T0 + hour);
        assertFalse(before.analysis.crisis, "青蛙杯 is not watched before its effectiveFrom");
        assertTrue(after.analysis.crisis);
        assertTrue(atTheInstant.analysis.crisis, "effectiveFrom is inclusive");
        assertNotEquals(before.rulesVersion, after.rulesVersion);
        assertEquals(after.rulesVersion, atTheInstant.rulesVersion);

        // a later record without effectiveFrom replaces what was planned
        control("brand:heytea", HEYTEA);
        assertFalse(enrich("喜茶的青蛙杯", T0 + 2 * hour).analysis.crisis);
        assertEquals(before.rulesVersion, enrich("喜茶", T0 + 2 * hour).rulesVersion);
        assertTrue(deadLetters().isEmpty());
    }

    @Test
    void aBadEffectiveFromIsDeadLetteredWithTheKey() throws Exception {
        control(
                "brand:heytea",
                "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"effectiveFrom\":\"tomorrow\"}");
        assertTrue(
                deadLetters().get(0).detail.contains("'effectiveFrom'"),
                deadLetters().get(0).detail);
        assertEquals("NONE", enrich("喜茶宣布召回").brandMatch);
    }

    @Test
    void anUnknownKeyIsDeadLettered() throws Exception {
        control("silence:s1", "{}");
        assertEquals("INVALID_CONTROL", deadLetters().get(0).reason);
    }
}
