package io.brandpulse.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was said about one brand in one event-time window ({@code brand-metrics}, key = brand). A
 * window that receives late mentions within the allowed lateness is emitted again, complete: the
 * latest record per (brand, windowStart) is the one that counts.
 */
public class BrandWindowMetrics extends Versioned {
    public String brand;
    public long windowStart;
    public long windowEnd;

    /** Mentions about the brand, spam and the brand's own replies excluded. */
    public long volume;

    /** Original posts; the rest of the volume is amplification. */
    public long originals;

    /** Reposts (a repost chain or a repostOfId). */
    public long reposts;

    /**
     * Mentions whose content (duplicate key) was already seen in this window: copy-paste and bare
     * reposts.
     */
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

    /**
     * The most frequent words of the window's original posts (up to 10), with counts and lift over
     * the baseline.
     */
    public List<TermStat> topTerms = new ArrayList<>();

    /**
     * The words most above their usual frequency for the brand (lift >= 2, at least 3 occurrences;
     * up to 5).
     */
    public List<TermStat> driverTerms = new ArrayList<>();

    /**
     * Share of the volume that is amplification: reposts and copies of a content already seen in
     * the window.
     */
    public double repostShare;

    /** The most engaged mentions of the window (up to 5), most engaged first. */
    public String[] sampleMentionIds = new String[0];

    /** The most engaged negative mentions or complaints of the window (up to 5). */
    public String[] sampleNegativeMentionIds = new String[0];

    /**
     * This brand's share of the volume of itself and its configured competitors in the window, in
     * [0, 1]; null when the brand has no competitors configured.
     */
    public Double shareOfVoice;

    /**
     * How the brand answered complaints and questions in the window; null when response tracking is
     * off.
     */
    public ResponseStats responses;

    /** Volume per configured competitor in the same window (0 when it had none). */
    public Map<String, Long> competitorVolumes = new HashMap<>();

    public BrandWindowMetrics() {}

    @Override
    public long eventTime() {
        return windowStart;
    }

    @Override
    public String brandId() {
        return brand;
    }
}
