package io.brandpulse.metrics;

import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TextNormalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-brand window metrics, as plain functions over an accumulator (the Flink operator is a thin wrapper): spam
 * is counted apart and never in the volume; the brand's own replies are counted apart; reposts and copies are
 * amplification, apart from original posts.
 */
public final class BrandMetrics {
    /** How many words a window reports in {@code topTerms}. */
    static final int TOP_TERMS = 10;
    /** Terms are counted in normalized form, so 青檸咖啡 and 青柠咖啡 are one term (the normalizer is thread-safe). */
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private BrandMetrics() {}

    public static void add(BrandMetricsAccumulator acc, EnrichedMention m) {
        BrandWindowMetrics c = acc.counts;
        c.brand = m.brand;
        TextAnalysis a = m.analysis;
        if (a.spam) {
            c.spamExcluded++;
            return;
        }
        if (m.isBrandReply()) {
            c.brandReplies++;
            return;
        }
        c.volume++;
        boolean repost = a.repost || m.repostOfId != null;
        if (repost) {
            c.reposts++;
        } else {
            c.originals++;
        }
        if (!acc.contentKeys.add(a.duplicateKey)) {
            c.copies++;
        }
        acc.authors.add(m.customerKey);
        switch (a.sentimentLabel) {
            case "positive" -> c.positive++;
            case "negative" -> c.negative++;
            default -> c.neutral++;
        }
        if (a.complaint) {
            c.complaints++;
            c.complaintCategories.merge(a.complaintCategory, 1L, Long::sum);
            c.severities.merge(a.severity, 1L, Long::sum);
        }
        if (a.question) {
            c.questions++;
        }
        if (a.crisis) {
            c.crisisMentions++;
        }
        for (KeywordHit hit : a.keywords) {
            if (!hit.kind.equals("BRAND")) {
                c.keywordHits.merge(hit.text, 1L, Long::sum);
            }
        }
        if (!repost) { // words of original posts: a repost storm must not dominate the window's vocabulary
            for (String token : a.tokens) {
                if (isTerm(token)) {
                    acc.terms.merge(NORMALIZER.normalize(token), 1L, Long::sum);
                }
            }
        }
    }

    public static BrandMetricsAccumulator merge(BrandMetricsAccumulator a, BrandMetricsAccumulator b) {
        BrandWindowMetrics x = a.counts;
        BrandWindowMetrics y = b.counts;
        x.brand = x.brand != null ? x.brand : y.brand;
        x.volume += y.volume;
        x.originals += y.originals;
        x.reposts += y.reposts;
        x.positive += y.positive;
        x.negative += y.negative;
        x.neutral += y.neutral;
        x.complaints += y.complaints;
        x.questions += y.questions;
        x.crisisMentions += y.crisisMentions;
        x.brandReplies += y.brandReplies;
        x.spamExcluded += y.spamExcluded;
        y.complaintCategories.forEach((k, v) -> x.complaintCategories.merge(k, v, Long::sum));
        y.severities.forEach((k, v) -> x.severities.merge(k, v, Long::sum));
        y.keywordHits.forEach((k, v) -> x.keywordHits.merge(k, v, Long::sum));
        b.terms.forEach((k, v) -> a.terms.merge(k, v, Long::sum));
        a.authors.addAll(b.authors);
        a.contentKeys.addAll(b.contentKeys);
        x.copies = x.volume - a.contentKeys.size(); // over both halves: the volume beyond the distinct contents
        return a;
    }

    /** The window's metrics: the counts, distinct authors, net sentiment and top terms. */
    public static BrandWindowMetrics result(BrandMetricsAccumulator acc) {
        BrandWindowMetrics c = acc.counts;
        BrandWindowMetrics out = new BrandWindowMetrics();
        out.brand = c.brand;
        out.volume = c.volume;
        out.originals = c.originals;
        out.reposts = c.reposts;
        out.copies = c.copies;
        out.uniqueAuthors = acc.authors.size();
        out.positive = c.positive;
        out.negative = c.negative;
        out.neutral = c.neutral;
        long polar = c.positive + c.negative;
        out.netSentiment = polar == 0 ? 0 : (double) (c.positive - c.negative) / polar;
        out.complaints = c.complaints;
        out.questions = c.questions;
        out.crisisMentions = c.crisisMentions;
        out.brandReplies = c.brandReplies;
        out.spamExcluded = c.spamExcluded;
        out.complaintCategories = new HashMap<>(c.complaintCategories);
        out.severities = new HashMap<>(c.severities);
        out.keywordHits = new HashMap<>(c.keywordHits);
        out.topTerms = topTerms(acc.terms);
        return out;
    }

    private static Map<String, Long> topTerms(Map<String, Long> terms) {
        Map<String, Long> top = new LinkedHashMap<>();
        terms.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TERMS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** A word worth counting: two characters or more, not a number. */
    private static boolean isTerm(String token) {
        if (token.length() < 2) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
