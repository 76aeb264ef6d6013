package io.brandpulse.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.brandpulse.jobs.testing.OutputTopics;
import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand defined while the job runs, with real parts: the job submitted to the local cluster,
 * {@code scripts/control} writing to the broker's control topic. The brand's mentions are matched,
 * with its crisis terms, and name its rulesVersion; a definition the job cannot apply is refused by
 * the command and, written anyway, dead-lettered by the job with the path of the problem.
 */
class LiveControlE2EITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Scripts scripts;
    private static String bootstrap;

    /** The crisis team's endpoint: a real HTTP server that keeps every alert it is sent. */
    private static HttpServer webhook;

    private static final List<String> delivered = new CopyOnWriteArrayList<>();

    @TempDir static Path dir;

    @BeforeAll
    static void startServices() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext(
                "/hook",
                exchange -> {
                    delivered.add(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        webhook.start();
        scripts = Scripts.withFreePorts(dir.resolve("run"), Scripts.SERVICE_PORTS);
        bootstrap = "127.0.0.1:" + scripts.env("KAFKA_PORT");
        scripts.runOk(Duration.ofMinutes(3), "kafka", "start");
        scripts.runOk(Duration.ofMinutes(3), "flink-cluster", "start");
        scripts.runOk(
                Duration.ofMinutes(3),
                "submit",
                "--config",
                TestConfigs.DEMO_CONFIG.toString(),
                "--",
                "--bootstrap-servers",
                bootstrap,
                "--set",
                "alerts.webhook.url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (scripts != null) {
            scripts.run(Duration.ofMinutes(1), "flink-cluster", "stop");
            scripts.run(Duration.ofMinutes(1), "kafka", "stop");
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void aBrandDefinedWhileTheJobRunsIsMatchedWithItsCrisisTerms() throws Exception {
        Path heytea = dir.resolve("heytea.yaml");
        Files.writeString(
                heytea,
                "id: heytea\nnames: [喜茶, HEYTEA]\ncrisisTerms: [发霉]\n",
                StandardCharsets.UTF_8);
        String put =
                scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", heytea.toString());
        Matcher written =
                Pattern.compile("brand:heytea written \\(rulesVersion ([0-9a-f]{12})\\)")
                        .matcher(put);
        assertTrue(written.find(), put);
        String rulesVersion = written.group(1);
        String list = scripts.runOk(Duration.ofMinutes(1), "control", "brand", "list");
        assertTrue(list.matches("(?s).*heytea\\s+control topic\\s+" + rulesVersion + ".*"), list);
        assertTrue(list.matches("(?s).*qingning\\s+config file.*"), list);

        // Mentions of the new brand, until one is matched: the change takes effect within seconds.
        long started = System.nanoTime();
        JsonNode matched = null;
        for (int i = 0; i < 30 && matched == null; i++) {
            replay(
                    "m" + i,
                    mention(
                            "live" + i,
                            1_772_323_200_000L + i * 1000L,
                            "u_live",
                            "喜茶的新品发霉了，喝完肚子疼"));
            for (String v :
                    OutputTopics.readCommitted(
                            bootstrap,
                            "mentions-enriched",
                            values -> values.stream().anyMatch(x -> x.contains("\"live")),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(1))) {
                JsonNode e = JSON.readTree(v);
                if (e.path("brand").asText().equals("heytea")) matched = e;
            }
        }
        assertTrue(matched != null, "no mention of the brand defined live was matched");
        System.out.printf(
                "[e2e] a brand defined live matched after %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        assertTrue(matched.path("brandConfigured").asBoolean());
        assertEquals(rulesVersion, matched.path("rulesVersion").asText());
        assertTrue(matched.path("analysis").path("crisis").asBoolean(), matched.toString());

        // A definition the job would refuse: the command refuses it with the path of the problem.
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                "id: heytea\nnames: [喜茶]\ndetectors:\n  negativeSurge:\n    span: soon\n",
                StandardCharsets.UTF_8);
        Scripts.Result refused =
                scripts.run(Duration.ofMinutes(1), "control", "brand", "put", bad.toString());
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("detectors.negativeSurge.span"), refused.output());

        // Written anyway, past the command: dead-lettered by the job, the definition in force
        // stays.
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    "listening-control",
                                    "brand:heytea",
                                    "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"keyword\":[\"x\"]}"))
                    .get(30, TimeUnit.SECONDS);
        }
        List<String> deadLetters =
                OutputTopics.readCommitted(
                        bootstrap,
                        "mentions-dlq",
                        values -> values.stream().anyMatch(v -> v.contains("INVALID_CONTROL")),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(2));
        JsonNode letter =
                JSON.readTree(
                        deadLetters.stream()
                                .filter(v -> v.contains("INVALID_CONTROL"))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        "no INVALID_CONTROL: " + deadLetters)));
        assertTrue(
                letter.path("detail").asText().contains("unknown key 'keyword'"),
                letter.toString());
        assertEquals(
                1,
                deadLetters.stream().filter(v -> v.contains("INVALID_CONTROL")).count(),
                "one dead letter, not one per parallel instance");
        String after = scripts.runOk(Duration.ofMinutes(1), "control", "brand", "list");
        assertTrue(after.contains(rulesVersion), "the definition in force stays:\n" + after);

        // A silence for the crisis team: set, listed, lifted; one for a brand not in force refused.
        String set =
                scripts.runOk(
                        Duration.ofMinutes(1),
                        "control",
                        "silence",
                        "heytea",
                        "--type",
                        "CRISIS_KEYWORD",
                        "--term",
                        "发霉",
                        "--for",
                        "2h",
                        "--reason",
                        "known batch, recall under way",
                        "--by",
                        "li.wei");
        Matcher silence = Pattern.compile("silence (s[0-9a-z]+) set").matcher(set);
        assertTrue(silence.find(), set);
        String silences = scripts.runOk(Duration.ofMinutes(1), "control", "silence", "list");
        assertTrue(silences.contains(silence.group(1)) && silences.contains("li.wei"), silences);
        Scripts.Result unknown =
                scripts.run(
                        Duration.ofMinutes(1),
                        "control",
                        "silence",
                        "nobrand",
                        "--for",
                        "1h",
                        "--reason",
                        "x");
        assertEquals(1, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("key 'brand'"), unknown.output());
        scripts.runOk(Duration.ofMinutes(1), "control", "silence", "lift", silence.group(1));
        assertTrue(
                !scripts.runOk(Duration.ofMinutes(1), "control", "silence", "list")
                        .contains(silence.group(1)),
                "lifted");
        String acked =
                scripts.runOk(
                        Duration.ofMinutes(1),
                        "control",
                        "ack",
                        "fa1c06f5905d880970fafec1bfa9c371",
                        "--note",
                        "recall team on it",
                        "--by",
                        "li.wei");
        assertTrue(acked.contains("acknowledged by li.wei"), acked);

        // what changed, when, by whom, and what the job did not apply
        String log = scripts.runOk(Duration.ofMinutes(1), "control", "log");
        assertTrue(log.matches("(?s).*brand:heytea\\s+\\S+\\s+brand defined.*"), log);
        assertTrue(log.matches("(?s).*silence:s\\w+\\s+li\\.wei\\s+silence set.*"), log);
        assertTrue(log.contains("silence lifted"), log);
        assertTrue(
                log.matches("(?s).*ack:fa1c06f5\\w+\\s+li\\.wei\\s+incident acknowledged.*"), log);
        assertTrue(
                log.matches("(?s).*brand:heytea\\s+-\\s+NOT APPLIED: .*unknown key 'keyword'.*"),
                log);

        // the job took the silence, its tombstone and the acknowledgement without a dead letter
        Thread.sleep(3_000);
        assertEquals(
                1,
                OutputTopics.readCommitted(
                                bootstrap,
                                "mentions-dlq",
                                values -> false,
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(1))
                        .stream()
                        .filter(v -> v.contains("INVALID_CONTROL"))
                        .count());
    }

    /**
     * The same mentions and the same control log, through {@code scripts/run-file --control} and
     * through the cluster, give the same enriched mentions, a definition planned with {@code
     * effectiveFrom} included, whatever order the mentions arrive in.
     */
    @Test
    void theSameInputAndControlLogThroughRunFileGiveWhatTheClusterGave() throws Exception {
        long t0 = 1_772_409_600_000L; // 2026-03-02T00:00Z
        long hour = 3_600_000L;
        Path v1 = dir.resolve("nayuki-v1.yaml");
        Files.writeString(
                v1, "id: nayuki\nnames: [奈雪的茶, 奈雪]\ncrisisTerms: [发霉]\n", StandardCharsets.UTF_8);
        Path v2 = dir.resolve("nayuki-v2.yaml");
        Files.writeString(
                v2,
                "id: nayuki\nnames: [奈雪的茶, 奈雪]\ncrisisTerms: [发霉, 霸气杯]\neffectiveFrom: "
                        + java.time.Instant.ofEpochMilli(t0 + hour)
                        + "\n",
                StandardCharsets.UTF_8);
        scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", v1.toString());
        scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", v2.toString());

        // Probes until the job holds the plan (they stay out of the comparison).
        boolean planned = false;
        for (int i = 0; i < 30 && !planned; i++) {
            replay("probe" + i, mention("probe" + i, t0 + 2 * hour + i, "u_probe", "奈雪的霸气杯探针" + i));
            String id = "\"probe" + i + "\"";
            for (String v :
                    OutputTopics.readCommitted(
                            bootstrap,
                            "mentions-enriched",
                            values -> values.stream().anyMatch(x -> x.contains(id)),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(1))) {
                JsonNode e = JSON.readTree(v);
                if (v.contains(id) && e.path("analysis").path("crisis").asBoolean()) planned = true;
            }
        }
        assertTrue(planned, "the planned definition never reached the job");

        // Out of event-time order, on both sides of the plan's effectiveFrom.
        StringBuilder lines = new StringBuilder();
        long[] offsets = {hour + 5, hour - 5, 10, 3 * hour, hour, hour - 1, 2 * hour, 20};
        for (int i = 0; i < offsets.length; i++) {
            String text = i % 2 == 0 ? "奈雪的霸气杯第" + i + "次买" : "奈雪的茶发霉了第" + i + "回";
            lines.append(mention("same" + i, t0 + offsets[i], "u_same" + i, text));
        }
        Path input = dir.resolve("same.jsonl");
        Files.writeString(input, lines.toString(), StandardCharsets.UTF_8);
        scripts.runOk(
                Duration.ofMinutes(1),
                "replay",
                input.toString(),
                "--bootstrap-servers",
                bootstrap);
        List<String> live =
                OutputTopics.readCommitted(
                                bootstrap,
                                "mentions-enriched",
                                values ->
                                        values.stream().filter(v -> v.contains("\"same")).count()
                                                >= offsets.length,
                                Duration.ofMinutes(2),
                                Duration.ofSeconds(2))
                        .stream()
                        .filter(v -> v.contains("\"same"))
                        .sorted()
                        .toList();

        Path log = dir.resolve("control.jsonl");
        Files.writeString(
                log,
                scripts.pipe(
                        Duration.ofMinutes(1), Path.of("/dev/null"), "control", "log", "--jsonl"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("same-out");
        scripts.runOk(
                Duration.ofMinutes(3),
                "run-file",
                "--config",
                TestConfigs.DEMO_CONFIG.toString(),
                "--input",
                input.toString(),
                "--control",
                log.toString(),
                "--out",
                out.toString());
        List<String> fromFile =
                Files.readAllLines(out.resolve("mentions-enriched.jsonl")).stream()
                        .sorted()
                        .toList();
        assertEquals(offsets.length, live.size(), String.join("\n", live));
        assertEquals(live, fromFile, "run-file --control gives what the cluster gave");
        long crisisBefore =
                live.stream()
                        .filter(v -> v.contains("霸气杯") && v.contains("\"crisis\":false"))
                        .count();
        assertEquals(1, crisisBefore, "霸气杯 is watched from the plan's effectiveFrom on only");
    }

    /**
     * Mid-crisis, the team learns a nickname and adds it as a crisis term: the next mentions raise
     * CRISIS_KEYWORD, and the webhook is told. Another brand's crisis, silenced, is written to
     * {@code alerts} marked silenced, and the webhook hears nothing of it.
     */
    @Test
    void aCrisisTermAddedMidCrisisAlertsAndASilenceKeepsTheWebhookQuiet() throws Exception {
        long t0 = 1_772_496_000_000L; // 2026-03-03T00:00Z
        String detectors = "detectors:\n  crisisKeyword: {minAuthors: 2, warmUpFactor: 1}\n";
        Path mixue = dir.resolve("mixue.yaml");
        Files.writeString(mixue, "id: mixue\nnames: [蜜雪冰城]\n" + detectors, StandardCharsets.UTF_8);
        Path chagee = dir.resolve("chagee.yaml");
        Files.writeString(
                chagee,
                "id: chagee\nnames: [霸王茶姬]\ncrisisTerms: [伯牙绝弦]\n" + detectors,
                StandardCharsets.UTF_8);
        scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", mixue.toString());
        scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", chagee.toString());
        scripts.runOk(
                Duration.ofMinutes(1),
                "control",
                "silence",
                "chagee",
                "--type",
                "CRISIS_KEYWORD",
                "--for",
                "2h",
                "--reason",
                "known, statement out");

        // Before the term is known: two authors say it, no alert.
        replay(
                "crisis-before",
                mention("mx1", t0, "u_mx1", "蜜雪冰城的黑珍珠太恶心了"),
                mention("mx2", t0 + 1000, "u_mx2", "蜜雪冰城的黑珍珠太恶心了吧"));
        for (String v : waitForEnriched("\"mx2\"")) {
            if (v.contains("\"mx1\"") || v.contains("\"mx2\"")) {
                assertTrue(v.contains("\"crisis\":false"), "not a crisis term yet: " + v);
            }
        }

        Path learned = dir.resolve("mixue-v2.yaml");
        Files.writeString(
                learned,
                "id: mixue\nnames: [蜜雪冰城]\ncrisisTerms: [黑珍珠]\n" + detectors,
                StandardCharsets.UTF_8);
        scripts.runOk(Duration.ofMinutes(1), "control", "brand", "put", learned.toString());
        JsonNode opened = null;
        JsonNode silenced = null;
        for (int i = 0; i < 20 && (opened == null || silenced == null); i++) {
            replay(
                    "crisis-" + i,
                    mention("mx-a" + i, t0 + 60_000 + i * 1000, "u_a" + i, "蜜雪冰城的黑珍珠太恶心了" + i),
                    mention("mx-b" + i, t0 + 60_500 + i * 1000, "u_b" + i, "蜜雪冰城黑珍珠真难喝" + i),
                    mention("cg-a" + i, t0 + 60_000 + i * 1000, "u_c" + i, "霸王茶姬的伯牙绝弦太恶心了" + i),
                    mention("cg-b" + i, t0 + 60_500 + i * 1000, "u_d" + i, "霸王茶姬伯牙绝弦真难喝" + i));
            for (String v :
                    OutputTopics.readCommitted(
                            bootstrap,
                            "alerts",
                            values -> values.stream().anyMatch(x -> x.contains("chagee")),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(1))) {
                JsonNode a = JSON.readTree(v);
                if (!a.path("type").asText().equals("CRISIS_KEYWORD")) continue;
                if (a.path("brand").asText().equals("mixue")) opened = a;
                if (a.path("brand").asText().equals("chagee")) silenced = a;
            }
        }
        assertTrue(opened != null, "no CRISIS_KEYWORD for the term added mid-crisis");
        assertTrue(!opened.path("silenced").asBoolean());
        assertTrue(opened.path("evidence").toString().contains("黑珍珠"), opened.toString());
        assertTrue(silenced != null, "the silenced brand's alert is still written to alerts");
        assertTrue(silenced.path("silenced").asBoolean(), silenced.toString());
        assertTrue(silenced.path("silenceId").asText().startsWith("s"), silenced.toString());
        String mixueIncident = opened.path("incidentId").asText();
        String chageeIncident = silenced.path("incidentId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered.stream().noneMatch(b -> b.contains(mixueIncident))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(
                delivered.stream().anyMatch(b -> b.contains(mixueIncident)),
                "the webhook was told of the crisis: " + delivered);
        assertTrue(
                delivered.stream().noneMatch(b -> b.contains(chageeIncident)),
                "the silenced alert reached the webhook: " + delivered);
    }

    private static void replay(String name, String... lines) throws Exception {
        Path file = dir.resolve(name + ".jsonl");
        Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
        scripts.runOk(
                Duration.ofMinutes(1), "replay", file.toString(), "--bootstrap-servers", bootstrap);
    }

    private static List<String> waitForEnriched(String marker) throws Exception {
        List<String> out =
                OutputTopics.readCommitted(
                        bootstrap,
                        "mentions-enriched",
                        values -> values.stream().anyMatch(v -> v.contains(marker)),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1));
        assertTrue(out.stream().anyMatch(v -> v.contains(marker)), "never enriched: " + marker);
        return out;
    }

    private static String mention(String id, long createdAt, String author, String text) {
        return "{\"id\":\""
                + id
                + "\",\"platform\":\"weibo\",\"createdAt\":"
                + createdAt
                + ",\"author\":{\"id\":\""
                + author
                + "\"},\"text\":\""
                + text
                + "\"}\n";
    }
}
