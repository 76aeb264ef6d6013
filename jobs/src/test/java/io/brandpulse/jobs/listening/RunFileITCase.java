package io.brandpulse.jobs.listening;

import static io.brandpulse.jobs.testing.Mentions.T0;
import static io.brandpulse.jobs.testing.Mentions.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file runner over every kind of bad input mixed with valid mentions: each bad line is one dead
 * letter with its reason and line number, each valid one an enriched mention, and the output is the
 * same on every run.
 */
class RunFileITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** Lines of the input, and the dead-letter reason expected for each (null: a valid mention). */
    private final List<byte[]> lines = new ArrayList<>();

    private final Map<Long, String> expectedReasons = new TreeMap<>();
    private final Map<Long, String> expectedValidIds = new LinkedHashMap<>();

    private void valid(String id, String text) {
        add(
                line(id, "author-" + id, text, T0 + lines.size() * 1000L)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        expectedValidIds.put((long) lines.size(), id);
    }

    private void bad(String reason, String line) {
        add(line.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void add(byte[] line, String reason) {
        lines.add(line);
        if (reason != null) {
            expectedReasons.put((long) lines.size(), reason);
        }
    }

    private Path writeInput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        Path input = dir.resolve("mixed.jsonl");
        Files.write(input, out.toByteArray());
        return input;
    }

    private Path run(Path input, String outName) throws Exception {
        ListeningConfig config = TestConfigs.demo();
        Path out = dir.resolve(outName);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        RunFileJob.defineFileWorkflow(env, config, input, out);
        env.execute("run-file test");
        return out;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(l));
        }
        return nodes;
    }

    @Test
    void everyBadLineIsADeadLetterWithItsReasonAndEveryValidLineIsEnriched() throws Exception {
        valid("ok-1", "青柠咖啡的拿铁很好喝");
        bad("INVALID_JSON", "this is not json");
        bad(
                "INVALID_JSON",
                "{\"id\": \"t1\", \"platform\": \"weibo\", \"createdAt\": 1772323200000, \"text\":"
                        + " \"trunc");
        bad("NOT_AN_OBJECT", "[1, 2, 3]");
        bad("NOT_AN_OBJECT", "42");
        bad(
                "MISSING_FIELD",
                "{\"id\": \"m1\", \"platform\": \"weibo\", \"createdAt\": 1772323200000, \"text\":"
                        + " \"no author\"}");
        bad(
                "WRONG_TYPE",
                "{\"id\": \"m2\", \"platform\": \"weibo\", \"createdAt\": 1772323200000,"
                        + " \"author\": {\"id\": \"a\"}, \"text\": 12}");
        bad(
                "INVALID_TIMESTAMP",
                line("m3", "a", "bad date", 0)
                        .replace("\"createdAt\":0", "\"createdAt\":\"2026-13-45T99:00:00Z\""));
        bad(
                "TIMESTAMP_IN_FUTURE",
                line(
                        "m4",
                        "a",
                        "from the future",
                        Instant.now().plusSeconds(86_400 * 365).toEpochMilli()));
        bad("EMPTY_TEXT", line("m5", "a", " \t ", T0));
        bad(
                "TEXT_TOO_LONG",
                line(
                        "m6",
                        "a",
                        "长".repeat(300_000),
                        T0)); // about 1 MB of UTF-8 inside the record limit
        bad("TOO_LARGE", line("m7", "a", "x".repeat(2_000_000), T0));
        add(
                new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xC3, (byte) 0x28, '}'},
                "INVALID_UTF8");
        bad("TOO_DEEP", "[".repeat(5000) + "]".repeat(5000));
        bad("EMPTY_RECORD", "");
        valid("ok-2", "控制字符\u0001\u0007被清除, [怒] 北岸茶饮 ");
        valid("ok-1", "a duplicate id, re-delivered");
        expectedValidIds.remove((long) lines.size());
        expectedReasons.put((long) lines.size(), "DUPLICATE_ID");
        valid("ok-3", "青檸咖啡 Traditional text");

        Path input = writeInput();
        Path out = run(input, "out-1");

        List<JsonNode> deadLetters = read(out.resolve("mentions-dlq.jsonl"));
        Map<Long, String> actualReasons = new TreeMap<>();
        for (JsonNode d : deadLetters) {
            actualReasons.put(d.path("source").path("offset").asLong(), d.path("reason").asText());
            assertEquals("mixed.jsonl", d.path("source").path("name").asText());
            assertFalse(d.path("detail").asText().isBlank());
        }
        assertEquals(expectedReasons, actualReasons);
        assertEquals(expectedReasons.size(), deadLetters.size(), "one dead letter per bad line");

        List<JsonNode> enriched = read(out.resolve("mentions-enriched.jsonl"));
        assertEquals(
                List.copyOf(expectedValidIds.values()),
                enriched.stream().map(e -> e.path("id").asText()).toList());
        assertEquals("控制字符被清除, [怒] 北岸茶饮 ", enriched.get(1).path("text").asText());
        JsonNode analysis = enriched.get(0).path("analysis");
        assertEquals(
                "positive",
                analysis.path("sentiment").path("label").asText(),
                "the text analysis travels with the mention");
        assertEquals(
                "青柠咖啡", analysis.path("tokens").get(0).asText(), "brand names stay whole tokens");
        assertEquals("[怒]", enriched.get(1).path("analysis").path("emoticons").get(0).asText());
        assertEquals("beian", enriched.get(1).path("brand").asText());
        assertEquals("qingning", enriched.get(2).path("brand").asText());

        JsonNode invalidUtf8 =
                deadLetters.stream()
                        .filter(d -> d.path("reason").asText().equals("INVALID_UTF8"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("base64", invalidUtf8.path("payloadEncoding").asText());
        assertArrayEquals(
                lines.get(12), Base64.getDecoder().decode(invalidUtf8.path("payload").asText()));
        JsonNode tooLarge =
                deadLetters.stream()
                        .filter(d -> d.path("reason").asText().equals("TOO_LARGE"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(tooLarge.path("payloadTruncated").asBoolean());
        assertEquals(lines.get(11).length, tooLarge.path("payloadBytes").asLong());
    }

    @Test
    void theSameInputAndConfigGiveTheSameOutput() throws Exception {
        for (int i = 0; i < 200; i++) {
            if (i % 17 == 0) {
                bad("INVALID_JSON", "{broken " + i);
            } else {
                valid("m" + i, (i % 2 == 0 ? "青柠咖啡 " : "北岸茶饮 ") + "第" + i + "条");
            }
        }
        Path input = writeInput();
        Path first = run(input, "first");
        Path second = run(input, "second");
        for (String topic : List.of("mentions-enriched.jsonl", "mentions-dlq.jsonl")) {
            assertArrayEquals(
                    Files.readAllBytes(first.resolve(topic)),
                    Files.readAllBytes(second.resolve(topic)),
                    topic);
        }
        assertEquals(188, Files.readAllLines(first.resolve("mentions-enriched.jsonl")).size());
        assertEquals(12, Files.readAllLines(first.resolve("mentions-dlq.jsonl")).size());
    }

    @Test
    void brandMetricsPerEventTimeWindowSpamAndRepliesApart() throws Exception {
        long window = 15 * 60_000L;
        // window 1: two customers complain, one repeats it, a brand reply, a gambling ad naming the
        // brand
        add(
                Mentions.line("a1", "u1", "青柠咖啡外卖等了两个小时，太差了[怒]", T0 + 60_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        add(
                Mentions.line("a2", "u2", "青柠咖啡的拿铁很好喝，推荐[哈哈]", T0 + 120_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        add(
                Mentions.line("a3", "u3", "转发微博//@u1: 青柠咖啡外卖等了两个小时，太差了[怒]", T0 + 180_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        add(
                Mentions.line("a4", "qingning_official", "抱歉让您久等了，已私信您", T0 + 240_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        add(
                Mentions.line("a5", "spammer", "青柠咖啡 澳门娱乐城注册领取体验金", T0 + 300_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        // window 2
        add(
                Mentions.line("b1", "u4", "北岸茶饮和青柠咖啡都不错", T0 + window + 1_000)
                        .getBytes(StandardCharsets.UTF_8),
                null);
        Path out = run(writeInput(), "metrics");

        List<JsonNode> metrics = read(out.resolve("brand-metrics.jsonl"));
        JsonNode first =
                metrics.stream()
                        .filter(
                                m ->
                                        m.path("brand").asText().equals("qingning")
                                                && m.path("window").path("startMillis").asLong()
                                                        == T0)
                        .findFirst()
                        .orElseThrow();
        assertEquals(3, first.path("volume").asLong(), "spam and the brand's reply are not volume");
        assertEquals(2, first.path("originals").asLong());
        assertEquals(1, first.path("reposts").asLong());
        assertEquals(
                1, first.path("copies").asLong(), "the bare repost copies the first complaint");
        assertEquals(3, first.path("uniqueAuthors").asLong());
        assertEquals(1, first.path("spamExcluded").asLong());
        assertEquals(1, first.path("brandReplies").asLong());
        assertEquals(2, first.path("sentiment").path("negative").asLong());
        assertEquals(1, first.path("sentiment").path("positive").asLong());
        assertEquals(-1.0 / 3, first.path("sentiment").path("net").asDouble(), 1e-3);
        assertEquals(2, first.path("complaintCategories").path("LOGISTICS").asLong());
        assertEquals(T0 + window, first.path("window").path("endMillis").asLong());
        assertTrue(
                metrics.stream()
                        .anyMatch(
                                m ->
                                        m.path("brand").asText().equals("beian")
                                                && m.path("window").path("startMillis").asLong()
                                                        == T0 + window),
                "a window per brand");
    }

    @Test
    void optedOutCustomersAppearInNoOutput() throws Exception {
        valid("keep", "青柠咖啡");
        add(
                Mentions.mention("gone", "u_optout_77", "青柠咖啡 opted out", T0)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                null);
        Path out = run(writeInput(), "out");
        String enriched = Files.readString(out.resolve("mentions-enriched.jsonl"));
        String deadLetters = Files.readString(out.resolve("mentions-dlq.jsonl"));
        assertTrue(enriched.contains("\"keep\""));
        assertFalse(enriched.contains("gone") || deadLetters.contains("gone"));
    }
}
