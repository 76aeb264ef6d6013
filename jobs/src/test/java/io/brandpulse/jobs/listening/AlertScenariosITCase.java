package io.brandpulse.jobs.listening;

import static io.brandpulse.jobs.testing.MentionStreams.DAY;
import static io.brandpulse.jobs.testing.MentionStreams.HOUR;
import static io.brandpulse.jobs.testing.MentionStreams.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.FileRuns;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.jobs.testing.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A week of seven brands replayed through the file runner, each brand living through one thing a
 * crisis team cares about (or must not be woken up for). Alerts are read back from alerts.jsonl, as
 * the acceptance checks do.
 */
class AlertScenariosITCase {
    private static final Logger LOG = LoggerFactory.getLogger(AlertScenariosITCase.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    static final String CONFIG =
            """
            kafka: {bootstrapServers: "127.0.0.1:9092", groupId: scenarios, transactionalIdPrefix: scenarios}
            privacy: {pseudonymKey: scenario-pseudonym-key-0123}
            brands:
              - {id: outrage, names: [鲜果坊]}
              - {id: night, names: [云朵洗护]}
              - {id: campaign, names: [星河平板]}
              - {id: gambling, names: [暖居热水器]}
              - {id: storm, names: [墨香书店]}
              - {id: calm-a, names: [悦衣坊], competitors: [calm-b]}
              - {id: calm-b, names: [极速电脑], competitors: [calm-a]}
            """;

    static final long EVENT_DAY = START + 5 * DAY;
    static final long OUTRAGE_START = EVENT_DAY + 14 * HOUR + 5 * 60_000;
    static final long NIGHT_SURGE_START = EVENT_DAY + 2 * HOUR + 10 * 60_000;

    static List<JsonNode> alerts;
    static List<JsonNode> metrics;

    @BeforeAll
    static void replayTheWeek() throws Exception {
        Path dir = Path.of("target/scenarios");
        Files.createDirectories(dir);
        MentionStreams week =
                new MentionStreams(
                        Long.getLong(
                                "scenarios.seed",
                                20260302L)); // -Dscenarios.seed=N tries other weeks
        week.calmWeek("鲜果坊", "fruit", 7, 0.7);
        week.calmWeek("云朵洗护", "shampoo", 7, 0.75);
        week.calmWeek("星河平板", "tablet", 7, 0.7);
        week.calmWeek("暖居热水器", "water_heater", 7, 0.7);
        week.calmWeek("墨香书店", "books", 7, 0.75);
        week.calmWeek("悦衣坊", "clothes", 7, 0.7);
        week.calmWeek("极速电脑", "computer", 7, 0.7);
        week.everydaySevereTerms("悦衣坊", 7, 6, 4);
        week.everydaySevereTerms("鲜果坊", 7, 3, 0);
        week.foodSafetyOutrage("鲜果坊", OUTRAGE_START, 90, 100);
        week.nightNegativeSurge("云朵洗护", "shampoo", NIGHT_SURGE_START, 60, 18);
        week.positiveCampaign("星河平板", "tablet", EVENT_DAY + 15 * HOUR, 60, 200);
        week.gamblingAds("暖居热水器", EVENT_DAY + 13 * HOUR, 30, 300);
        week.repostStorm("墨香书店", EVENT_DAY + 16 * HOUR, 60, 500);
        Path input = week.write(dir.resolve("week.jsonl"));
        Files.writeString(dir.resolve("config.yaml"), CONFIG, StandardCharsets.UTF_8);
        LOG.info("replaying {} mentions", week.size());

        ListeningConfig config =
                new ConfigLoader(name -> null).parse("scenarios", CONFIG, List.of());
        Path out = FileRuns.run(config, input, dir.resolve("out"), "alert scenarios");
        alerts = FileRuns.read(out.resolve("alerts.jsonl"));
        metrics = FileRuns.read(out.resolve("brand-metrics.jsonl"));
        alerts.forEach(
                a ->
                        LOG.info(
                                "alert {} {} {} {} at {}: {}",
                                a.get("brand").asText(),
                                a.get("type").asText(),
                                a.get("status").asText(),
                                a.get("severity").asText(),
                                a.get("detectedAt").asText(),
                                a.get("summary").asText()));
    }

    @Test
    void everyAlertAndEveryWindowMatchesItsTopicSchema() {
        var alertSchema = Schemas.load("alerts.schema.json");
        var metricsSchema = Schemas.load("brand-metrics.schema.json");
        alerts.forEach(a -> Schemas.assertValid(alertSchema, a));
        metrics.forEach(m -> Schemas.assertValid(metricsSchema, m));
        // A brand with competitors has a share of voice, unless nobody of them had any volume (a
        // window of spam only).
        assertTrue(
                metrics.stream()
                        .filter(m -> m.get("brand").asText().startsWith("calm-"))
                        .allMatch(
                                m ->
                                        m.get("shareOfVoice").isNumber()
                                                || m.get("volume").asLong() == 0
                                                        && m
                                                                .get("competitorVolumes")
                                                                .findValues("calm-a")
                                                                .stream()
                                                                .allMatch(v -> v.asLong() == 0)
                                                        && m
                                                                .get("competitorVolumes")
                                                                .findValues("calm-b")
                                                                .stream()
                                                                .allMatch(v -> v.asLong() == 0)),
                "brands with competitors have a share of voice");
        assertTrue(
                alerts.stream().map(a -> a.get("type").asText()).distinct().count() == 4,
                "all four detectors were exercised");
    }

    @Test
    void sharesOfVoiceOfTwoCompetitorsAddUpToOneInEveryWindow() {
        Map<String, Double> sums = new HashMap<>();
        metrics.stream()
                .filter(
                        m ->
                                m.get("brand").asText().startsWith("calm-")
                                        && m.get("shareOfVoice").isNumber())
                .forEach(
                        m ->
                                sums.merge(
                                        m.get("window").get("start").asText(),
                                        m.get("shareOfVoice").asDouble(),
                                        Double::sum));
        assertTrue(sums.size() > 500, "a week of windows");
        sums.forEach(
                (window, sum) -> {
                    // A window where only one of the two had mentions has one record, with share 1.
                    assertTrue(Math.abs(sum - 1.0) < 0.01, window + ": " + sum);
                });
    }

    static List<JsonNode> of(String brand) {
        return alerts.stream().filter(a -> a.get("brand").asText().equals(brand)).toList();
    }

    static List<String> types(List<JsonNode> list) {
        return list.stream().map(a -> a.get("type").asText()).distinct().sorted().toList();
    }

    @Test
    void theFoodSafetyOutrageIsAlertedWithinThirtyMinutesOfItsStart() {
        List<JsonNode> outrage =
                of("outrage").stream()
                        .filter(a -> a.get("detectedAtMillis").asLong() >= OUTRAGE_START)
                        .toList();
        assertTrue(!outrage.isEmpty(), "the outrage raised no alert");
        JsonNode first = outrage.get(0);
        long delay = first.get("detectedAtMillis").asLong() - OUTRAGE_START;
        assertTrue(
                delay <= 30 * 60_000,
                "first alert " + (delay / 60_000) + " minutes after the start: " + first);
        assertTrue(
                types(outrage).contains("CRISIS_KEYWORD"), "no CRISIS_KEYWORD: " + types(outrage));
        assertTrue(
                types(outrage).contains("NEGATIVE_SURGE"), "no NEGATIVE_SURGE: " + types(outrage));
        JsonNode crisis =
                outrage.stream()
                        .filter(a -> a.get("type").asText().equals("CRISIS_KEYWORD"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(
                crisis.get("evidence").get("sampleMentionIds").size() > 0,
                "evidence has sample mentions");
        assertTrue(
                List.of("HIGH", "CRITICAL")
                        .contains(
                                outrage.stream()
                                        .map(a -> a.get("severity").asText())
                                        .max(
                                                (x, y) ->
                                                        Integer.compare(
                                                                List.of(
                                                                                "LOW",
                                                                                "MEDIUM",
                                                                                "HIGH",
                                                                                "CRITICAL")
                                                                        .indexOf(x),
                                                                List.of(
                                                                                "LOW",
                                                                                "MEDIUM",
                                                                                "HIGH",
                                                                                "CRITICAL")
                                                                        .indexOf(y)))
                                        .orElseThrow()),
                "a child in hospital is at least HIGH");
    }

    @Test
    void aNightTimeNegativeSurgeAtModestVolumeRaisesNegativeSurgeWithinTwoHours() {
        JsonNode surge =
                of("night").stream()
                        .filter(
                                a ->
                                        a.get("type").asText().equals("NEGATIVE_SURGE")
                                                && a.get("detectedAtMillis").asLong()
                                                        >= NIGHT_SURGE_START)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no NEGATIVE_SURGE for the night surge: "
                                                        + of("night")));
        assertTrue(
                surge.get("detectedAtMillis").asLong() - NIGHT_SURGE_START <= 2 * HOUR,
                surge.toString());
        assertTrue(
                surge.get("observed").asDouble() > surge.get("expected").asDouble(),
                "explains observed vs expected");
    }

    @Test
    void aPositiveCampaignRaisesNoNegativeOrCrisisAlert() {
        assertTrue(
                of("campaign").stream()
                        .noneMatch(
                                a ->
                                        List.of("NEGATIVE_SURGE", "CRISIS_KEYWORD")
                                                .contains(a.get("type").asText())),
                () -> of("campaign").toString());
    }

    @Test
    void aBurstOfGamblingAdsNamingTheBrandRaisesNothing() {
        assertEquals(List.of(), of("gambling"));
    }

    @Test
    void aRepostStormOfOneHarmlessPostRaisesNoNegativeOrCrisisAlert() {
        assertTrue(
                of("storm").stream()
                        .noneMatch(
                                a ->
                                        List.of(
                                                        "NEGATIVE_SURGE",
                                                        "CRISIS_KEYWORD",
                                                        "COMPLAINT_BURST")
                                                .contains(a.get("type").asText())),
                () -> of("storm").toString());
    }

    @Test
    void aCalmWeekForTwoBrandsRaisesAtMostTwoAlerts() {
        List<JsonNode> calm = new ArrayList<>(of("calm-a"));
        calm.addAll(of("calm-b"));
        assertTrue(calm.size() <= 2, () -> calm.size() + " alerts in a calm week: " + calm);
    }

    @Test
    void everyIncidentOpensOnceAndItsOtherAlertsAreUpdatesOrItsResolution() {
        Map<String, List<JsonNode>> byIncident =
                alerts.stream().collect(Collectors.groupingBy(a -> a.get("incidentId").asText()));
        Map<String, Integer> opensPerBrandAndType = new HashMap<>();
        byIncident.forEach(
                (id, list) -> {
                    assertEquals(
                            "OPEN",
                            list.get(0).get("status").asText(),
                            "an incident starts with OPEN: " + list);
                    assertEquals(
                            1,
                            list.stream()
                                    .filter(a -> a.get("status").asText().equals("OPEN"))
                                    .count());
                    list.forEach(
                            a ->
                                    opensPerBrandAndType.merge(
                                            a.get("brand").asText() + "/" + a.get("type").asText(),
                                            a.get("status").asText().equals("OPEN") ? 1 : 0,
                                            Integer::sum));
                });
        assertEquals(
                alerts.size(),
                alerts.stream().map(a -> a.get("alertId").asText()).distinct().count(),
                "alert ids are unique");
        List<JsonNode> outrage =
                of("outrage").stream()
                        .filter(a -> a.get("detectedAtMillis").asLong() >= OUTRAGE_START)
                        .toList();
        assertTrue(
                outrage.size() <= 16,
                "a 90-minute crisis is a few incidents with a few updates, not a flood: "
                        + outrage.size());
    }
}
