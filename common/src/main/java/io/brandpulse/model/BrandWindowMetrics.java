package io.brandpulse.model;

import java.util.HashMap;
import java.util.Map;

/**
 * What was said about one brand in one event-time window ({@code brand-metrics}, key = brand). A window that
 * receives late mentions within the allowed lateness is emitted again, complete: the latest record per
 * (brand, windowStart) is the one that counts.
 */
public class BrandWindowMetrics {
    public String brand;
    public long windowStart;
    public long windowEnd;

    /** Mentions about the brand, spam and the brand's own replies excluded. */
    public long volume;
    /** Original posts; the rest of the volume is amplification. */
    public long originals;
    /** Reposts (a repost chain or a repostOfId). */
    public long reposts;
    /** Mentions whose content (duplicate key) was already seen in this window: copy-paste and bare reposts. */
    public long copies;
    public long uniqueAuthors;

    public long positive;
    public long negative;
    public long neutral;
    /** (positive - negative) / (positive + negative), 0 when both are 0. */
    public double netSentiment;

    public long complaints;
    public long questions;
    public long crisisMentions;
    public long brandReplies;
    public long spamExcluded;

    /** Complaints per category. */
    public Map<String, Long> complaintCategories = new HashMap<>();
    /** Complaints per severity. */
    public Map<String, Long> severities = new HashMap<>();
    /** Configured keywords and crisis terms found, per term (as normalized). */
    public Map<String, Long> keywordHits = new HashMap<>();
    /** The most frequent words of the window (up to 10), with their counts. */
    public Map<String, Long> topTerms = new HashMap<>();

    public BrandWindowMetrics() {}
}
