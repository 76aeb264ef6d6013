package io.brandpulse.model;

/**
 * A mention after enrichment, for {@code mentions-enriched} and every downstream stage. It carries
 * no raw author id or name: the author is known by a pseudonymous {@link #customerKey} (brand
 * accounts keep their id, they are not customers).
 */
public class EnrichedMention extends Versioned {
    public String id;
    public String platform;
    public long createdAt;

    /**
     * The configured brand id this mention is about, or the collector's brand as sent when it is
     * not configured.
     */
    public String brand;

    /** True when {@link #brand} is a configured brand. */
    public boolean brandConfigured;

    /**
     * How the brand was found: {@code FIELD} (the collector's brand), {@code TEXT} (a name in the
     * text), {@code OFFICIAL_ACCOUNT} (written by one of the brand's accounts), {@code NONE}.
     */
    public String brandMatch;

    /** Every configured brand named in the text, in order of first appearance, comma-free ids. */
    public String[] mentionedBrands;

    /** Lowercase hex HMAC-SHA256 of {@code platform:authorId} under the pseudonym key. */
    public String customerKey;

    public Long authorFollowers;
    public Boolean authorVerified;

    /**
     * Set when the author is one of the brand's official accounts: then this mention is a brand
     * reply.
     */
    public String officialAccountOf;

    public String text;
    public String normalizedText;

    /**
     * What the text analysis found: tokens, keywords, sentiment, complaint, spam, duplicate key.
     */
    public TextAnalysis analysis;

    public String url;
    public String threadId;
    public String replyToId;
    public String repostOfId;
    public Engagement metrics;
    public Media media;
    public String extraJson;

    public EnrichedMention() {}

    /**
     * A copy whose fields can be changed without touching this one; the analysis and arrays are
     * shared.
     */
    public EnrichedMention copy() {
        EnrichedMention c = new EnrichedMention();
        c.id = id;
        c.platform = platform;
        c.createdAt = createdAt;
        c.brand = brand;
        c.brandConfigured = brandConfigured;
        c.brandMatch = brandMatch;
        c.mentionedBrands = mentionedBrands;
        c.customerKey = customerKey;
        c.authorFollowers = authorFollowers;
        c.authorVerified = authorVerified;
        c.officialAccountOf = officialAccountOf;
        c.text = text;
        c.normalizedText = normalizedText;
        c.analysis = analysis;
        c.url = url;
        c.threadId = threadId;
        c.replyToId = replyToId;
        c.repostOfId = repostOfId;
        c.metrics = metrics;
        c.media = media;
        c.extraJson = extraJson;
        c.rulesVersion = rulesVersion;
        c.analysisVersion = analysisVersion;
        return c;
    }

    @Override
    public long eventTime() {
        return createdAt;
    }

    @Override
    public String brandId() {
        return brand;
    }

    public boolean isBrandReply() {
        return officialAccountOf != null;
    }
}
