package io.brandpulse.model;

/**
 * What the text analysis found in a mention. A Flink POJO (arrays, no collections) so that it
 * travels with the enriched mention without Kryo.
 */
public class TextAnalysis {
    /**
     * Words in the original characters, punctuation and markup left out; configured terms stay
     * whole.
     */
    public String[] tokens;

    /** Start and end (exclusive) offsets of each token in the original text. */
    public int[] tokenStarts;

    public int[] tokenEnds;

    public KeywordHit[] keywords;

    /** Keyword rules matched, as {@code brand:ruleId}. */
    public String[] matchedRules;

    public String[] emoticons;
    public String[] emoji;
    public String[] urls;
    public String[] mentions;
    public String[] topics;

    /** True when the text carries a repost chain ({@code //@user: ...}). */
    public boolean repost;

    /** {@code positive}, {@code negative} or {@code neutral}. */
    public String sentimentLabel;

    /** In [-1, 1]; the sign is the polarity. */
    public double sentimentScore;

    public double sentimentConfidence;

    /** True when the mention is a complaint. */
    public boolean complaint;

    /**
     * PRODUCT_QUALITY, SERVICE, COMMUNICATION, LOGISTICS, PRICE, SAFETY_LEGAL or OTHER; null when
     * no complaint.
     */
    public String complaintCategory;

    /** LOW, MEDIUM, HIGH or CRITICAL; null when no complaint. */
    public String severity;

    /** A question or request addressed to the brand. */
    public boolean question;

    /** A constructive suggestion. */
    public boolean suggestion;

    /** True when any crisis term was found. */
    public boolean crisis;

    public boolean spam;
    public String[] spamReasons;

    /**
     * 64-bit SimHash of the content (16 hex digits): equal or close keys mark reposts and
     * copy-paste.
     */
    public String duplicateKey;

    public TextAnalysis() {}

    /**
     * A copy whose scalar fields can be changed without touching this one; the arrays are shared
     * (nothing changes an analysis's arrays after it is made).
     */
    public TextAnalysis copy() {
        TextAnalysis c = new TextAnalysis();
        c.tokens = tokens;
        c.tokenStarts = tokenStarts;
        c.tokenEnds = tokenEnds;
        c.keywords = keywords;
        c.matchedRules = matchedRules;
        c.emoticons = emoticons;
        c.emoji = emoji;
        c.urls = urls;
        c.mentions = mentions;
        c.topics = topics;
        c.repost = repost;
        c.sentimentLabel = sentimentLabel;
        c.sentimentScore = sentimentScore;
        c.sentimentConfidence = sentimentConfidence;
        c.complaint = complaint;
        c.complaintCategory = complaintCategory;
        c.severity = severity;
        c.question = question;
        c.suggestion = suggestion;
        c.crisis = crisis;
        c.spam = spam;
        c.spamReasons = spamReasons;
        c.duplicateKey = duplicateKey;
        return c;
    }
}
