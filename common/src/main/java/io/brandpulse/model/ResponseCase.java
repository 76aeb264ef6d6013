package io.brandpulse.model;

/**
 * One thread's response case: a complaint or question addressed to a brand, waiting for its answer.
 * Flink POJO.
 */
public class ResponseCase {
    public boolean open;
    public long openedAt;
    public long deadline;

    /** Complaint severity, or null for a question. */
    public String severity;

    public String category;
    public String mentionId;
    public String customerKey;
    public String excerpt;

    /** Follow-ups by the same customer ("还没人回复?"): each escalates the case. */
    public int followUps;

    /** True once UNANSWERED_COMPLAINT was raised: a late answer then resolves it. */
    public boolean alerted;

    /**
     * A brand reply seen before the mention it answers (out of order): its time, or Long.MIN_VALUE.
     */
    public long earlyReplyAt = Long.MIN_VALUE;

    public ResponseCase() {}
}
