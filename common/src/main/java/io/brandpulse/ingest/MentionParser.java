package io.brandpulse.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.Durations;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.model.Author;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the bytes of one input record into a {@link Mention}, or into a {@link DeadLetter} that
 * says exactly what was wrong. It never throws on input: whatever the bytes, the caller gets one of
 * the two.
 *
 * <p>Not thread-safe (it reuses a decoder): one instance per operator instance.
 */
public final class MentionParser {
    /**
     * Dead letters carry at most this much of a payload (characters of text, or bytes before
     * base64), so that a dead letter always fits in a Kafka record of the default 1 MB limit.
     */
    public static final int MAX_DEAD_LETTER_PAYLOAD_CHARS = 64 * 1024;

    public static final int MAX_DEAD_LETTER_PAYLOAD_BYTES = 128 * 1024;

    /**
     * Earliest plausible createdAt; anything older is almost always epoch seconds sent as
     * milliseconds.
     */
    private static final long EARLIEST_VALID_MILLIS =
            Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    private static final Set<String> KNOWN_FIELDS =
            Set.of(
                    "id",
                    "platform",
                    "createdAt",
                    "author",
                    "text",
                    "brand",
                    "url",
                    "threadId",
                    "replyToId",
                    "repostOfId",
                    "metrics",
                    "media");
    private static final Set<String> METRICS_FIELDS = Set.of("likes", "reposts", "comments");
    private static final Set<String> MEDIA_FIELDS = Set.of("images", "videos");

