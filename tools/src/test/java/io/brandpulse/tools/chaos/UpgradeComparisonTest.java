package io.brandpulse.tools.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.KafkaSettings;
import io.brandpulse.tools.chaos.CompareOutputs.Output;
import io.brandpulse.tools.chaos.CompareOutputs.Record;
import io.brandpulse.tools.chaos.CompareOutputs.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade each record is judged by the release that wrote it, and every record must still
 * be there exactly once: a record lost at the cut, written twice across it, or analysed by the
 * wrong release is caught.
 */
class UpgradeComparisonTest {
    private static final KafkaSettings.Topics TOPICS = new KafkaSettings.Topics();
    private static final List<Output> OUTPUTS =
            CompareOutputs.outputs(TOPICS, "WEBHOOK_UNDELIVERED");

    @TempDir Path dir;
    private UpgradeComparison upgrade;

    /** Input of 4 lines, the previous release consumed 2; its run-file over the whole input. */
    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(
                dir.resolve("input.jsonl"),
                String.join(
                        "\n",
                        "{\"id\":\"m1\",\"platform\":\"weibo\",\"text\":\"a\"}",
                        "{\"id\": \"broken",
                        "{\"id\":\"m3\",\"platform\":\"weibo\",\"text\":\"c\"}",
                        "{\"id\":\"m4\",\"platform\":\"weibo\",\"text\":\"d\"}"),
                StandardCharsets.UTF_8);
        Path previous = Files.createDirectories(dir.resolve("previous"));
        write(previous, TOPICS.enrichedMentions, old("m1"), old("m3"), old("m4"));
        write(
                previous,
                TOPICS.deadLetters,
                "{\"reason\":\"INVALID_JSON\",\"source\":{\"offset\":2},\"payload\":\"x\"}");
        write(previous, TOPICS.alerts, "{\"alertId\":\"a1\",\"v\":\"old\"}");
        write(previous, TOPICS.customerEngagement, score("c1", 10), score("c1", 30));
        Files.writeString(
                dir.resolve("cut.properties"),
                "input=2\n"
                        + TOPICS.enrichedMentions
                        + "=1\n"
                        + TOPICS.deadLetters
                        + "=1\n"
                        + TOPICS.alerts
                        + "=1\n"
                        + TOPICS.customerEngagement
                        + "=2\n",
                StandardCharsets.UTF_8);
        upgrade =
                UpgradeComparison.read(
                        dir.resolve("cut.properties"),
                        previous,
                        dir.resolve("input.jsonl"),
                        TOPICS);
    }

    private static String old(String id) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"analysisVersion\":\"old\"}";
    }

    private static String score(String customer, int score) {
        return "{\"customerKey\":\"" + customer + "\",\"brand\":\"x\",\"score\":" + score + "}";
    }

    private static String upgraded(String id) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"analysisVersion\":\"new\"}";
    }

    private static void write(Path dir, String topic, String... lines) throws IOException {
        Files.write(dir.resolve(topic + ".jsonl"), List.of(lines), StandardCharsets.UTF_8);
    }

    /** Topic records at offsets 0, 1, 2, ... */
    private static List<Record> topic(String... values) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) records.add(new Record(null, values[i], i));
        return records;
    }

    private List<Verdict> compare(String topic, List<Record> expectedAfter, List<Record> actual)
            throws IOException {
        Output o = OUTPUTS.stream().filter(x -> x.topic().equals(topic)).findFirst().orElseThrow();
        Map<String, Long> expected = o.view().apply(expectedAfter);
        return upgrade.compare(o, expected, actual);
    }

    @Test
    void eachReleasesMentionsMatchItsOwnReference() throws IOException {
        List<Verdict> v =
                compare(
                        TOPICS.enrichedMentions,
                        topic(upgraded("m3"), upgraded("m4")),
                        topic(old("m1"), upgraded("m3"), upgraded("m4")));
        assertTrue(v.stream().allMatch(Verdict::ok), v::toString);
        assertEquals(1, v.get(0).expected(), "the previous release owes m1 only");
    }

    @Test
    void aMentionAnalysedByTheWrongReleaseIsCaught() throws IOException {
        // m3 came after the cut, yet carries the old analysis
        List<Verdict> v =
                compare(
                        TOPICS.enrichedMentions,
                        topic(upgraded("m3"), upgraded("m4")),
                        topic(old("m1"), old("m3"), upgraded("m4")));
        assertFalse(v.get(1).ok());
        assertEquals(1, v.get(1).missing());
        assertEquals(1, v.get(1).unexpected());
    }

    @Test
    void aMentionLostOrRepeatedAtTheCutIsCaught() throws IOException {
        List<Verdict> lost =
                compare(
                        TOPICS.enrichedMentions,
                        topic(upgraded("m3"), upgraded("m4")),
                        topic(upgraded("m3"), upgraded("m4")));
        assertFalse(lost.get(0).ok(), "m1, consumed before the savepoint, never written");
        List<Verdict> twice =
                compare(
                        TOPICS.enrichedMentions,
                        topic(upgraded("m3"), upgraded("m4")),
                        topic(old("m1"), upgraded("m1"), upgraded("m3"), upgraded("m4")));
        assertFalse(twice.get(1).ok(), "m1 analysed again after the upgrade");
    }

    @Test
    void deadLettersOfTheConsumedLinesBelongToThePreviousRelease() throws IOException {
        String letter = "{\"reason\":\"INVALID_JSON\",\"source\":{\"offset\":1},\"payload\":\"x\"}";
        List<Verdict> v = compare(TOPICS.deadLetters, topic(), topic(letter));
        assertTrue(v.stream().allMatch(Verdict::ok), v::toString);
        assertFalse(compare(TOPICS.deadLetters, topic(), topic()).get(0).ok(), "lost");
    }

    @Test
    void anAlertOfThePreviousReleaseMustBeOneItsReferenceWrote() throws IOException {
        String upgradedAlert = "{\"alertId\":\"a2\",\"v\":\"new\"}";
        assertTrue(
                compare(
                                TOPICS.alerts,
                                topic(upgradedAlert),
                                topic("{\"alertId\":\"a1\",\"v\":\"old\"}", upgradedAlert))
                        .stream()
                        .allMatch(Verdict::ok));
        List<Verdict> foreign =
                compare(
                        TOPICS.alerts,
                        topic(upgradedAlert),
                        topic("{\"alertId\":\"a1\",\"v\":\"other\"}", upgradedAlert));
        assertEquals(1, foreign.get(0).unexpected());
        List<Verdict> repeated =
                compare(
                        TOPICS.alerts,
                        topic(upgradedAlert),
                        topic("{\"alertId\":\"a1\",\"v\":\"old\"}", upgradedAlert, upgradedAlert));
        assertFalse(repeated.get(1).ok(), "written twice after the upgrade");
    }

    @Test
    void aScoreOfThePreviousReleaseMayBeOneItsReferenceSkippedButNotAStrangersOrARepeat()
            throws IOException {
        String later = score("c1", 40);
        // 20 and 25 were rate-limited away in the reference's faster run: still a customer it
        // scored
        assertTrue(
                compare(
                                TOPICS.customerEngagement,
                                topic(later),
                                topic(score("c1", 20), score("c1", 25), later))
                        .stream()
                        .allMatch(Verdict::ok));
        assertEquals(
                1,
                compare(
                                TOPICS.customerEngagement,
                                topic(later),
                                topic(score("c9", 20), score("c1", 25), later))
                        .get(0)
                        .unexpected(),
                "a customer the previous release never scored");
        assertEquals(
                1,
                compare(
                                TOPICS.customerEngagement,
                                topic(later),
                                topic(score("c1", 20), score("c1", 20), later))
                        .get(0)
                        .unexpected(),
                "written twice");
    }
}
