package io.brandpulse.model;

/** A brand's responsiveness in one window ({@code responses} in brand-metrics). */
public class ResponseStats {
    public String brand;
    public long windowStart;
    public long windowEnd;

    /** Cases opened in the window (complaints and questions addressed to the brand). */
    public long opened;

    /** Cases the brand answered in the window, and how many within their deadline. */
    public long answered;

    public long answeredWithinDeadline;

    /** Cases whose deadline passed in the window without an answer. */
    public long overdue;

    /**
     * First-response time percentiles of the window's answers, in minutes; null without answers.
     */
    public Double p50Minutes;

    public Double p90Minutes;

    /** Cases open at the window's end (opened and not yet answered, up to giveUpAfter). */
    public long openCases;

    public ResponseStats() {}
}
