package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.engagement.InteractionQuality;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.metrics.BrandMetrics;
import io.brandpulse.metrics.BrandMetricsAccumulator;
import io.brandpulse.model.Author;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.TextAnalysis;
import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The keyed stages get the mention without its output-only fields, and compute the same from it.
 */
class TrimForKeyedStagesTest {
    private static final MentionEnricher ENRICHER = new MentionEnricher(TestConfigs.demo());

    private static EnrichedMention enriched(String text) {
        Mention m = new Mention();
        m.id = "m1";
        m.platform = "weibo";
        m.createdAt = 1_772_323_200_000L;
        m.author = new Author("u_1001", "用户001", 120L, true);
        m.text = text;
        m.url = "https://weibo.com/1001/m1";
        m.threadId = "t1";
        m.replyToId = "m0";
        m.repostOfId = "m00";
        m.metrics = new Engagement(3, 2, 1);
        m.media = new Media(2, 0);
        m.extraJson = "{\"geo\":\"上海\"}";
        EnrichedMention e = ENRICHER.enrich(m);
        assertNotNull(e);
        return e;
    }

    @Test
    void leavesOutExactlyTheListedFieldsAndKeepsTheRest() throws IllegalAccessException {
        EnrichedMention full =
                enriched("青柠咖啡和北岸茶饮的外卖都等了2个小时[怒] 咖啡全洒了，客服也不理人 @小王 #差评# http://t.cn/x 建议改进包装，能退款吗？");
        full.officialAccountOf = "qingning"; // so that every field has a value to check
        full.analysis.spamReasons = new String[] {"none"};
        full.analysis.matchedRules = new String[] {"qingning:delivery"};
        full.analysis.repost =
                full.analysis.spam =
                        full.analysis.crisis =
                                full.analysis.question = full.analysis.suggestion = true;
        full.brandConfigured = true;
        EnrichedMention trimmed = new TrimForKeyedStages().map(full);

        sameOrLeftOut(
                EnrichedMention.class, full, trimmed, TrimForKeyedStages.LEFT_OUT, "analysis");
        sameOrLeftOut(
                TextAnalysis.class,
                full.analysis,
                trimmed.analysis,
                TrimForKeyedStages.ANALYSIS_LEFT_OUT,
                null);
        assertNotNull(
                full.normalizedText,
                "the enriched-mentions output keeps the whole mention (object reuse)");
        assertNotNull(full.analysis.tokenStarts);
    }

    private static <T> void sameOrLeftOut(
            Class<T> type, T full, T trimmed, Set<String> leftOut, String skip)
            throws IllegalAccessException {
        for (Field f : type.getFields()) {
            if (f.getName().equals(skip)) {
                continue;
            }
            Object value = f.get(full);
            assertTrue(
                    value != null
                            && !value.equals(false)
                            && !value.equals(0.0)
                            && !value.equals(0L),
                    f.getName() + " must be set for this check");
            if (leftOut.contains(f.getName())) {
                assertNull(f.get(trimmed), f.getName() + " is left out");
            } else {
                assertTrue(
                        Objects.equals(value, f.get(trimmed)),
                        f.getName() + " travels to the keyed stages");
            }
        }
    }

    @Test
    void theKeyedStagesComputeTheSameFromTheTrimmedMention() {
        for (String text :
                new String[] {
                    "青柠咖啡的生椰拿铁连续喝了3周，大杯28元，甜度偏高。建议增加少糖选项！",
                    "青柠咖啡喝出异物，食物中毒了，要投诉到12315[怒]",
                    "转发微博//@小王: 青柠咖啡的外卖太慢了",
                    "加微信领取青柠咖啡代金券 http://spam.example 日赚500"
                }) {
            EnrichedMention full = enriched(text);
            full.repostOfId = null; // an original post: its words are counted in the brand's window
            EnrichedMention trimmed = new TrimForKeyedStages().map(full);

            assertEquals(InteractionQuality.of(full), InteractionQuality.of(trimmed), text);
            BrandMetricsAccumulator a = new BrandMetricsAccumulator();
            BrandMetricsAccumulator b = new BrandMetricsAccumulator();
            BrandMetrics.add(a, full);
            BrandMetrics.add(b, trimmed);
            assertEquals(a.terms, b.terms, text);
            assertEquals(a.counts.keywordHits, b.counts.keywordHits, text);
            assertEquals(a.counts.complaintCategories, b.counts.complaintCategories, text);
            assertEquals(
                    a.counts.negative
                            + ":"
                            + a.counts.crisisMentions
                            + ":"
                            + a.counts.spamExcluded
                            + ":"
                            + a.counts.copies,
                    b.counts.negative
                            + ":"
                            + b.counts.crisisMentions
                            + ":"
                            + b.counts.spamExcluded
                            + ":"
                            + b.counts.copies,
                    text);
            assertEquals(TrackResponses.matters(full), TrackResponses.matters(trimmed), text);
            assertEquals(TrackResponses.threadKey(full), TrackResponses.threadKey(trimmed), text);
            assertEquals(
                    DetectIncidents.isCrisisEvidence(full),
                    DetectIncidents.isCrisisEvidence(trimmed),
                    text);
        }
    }
}
