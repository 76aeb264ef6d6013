package io.brandpulse.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.ResponseStats;
import io.brandpulse.model.TermStat;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON that leaves the system, written field by field so that the documented contracts
 * ({@code schemas/*.schema.json}) do not change when a Java field is renamed. Thread-safe.
 */
public final class OutputJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private OutputJson() {}

    public static byte[] enrichedMention(EnrichedMention e) {
        ObjectNode o = MAPPER.createObjectNode();
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
        o.set("analysis", analysis(e.analysis));
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
        o.set("extra", e.extraJson == null ? MAPPER.createObjectNode() : readTree(e.extraJson));
        return write(o);
    }

    /** The analysis of a text as a JSON object (the {@code analysis} of an enriched mention, a line of scripts/analyze). */
    public static ObjectNode analysis(TextAnalysis a) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode sentiment = o.putObject("sentiment");
        sentiment.put("label", a.sentimentLabel);
        sentiment.put("score", round(a.sentimentScore));
        sentiment.put("confidence", round(a.sentimentConfidence));
        strings(o, "tokens", a.tokens);
        ArrayNode keywords = o.putArray("keywords");
        for (KeywordHit k : a.keywords) {
            ObjectNode hit = keywords.addObject();
            hit.put("text", k.text);
            hit.put("kind", k.kind);
            hit.put("brand", k.brand);
            hit.put("start", k.start);
            hit.put("end", k.end);
        }
        strings(o, "matchedRules", a.matchedRules);
        ObjectNode complaint = o.putObject("complaint");
        complaint.put("isComplaint", a.complaint);
        complaint.put("category", a.complaintCategory);
        complaint.put("severity", a.severity);
        complaint.put("question", a.question);
        complaint.put("suggestion", a.suggestion);
        o.put("crisis", a.crisis);
        o.put("spam", a.spam);
        strings(o, "spamReasons", a.spamReasons);
        strings(o, "emoticons", a.emoticons);
        strings(o, "emoji", a.emoji);
        strings(o, "urls", a.urls);
        strings(o, "mentions", a.mentions);
        strings(o, "topics", a.topics);
        o.put("repost", a.repost);
        o.put("duplicateKey", a.duplicateKey);
        return o;
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
        return write(o);
    }

    /** An event-time window: ISO-8601 for people, epoch milliseconds for programs (end exclusive). */
    private static void window(ObjectNode o, long start, long end) {
        ObjectNode window = o.putObject("window");
        window.put("start", Instant.ofEpochMilli(start).toString());
        window.put("end", Instant.ofEpochMilli(end).toString());
        window.put("startMillis", start);
        window.put("endMillis", end);
    }

    private static void terms(ObjectNode o, String name, java.util.List<TermStat> terms) {
        ArrayNode array = o.putArray(name);
        for (TermStat t : terms) {
            array.addObject().put("term", t.term).put("count", t.count).put("lift", round(t.lift));
        }
    }

    /** A customer's engagement ({@code customer-engagement}, key = customerKey); no raw author id or name. */
    public static byte[] customerEngagement(CustomerEngagement e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("customerKey", e.customerKey);
        o.put("brand", e.brand);
        if (e.deleted) {
            o.put("deleted", true); // a tombstone (on Kafka: a null value under the customer's key)
            return write(o);
        }
        o.put("score", round(e.score));
        o.put("tier", e.tier);
        o.put("churnRisk", round(e.churnRisk));
        ObjectNode components = o.putObject("components");
        components.put("quality", round(e.quality));
        components.put("consistency", round(e.consistency));
        components.put("recency", round(e.recency));
        components.put("sentiment", round(e.sentiment));
        o.put("sentimentTrend", round(e.sentimentTrend));
        o.put("scoreChange", round(e.scoreChange));
        o.put("interactions", e.interactions);
        o.put("meaningfulInteractions", e.meaningfulInteractions);
        o.put("brandRepliesReceived", e.brandRepliesReceived);
        o.put("firstInteractionAt", Instant.ofEpochMilli(e.firstInteractionAt).toString());
        o.put("lastInteractionAt", Instant.ofEpochMilli(e.lastInteractionAt).toString());
        o.put("asOf", Instant.ofEpochMilli(e.asOf).toString());
        return write(o);
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
        return o;
    }

    /** Counts as a JSON object, largest first, then by name: stable output for the same input. */
    private static void counts(ObjectNode o, String name, java.util.Map<String, Long> counts) {
        ObjectNode node = o.putObject(name);
        counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
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
