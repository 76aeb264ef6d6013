package io.brandpulse.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.ResponseStats;
import io.brandpulse.model.TermStat;
import io.brandpulse.model.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The JSON that leaves the system, written field by field so that the documented contracts ({@code
 * schemas/*.schema.json}) do not change when a Java field is renamed. Thread-safe.
 */
public final class OutputJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private OutputJson() {}

    /**
     * An enriched mention ({@code mentions-enriched}). Written straight to bytes, without a tree:
     * this is once per mention on the enrichment thread, where building the tree first cost as much
     * as writing it.
     */
    public static byte[] enrichedMention(EnrichedMention e) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1_024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("id", e.id);
            g.writeStringField("platform", e.platform);
            g.writeStringField("createdAt", Instant.ofEpochMilli(e.createdAt).toString());
            g.writeNumberField("createdAtMillis", e.createdAt);
            g.writeStringField("brand", e.brand);
            g.writeBooleanField("brandConfigured", e.brandConfigured);
            g.writeStringField("brandMatch", e.brandMatch);
            strings(g, "mentionedBrands", e.mentionedBrands);
            g.writeObjectFieldStart("author");
            g.writeStringField("customerKey", e.customerKey);
            g.writeFieldName("followers");
            if (e.authorFollowers == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.authorFollowers);
            }
            g.writeFieldName("verified");
            if (e.authorVerified == null) {
                g.writeNull();
            } else {
                g.writeBoolean(e.authorVerified);
            }
            g.writeStringField("officialAccountOf", e.officialAccountOf);
            g.writeEndObject();
            g.writeBooleanField("brandReply", e.isBrandReply());
            g.writeStringField("text", e.text);
            g.writeStringField("normalizedText", e.normalizedText);
            g.writeFieldName("analysis");
            writeAnalysis(g, e.analysis);
            g.writeStringField("url", e.url);
            g.writeStringField("threadId", e.threadId);
            g.writeStringField("replyToId", e.replyToId);
            g.writeStringField("repostOfId", e.repostOfId);
            g.writeObjectFieldStart("metrics");
            g.writeNumberField("likes", e.metrics.likes);
            g.writeNumberField("reposts", e.metrics.reposts);
            g.writeNumberField("comments", e.metrics.comments);
            g.writeEndObject();
            g.writeObjectFieldStart("media");
            g.writeNumberField("images", e.media.images);
            g.writeNumberField("videos", e.media.videos);
            g.writeEndObject();
            g.writeFieldName("extra");
            g.writeTree(e.extraJson == null ? MAPPER.createObjectNode() : readTree(e.extraJson));
            g.writeStringField("rulesVersion", e.rulesVersion);
            g.writeStringField("analysisVersion", e.analysisVersion);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * The analysis of a text as a JSON object (the {@code analysis} of an enriched mention, a line
     * of scripts/analyze).
     */
    public static ObjectNode analysis(TextAnalysis a) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writeAnalysis(buffer, a);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAnalysis(JsonGenerator g, TextAnalysis a) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("sentiment");
        g.writeStringField("label", a.sentimentLabel);
        g.writeNumberField("score", round(a.sentimentScore));
        g.writeNumberField("confidence", round(a.sentimentConfidence));
        g.writeEndObject();
        strings(g, "tokens", a.tokens);
        g.writeArrayFieldStart("keywords");
        for (KeywordHit k : a.keywords) {
            g.writeStartObject();
            g.writeStringField("text", k.text);
            g.writeStringField("kind", k.kind);
            g.writeStringField("brand", k.brand);
            g.writeNumberField("start", k.start);
            g.writeNumberField("end", k.end);
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "matchedRules", a.matchedRules);
        g.writeObjectFieldStart("complaint");
        g.writeBooleanField("isComplaint", a.complaint);
        g.writeStringField("category", a.complaintCategory);
        g.writeStringField("severity", a.severity);
        g.writeBooleanField("question", a.question);
        g.writeBooleanField("suggestion", a.suggestion);
        g.writeEndObject();
        g.writeBooleanField("crisis", a.crisis);
        g.writeBooleanField("spam", a.spam);
        strings(g, "spamReasons", a.spamReasons);
        strings(g, "emoticons", a.emoticons);
        strings(g, "emoji", a.emoji);
        strings(g, "urls", a.urls);
        strings(g, "mentions", a.mentions);
        strings(g, "topics", a.topics);
        g.writeBooleanField("repost", a.repost);
        g.writeStringField("duplicateKey", a.duplicateKey);
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, String[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static byte[] write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static void strings(ObjectNode o, String name, String[] values) {
        ArrayNode array = o.putArray(name);
        for (String v : values) {
            array.add(v);
        }
    }

    /** Four decimals are plenty for scores, and keep the JSON short and stable. */
    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    public static byte[] brandMetrics(BrandWindowMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("brand", m.brand);
        window(o, m.windowStart, m.windowEnd);
        o.put("volume", m.volume);
        o.put("originals", m.originals);
        o.put("reposts", m.reposts);
        o.put("copies", m.copies);
        o.put("uniqueAuthors", m.uniqueAuthors);
        ObjectNode sentiment = o.putObject("sentiment");
        sentiment.put("positive", m.positive);
        sentiment.put("negative", m.negative);
        sentiment.put("neutral", m.neutral);
        sentiment.put("net", round(m.netSentiment));
        o.put("complaints", m.complaints);
        counts(o, "complaintCategories", m.complaintCategories);
        counts(o, "severities", m.severities);
        o.put("questions", m.questions);
        o.put("crisisMentions", m.crisisMentions);
        counts(o, "keywordHits", m.keywordHits);
        terms(o, "topTerms", m.topTerms);
        terms(o, "driverTerms", m.driverTerms);
        o.put("repostShare", round(m.repostShare));
        if (m.shareOfVoice == null) {
            o.putNull("shareOfVoice");
        } else {
            o.put("shareOfVoice", round(m.shareOfVoice));
        }
        counts(o, "competitorVolumes", m.competitorVolumes);
        if (m.responses == null) {
            o.putNull("responses");
        } else {
            ResponseStats r = m.responses;
            ObjectNode responses = o.putObject("responses");
            responses.put("opened", r.opened);
            responses.put("answered", r.answered);
            responses.put("answeredWithinDeadline", r.answeredWithinDeadline);
            responses.put("overdue", r.overdue);
            if (r.p50Minutes == null) {
                responses.putNull("p50Minutes");
                responses.putNull("p90Minutes");
            } else {
                responses.put("p50Minutes", round(r.p50Minutes));
                responses.put("p90Minutes", round(r.p90Minutes));
            }
            responses.put("openCases", r.openCases);
        }
        strings(o, "sampleMentionIds", m.sampleMentionIds);
        strings(o, "sampleNegativeMentionIds", m.sampleNegativeMentionIds);
        o.put("brandReplies", m.brandReplies);
        o.put("spamExcluded", m.spamExcluded);
        versions(o, m.rulesVersion, m.analysisVersion);
        return write(o);
    }

    /**
     * An event-time window: ISO-8601 for people, epoch milliseconds for programs (end exclusive).
     */
    private static void window(ObjectNode o, long start, long end) {
        ObjectNode window = o.putObject("window");
        window.put("start", Instant.ofEpochMilli(start).toString());
        window.put("end", Instant.ofEpochMilli(end).toString());
        window.put("startMillis", start);
        window.put("endMillis", end);
    }

    private static void terms(ObjectNode o, String name, List<TermStat> terms) {
        ArrayNode array = o.putArray(name);
        for (TermStat t : terms) {
            array.addObject().put("term", t.term).put("count", t.count).put("lift", round(t.lift));
        }
    }

    /**
     * A customer's engagement ({@code customer-engagement}, key = customerKey); no raw author id or
     * name. Written straight to bytes like the enriched mention: it is once per emitted score, in
     * the scoring thread.
     */
    public static byte[] customerEngagement(CustomerEngagement e) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("customerKey", e.customerKey);
            g.writeStringField("brand", e.brand);
            if (e.deleted) {
                g.writeBooleanField(
                        "deleted",
                        true); // a tombstone (on Kafka: a null value under the customer's key)
            } else {
                g.writeNumberField("score", round(e.score));
                g.writeStringField("tier", e.tier);
                g.writeNumberField("churnRisk", round(e.churnRisk));
                g.writeObjectFieldStart("components");
                g.writeNumberField("quality", round(e.quality));
                g.writeNumberField("consistency", round(e.consistency));
                g.writeNumberField("recency", round(e.recency));
                g.writeNumberField("sentiment", round(e.sentiment));
                g.writeEndObject();
                g.writeNumberField("sentimentTrend", round(e.sentimentTrend));
                g.writeNumberField("scoreChange", round(e.scoreChange));
                g.writeNumberField("interactions", e.interactions);
                g.writeNumberField("meaningfulInteractions", e.meaningfulInteractions);
                g.writeNumberField("brandRepliesReceived", e.brandRepliesReceived);
                g.writeStringField(
                        "firstInteractionAt",
                        Instant.ofEpochMilli(e.firstInteractionAt).toString());
                g.writeStringField(
                        "lastInteractionAt", Instant.ofEpochMilli(e.lastInteractionAt).toString());
                g.writeStringField("asOf", Instant.ofEpochMilli(e.asOf).toString());
                g.writeStringField("rulesVersion", e.rulesVersion);
                g.writeStringField("analysisVersion", e.analysisVersion);
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** An alert ({@code alerts}, key = brand): times as ISO-8601 and epoch ms, evidence nested. */
    public static byte[] alert(Alert a) {
        return write(alertNode(a));
    }

    public static ObjectNode alertNode(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("alertId", a.alertId);
        o.put("incidentId", a.incidentId);
        o.put("brand", a.brand);
        o.put("type", a.type);
        o.put("severity", a.severity);
        o.put("status", a.status);
        window(o, a.windowStart, a.windowEnd);
        o.put("detectedAt", Instant.ofEpochMilli(a.detectedAt).toString());
        o.put("detectedAtMillis", a.detectedAt);
        o.put("firstSeen", Instant.ofEpochMilli(a.firstSeen).toString());
        o.put("lastSeen", Instant.ofEpochMilli(a.lastSeen).toString());
        o.put("observed", round(a.observed));
        o.put("expected", round(a.expected));
        o.put("score", round(a.score));
        o.put("threshold", round(a.threshold));
        o.put("summary", a.summary);
        ObjectNode evidence = o.putObject("evidence");
        AlertEvidence e = a.evidence;
        strings(evidence, "driverTerms", e.driverTerms);
        strings(evidence, "keywords", e.keywords);
        strings(evidence, "sampleMentionIds", e.sampleMentionIds);
        evidence.put("mentions", e.mentions);
        evidence.put("uniqueAuthors", e.uniqueAuthors);
        evidence.put("repostShare", round(e.repostShare));
        evidence.put("negativeShare", round(e.negativeShare));
        if (e.complaintCategory != null) {
            evidence.put("complaintCategory", e.complaintCategory);
        }
        if (e.customerKey != null) {
            evidence.put("customerKey", e.customerKey);
        }
        if (e.excerpt != null) {
            evidence.put("excerpt", e.excerpt);
        }
        if (e.deadline != null) {
            evidence.put("deadline", Instant.ofEpochMilli(e.deadline).toString());
        }
        o.put("silenced", a.silenced);
        o.put("silenceId", a.silenceId);
        o.put("acknowledgedBy", a.acknowledgedBy);
        o.put("notify", a.notifyWebhook);
        versions(o, a.rulesVersion, a.analysisVersion);
        return o;
    }

    /** Which rules and which analysis a record was computed under (see {@code Versioned}). */
    private static void versions(ObjectNode o, String rulesVersion, String analysisVersion) {
        o.put("rulesVersion", rulesVersion);
        o.put("analysisVersion", analysisVersion);
    }

    /** Counts as a JSON object, largest first, then by name: stable output for the same input. */
    private static void counts(ObjectNode o, String name, Map<String, Long> counts) {
        ObjectNode node = o.putObject(name);
        counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> node.put(e.getKey(), e.getValue()));
    }

    public static byte[] deadLetter(DeadLetter d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reason", d.reason);
        o.put("detail", d.detail);
        o.put("mentionId", d.mentionId);
        ObjectNode source = o.putObject("source");
        source.put("name", d.source);
        source.put("partition", d.partition);
        source.put("offset", d.offset);
        o.put("payload", d.payload);
        o.put("payloadEncoding", d.payloadEncoding);
        o.put("payloadBytes", d.payloadBytes);
        o.put("payloadTruncated", d.payloadTruncated);
        return write(o);
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("extra fields were stored as invalid JSON", e);
        }
    }
}
