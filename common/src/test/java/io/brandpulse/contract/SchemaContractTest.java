package io.brandpulse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.ingest.ParseOutcome;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the documented JSON Schemas ({@code src/main/resources/schemas}) describe what the
 * code really accepts and writes: every input the parser accepts is a valid mention, and every
 * output matches its topic's schema.
 */
class SchemaContractTest {
    private static final Path SAMPLES = Path.of("../config/samples/demo-mentions.jsonl");
    private static final Path DEMO_CONFIG = Path.of("../config/demo.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Mentions that exercise what the samples may not: numeric ids, ISO dates, media lists, nested
     * unknown fields.
     */
    private static final List<String> EXTRA_VALID_MENTIONS =
            List.of(
                    """
                    {"id": 123456789012, "platform": "Douyin", "createdAt": "2026-03-01T08:15:00.250+08:00",
                     "author": {"id": 42, "name": null, "followers": 0, "verified": true, "gender": "f"},
                     "text": "北岸茶飲好喝", "threadId": 9, "replyToId": null, "url": "https://x/1",
                     "metrics": {"likes": 0, "views": 10}, "media": {"images": ["a.jpg", {"u": "b"}], "videos": [], "gifs": 1},
                     "geo": {"city": "台北"}}\
                    """,
                    """
                    {"id": "m-x2", "platform": "weibo", "createdAt": 1772323200000, "author": {"id": "beian_tea"},
                     "text": "感谢您的反馈", "metrics": null, "media": null}\
                    """,
                    """
                    {"id": "m-x3", "platform": "forum", "createdAt": "2026-03-01T00:00:00Z", "author": {"id": "u9", "followers": null},
                     "text": "nothing about any brand", "brand": "some brand we do not know"}\
                    """);

    private static JsonSchema mentionSchema;
    private static JsonSchema enrichedSchema;
    private static JsonSchema deadLetterSchema;
    private static ListeningConfig demoConfig;

    private final MentionParser parser =
            new MentionParser(
                    demoConfig.ingestion,
                    Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));
    private final MentionEnricher enricher = new MentionEnricher(demoConfig);

    @BeforeAll
    static void loadSchemasAndConfig() {
        mentionSchema = schema("/schemas/mention.schema.json");
        enrichedSchema = schema("/schemas/mentions-enriched.schema.json");
        deadLetterSchema = schema("/schemas/mentions-dlq.schema.json");
        demoConfig = new ConfigLoader(name -> null).load(DEMO_CONFIG, List.of());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static JsonSchema schema(String resource) {
        // Schemas refer to each other by their $id; resolve those from the classpath, never from
        // the network.
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        builder ->
                                builder.schemaMappers(
                                        mappers ->
                                                mappers.mapPrefix(
                                                        "https://brandpulse.io/schemas/",
                                                        "classpath:schemas/")));
        // 2020-12 makes "format" an annotation by default; assert it, so "date-time" is really
        // checked.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SchemaContractTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "schema on the classpath: " + resource);
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        return tree(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertValid(JsonSchema schema, JsonNode json, String what) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(
                errors.isEmpty(),
                () -> what + " breaks " + schema.getSchemaLocation() + ": " + errors + "\n" + json);
    }

    private static Set<ValidationMessage> assertInvalid(
            JsonSchema schema, JsonNode json, String expectedInAMessage) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertFalse(
                errors.isEmpty(),
                () -> "expected a violation of " + schema.getSchemaLocation() + " by " + json);
        String all =
                errors.stream()
                        .map(ValidationMessage::getMessage)
                        .collect(Collectors.joining("; "));
        assertTrue(
                all.contains(expectedInAMessage),
                () -> "expected a message about " + expectedInAMessage + ": " + all);
        return errors;
    }

