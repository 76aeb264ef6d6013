package io.brandpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MentionParserTest {
    /** The parser's wall clock: one day after the sample mentions were written. */
    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

    private static final long SAMPLE_MILLIS = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MentionParser parser = parser(new IngestionSettings());

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static MentionParser parser(IngestionSettings settings) {
        return new MentionParser(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MentionParser parser(Consumer<IngestionSettings> tweak) {
        IngestionSettings settings = new IngestionSettings();
        tweak.accept(settings);
        return parser(settings);
    }

    private static RawRecord record(byte[] payload) {
        return new RawRecord(payload, "mentions", 3, 42L);
    }

    private static RawRecord record(String payload) {
        return record(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A minimal valid mention whose fields can be replaced: pass JSON fragments like {@code "text":
     * 5}.
     */
    private static String mentionWith(String... fieldOverrides) {
        StringBuilder json = new StringBuilder("{");
        String[][] defaults = {
            {"id", "\"m1\""},
            {"platform", "\"weibo\""},
            {"createdAt", String.valueOf(SAMPLE_MILLIS)},
            {"author", "{\"id\": \"u1\"}"},
            {"text", "\"青柠咖啡真好喝\""},
        };
        for (String[] field : defaults) {
            String value = field[1];
            boolean drop = false;
            for (String override : fieldOverrides) {
                if (override.equals("-" + field[0])) {
                    drop = true;
                } else if (override.startsWith("\"" + field[0] + "\":")) {
                    value = override.substring(field[0].length() + 3).trim();
                }
            }
            if (!drop) {
                json.append(json.length() > 1 ? ", " : "")
                        .append('"')
                        .append(field[0])
                        .append("\": ")
                        .append(value);
            }
        }
        for (String override : fieldOverrides) {
            String name =
                    override.startsWith("\"")
                            ? override.substring(1, override.indexOf('"', 1))
                            : null;
            boolean isDefault = Arrays.stream(defaults).anyMatch(f -> f[0].equals(name));
            if (name != null && !isDefault) {
                json.append(", ").append(override);
            }
        }
        return json.append('}').toString();
    }

    private Mention valid(String json) {
        return valid(parser, record(json));
    }

    private static Mention valid(MentionParser parser, RawRecord record) {
        ParseOutcome outcome = parser.parse(record);
        if (!outcome.isValid()) {
            fail(
                    "expected a valid mention, got "
                            + outcome.deadLetter().reason
                            + ": "
                            + outcome.deadLetter().detail);
        }
        assertNull(outcome.deadLetter());
        return outcome.mention();
    }

    private DeadLetter rejected(String json, DeadLetterReason reason) {
        return rejected(parser, record(json), reason);
    }

    private static DeadLetter rejected(
            MentionParser parser, RawRecord record, DeadLetterReason reason) {
        ParseOutcome outcome = parser.parse(record);
        if (outcome.isValid()) {
            fail("expected " + reason + ", but the record was accepted");
        }
        assertNull(outcome.mention());
        DeadLetter d = outcome.deadLetter();
        assertEquals(reason.name(), d.reason, () -> "detail: " + d.detail);
        assertNotNull(d.detail);
        assertFalse(d.detail.isBlank());
        return d;
    }

    private static void assertDetailNames(DeadLetter d, String expected) {
        assertTrue(
                d.detail.contains(expected),
                () -> "detail should name " + expected + ": " + d.detail);
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Valid mentions
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class ValidMentions {
        @Test
        void readsEveryFieldOfACompleteMention() {
            String json =
                    """
                    {
                      "id": 12345678901234567890123,
                      "platform": " Weibo ",
                      "createdAt": "2026-03-01T08:15:00+08:00",
                      "author": {"id": 987654321, "name": "用户001", "followers": 120, "verified": true, "gender": "f"},
                      "text": "青柠咖啡的拿铁还是那么好喝",
                      "brand": "qingning",
                      "url": "https://weibo.example/1",
                      "threadId": "t_1",
                      "replyToId": 77,
                      "repostOfId": "m0002",
                      "metrics": {"likes": 12, "reposts": 1, "comments": 3, "views": 999},
                      "media": {"images": ["a.jpg", "b.jpg", {"url": "c.jpg"}], "videos": 2, "gifs": 1},
                      "lang": "zh",
                      "geo": {"city": "上海", "lat": 31.2}
                    }\
                    """;

            Mention m = valid(json);

            assertEquals(
                    "12345678901234567890123",
                    m.id,
                    "integer ids are kept exactly, beyond the range of long");
            assertEquals("weibo", m.platform, "platform is trimmed and lowercased");
            assertEquals(
                    Instant.parse("2026-03-01T00:15:00Z").toEpochMilli(),
                    m.createdAt,
                    "the +08:00 offset is honoured");
            assertEquals("987654321", m.author.id);
            assertEquals("用户001", m.author.name);
            assertEquals(120L, m.author.followers);
            assertEquals(Boolean.TRUE, m.author.verified);
            assertEquals("青柠咖啡的拿铁还是那么好喝", m.text);
            assertEquals("qingning", m.brand);
            assertEquals("https://weibo.example/1", m.url);
            assertEquals("t_1", m.threadId);
            assertEquals("77", m.replyToId);
            assertEquals("m0002", m.repostOfId);
            assertEquals(new Engagement(12, 1, 3), m.metrics);
            assertEquals(
                    new Media(3, 2),
                    m.media,
                    "a list of media is counted, a number is taken as the count");
            assertEquals(
                    tree(
                            """
                            {"lang": "zh", "geo": {"city": "上海", "lat": 31.2},
                             "metrics": {"views": 999}, "media": {"gifs": 1}}\
                            """),
                    tree(m.extraJson),
                    "unknown fields, top-level and nested, are kept as they came, except the "
                            + "author's, which could identify the person");
            assertEquals("mentions", m.sourceName);
            assertEquals(3, m.sourcePartition);
            assertEquals(42L, m.sourceOffset);
            assertEquals("weibo:12345678901234567890123", m.platformId());
        }

        @Test
        void aMinimalMentionGetsEmptyDefaults() {
            Mention m = valid(mentionWith());

            assertEquals("m1", m.id);
            assertEquals(SAMPLE_MILLIS, m.createdAt);
            assertNull(m.author.name);
            assertNull(m.author.followers);
            assertNull(m.author.verified);
            assertNull(m.brand);
            assertNull(m.url);
            assertNull(m.threadId);
            assertEquals(new Engagement(0, 0, 0), m.metrics);
            assertEquals(new Media(0, 0), m.media);
            assertNull(m.extraJson, "no unknown fields, no extra");
        }

        @Test
        void acceptsEpochMillisAsNumberOrDigitString() {
            assertEquals(
                    SAMPLE_MILLIS, valid(mentionWith("\"createdAt\": " + SAMPLE_MILLIS)).createdAt);
            assertEquals(
                    SAMPLE_MILLIS,
                    valid(mentionWith("\"createdAt\": \"" + SAMPLE_MILLIS + "\"")).createdAt);
        }

        @Test
        void acceptsIsoDateTimesWithAnyOffset() {
            assertEquals(
                    Instant.parse("2026-03-01T00:15:00Z").toEpochMilli(),
                    valid(mentionWith("\"createdAt\": \"2026-03-01T00:15:00Z\"")).createdAt);
            assertEquals(
                    Instant.parse("2026-03-01T13:15:00.250Z").toEpochMilli(),
                    valid(mentionWith("\"createdAt\": \"2026-03-01T08:15:00.250-05:00\""))
                            .createdAt);
        }

        @Test
        void acceptsTimestampsUpToTheClockSkewAhead() {
            long almostAnHourAhead = NOW.plus(Duration.ofMinutes(59)).toEpochMilli();
            assertEquals(
                    almostAnHourAhead,
                    valid(mentionWith("\"createdAt\": " + almostAnHourAhead)).createdAt);
        }

        @Test
        void countsMediaGivenAsCountsOrAsLists() {
            assertEquals(
                    new Media(9, 0),
                    valid(mentionWith("\"media\": {\"images\": 9, \"videos\": 0}")).media);
            assertEquals(
                    new Media(2, 1),
                    valid(
                                    mentionWith(
                                            "\"media\": {\"images\": [\"https://x/1.jpg\","
                                                + " \"https://x/2.jpg\"], \"videos\": [{\"url\":"
                                                + " \"v\"}]}"))
                            .media);
            assertEquals(
                    new Media(0, 0),
                    valid(mentionWith("\"media\": {\"images\": [], \"videos\": null}")).media);
            assertEquals(new Media(0, 0), valid(mentionWith("\"media\": null")).media);
        }

        @Test
        void nullOptionalFieldsAreLikeAbsentOnes() {
            Mention m =
                    valid(
                            mentionWith(
                                    "\"brand\": null",
                                    "\"url\": null",
                                    "\"threadId\": null",
                                    "\"metrics\": null",
                                    "\"author\": {\"id\": \"u1\", \"name\": null, \"followers\":"
                                            + " null, \"verified\": null}"));
            assertNull(m.brand);
            assertNull(m.author.followers);
            assertEquals(new Engagement(0, 0, 0), m.metrics);
        }

        @Test
        void keepsUnknownFieldsOfEveryShapeInExtra() {
            Mention m =
                    valid(
                            mentionWith(
                                    "\"tags\": [\"a\", 1, null]",
                                    "\"score\": 0.5",
                                    "\"flag\": false",
                                    "\"nested\": {\"deep\": {\"deeper\": [1, {\"x\": \"y\"}]}}"));
            assertEquals(
                    tree(
                            """
                            {"tags": ["a", 1, null], "score": 0.5, "flag": false, "nested": {"deep": {"deeper": [1, {"x": "y"}]}}}\
                            """),
                    tree(m.extraJson));
        }

        @Test
        void trimsStringIdsAndAcceptsNumericAuthorIds() {
            Mention m = valid(mentionWith("\"id\": \"  m-7 \"", "\"author\": {\"id\": 1001}"));
            assertEquals("m-7", m.id);
            assertEquals("1001", m.author.id);
        }

        @Test
        void removesControlCharactersFromTextButKeepsNewlinesAndTabs() {
            Mention m =
                    valid(
                            mentionWith(
                                    "\"text\": \"a\\u0000b\\u0007c\\u001b[31m\\n"
                                            + "line\\ttab\\r"
                                            + "\\n"
                                            + "end\\u007f\""));
            assertEquals("abc[31m\nline\ttab\nend", m.text);
        }

        @Test
        void removesControlCharactersFromTheAuthorName() {
            assertEquals(
                    "name",
                    valid(mentionWith("\"author\": {\"id\": \"u1\", \"name\": \"na\\u0000me\"}"))
                            .author
                            .name);
        }

        @Test
        void replacesALoneSurrogateEscapeWithTheReplacementCharacter() {
            assertEquals(
                    "bad \uFFFD here", valid(mentionWith("\"text\": \"bad \\uD800 here\"")).text);
            assertEquals(
                    "\uFFFD\uFFFD",
                    valid(mentionWith("\"text\": \"\\uDC00\\uD800\"")).text,
                    "reversed pair");
            assertEquals(
                    "ok 😀",
                    valid(mentionWith("\"text\": \"ok \\uD83D\\uDE00\"")).text,
                    "a real pair is kept");
        }

        @Test
        void acceptsAUtf8ByteOrderMark() {
            byte[] json = mentionWith().getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[json.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(json, 0, withBom, 3, json.length);

            Mention m = valid(parser, record(withBom));
            assertEquals("m1", m.id);
        }

        @Test
        void acceptsTrailingWhitespaceAndLineEndings() {
            assertEquals("m1", valid(mentionWith() + "\r\n").id);
            assertEquals("m1", valid("  \n" + mentionWith() + " \t\n").id);
        }

        @Test
        void acceptsJsonNestedUpToTheDepthLimit() {
            // The root object is depth 1, so 30 more levels stay within maxJsonDepth=32.
            String nested = "[".repeat(30) + "]".repeat(30);
            Mention m = valid(mentionWith("\"deep\": " + nested));
            assertEquals(tree(nested), tree(m.extraJson).get("deep"));
        }

        @Test
        void acceptsATextOfExactlyMaxTextChars() {
            MentionParser small = parser(s -> s.maxTextChars = 10);
            assertEquals(
                    "0123456789",
                    valid(small, record(mentionWith("\"text\": \"0123456789\""))).text);
        }

        @Test
        void acceptsARecordOfExactlyMaxRecordBytes() {
            String json = mentionWith();
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            MentionParser exact = parser(s -> s.maxRecordBytes = size);
            assertEquals("m1", valid(exact, record(json)).id);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dead letters: one reason per kind of bad input, and a detail that names the problem
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> badMentions() {
        return Stream.of(
                // not JSON at all
                Arguments.of(
                        "not JSON",
                        "this line is not JSON at all",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "truncated JSON",
                        "{\"id\": \"m1\", \"platform\": \"wei",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "unclosed object",
                        "{\"id\": \"m1\"",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "single quotes",
                        "{'id': 'm1'}",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "trailing garbage",
                        mentionWith() + " garbage",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "trailing comma garbage",
                        mentionWith() + ",",
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "two objects on one line",
                        mentionWith() + mentionWith(),
                        DeadLetterReason.INVALID_JSON,
                        "not valid JSON"),
                Arguments.of(
                        "duplicate key",
                        "{\"id\": \"m1\", \"id\": \"m2\", \"platform\": \"weibo\"}",
                        DeadLetterReason.INVALID_JSON,
                        "id"),
                Arguments.of(
                        "duplicate nested key",
                        mentionWith("\"author\": {\"id\": \"u1\", \"id\": \"u2\"}"),
                        DeadLetterReason.INVALID_JSON,
                        "id"),
                // JSON, but not an object
                Arguments.of(
                        "array", "[\"an\", \"array\"]", DeadLetterReason.NOT_AN_OBJECT, "array"),
                Arguments.of("number", "42", DeadLetterReason.NOT_AN_OBJECT, "number"),
                Arguments.of("string", "\"hello\"", DeadLetterReason.NOT_AN_OBJECT, "string"),
                Arguments.of("boolean", "true", DeadLetterReason.NOT_AN_OBJECT, "boolean"),
                Arguments.of("null", "null", DeadLetterReason.NOT_AN_OBJECT, "null"),
                // nothing there
                Arguments.of("blank", "   \n\t ", DeadLetterReason.EMPTY_RECORD, "blank"),
                Arguments.of("only a BOM", "\uFEFF", DeadLetterReason.EMPTY_RECORD, "blank"),
                // missing required fields
                Arguments.of(
                        "missing id", mentionWith("-id"), DeadLetterReason.MISSING_FIELD, "'id'"),
                Arguments.of(
                        "null id",
                        mentionWith("\"id\": null"),
                        DeadLetterReason.MISSING_FIELD,
                        "'id'"),
                Arguments.of(
                        "blank id",
                        mentionWith("\"id\": \"  \""),
                        DeadLetterReason.MISSING_FIELD,
                        "'id'"),
                Arguments.of(
                        "missing platform",
                        mentionWith("-platform"),
                        DeadLetterReason.MISSING_FIELD,
                        "'platform'"),
                Arguments.of(
                        "blank platform",
                        mentionWith("\"platform\": \" \""),
                        DeadLetterReason.MISSING_FIELD,
                        "'platform'"),
                Arguments.of(
                        "missing createdAt",
                        mentionWith("-createdAt"),
                        DeadLetterReason.MISSING_FIELD,
                        "'createdAt'"),
                Arguments.of(
                        "missing author",
                        mentionWith("-author"),
                        DeadLetterReason.MISSING_FIELD,
                        "'author.id'"),
                Arguments.of(
                        "missing author.id",
                        mentionWith("\"author\": {\"name\": \"x\"}"),
                        DeadLetterReason.MISSING_FIELD,
                        "'author.id'"),
                Arguments.of(
                        "missing text",
                        mentionWith("-text"),
                        DeadLetterReason.MISSING_FIELD,
                        "'text'"),
                // wrong types
                Arguments.of(
                        "text as number",
                        mentionWith("\"text\": 5"),
                        DeadLetterReason.WRONG_TYPE,
                        "'text'"),
                Arguments.of(
                        "text as object",
                        mentionWith("\"text\": {\"zh\": \"x\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'text'"),
                Arguments.of(
                        "author as string",
                        mentionWith("\"author\": \"u1\""),
                        DeadLetterReason.WRONG_TYPE,
                        "'author'"),
                Arguments.of(
                        "author.id as boolean",
                        mentionWith("\"author\": {\"id\": true}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'author.id'"),
                Arguments.of(
                        "negative followers",
                        mentionWith("\"author\": {\"id\": \"u1\", \"followers\": -1}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'author.followers'"),
                Arguments.of(
                        "fractional followers",
                        mentionWith("\"author\": {\"id\": \"u1\", \"followers\": 1.5}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'author.followers'"),
                Arguments.of(
                        "verified as string",
                        mentionWith("\"author\": {\"id\": \"u1\", \"verified\": \"yes\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'author.verified'"),
                Arguments.of(
                        "metrics as array",
                        mentionWith("\"metrics\": [1, 2, 3]"),
                        DeadLetterReason.WRONG_TYPE,
                        "'metrics'"),
                Arguments.of(
                        "negative likes",
                        mentionWith("\"metrics\": {\"likes\": -5}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'metrics.likes'"),
                Arguments.of(
                        "likes as string",
                        mentionWith("\"metrics\": {\"likes\": \"many\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'metrics.likes'"),
                Arguments.of(
                        "media as number",
                        mentionWith("\"media\": 3"),
                        DeadLetterReason.WRONG_TYPE,
                        "'media'"),
                Arguments.of(
                        "negative image count",
                        mentionWith("\"media\": {\"images\": -1}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'media.images'"),
                Arguments.of(
                        "videos as string",
                        mentionWith("\"media\": {\"videos\": \"two\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'media.videos'"),
                Arguments.of(
                        "platform as number",
                        mentionWith("\"platform\": 1"),
                        DeadLetterReason.WRONG_TYPE,
                        "'platform'"),
                Arguments.of(
                        "brand as array",
                        mentionWith("\"brand\": [\"qingning\"]"),
                        DeadLetterReason.WRONG_TYPE,
                        "'brand'"),
                Arguments.of(
                        "threadId as object",
                        mentionWith("\"threadId\": {}"),
                        DeadLetterReason.WRONG_TYPE,
                        "'threadId'"),
                Arguments.of(
                        "id with control characters",
                        mentionWith("\"id\": \"m\\u00001\""),
                        DeadLetterReason.WRONG_TYPE,
                        "'id'"),
                Arguments.of(
                        "id too long",
                        mentionWith("\"id\": \"" + "x".repeat(257) + "\""),
                        DeadLetterReason.WRONG_TYPE,
                        "'id'"),
                Arguments.of(
                        "createdAt as boolean",
                        mentionWith("\"createdAt\": true"),
                        DeadLetterReason.WRONG_TYPE,
                        "'createdAt'"),
                Arguments.of(
                        "createdAt as fraction",
                        mentionWith("\"createdAt\": 1772323200000.5"),
                        DeadLetterReason.WRONG_TYPE,
                        "'createdAt'"),
                // timestamps
                Arguments.of(
                        "invalid date string",
                        mentionWith("\"createdAt\": \"yesterday at noon\""),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "yesterday at noon"),
                Arguments.of(
                        "date without offset",
                        mentionWith("\"createdAt\": \"2026-03-01T08:15:00\""),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "'createdAt'"),
                Arguments.of(
                        "date only",
                        mentionWith("\"createdAt\": \"2026-03-01\""),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "'createdAt'"),
                Arguments.of(
                        "impossible date",
                        mentionWith("\"createdAt\": \"2026-02-30T08:15:00+08:00\""),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "'createdAt'"),
                Arguments.of(
                        "before 2000",
                        mentionWith("\"createdAt\": \"1999-12-31T23:59:59Z\""),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "before 2000"),
                Arguments.of(
                        "negative millis",
                        mentionWith("\"createdAt\": -1"),
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "'createdAt'"),
                Arguments.of(
                        "far future",
                        mentionWith("\"createdAt\": \"2099-01-01T00:00:00Z\""),
                        DeadLetterReason.TIMESTAMP_IN_FUTURE,
                        "'createdAt'"),
                // text content
                Arguments.of(
                        "empty text",
                        mentionWith("\"text\": \"\""),
                        DeadLetterReason.EMPTY_TEXT,
                        "'text'"),
                Arguments.of(
                        "blank text",
                        mentionWith("\"text\": \"   \\n\\t \""),
                        DeadLetterReason.EMPTY_TEXT,
                        "'text'"),
                Arguments.of(
                        "text of control characters only",
                        mentionWith("\"text\": \"\\u0000\\u0001\\u001f\""),
                        DeadLetterReason.EMPTY_TEXT,
                        "'text'"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badMentions")
    void rejectsBadInputWithTheRightReasonAndANamedField(
            String name, String json, DeadLetterReason reason, String detailNames) {
        DeadLetter d = rejected(json, reason);
        assertDetailNames(d, detailNames);
    }

    @Nested
    class DeadLetters {
        @Test
        void emptyAndNullPayloadsAreEmptyRecords() {
            DeadLetter empty = rejected(parser, record(new byte[0]), DeadLetterReason.EMPTY_RECORD);
            assertDetailNames(empty, "no payload");
            assertEquals(0, empty.payloadBytes);
            assertEquals("", empty.payload);

            DeadLetter none =
                    rejected(parser, record((byte[]) null), DeadLetterReason.EMPTY_RECORD);
            assertDetailNames(none, "no payload");
            assertEquals(0, none.payloadBytes);
            assertFalse(none.payloadTruncated);
        }

        @Test
        void epochSecondsGetAHint() {
            DeadLetter d =
                    rejected(
                            mentionWith("\"createdAt\": 1772323200"),
                            DeadLetterReason.INVALID_TIMESTAMP);
            assertDetailNames(d, "'createdAt'");
            assertDetailNames(d, "epoch seconds");
        }

        @Test
        void timestampsBeyondTheClockSkewAreInTheFuture() {
            long twoHoursAhead = NOW.plus(Duration.ofHours(2)).toEpochMilli();
            DeadLetter d =
                    rejected(
                            mentionWith("\"createdAt\": " + twoHoursAhead),
                            DeadLetterReason.TIMESTAMP_IN_FUTURE);
            assertDetailNames(d, "'createdAt'");
            assertDetailNames(d, "maxClockSkew");
        }

        @Test
        void theClockSkewIsConfigurable() {
            long tenMinutesAhead = NOW.plus(Duration.ofMinutes(10)).toEpochMilli();
            MentionParser strict = parser(s -> s.maxClockSkew = Duration.ofMinutes(5));
            rejected(
                    strict,
                    record(mentionWith("\"createdAt\": " + tenMinutesAhead)),
                    DeadLetterReason.TIMESTAMP_IN_FUTURE);
        }

        @Test
        void textOverMaxTextCharsIsTooLong() {
            MentionParser small = parser(s -> s.maxTextChars = 10);
            DeadLetter d =
                    rejected(
                            small,
                            record(mentionWith("\"text\": \"01234567890\"")),
                            DeadLetterReason.TEXT_TOO_LONG);
            assertDetailNames(d, "'text'");
            assertDetailNames(d, "11 characters");
            assertDetailNames(d, "maxTextChars=10");
        }

        @Test
        void aMegabyteOfTextIsTooLongWithDefaultSettings() {
            String hugeText = "咖".repeat(10) + "a".repeat(1_000_000);
            String json = mentionWith("\"text\": \"" + hugeText + "\"");
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(
                    bytes < new IngestionSettings().maxRecordBytes,
                    "the record itself is within the size limit");

            DeadLetter d = rejected(json, DeadLetterReason.TEXT_TOO_LONG);

            assertDetailNames(d, "'text'");
            assertEquals("m1", d.mentionId);
            assertEquals("utf-8", d.payloadEncoding);
            assertTrue(d.payloadTruncated, "a huge payload is cut in the dead letter");
            assertEquals(MentionParser.MAX_DEAD_LETTER_PAYLOAD_CHARS, d.payload.length());
            assertTrue(
                    json.startsWith(d.payload), "the dead letter keeps the start of the payload");
            assertEquals(
                    bytes, d.payloadBytes, "payloadBytes is the size of the whole original record");
        }

        @Test
        void recordsOverMaxRecordBytesAreTooLarge() {
            String json = mentionWith();
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            MentionParser small = parser(s -> s.maxRecordBytes = size - 1);

            DeadLetter d = rejected(small, record(json), DeadLetterReason.TOO_LARGE);

            assertDetailNames(d, size + " bytes");
            assertDetailNames(d, "maxRecordBytes=" + (size - 1));
            assertEquals(size, d.payloadBytes);
            assertEquals(json, decodePayload(d), "the original payload is kept");
        }

        @Test
        void aRecordCutByTheReaderIsTooLargeWithItsRealSize() {
            RawRecord cut = record(mentionWith());
            cut.truncatedFromBytes = 5_000_000;

            DeadLetter d = rejected(parser, cut, DeadLetterReason.TOO_LARGE);

            assertDetailNames(d, "5000000 bytes");
            assertEquals(5_000_000, d.payloadBytes);
            assertTrue(d.payloadTruncated, "the dead letter holds only what the reader kept");
            assertEquals(mentionWith(), decodePayload(d));
        }

        @Test
        void aHugeBinaryPayloadIsCutInTheDeadLetter() {
            byte[] huge = new byte[2_000_000];
            new Random(7).nextBytes(huge);

            DeadLetter d = rejected(parser, record(huge), DeadLetterReason.TOO_LARGE);

            assertEquals(2_000_000, d.payloadBytes);
            assertTrue(d.payloadTruncated);
            assertArrayEquals(
                    Arrays.copyOf(huge, MentionParser.MAX_DEAD_LETTER_PAYLOAD_BYTES),
                    Base64.getDecoder().decode(d.payload));
        }

        @Test
        void invalidUtf8IsKeptAsBase64ThatDecodesToTheOriginalBytes() {
            byte[] prefix = "{\"id\": \"m1\", \"text\": \"".getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(prefix);
            bytes.write(0xC3); // a two-byte sequence ...
            bytes.write(0x28); // ... whose continuation byte is not one
            bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            byte[] original = bytes.toByteArray();

            DeadLetter d = rejected(parser, record(original), DeadLetterReason.INVALID_UTF8);

            assertDetailNames(d, "near byte " + prefix.length);
            assertEquals("base64", d.payloadEncoding);
            assertArrayEquals(original, Base64.getDecoder().decode(d.payload));
            assertEquals(original.length, d.payloadBytes);
            assertFalse(d.payloadTruncated);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"C0AF", "EDA080", "F4908080", "FF", "80", "E4B8"})
        void rejectsEveryKindOfMalformedUtf8(String hex) {
            // overlong '/', an encoded surrogate, beyond U+10FFFF, an impossible byte, a lone
            // continuation, a cut sequence
            byte[] bad = HexFormat.of().parseHex(hex);
            byte[] json = mentionWith("\"text\": \"aXb\"").getBytes(StandardCharsets.UTF_8);
            int at = indexOf(json, (byte) 'X');
            byte[] payload = new byte[json.length - 1 + bad.length];
            System.arraycopy(json, 0, payload, 0, at);
            System.arraycopy(bad, 0, payload, at, bad.length);
            System.arraycopy(json, at + 1, payload, at + bad.length, json.length - at - 1);

            DeadLetter d = rejected(parser, record(payload), DeadLetterReason.INVALID_UTF8);
            assertArrayEquals(payload, Base64.getDecoder().decode(d.payload));
        }

        @Test
        void deeplyNestedJsonIsTooDeepWithoutOverflowingTheStack() {
            String deepArrays = "[".repeat(10_000);
            DeadLetter arrays =
                    assertDoesNotThrow(() -> rejected(deepArrays, DeadLetterReason.TOO_DEEP));
            assertDetailNames(arrays, "maxJsonDepth=32");

            String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
            assertDoesNotThrow(() -> rejected(deepObjects, DeadLetterReason.TOO_DEEP));

            String deepInsideAMention =
                    mentionWith("\"extra\": " + "[".repeat(100) + "]".repeat(100));
            assertDoesNotThrow(() -> rejected(deepInsideAMention, DeadLetterReason.TOO_DEEP));
        }

        @Test
        void duplicateKeysNameTheKey() {
            DeadLetter d =
                    rejected(
                            mentionWith("\"brand\": \"a\"", "\"url\": \"x\"")
                                    .replace("\"url\"", "\"brand\""),
                            DeadLetterReason.INVALID_JSON);
            assertDetailNames(d, "'brand'");
        }

        @Test
        void keepSourcePartitionOffsetAndTheOriginalText() {
            String json = mentionWith("-text");

            DeadLetter d = rejected(json, DeadLetterReason.MISSING_FIELD);

            assertEquals("mentions", d.source);
            assertEquals(3, d.partition);
            assertEquals(42L, d.offset);
            assertEquals("m1", d.mentionId, "the id helps to trace the record");
            assertEquals("utf-8", d.payloadEncoding);
            assertEquals(json, d.payload);
            assertEquals(json.getBytes(StandardCharsets.UTF_8).length, d.payloadBytes);
            assertFalse(d.payloadTruncated);
        }

        @Test
        void keepNonAsciiTextPayloadsVerbatim() {
            String json = "{\"id\": \"m9\", \"text\": \"青檸咖啡 😀\"}";
            DeadLetter d = rejected(json, DeadLetterReason.MISSING_FIELD);
            assertEquals(json, d.payload);
            assertEquals(
                    json.getBytes(StandardCharsets.UTF_8).length,
                    d.payloadBytes,
                    "payloadBytes counts bytes, not characters");
        }

        @Test
        void carryANumericMentionIdAsText() {
            assertEquals(
                    "123",
                    rejected(mentionWith("\"id\": 123", "-text"), DeadLetterReason.MISSING_FIELD)
                            .mentionId);
        }

        @Test
        void haveNoMentionIdWhenThereIsNone() {
            assertNull(rejected("[1]", DeadLetterReason.NOT_AN_OBJECT).mentionId);
            assertNull(rejected(mentionWith("-id"), DeadLetterReason.MISSING_FIELD).mentionId);
            assertNull(
                    rejected(mentionWith("\"id\": {\"a\": 1}"), DeadLetterReason.WRONG_TYPE)
                            .mentionId);
        }

        @Test
        void deadLetterForADuplicateIdCanBeBuiltDirectly() {
            RawRecord r = record(mentionWith());
            DeadLetter d =
                    MentionParser.deadLetter(
                            r, "weibo:m1", DeadLetterReason.DUPLICATE_ID, "seen before", "m1");
            assertEquals("DUPLICATE_ID", d.reason);
            assertEquals("weibo:m1", d.payload);
            assertEquals("utf-8", d.payloadEncoding);
            assertEquals(r.payload.length, d.payloadBytes);
            assertEquals(42L, d.offset);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Edge cases that once escaped: overflowing dates, over-long numbers, null ids
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class EdgeCases {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "+300000000-01-01T00:00:00Z",
                    "-300000000-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z"
                })
        void absurdYearsAreDeadLettersNotExceptions(String createdAt) {
            String json = mentionWith("\"createdAt\": \"" + createdAt + "\"");
            ParseOutcome outcome = assertDoesNotThrow(() -> parser.parse(record(json)));
            assertFalse(outcome.isValid());
            assertEquals("INVALID_TIMESTAMP", outcome.deadLetter().reason);
        }

        @Test
        void overlongNumbersAreNotReportedAsTooDeep() {
            DeadLetter d =
                    rejected(
                            mentionWith("\"views\": " + "9".repeat(1_001)),
                            DeadLetterReason.INVALID_JSON);
            assertFalse(d.detail.contains("maxJsonDepth"), d.detail);
        }

        @Test
        void aNullIdIsNoMentionId() {
            assertNull(
                    rejected(mentionWith("\"id\": null"), DeadLetterReason.MISSING_FIELD)
                            .mentionId);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Whatever the bytes: one outcome, never an exception
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class RandomInput {
        private static final int ROUNDS = 2000;
        private static final String JSON_CHARS = "{}[]\":,\\ 0123456789truefalsn";

        @Test
        void randomBytesGiveExactlyOneOutcome() {
            Random random = new Random(20260301L);
            for (int i = 0; i < ROUNDS; i++) {
                byte[] payload = new byte[random.nextInt(300)];
                random.nextBytes(payload);
                assertExactlyOneOutcome(payload, i);
            }
        }

        @Test
        void randomUnicodeStringsGiveExactlyOneOutcome() {
            Random random = new Random(42L);
            for (int i = 0; i < ROUNDS; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(200);
                for (int j = 0; j < length; j++) {
                    s.appendCodePoint(randomCodePoint(random));
                }
                assertExactlyOneOutcome(s.toString().getBytes(StandardCharsets.UTF_8), i);
            }
        }

        @Test
        void mutatedValidMentionsGiveExactlyOneOutcome() {
            Random random = new Random(7L);
            String[] pieces = {
                "{",
                "}",
                "[",
                "]",
                "\"",
                ":",
                ",",
                "null",
                "-1",
                "1e999",
                "\\u0000",
                "\\uD800",
                "true",
                "\"createdAt\":",
                "\"author\":",
                "\"text\":",
                "\"id\":",
                " ",
                "青",
                "\u0000",
                "9999999999999999999999"
            };
            String base =
                    mentionWith(
                            "\"metrics\": {\"likes\": 1}",
                            "\"media\": {\"images\": [\"a\"]}",
                            "\"x\": [1, {}]");
            int valid = 0;
            for (int i = 0; i < ROUNDS; i++) {
                StringBuilder s = new StringBuilder(base);
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits && s.length() > 0; e++) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.insert(at, pieces[random.nextInt(pieces.length)]);
                        default -> s.setCharAt(at, (char) random.nextInt(0x80));
                    }
                }
                if (assertExactlyOneOutcome(s.toString().getBytes(StandardCharsets.UTF_8), i)) {
                    valid++;
                }
            }
            assertTrue(
                    valid > 0 && valid < ROUNDS,
                    "the mutations exercise both outcomes, valid: " + valid);
        }

        private int randomCodePoint(Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20); // control characters
                case 1 -> JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length()));
                case 2 -> 0x4E00 + random.nextInt(0x5000); // CJK
                case 3 -> 0xD800 + random.nextInt(0x800); // lone surrogates (encoded as '?')
                case 4 -> 0x10000 + random.nextInt(0x10000); // supplementary planes
                default -> random.nextInt(0x110000);
            };
        }

        /** Returns whether the outcome was a valid mention. */
        private boolean assertExactlyOneOutcome(byte[] payload, int round) {
            RawRecord r = new RawRecord(payload, "fuzz", 1, round);
            ParseOutcome outcome =
                    assertDoesNotThrow(
                            () -> parser.parse(r),
                            () ->
                                    "round "
                                            + round
                                            + " threw on "
                                            + Base64.getEncoder().encodeToString(payload));
            assertTrue(
                    (outcome.mention() == null) != (outcome.deadLetter() == null),
                    () -> "round " + round + ": exactly one of mention and dead letter");
            if (outcome.deadLetter() != null) {
                DeadLetter d = outcome.deadLetter();
                assertDoesNotThrow(() -> DeadLetterReason.valueOf(d.reason));
                assertNotNull(d.detail);
                assertNotNull(d.payload);
                assertEquals(round, d.offset);
                assertEquals(payload.length, d.payloadBytes);
                return false;
            }
            assertEquals(round, outcome.mention().sourceOffset);
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String decodePayload(DeadLetter d) {
        return d.payloadEncoding.equals("base64")
                ? new String(Base64.getDecoder().decode(d.payload), StandardCharsets.UTF_8)
                : d.payload;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
