package io.brandpulse.engagement;

/**
 * What is remembered about one customer's engagement with one brand: a few numbers, not the
 * history, so that millions of customers fit (see {@code scripts/bench} for bytes per customer).
 * Flink POJO.
 */
public class CustomerState {
    /**
     * The best interactions, kept by a time-invariant rank (log2 quality + time / half-life), at
     * most TOP.
     */
    public float[] topQuality = new float[0];

    public long[] topTime = new long[0];

    /** Sentiment of interactions: a fast and a slow moving average, in [-1, 1]. */
    public float fastSentiment;

    public float slowSentiment;

    /** False until an interaction with a sentiment was seen (the averages start from it). */
    public boolean sentimentSeen;

    /** Consecutive latest meaningful interactions that were negative. */
    public int negativeStreak;

    /** Days with a meaningful interaction: bit i set = day (lastDay - i), 64 days. */
    public long activeDays;

    public long lastDay = Long.MIN_VALUE;
    public int interactions;
    public int meaningfulInteractions;

    /** Complaints and questions of the customer that the brand answered. */
    public int repliesReceived;

    public long firstInteractionAt;
    public long lastInteractionAt;

    /** SimHashes of the latest posts: the same post again scores zero. */
    public long[] recentContent = new long[0];

    /** The last record emitted, and whether a newer one waits for the rate limit. */
    public double emittedScore = -1;

    public String emittedTier;
    public long emittedAt = Long.MIN_VALUE;
    public boolean pending;

    public CustomerState() {}
}
