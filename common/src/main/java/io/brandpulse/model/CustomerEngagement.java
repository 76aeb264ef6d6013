package io.brandpulse.model;

/**
 * A customer's engagement quality with a brand ({@code customer-engagement}, key = customerKey). No
 * raw author id or name: the customer is known by the pseudonymous {@link #customerKey} only. A
 * record with {@link #deleted} set is a tombstone: the customer opted out and everything about them
 * is to be erased.
 */
public class CustomerEngagement extends Versioned {
    public String customerKey;
    public String brand;

    /**
     * 0–100: quality of the best recent interactions, and consistency over time; decays with
     * recency.
     */
    public double score;

    /** {@code ADVOCATE}, {@code ENGAGED}, {@code CASUAL}, {@code AT_RISK}, {@code DORMANT}. */
    public String tier;

    /** In [0, 1]: sentiment turning negative, and time since the last interaction. */
    public double churnRisk;

    /** Components of the score, each 0–100 (quality, consistency, recency) or -1..1 (sentiment). */
    public double quality;

    public double consistency;
    public double recency;
    public double sentiment;

    /**
     * Recent sentiment minus long-run sentiment: negative when the customer is turning against the
     * brand.
     */
    public double sentimentTrend;

    /** Score now minus the score of this customer's previous record. */
    public double scoreChange;

    public int interactions;
    public int meaningfulInteractions;

    /**
     * Complaints and questions of the customer that the brand answered (they add to those
     * interactions' quality).
     */
    public int brandRepliesReceived;

    public long firstInteractionAt;
    public long lastInteractionAt;

    /** Event time the record describes. */
    public long asOf;

    public boolean deleted;

    public CustomerEngagement() {}

    @Override
    public long eventTime() {
        return asOf;
    }

    @Override
    public String brandId() {
        return brand;
    }
}
