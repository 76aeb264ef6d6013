package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.FileRuns;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.jobs.testing.Schemas;
import io.brandpulse.privacy.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Customer histories built from real review texts, replayed through the file runner; the last
 * record per customerKey is what analysts read. Quality must beat quantity.
 */
class EngagementScenariosITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "engagement-pseudonym-key-0123";
    static final long START = Instant.parse("2026-02-01T08:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    static final String CONFIG =
            """
            kafka: {bootstrapServers: "127.0.0.1:9092", groupId: engagement, transactionalIdPrefix: engagement}
            privacy: {pseudonymKey: %s, optOut: ["weibo:opted-out"]}
            brands:
              - {id: yunduo, names: [云朵洗护], officialAccounts: ["weibo:yunduo_official"]}
            """
                    .formatted(KEY);

    static Map<String, JsonNode> last = new LinkedHashMap<>();
    static List<String> lines = new ArrayList<>();
    static String allOutput;
    static Pseudonymizer pseudonyms = new Pseudonymizer(KEY);
    static int nextId;

    static void post(String author, long time, String text, int images) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "e" + (nextId++));
        m.put("platform", "weibo");
        m.putObject("author").put("id", author);
        m.put("text", text);
        m.put("createdAt", Instant.ofEpochMilli(time).toString());
        if (images > 0) {
            m.putObject("media").put("images", images);
        }
        lines.add(m.toString());
    }

    static String customer(String author) {
        return pseudonyms.customerKey("weibo", author);
    }

    @BeforeAll
    static void replayHistories() throws Exception {
        List<String> positive =
                MentionStreams.reviews("shampoo", 1).stream()
                        .filter(t -> t.length() >= 60)
                        .toList();
        List<String> negative =
                MentionStreams.reviews("shampoo", 0).stream()
                        .filter(t -> t.length() >= 60)
                        .toList();
        Random random = new Random(7);
        String[] oneWord = {"好", "赞", "不错", "可以", "支持", "好用", "嗯嗯", "收到"};
        // One detailed review with photos and a suggestion.
        post("reviewer", START, "用了两周云朵洗护的生姜洗发水，" + positive.get(3) + " 建议出个大瓶装，旅行装也可以考虑", 3);
        // Forty one-word comments over a month.
        for (int i = 0; i < 40; i++) {
            post(
                    "chatty",
                    START + i * 18 * 3_600_000L,
                    "云朵洗护" + oneWord[random.nextInt(oneWord.length)],
                    0);
        }
        // Five detailed posts, no photos.
        for (int i = 0; i < 5; i++) {
            post("five-posts", START + i * 5 * DAY, "说说云朵洗护：" + positive.get(10 + i), 0);
        }
        // A single one-word comment.
        post("one-word", START + 3 * DAY, "云朵洗护不错", 0);
        // A spam account advertising with the brand's name.
        for (int i = 0; i < 12; i++) {
            post("spammer", START + i * DAY, "云朵洗护官方合作 澳门葡京线上娱乐城 注册送88元彩金 加微信" + (10000 + i), 0);
        }
        // A loyal customer: detailed, happy posts for weeks, then detailed complaints.
        for (int i = 0; i < 6; i++) {
            post("loyal", START + i * 4 * DAY, "云朵洗护一直在用，" + positive.get(20 + i), i % 2);
        }
        for (int i = 0; i < 3; i++) {
            post(
                    "loyal",
                    START + 26 * DAY + i * DAY,
                    "云朵洗护最近怎么了，" + negative.get(5 + i) + " 太失望了",
                    1);
        }
        // An opted-out customer, with a lot to say.
        for (int i = 0; i < 3; i++) {
            post("opted-out", START + i * DAY, "云朵洗护：" + positive.get(30 + i), 2);
        }
        Path dir = Path.of("target/engagement-scenarios");
        Files.createDirectories(dir);
        lines.sort(Comparator.comparing(l -> l.substring(l.indexOf("\"createdAt\""))));
        Path input = Files.write(dir.resolve("customers.jsonl"), lines, StandardCharsets.UTF_8);

        ListeningConfig config =
                new ConfigLoader(name -> null).parse("engagement", CONFIG, List.of());
        Path out = FileRuns.run(config, input, dir.resolve("out"), "engagement scenarios");
        var schema = Schemas.load("customer-engagement.schema.json");
        for (JsonNode record : FileRuns.read(out.resolve("customer-engagement.jsonl"))) {
            Schemas.assertValid(schema, record);
            last.put(record.get("customerKey").asText(), record);
        }
        StringBuilder everything = new StringBuilder();
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                everything.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        allOutput = everything.toString();
    }

    static double score(String author) {
        JsonNode record = last.get(customer(author));
        return record == null ? -1 : record.get("score").asDouble();
    }

    @Test
    void oneDetailedReviewWithPhotosAndASuggestionOutranksFortyOneWordComments() {
        assertTrue(
                score("reviewer") > score("chatty"), score("reviewer") + " vs " + score("chatty"));
        assertEquals(
                40,
                last.get(customer("chatty")).get("interactions").asInt(),
                "all forty counted, none of them worth much");
    }

    @Test
    void fiveDetailedPostsOutrankFortyOneWordComments() {
        assertTrue(
                score("five-posts") > score("chatty"),
                score("five-posts") + " vs " + score("chatty"));
        assertTrue(
                score("five-posts") > score("reviewer"),
                "five detailed posts over weeks beat one: consistency");
    }

    @Test
    void aSingleOneWordCommentRanksBelowEveryDetailedReviewer() {
        for (String reviewer : List.of("reviewer", "five-posts", "loyal")) {
            assertTrue(
                    score("one-word") < score(reviewer),
                    reviewer + ": " + score(reviewer) + " vs " + score("one-word"));
        }
    }

    @Test
    void aSpamAccountRanksBelowEveryoneOrGetsNoScore() {
        double spam = score("spammer");
        for (String author : List.of("reviewer", "chatty", "five-posts", "one-word", "loyal")) {
            assertTrue(spam < score(author), author + ": " + score(author) + " vs spam " + spam);
        }
    }

    @Test
    void aLoyalCustomerWhoseRecentDetailedPostsTurnNegativeIsAtRisk() {
        JsonNode loyal = last.get(customer("loyal"));
        assertEquals("AT_RISK", loyal.get("tier").asText(), loyal.toString());
        assertTrue(loyal.get("churnRisk").asDouble() >= 0.5, loyal.toString());
        assertTrue(loyal.get("sentimentTrend").asDouble() < 0, loyal.toString());
    }

    @Test
    void anOptedOutCustomerAppearsInNoOutputAtAll() {
        assertFalse(last.containsKey(customer("opted-out")));
        assertFalse(allOutput.contains(customer("opted-out")), "the pseudonym appears nowhere");
        assertFalse(allOutput.contains("opted-out"), "nor the raw id");
    }

    @Test
    void noRawAuthorIdLeavesInTheEngagementTopic() {
        for (JsonNode record : last.values()) {
            assertTrue(record.get("customerKey").asText().matches("[0-9a-f]{64}"));
            assertFalse(
                    record.toString().contains("reviewer") || record.toString().contains("chatty"),
                    record.toString());
        }
    }
}