    private final IngestionSettings settings;
    private final long maxClockSkewMillis;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final CharsetDecoder utf8 =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);

    public MentionParser(IngestionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.maxClockSkewMillis = settings.maxClockSkew.toMillis();
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(settings.maxJsonDepth)
                                        .maxStringLength(
                                                Math.max(
                                                        settings.maxRecordBytes,
                                                        StreamReadConstraints
                                                                .DEFAULT_MAX_STRING_LEN))
                                        .build())
                        .build();
        this.mapper =
                JsonMapper.builder(factory)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .build();
    }

    public ParseOutcome parse(RawRecord record) {
        byte[] bytes = record.payload;
        if (bytes == null || bytes.length == 0) {
            return reject(
                    record, null, DeadLetterReason.EMPTY_RECORD, "the record has no payload", null);
        }
        if (record.truncatedFromBytes > 0 || bytes.length > settings.maxRecordBytes) {
            long size = record.truncatedFromBytes > 0 ? record.truncatedFromBytes : bytes.length;
            return reject(
                    record,
                    null,
                    DeadLetterReason.TOO_LARGE,
                    "the record has "
                            + size
                            + " bytes, more than ingestion.maxRecordBytes="
                            + settings.maxRecordBytes,
                    null);
        }
        String json;
        try {
            json = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return reject(
                    record,
                    null,
                    DeadLetterReason.INVALID_UTF8,
                    "the payload is not valid UTF-8 (bad byte sequence near byte "
                            + firstInvalidUtf8(bytes)
                            + ")",
                    null);
        }
        if (!json.isEmpty() && json.charAt(0) == '\uFEFF') {
            json = json.substring(1);
        }
        if (json.isBlank()) {
            return reject(
                    record, json, DeadLetterReason.EMPTY_RECORD, "the payload is blank", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            // Jackson's limits also cover number and name lengths; only the nesting limit is
            // TOO_DEEP.
            if (e.getOriginalMessage() != null
                    && e.getOriginalMessage().contains("nesting depth")) {
                return reject(
                        record,
                        json,
                        DeadLetterReason.TOO_DEEP,
                        "the JSON nests deeper than ingestion.maxJsonDepth="
                                + settings.maxJsonDepth,
                        null);
            }
            return reject(
                    record,
                    json,
                    DeadLetterReason.INVALID_JSON,
                    "not usable JSON: " + e.getOriginalMessage(),
                    null);
        } catch (JsonProcessingException e) {
            return reject(
                    record,
                    json,
                    DeadLetterReason.INVALID_JSON,
                    "not valid JSON: " + e.getOriginalMessage(),
                    null);
        }
        if (root == null || !root.isObject()) {
            return reject(
                    record,
                    json,
                    DeadLetterReason.NOT_AN_OBJECT,
                    "a mention must be a JSON object, this is " + describe(root),
                    null);
        }
        try {
            Mention mention = toMention((ObjectNode) root);
            mention.sourceName = record.source;
            mention.sourcePartition = record.partition;
            mention.sourceOffset = record.offset;
            return ParseOutcome.valid(mention);
        } catch (InvalidMention e) {
            return reject(record, json, e.reason, e.getMessage(), idForTracing(root.get("id")));
        } catch (RuntimeException e) {
            // The promise is that no input makes this method throw: a case nobody foresaw still
            // becomes a dead letter.
            return reject(
                    record,
                    json,
                    DeadLetterReason.UNPARSEABLE,
                    "the record could not be read: " + e,
                    idForTracing(root.get("id")));
        }
    }

    private Mention toMention(ObjectNode root) throws InvalidMention {
        Mention m = new Mention();
        m.id = requiredId(root, "id");
        m.platform = requiredString(root, "platform").trim().toLowerCase(Locale.ROOT);
        m.createdAt = timestamp(root.get("createdAt"));
        m.author = author(root.get("author"));
        m.text = text(root.get("text"));
        m.brand = optionalString(root, "brand", "brand");
        m.url = optionalString(root, "url", "url");
        m.threadId = optionalId(root, "threadId", "threadId");
        m.replyToId = optionalId(root, "replyToId", "replyToId");
        m.repostOfId = optionalId(root, "repostOfId", "repostOfId");

        ObjectNode extra = mapper.createObjectNode();
        m.metrics = engagement(root.get("metrics"), extra);
        m.media = media(root.get("media"), extra);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN_FIELDS.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        // Unknown author fields (screen names, profile URLs, ...) are not kept: they would identify
        // the person.
        m.extraJson = extra.isEmpty() ? null : extra.toString();
        return m;
    }

    private long timestamp(JsonNode node) throws InvalidMention {
        if (node == null || node.isNull()) {
            throw new InvalidMention(
                    DeadLetterReason.MISSING_FIELD, "required field 'createdAt' is missing");
        }
        long millis;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            millis = node.longValue();
        } else if (node.isTextual()) {
            String text = node.textValue().trim();
            if (!text.isEmpty()
                    && text.chars().allMatch(Character::isDigit)
                    && text.length() <= 15) {
                millis = Long.parseLong(text);
            } else {
                try {
                    millis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
                } catch (DateTimeException | ArithmeticException e) {
                    throw new InvalidMention(
                            DeadLetterReason.INVALID_TIMESTAMP,
                            "'createdAt' is '"
                                    + abbreviate(text)
                                    + "', not an ISO-8601 date-time with offset"
                                    + " (2026-03-01T08:15:00+08:00) nor epoch milliseconds");
                }
            }
        } else {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'createdAt' must be an ISO-8601 string or epoch milliseconds, not "
                            + describe(node));
        }
        if (millis < EARLIEST_VALID_MILLIS) {
            String hint =
                    millis > 0 && millis < 10_000_000_000L
                            ? " (epoch seconds? the contract wants milliseconds)"
                            : "";
            throw new InvalidMention(
                    DeadLetterReason.INVALID_TIMESTAMP,
                    "'createdAt' " + millis + " is before 2000-01-01" + hint);
        }
        long latest = clock.millis() + maxClockSkewMillis;
        if (millis > latest) {
            throw new InvalidMention(
                    DeadLetterReason.TIMESTAMP_IN_FUTURE,
                    "'createdAt' "
                            + Instant.ofEpochMilli(millis)
                            + " is more than ingestion.maxClockSkew="
                            + Durations.format(settings.maxClockSkew)
                            + " ahead of the clock");
        }
        return millis;
    }

    private Author author(JsonNode node) throws InvalidMention {
        if (node == null || node.isNull()) {
            throw new InvalidMention(
                    DeadLetterReason.MISSING_FIELD, "required field 'author.id' is missing");
        }
        if (!node.isObject()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'author' must be an object, not " + describe(node));
        }
        Author a = new Author();
        a.id = requiredId(node, "author.id");
        a.name = TextSanitizer.clean(optionalString(node, "name", "author.name"));
        a.followers = optionalCount(node, "followers", "author.followers");
        JsonNode verified = node.get("verified");
        if (verified != null && !verified.isNull()) {
            if (!verified.isBoolean()) {
                throw new InvalidMention(
                        DeadLetterReason.WRONG_TYPE,
                        "'author.verified' must be true or false, not " + describe(verified));
            }
            a.verified = verified.booleanValue();
        }
        return a;
    }

    private String text(JsonNode node) throws InvalidMention {
        if (node == null || node.isNull()) {
            throw new InvalidMention(
                    DeadLetterReason.MISSING_FIELD, "required field 'text' is missing");
        }
        if (!node.isTextual()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE, "'text' must be a string, not " + describe(node));
        }
        String text = TextSanitizer.clean(node.textValue());
        if (text.isBlank()) {
            throw new InvalidMention(DeadLetterReason.EMPTY_TEXT, "'text' is empty");
        }
        if (text.length() > settings.maxTextChars) {
            throw new InvalidMention(
                    DeadLetterReason.TEXT_TOO_LONG,
                    "'text' has "
                            + text.length()
                            + " characters, more than ingestion.maxTextChars="
                            + settings.maxTextChars);
        }
        return text;
    }

    private Engagement engagement(JsonNode node, ObjectNode extra) throws InvalidMention {
        Engagement e = new Engagement();
        if (node == null || node.isNull()) {
            return e;
        }
        if (!node.isObject()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'metrics' must be an object, not " + describe(node));
        }
        e.likes = countOrZero(node, "likes", "metrics.likes");
        e.reposts = countOrZero(node, "reposts", "metrics.reposts");
        e.comments = countOrZero(node, "comments", "metrics.comments");
        keepUnknown(node, METRICS_FIELDS, "metrics", extra);
        return e;
    }

    private Media media(JsonNode node, ObjectNode extra) throws InvalidMention {
        Media m = new Media();
        if (node == null || node.isNull()) {
            return m;
        }
        if (!node.isObject()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'media' must be an object, not " + describe(node));
        }
        m.images = mediaCount(node.get("images"), "media.images");
        m.videos = mediaCount(node.get("videos"), "media.videos");
        keepUnknown(node, MEDIA_FIELDS, "media", extra);
        return m;
    }

    /** A count, or a list of media (URLs or objects) that is counted: collectors send either. */
    private static int mediaCount(JsonNode node, String key) throws InvalidMention {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isArray()) {
            return node.size();
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        throw new InvalidMention(
                DeadLetterReason.WRONG_TYPE,
                "'" + key + "' must be a count or a list, not " + describe(node));
    }

    private void keepUnknown(JsonNode node, Set<String> known, String parent, ObjectNode extra) {
        if (node == null || !node.isObject()) {
            return;
        }
        ObjectNode unknown = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                if (unknown == null) {
                    unknown = extra.putObject(parent);
                }
                unknown.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String requiredId(JsonNode parent, String key) throws InvalidMention {
        String field = key.substring(key.lastIndexOf('.') + 1);
        String id = optionalId(parent, field, key);
        if (id == null) {
            throw new InvalidMention(
                    DeadLetterReason.MISSING_FIELD, "required field '" + key + "' is missing");
        }
        return id;
    }

    /**
     * Ids are strings; integral numbers are accepted as ids too, since many platforms' ids are
     * numeric.
     */
    private static String optionalId(JsonNode parent, String field, String key)
            throws InvalidMention {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (!node.isTextual()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'" + key + "' must be a string or an integer, not " + describe(node));
        }
        String id = node.textValue().trim();
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() > 256 || !TextSanitizer.clean(id).equals(id)) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'" + key + "' is not a usable id (too long or control characters)");
        }
        return id;
    }

    private static String requiredString(JsonNode parent, String key) throws InvalidMention {
        String value = optionalString(parent, key, key);
        if (value == null || value.isBlank()) {
            throw new InvalidMention(
                    DeadLetterReason.MISSING_FIELD, "required field '" + key + "' is missing");
        }
        return value;
    }

    private static String optionalString(JsonNode parent, String field, String key)
            throws InvalidMention {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'" + key + "' must be a string, not " + describe(node));
        }
        return node.textValue();
    }

    private static Long optionalCount(JsonNode parent, String field, String key)
            throws InvalidMention {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new InvalidMention(
                    DeadLetterReason.WRONG_TYPE,
                    "'" + key + "' must be a non-negative integer, not " + describe(node));
        }
        return node.longValue();
    }

    private static long countOrZero(JsonNode parent, String field, String key)
            throws InvalidMention {
        Long count = optionalCount(parent, field, key);
        return count == null ? 0 : count;
    }

    /**
     * The id as a dead letter reports it, to trace the record upstream; null when there is no
     * usable one.
     */
    private static String idForTracing(JsonNode id) {
        if (id == null || !id.isValueNode() || id.isNull() || id.asText().isBlank()) {
            return null;
        }
        return abbreviate(id.asText());
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return node.isValueNode() ? type + " " + abbreviate(node.toString()) : "a JSON " + type;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static ParseOutcome reject(
            RawRecord record,
            String decoded,
            DeadLetterReason reason,
            String detail,
            String mentionId) {
        return ParseOutcome.rejected(deadLetter(record, decoded, reason, detail, mentionId));
    }

    /**
     * A dead letter for a record; {@code decoded} is its text when it was valid UTF-8, else null.
     */
    public static DeadLetter deadLetter(
            RawRecord record,
            String decoded,
            DeadLetterReason reason,
            String detail,
            String mentionId) {
        DeadLetter d = new DeadLetter();
        d.reason = reason.name();
        d.detail = detail;
        d.source = record.source;
        d.partition = record.partition;
        d.offset = record.offset;
        d.mentionId = mentionId;
        byte[] bytes = record.payload == null ? new byte[0] : record.payload;
        d.payloadBytes = record.truncatedFromBytes > 0 ? record.truncatedFromBytes : bytes.length;
        if (decoded != null) {
            d.payloadEncoding = "utf-8";
            d.payloadTruncated = decoded.length() > MAX_DEAD_LETTER_PAYLOAD_CHARS;
            d.payload =
                    d.payloadTruncated
                            ? decoded.substring(0, MAX_DEAD_LETTER_PAYLOAD_CHARS)
                            : decoded;
        } else {
            d.payloadEncoding = "base64";
            int keep = Math.min(bytes.length, MAX_DEAD_LETTER_PAYLOAD_BYTES);
            d.payloadTruncated = keep < d.payloadBytes;
            d.payload =
                    Base64.getEncoder()
                            .encodeToString(
                                    keep == bytes.length ? bytes : Arrays.copyOf(bytes, keep));
        }
        return d;
    }

    /** A mention that is JSON but breaks the contract. */
    private static final class InvalidMention extends Exception {
        final DeadLetterReason reason;

        InvalidMention(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
