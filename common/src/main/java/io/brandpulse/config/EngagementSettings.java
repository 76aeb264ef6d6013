package io.brandpulse.config;

import java.io.Serializable;

/** Per-customer engagement quality scores ({@code customer-engagement}). */
public class EngagementSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean enabled = true;
    /** Recency: a score loses half its weight after this long without a meaningful interaction. */
    public String halfLife = "30d";
    /** No interaction for this long: the customer is DORMANT (one last record is emitted). */
    public String dormantAfter = "60d";
    /** No interaction for this long: the customer's state is dropped (bounded state for millions of customers). */
    public String forgetAfter = "180d";
    /** A customer's record is emitted at most this often (event time), unless the tier changes. */
    public String minEmitInterval = "1h";
    /** ...and only when the score moved by at least this many points (or the tier changed). */
    public double minScoreChange = 2.0;
}
