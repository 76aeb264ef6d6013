package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Alerts: the incident lifecycle, the detectors' default thresholds (brands may override them) and
 * the webhook.
 */
public class AlertSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** An incident is resolved once its detector has stayed quiet this long (event time). */
    public Duration resolveAfter = Duration.ofHours(2);

    /**
     * A detector firing again this soon after its incident was resolved reopens it (an UPDATE, not
     * a new OPEN).
     */
    public Duration reopenWithin = Duration.ofHours(6);

    /**
     * While an incident is open, a repeat firing is sent as an UPDATE only when its severity rises,
     * or when the observed value has grown by half since the last alert and at least this much time
     * has passed.
     */
    public Duration updateInterval = Duration.ofMinutes(30);

    /** Thresholds of every brand; a brand's {@code detectors} section overrides any of them. */
    public DetectorSettings detectors = new DetectorSettings();

    public WebhookSettings webhook = new WebhookSettings();
}