    private static List<String> sampleLines() {
        try (Stream<String> lines = Files.lines(SAMPLES, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> allInputs() {
        List<String> all = new ArrayList<>(sampleLines());
        all.addAll(EXTRA_VALID_MENTIONS);
        return all;
    }

    private ParseOutcome parse(String line, int lineNumber) {
        return parser.parse(
                new RawRecord(
                        line.getBytes(StandardCharsets.UTF_8),
                        "demo-mentions.jsonl",
                        0,
                        lineNumber));
    }

    /** Enriched JSON of every input the parser accepts and the enricher keeps. */
    private List<JsonNode> enrichedOutputs() {
        List<JsonNode> out = new ArrayList<>();
        List<String> inputs = allInputs();
        for (int i = 0; i < inputs.size(); i++) {
            ParseOutcome outcome = parse(inputs.get(i), i + 1);
            EnrichedMention e = outcome.isValid() ? enricher.enrich(outcome.mention()) : null;
            if (e != null) {
                out.add(tree(OutputJson.enrichedMention(e)));
            }
        }
        return out;
    }

    /**
     * Every brand of the shipped configurations, written as a control record, is one the control
     * topic's schema documents and the loader accepts; a key the loader refuses, the schema refuses
     * too.
     */
    @Test
    void theConfigurationsBrandsAreDocumentedControlRecords() throws IOException {
        JsonSchema control = schema("/schemas/listening-control.schema.json");
        ConfigLoader loader = new ConfigLoader(name -> "0123456789abcdef0123");
        int checked = 0;
        for (Path file : List.of(DEMO_CONFIG, Path.of("../config/example.yaml"))) {
            ListeningConfig deployment = loader.load(file, List.of());
            Set<String> ids = new HashSet<>();
            deployment.brands.forEach(b -> ids.add(b.id));
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            for (JsonNode brand : root.path("brands")) {
                assertEquals(Set.of(), control.validate(brand), file + ": " + brand);
                assertNotNull(
                        loader.brand("test", JSON.writeValueAsString(brand), deployment, ids));
                checked++;
            }
        }
        assertTrue(checked >= 3, "brands checked: " + checked);
        assertFalse(
                control.validate(
                                tree(
                                        "{\"id\":\"x\",\"names\":[\"X\"],\"keyword\":[]}"
                                                .getBytes(StandardCharsets.UTF_8)))
                        .isEmpty());
    }

    /**
     * The enriched JSON is written straight to bytes for speed; it must be, byte for byte, what the
     * plain tree wrote (field order, nulls, numbers, escapes), for every sample: consumers may
     * compare outputs across releases.
     */
    @Test
    void theEnrichedJsonIsByteForByteWhatTheTreeWrote() {
        List<String> inputs = allInputs();
        int compared = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ParseOutcome outcome = parse(inputs.get(i), i + 1);
            EnrichedMention e = outcome.isValid() ? enricher.enrich(outcome.mention()) : null;
            if (e != null) {
                assertEquals(
                        new String(treeJson(e), StandardCharsets.UTF_8),
                        new String(OutputJson.enrichedMention(e), StandardCharsets.UTF_8));
                compared++;
            }
        }
        assertTrue(compared >= 20, "enough samples compared: " + compared);
    }

    /**
     * The engagement record is streamed too: byte for byte what the tree wrote, for a score and a
     * tombstone.
     */
    @Test
    void theEngagementJsonIsByteForByteWhatTheTreeWrote() {
        CustomerEngagement scored = new CustomerEngagement();
        scored.customerKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        scored.brand = "qingning";
        scored.score = 72.123456;
        scored.tier = "ADVOCATE";
        scored.churnRisk = 0.05;
        scored.quality = 81.5;
        scored.consistency = 100.0 / 3;
        scored.recency = 100;
        scored.sentiment = -0.25;
        scored.sentimentTrend = 0.00004;
        scored.scoreChange = -1.5;
        scored.interactions = 12;
        scored.meaningfulInteractions = 7;
        scored.brandRepliesReceived = 2;
        scored.firstInteractionAt = 1_772_323_200_000L;
        scored.lastInteractionAt = 1_772_409_600_123L;
        scored.asOf = 1_772_409_600_123L;
        scored.rulesVersion = "0123456789ab";
        scored.analysisVersion = "ba9876543210";
        CustomerEngagement tombstone = new CustomerEngagement();
        tombstone.customerKey = scored.customerKey;
        tombstone.brand = "北岸";
        tombstone.deleted = true;
        for (CustomerEngagement e : List.of(scored, tombstone)) {
            assertEquals(
                    new String(engagementTreeJson(e), StandardCharsets.UTF_8),
                    new String(OutputJson.customerEngagement(e), StandardCharsets.UTF_8));
        }
    }

    /** The engagement record as a Jackson tree wrote it before it was streamed: the reference. */
    private static byte[] engagementTreeJson(CustomerEngagement e) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("customerKey", e.customerKey);
        o.put("brand", e.brand);
        if (e.deleted) {
            o.put("deleted", true);
        } else {
            o.put("score", round4(e.score));
            o.put("tier", e.tier);
            o.put("churnRisk", round4(e.churnRisk));
            ObjectNode components = o.putObject("components");
            components.put("quality", round4(e.quality));
            components.put("consistency", round4(e.consistency));
            components.put("recency", round4(e.recency));
            components.put("sentiment", round4(e.sentiment));
            o.put("sentimentTrend", round4(e.sentimentTrend));
            o.put("scoreChange", round4(e.scoreChange));
            o.put("interactions", e.interactions);
            o.put("meaningfulInteractions", e.meaningfulInteractions);
            o.put("brandRepliesReceived", e.brandRepliesReceived);
            o.put("firstInteractionAt", Instant.ofEpochMilli(e.firstInteractionAt).toString());
            o.put("lastInteractionAt", Instant.ofEpochMilli(e.lastInteractionAt).toString());
            o.put("asOf", Instant.ofEpochMilli(e.asOf).toString());
            o.put("rulesVersion", e.rulesVersion);
            o.put("analysisVersion", e.analysisVersion);
        }
        try {
            return mapper.writeValueAsBytes(o);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    /** The enriched mention as a Jackson tree wrote it before it was streamed: the reference. */
    private static byte[] treeJson(EnrichedMention e) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("id", e.id);
        o.put("platform", e.platform);
        o.put("createdAt", Instant.ofEpochMilli(e.createdAt).toString());
        o.put("createdAtMillis", e.createdAt);
        o.put("brand", e.brand);
        o.put("brandConfigured", e.brandConfigured);
        o.put("brandMatch", e.brandMatch);
        var named = o.putArray("mentionedBrands");
        for (String b : e.mentionedBrands) {
            named.add(b);
        }
        ObjectNode author = o.putObject("author");
        author.put("customerKey", e.customerKey);
        author.put("followers", e.authorFollowers);
        author.put("verified", e.authorVerified);
        author.put("officialAccountOf", e.officialAccountOf);
        o.put("brandReply", e.isBrandReply());
        o.put("text", e.text);
        o.put("normalizedText", e.normalizedText);
        o.set("analysis", OutputJson.analysis(e.analysis));
        o.put("url", e.url);
        o.put("threadId", e.threadId);
        o.put("replyToId", e.replyToId);
        o.put("repostOfId", e.repostOfId);
        ObjectNode metrics = o.putObject("metrics");
        metrics.put("likes", e.metrics.likes);
        metrics.put("reposts", e.metrics.reposts);
        metrics.put("comments", e.metrics.comments);
        ObjectNode media = o.putObject("media");
        media.put("images", e.media.images);
        media.put("videos", e.media.videos);
        try {
            o.set(
                    "extra",
                    e.extraJson == null ? mapper.createObjectNode() : mapper.readTree(e.extraJson));
            o.put("rulesVersion", e.rulesVersion);
            o.put("analysisVersion", e.analysisVersion);
            return mapper.writeValueAsBytes(o);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private JsonNode anEnrichedMention() {
        return enrichedOutputs().get(0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // mention.schema.json: whatever the parser accepts is a documented mention
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everySampleTheParserAcceptsMatchesTheMentionSchema() {
        List<String> lines = sampleLines();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (parse(lines.get(i), i + 1).isValid()) {
                assertValid(mentionSchema, tree(lines.get(i)), "sample line " + (i + 1));
                accepted++;
            } else {
                rejected++;
            }
        }
        assertTrue(accepted >= 10, "the samples hold valid mentions: " + accepted);
        assertTrue(rejected >= 1, "the samples hold bad records too: " + rejected);
    }

    @Test
    void otherMentionsTheParserAcceptsMatchTheMentionSchema() {
        for (int i = 0; i < EXTRA_VALID_MENTIONS.size(); i++) {
            String json = EXTRA_VALID_MENTIONS.get(i);
            assertTrue(parse(json, i).isValid(), () -> "accepted by the parser: " + json);
            assertValid(mentionSchema, tree(json), "extra mention " + i);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // mentions-enriched.schema.json
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void enrichedMentionsMatchTheEnrichedSchema() {
        List<JsonNode> outputs = enrichedOutputs();
        Set<String> matches = new HashSet<>();
        for (JsonNode json : outputs) {
            assertValid(enrichedSchema, json, "enriched mention " + json.path("id"));
            matches.add(json.path("brandMatch").asText());
        }
        assertTrue(outputs.size() >= 10, "enough outputs to mean something: " + outputs.size());
        assertEquals(
                Set.of("FIELD", "TEXT", "OFFICIAL_ACCOUNT", "NONE"),
                matches,
                "every kind of brand match was checked");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // mentions-dlq.schema.json
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void deadLettersOfTheSamplesMatchTheDeadLetterSchema() {
        List<String> lines = sampleLines();
        int deadLetters = 0;
        for (int i = 0; i < lines.size(); i++) {
            ParseOutcome outcome = parse(lines.get(i), i + 1);
            if (!outcome.isValid()) {
                assertValid(
                        deadLetterSchema,
                        tree(OutputJson.deadLetter(outcome.deadLetter())),
                        "dead letter of line " + (i + 1));
                deadLetters++;
            }
        }
        assertTrue(deadLetters >= 1);
    }

    @Test
    void deadLettersOfEveryEncodingAndSizeMatchTheDeadLetterSchema() {
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', (byte) 0xC3, 0x28, '}'};
        RawRecord cut =
                new RawRecord("{\"id\": \"m1\"".getBytes(StandardCharsets.UTF_8), "mentions", 2, 7);
        cut.truncatedFromBytes = 3_000_000;
        String hugeText =
                "{\"id\": \"big\", \"platform\": \"weibo\", \"createdAt\": 1772323200000,"
                        + " \"author\": {\"id\": \"u\"}, \"text\": \""
                        + "x".repeat(200_000)
                        + "\"}";

        List<DeadLetter> letters =
                List.of(
                        parser.parse(new RawRecord(invalidUtf8, "mentions", 0, 1)).deadLetter(),
                        parser.parse(new RawRecord(null, null, 0, 2)).deadLetter(),
                        parser.parse(cut).deadLetter(),
                        parser.parse(
                                        new RawRecord(
                                                hugeText.getBytes(StandardCharsets.UTF_8),
                                                "mentions",
                                                1,
                                                3))
                                .deadLetter(),
                        parser.parse(
                                        new RawRecord(
                                                "[".repeat(5000).getBytes(StandardCharsets.UTF_8),
                                                "mentions",
                                                1,
                                                4))
                                .deadLetter(),
                        MentionParser.deadLetter(
                                new RawRecord(new byte[] {'{', '}'}, "mentions", 0, 5),
                                "weibo:m0002",
                                DeadLetterReason.DUPLICATE_ID,
                                "seen before",
                                "m0002"));

        Set<String> encodings = new HashSet<>();
        Set<Boolean> truncated = new HashSet<>();
        for (DeadLetter d : letters) {
            assertNotNull(d);
            assertValid(
                    deadLetterSchema, tree(OutputJson.deadLetter(d)), d.reason + " dead letter");
            encodings.add(d.payloadEncoding);
            truncated.add(d.payloadTruncated);
        }
        assertEquals(Set.of("utf-8", "base64"), encodings);
        assertEquals(Set.of(true, false), truncated);
    }

    @Test
    void everyDeadLetterReasonIsDocumented() {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            DeadLetter d =
                    MentionParser.deadLetter(
                            new RawRecord(new byte[] {'x'}, "mentions", 0, 0),
                            "x",
                            reason,
                            "detail",
                            null);
            assertValid(deadLetterSchema, tree(OutputJson.deadLetter(d)), reason.name());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The check itself works: broken documents fail
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void anEnrichedMentionWithoutCustomerKeyFails() {
        ObjectNode broken = (ObjectNode) anEnrichedMention();
        ((ObjectNode) broken.get("author")).remove("customerKey");
        assertInvalid(enrichedSchema, broken, "customerKey");
    }

    @Test
    void anEnrichedMentionWithARawAuthorIdFails() {
        ObjectNode broken = (ObjectNode) anEnrichedMention();
        ((ObjectNode) broken.get("author")).put("id", "u_1001");
        assertInvalid(enrichedSchema, broken, "id");
    }

    @Test
    void anEnrichedMentionWithAnUppercaseCustomerKeyFails() {
        ObjectNode broken = (ObjectNode) anEnrichedMention();
        ObjectNode author = (ObjectNode) broken.get("author");
        author.put("customerKey", author.get("customerKey").asText().toUpperCase());
        assertInvalid(enrichedSchema, broken, "customerKey");
    }

    @Test
    void anEnrichedMentionWithABadDateFails() {
        ObjectNode broken = (ObjectNode) anEnrichedMention();
        broken.put("createdAt", "yesterday");
        assertInvalid(enrichedSchema, broken, "createdAt");
    }

    @Test
    void aDeadLetterWithAnUnknownReasonOrWithoutPayloadFails() {
        DeadLetter d =
                MentionParser.deadLetter(
                        new RawRecord(new byte[] {'x'}, "mentions", 0, 0),
                        "x",
                        DeadLetterReason.INVALID_JSON,
                        "detail",
                        null);
        ObjectNode unknownReason = (ObjectNode) tree(OutputJson.deadLetter(d));
        unknownReason.put("reason", "SOMETHING_ELSE");
        assertInvalid(deadLetterSchema, unknownReason, "reason");

        ObjectNode noPayload = (ObjectNode) tree(OutputJson.deadLetter(d));
        noPayload.remove("payload");
        assertInvalid(deadLetterSchema, noPayload, "payload");
    }

    @Test
    void mentionsThatBreakTheContractFailTheMentionSchema() {
        assertInvalid(
                mentionSchema,
                tree(
                        "{\"id\": \"m1\", \"platform\": \"weibo\", \"createdAt\": 1772323200000, "
                                + "\"author\": {\"id\": \"u1\"}}"),
                "text");
        assertInvalid(
                mentionSchema,
                tree(
                        "{\"id\": \"m1\", \"platform\": \"weibo\", \"createdAt\": \"yesterday at"
                                + " noon\", \"author\": {\"id\": \"u1\"}, \"text\": \"t\"}"),
                "createdAt");
        assertInvalid(
                mentionSchema,
                tree(
                        "{\"id\": \"m1\", \"platform\": \"weibo\", \"createdAt\": 1772323200, "
                                + "\"author\": {\"id\": \"u1\"}, \"text\": \"t\"}"),
                "createdAt");
    }
}
