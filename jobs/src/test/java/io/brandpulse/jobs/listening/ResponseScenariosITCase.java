package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.FileRuns;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.jobs.testing.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two days of a fruit shop's mentions with three complaints in them: one the official account
 * answers in 40 minutes, a late delivery nobody answers, and a child in hospital after eating the
 * fruit, nobody answers either.
 */
class ResponseScenariosITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final long ANSWERED_AT = START + 10 * HOUR;
    static final long LOGISTICS_AT = START + 10 * HOUR + 20 * 60_000;
    static final long POISONED_AT = START + 11 * HOUR;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    static final String CONFIG =
            """
            kafka: {bootstrapServers: "127.0.0.1:9092", groupId: responses, transactionalIdPrefix: responses}
            privacy: {pseudonymKey: responses-pseudonym-key-0123}
            brands:
              - {id: xianguo, names: [鲜果坊], officialAccounts: ["weibo:xianguo_official"]}
            """;

    static List<JsonNode> alerts;
    static List<JsonNode> metrics;

    static String post(String id, String author, long time, String text, String replyTo) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("platform", "weibo");
        m.putObject("author").put("id", author);
        m.put("text", text);
        m.put("createdAt", Instant.ofEpochMilli(time).toString());
        if (replyTo != null) {
            m.put("replyToId", replyTo);
        }
        return m.toString();
    }

    @BeforeAll
    static void replay() throws Exception {
        List<String> lines = new ArrayList<>();
        // Two days of ordinary, happy chatter, so that event time moves on past every deadline.
        List<String> happy = MentionStreams.reviews("fruit", 1);
        Random random = new Random(11);
        for (long t = START; t < START + 48 * HOUR; t += 20 * 60_000) {
            lines.add(
                    post(
                            "bg" + t,
                            "fan" + random.nextInt(500),
                            t,
                            "鲜果坊的" + happy.get(random.nextInt(happy.size())),
                            null));
        }
        lines.add(post("answered", "amy", ANSWERED_AT, "鲜果坊的快递三天了还没到，物流也不更新，怎么回事？", null));
        lines.add(
                post(
                        "answer",
                        "xianguo_official",
                        ANSWERED_AT + 40 * 60_000,
                        "亲，已为您联系快递加急，今天下午送达，抱歉久等",
                        "answered"));
        lines.add(post("logistics", "ben", LOGISTICS_AT, "在鲜果坊买的水果一个星期了还没发货，物流太慢了", null));
        lines.add(post("poisoned", "cat", POISONED_AT, "吃了鲜果坊买的芒果，孩子食物中毒住院了，你们必须给个说法", null));
        lines.sort(
                (a, b) ->
                        a.substring(a.indexOf("\"createdAt\""))
                                .compareTo(b.substring(b.indexOf("\"createdAt\""))));
        Path dir = Path.of("target/response-scenarios");
        Files.createDirectories(dir);
        Path input = Files.write(dir.resolve("mentions.jsonl"), lines, StandardCharsets.UTF_8);
        ListeningConfig config =
                new ConfigLoader(name -> null).parse("responses", CONFIG, List.of());
        Path out = FileRuns.run(config, input, dir.resolve("out"), "response scenarios");
        alerts = FileRuns.read(out.resolve("alerts.jsonl"));
        metrics = FileRuns.read(out.resolve("brand-metrics.jsonl"));
    }

    static JsonNode unansweredAlertFor(String mentionId) {
        return alerts.stream()
                .filter(
                        a ->
                                a.get("type").asText().equals("UNANSWERED_COMPLAINT")
                                        && a.get("evidence")
                                                .get("sampleMentionIds")
                                                .get(0)
                                                .asText()
                                                .equals(mentionId))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aComplaintAnsweredByTheOfficialAccountWithinFortyMinutesRaisesNothing() {
        assertEquals(null, unansweredAlertFor("answered"), () -> alerts.toString());
        JsonNode window =
                metrics.stream()
                        .filter(
                                m ->
                                        m.get("responses").isObject()
                                                && m.get("responses").get("answered").asLong() > 0)
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                40.0, window.get("responses").get("p50Minutes").asDouble(), "first-response time");
        assertEquals(1, window.get("responses").get("answeredWithinDeadline").asLong());
    }

    @Test
    void anUnansweredLogisticsComplaintRaisesUnansweredComplaintOnceItsDeadlinePasses() {
        JsonNode alert = unansweredAlertFor("logistics");
        assertTrue(alert != null, () -> "no alert for the logistics complaint: " + alerts);
        assertEquals("OPEN", alert.get("status").asText());
        assertEquals(
                LOGISTICS_AT + 24 * HOUR,
                alert.get("detectedAtMillis").asLong(),
                "at its deadline, not before");
        assertEquals(
                1,
                alerts.stream()
                        .filter(a -> a.get("incidentId").equals(alert.get("incidentId")))
                        .count(),
                "raised once");
    }

    @Test
    void anUnansweredFoodSafetyComplaintIsSevereAndRaisedSoonerThanTheLogisticsOne() {
        JsonNode poisoned = unansweredAlertFor("poisoned");
        JsonNode logistics = unansweredAlertFor("logistics");
        assertTrue(poisoned != null, () -> alerts.toString());
        assertTrue(
                List.of("HIGH", "CRITICAL").contains(poisoned.get("severity").asText()),
                poisoned.toString());
        assertTrue(
                poisoned.get("detectedAtMillis").asLong()
                        < logistics.get("detectedAtMillis").asLong(),
                "a child in hospital cannot wait as long as a parcel");
        assertTrue(poisoned.get("evidence").get("excerpt").asText().contains("住院"));
    }

    @Test
    void alertsAndMetricsMatchTheirSchemas() {
        var alertSchema = Schemas.load("alerts.schema.json");
        var metricsSchema = Schemas.load("brand-metrics.schema.json");
        alerts.forEach(a -> Schemas.assertValid(alertSchema, a));
        metrics.forEach(m -> Schemas.assertValid(metricsSchema, m));
    }
}
