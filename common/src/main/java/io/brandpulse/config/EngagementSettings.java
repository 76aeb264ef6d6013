package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/** Per-customer engagement quality scores ({@code customer-engagement}). */
public class EngagementSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean enabled = true;

    /** Recency: a score loses half its weight after this long without a meaningful interaction. */
    public Duration halfLife = Duration.ofDays(30);

    /** No interaction for this long: the customer is DORMANT (one last record is emitted). */
    public Duration dormantAfter = Duration.ofDays(60);

    /**
     * No interaction for this long: the customer's state is dropped (bounded state for millions of
     * customers).
     */
    public Duration forgetAfter = Duration.ofDays(180);

    /** A customer's record is emitted at most this often (event time), unless the tier changes. */
    public Duration minEmitInterval = Duration.ofHours(1);

    /** ...and only when the score moved by at least this many points (or the tier changed). */
    public double minScoreChange = 2.0;
}
