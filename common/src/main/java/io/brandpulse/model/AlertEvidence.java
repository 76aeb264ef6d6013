package io.brandpulse.model;

/** What an alert is based on, so that a person can judge it without opening a dashboard. */
public class AlertEvidence {
    /** The words most above their usual frequency for the brand. */
    public String[] driverTerms;

    /** Configured keywords and crisis terms involved. */
    public String[] keywords;

    /** Ids of example mentions, most engaged first. */
    public String[] sampleMentionIds;

    /** Mentions counted by the detector in its span. */
    public long mentions;

    /** Distinct (pseudonymous) authors among them: organic talk has many. */
    public long uniqueAuthors;

    /** Share of reposts and copies: amplification rather than original posts. */
    public double repostShare;

    /** Negative share of the span's mentions. */
    public double negativeShare;

    /** For COMPLAINT_BURST and UNANSWERED_COMPLAINT: the complaint category. */
    public String complaintCategory;

    /**
     * For UNANSWERED_COMPLAINT: the customer (pseudonymous), an excerpt of what they wrote, and the
     * deadline.
     */
    public String customerKey;

    public String excerpt;
    public Long deadline;

    public AlertEvidence() {}
}
