package io.brandpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.DeadLetterReason;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.RawRecord;
import io.brandpulse.model.TextAnalysis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Property tests over the parser and the analysis: whatever arrives (random bytes, any Unicode,
 * huge fields, deep nesting, broken JSON) ends as a mention or a dead letter with a known reason,
 * and no exception ever escapes.
 */
class MentionFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final MentionParser parser =
            new MentionParser(new IngestionSettings(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final MentionEnricher enricher = new MentionEnricher(config());

    private static ListeningConfig config() {
        ListeningConfig c = new ListeningConfig();
        c.privacy.pseudonymKey = "fuzz-pseudonym-key-000001";
        BrandSettings b = new BrandSettings();
        b.id = "qingning";
        b.names = List.of("青柠咖啡", "LimeCafe");
        b.keywords = List.of("拿铁");
        c.brands = List.of(b);
        return c;
    }

    /**
     * Parse, then enrich what parsed: the whole path of a record. Returns the reason when it was
     * dead-lettered.
     */
    private String process(byte[] bytes) {
        var outcome = parser.parse(new RawRecord(bytes, "fuzz", 0, 0));
        if (outcome.deadLetter() != null) {
            assertNotNull(DeadLetterReason.valueOf(outcome.deadLetter().reason), "a known reason");
            assertTrue(
                    outcome.deadLetter().detail != null && !outcome.deadLetter().detail.isEmpty(),
                    "a reason for a person");
            return outcome.deadLetter().reason;
        }
        EnrichedMention e = enricher.enrich(outcome.mention());
        assertNotNull(e, "no opt-outs configured: every mention is enriched");
        TextAnalysis a = e.analysis;
        assertNotNull(a.sentimentLabel);
        assertTrue(
                a.sentimentScore >= -1 && a.sentimentScore <= 1,
                "score in [-1, 1]: " + a.sentimentScore);
        for (int i = 0; i < a.tokens.length; i++) {
            assertTrue(
                    0 <= a.tokenStarts[i]
                            && a.tokenStarts[i] < a.tokenEnds[i]
                            && a.tokenEnds[i] <= e.text.length(),
                    "token offsets inside the original text");
        }
        return null;
    }

    private static byte[] mentionWithText(String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "f1");
        m.put("platform", "weibo");
        m.put("createdAt", "2026-03-01T10:00:00Z");
        m.putObject("author").put("id", "u1");
        m.put("text", text);
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 3000)
    void randomBytesEndInAMentionOrADeadLetter(@ForAll @Size(max = 4096) byte[] bytes) {
        process(bytes);
    }

    @Property(tries = 2000)
    void anyUnicodeTextIsParsedAndAnalysed(@ForAll @StringLength(max = 600) String text) {
        String reason = process(mentionWithText(text));
        if (reason != null) {
            assertTrue(
                    List.of("EMPTY_TEXT", "TEXT_TOO_LONG").contains(reason),
                    "only text-level reasons: " + reason);
        }
    }

    @Provide
    Arbitrary<String> socialText() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "青柠咖啡",
                        "青檸咖啡",
                        "ＬＩＭＥＣＡＦＥ",
                        "[怒]",
                        "[哈哈]",
                        "😀",
                        "👍🏻",
                        "//@小王:",
                        "#话题#",
                        "@某人 ",
                        "https://t.cn/x",
                        "拿铁",
                        "不",
                        "太",
                        "！",
                        "？",
                        "\u0301",
                        "\uD83D",
                        "\u0000",
                        "\n",
                        " ",
                        "食物中毒",
                        "退款",
                        "加微信",
                        "12345",
                        "a",
                        "ß",
                        "İ",
                        "\u200B",
                        "\uFEFF",
                        "𠀀");
        return pieces.list().ofMaxSize(300).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void socialMediaSoupIsAnalysed(@ForAll("socialText") String text) {
        String reason = process(mentionWithText(text));
        if (reason != null) {
            assertTrue(
                    List.of("EMPTY_TEXT", "TEXT_TOO_LONG").contains(reason),
                    "only text-level reasons: " + reason);
        }
    }

    @Property(tries = 200)
    void deepNestingIsADeadLetterNotAStackOverflow(
            @ForAll @IntRange(min = 1, max = 100_000) int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String json =
                "{\"id\":\"d\",\"platform\":\"weibo\",\"createdAt\":1772359200000,\"author\":{\"id\":\"u\"},\"text\":\"hi\",\"x\":"
                        + nested
                        + "}";
        String reason = process(json.getBytes(StandardCharsets.UTF_8));
        if (depth + 1 > new IngestionSettings().maxJsonDepth) {
            assertEquals("TOO_DEEP", reason);
        }
    }

    @Property(tries = 50)
    void hugeTextIsADeadLetterOrAnalysed(@ForAll @IntRange(min = 1, max = 400_000) int length) {
        String reason = process(mentionWithText("青柠咖啡很好喝".repeat(length / 7 + 1)));
        if (length / 7 + 1 > 0 && (length / 7 + 1) * 7 > new IngestionSettings().maxTextChars) {
            assertTrue(
                    List.of("TEXT_TOO_LONG", "TOO_LARGE").contains(reason), "too long: " + reason);
        }
    }

    @Property(tries = 2000)
    void brokenJsonOfAValidMentionNeverThrows(
            @ForAll @IntRange(min = 0, max = 200) int cut,
            @ForAll char inserted,
            @ForAll @IntRange(min = 0, max = 200) int at) {
        String valid = new String(mentionWithText("青柠咖啡的拿铁[怒]退款！"), StandardCharsets.UTF_8);
        String broken = valid.substring(0, Math.min(cut, valid.length()));
        int insertAt = Math.min(at, broken.length());
        process(
                (broken.substring(0, insertAt) + inserted + broken.substring(insertAt))
                        .getBytes(StandardCharsets.UTF_8));
    }
}
