package io.brandpulse.model;

/**
 * One alert for the crisis team ({@code alerts}, key = brand). Every alert explains itself: what
 * was observed, what was expected, the score and the threshold it crossed, and the evidence. Alerts
 * about one ongoing problem share an {@link #incidentId}: the first is {@code OPEN}, the next ones
 * {@code UPDATE}, the last {@code RESOLVED}.
 */
public class Alert extends Versioned {
    /**
     * Deterministic from brand, type, window and status: a replay or a restart yields the same ids.
     */
    public String alertId;

    /** Deterministic from brand, type and the window that opened the incident. */
    public String incidentId;

    public String brand;

    /**
     * {@code VOLUME_SPIKE}, {@code NEGATIVE_SURGE}, {@code CRISIS_KEYWORD}, {@code
     * COMPLAINT_BURST}.
     */
    public String type;

    /** {@code LOW}, {@code MEDIUM}, {@code HIGH}, {@code CRITICAL}. */
    public String severity;

    /** {@code OPEN}, {@code UPDATE}, {@code RESOLVED}. */
    public String status;

    /** The metrics window the alert was raised in (epoch ms, end exclusive). */
    public long windowStart;

    public long windowEnd;

    /**
     * Event time at which the detector fired (for a window, its end; for a crisis term, the
     * mention's time).
     */
    public long detectedAt;

    /** Event time of the incident's first and latest evidence. */
    public long firstSeen;

    public long lastSeen;

    /**
     * What the detector measured, what it expected from the baseline, the score and the threshold
     * crossed.
     */
    public double observed;

    public double expected;
    public double score;
    public double threshold;

    /** A sentence for people: what happened, against what baseline. */
    public String summary;

    public AlertEvidence evidence;

    /**
     * Covered by a silence of the control topic: written to {@code alerts} all the same, not sent
     * to the webhook.
     */
    public boolean silenced;

    /** The silence that covers it, or null. */
    public String silenceId;

    /** Who acknowledged its incident on the control topic, or null. */
    public String acknowledgedBy;

    /**
     * Whether the webhook is told of it: not when silenced, nor for an UPDATE of an acknowledged
     * incident whose severity did not rise.
     */
    public boolean notifyWebhook = true;

    public Alert() {}

    /**
     * A window's alert is judged under the rules in force at the window's start, as its window was;
     * a crisis term's and a deadline's at the moment they were detected.
     */
    @Override
    public long eventTime() {
        return "CRISIS_KEYWORD".equals(type) || "UNANSWERED_COMPLAINT".equals(type)
                ? detectedAt
                : windowStart;
    }

    @Override
    public String brandId() {
        return brand;
    }
}
