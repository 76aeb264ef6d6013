package io.brandpulse.metrics;

import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-brand window metrics, as plain functions over an accumulator (the Flink operator is a thin
 * wrapper): spam is counted apart and never in the volume; the brand's own replies are counted
 * apart; reposts and copies are amplification, apart from original posts.
 */
public final class BrandMetrics {
    /** How many words a window reports in {@code topTerms}. */
    static final int TOP_TERMS = 10;

    /**
     * Terms are counted in normalized form, so 青檸咖啡 and 青柠咖啡 are one term (the normalizer is
     * thread-safe).
     */
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
        long engagement = engagement(m);
        acc.samples.offer(m.id, engagement);
        if (a.complaint || "negative".equals(a.sentimentLabel)) {
            acc.negativeSamples.offer(m.id, engagement);
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
                c.keywordHits.merge(NORMALIZER.normalize(hit.text), 1L, Long::sum);
            }
        }
        if (!repost) { // words of original posts: a repost storm must not dominate the window's
            // vocabulary
            for (String token : a.tokens) {
                String term = NORMALIZER.normalize(token);
                if (isTerm(term)) {
                    acc.terms.merge(term, 1L, Long::sum);
                }
            }
        }
    }

    public static BrandMetricsAccumulator merge(
            BrandMetricsAccumulator a, BrandMetricsAccumulator b) {
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
        a.samples.offerAll(b.samples);
        a.negativeSamples.offerAll(b.negativeSamples);
        x.copies =
                x.volume - a.contentKeys.size(); // over both halves: the volume beyond the distinct
        // contents
        return a;
    }

    /** Likes, reposts and comments the mention received: how far it was heard. */
    public static long engagement(EnrichedMention m) {
        return m.metrics == null
                ? 0
                : Math.max(0, m.metrics.likes)
                        + Math.max(0, m.metrics.reposts)
                        + Math.max(0, m.metrics.comments);
    }

    /**
     * The window's metrics: the counts, distinct authors, net sentiment, samples; terms are left to
     * {@link #addTerms}, which needs the brand's term baseline.
     */
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
        out.repostShare =
                c.volume == 0 ? 0 : round((double) Math.max(c.reposts, c.copies) / c.volume);
        out.sampleMentionIds = acc.samples.ids();
        out.sampleNegativeMentionIds = acc.negativeSamples.ids();
        return out;
    }

    /**
     * Top and driver terms of the window, judged against the brand's term baseline, which then
     * learns the window (once per window, even when it is re-emitted with late mentions).
     */
    public static void addTerms(
            BrandWindowMetrics out, Map<String, Long> terms, TermBaseline baseline) {
        out.topTerms = new ArrayList<>(baseline.top(terms, out.originals, TOP_TERMS));
        out.driverTerms = new ArrayList<>(baseline.drivers(terms, out.originals));
        baseline.update(out.windowStart, terms, out.originals);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * Function words and fillers (resource {@code /metrics/stopwords.txt}), never top or driver
     * terms.
     */
    private static final Set<String> STOPWORDS = loadStopwords();

    private static Set<String> loadStopwords() {
        try (InputStream in = BrandMetrics.class.getResourceAsStream("/metrics/stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource /metrics/stopwords.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A word worth counting: two characters or more, not a number, not a function word. */
    static boolean isTerm(String token) {
        if (token.length() < 2 || STOPWORDS.contains(token.toLowerCase(Locale.ROOT))) {
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
