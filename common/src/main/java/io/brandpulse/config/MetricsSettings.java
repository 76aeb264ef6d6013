package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/** Per-brand event-time window metrics ({@code brand-metrics}). */
public class MetricsSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Tumbling event-time window length. */
    public Duration window = Duration.ofMinutes(15);

    /**
     * Mentions up to this late (behind the watermark) still update their window, which is then
     * emitted again; later ones are counted ({@code lateMentionsDropped}) and left out of the
     * metrics.
     */
    public Duration allowedLateness = Duration.ofMinutes(10);
}
