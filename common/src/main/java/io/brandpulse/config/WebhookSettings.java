package io.brandpulse.config;

import io.brandpulse.alerts.Severity;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The crisis team's HTTP webhook. Delivery is asynchronous and retried with backoff; an alert that
 * still cannot be delivered goes to the dead-letter topic (reason {@code WEBHOOK_UNDELIVERED}),
 * never fails the job.
 */
public class WebhookSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * http(s) URL; empty means no webhook. May hold a token: write {@code ${env:NAME}}; it is never
     * logged.
     */
    public String url;

    /**
     * Body template: {@code generic} (the alert JSON), {@code slack}, {@code wecom} or {@code
     * dingtalk}.
     */
    public Template template = Template.GENERIC;

    /**
     * HMAC-SHA256 key signing each body (header {@code X-BrandPulse-Signature: sha256=<hex>});
     * optional.
     */
    public String signingKey;

    /**
     * Only alerts at or above this severity are sent (every alert still goes to the alerts topic).
     */
    public Severity minSeverity = Severity.LOW;

    /** Time allowed for one attempt. */
    public Duration requestTimeout = Duration.ofSeconds(10);

    public int maxAttempts = 6;

    /** Backoff before the second attempt, doubled each time up to {@code maxBackoff}. */
    public Duration initialBackoff = Duration.ofSeconds(1);

    public Duration maxBackoff = Duration.ofMinutes(1);

    /**
     * Deliveries in flight per parallel instance; beyond it the operator waits (bounded memory).
     */
    public int maxInFlight = 100;

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** Body templates, written in lower case. */
    public enum Template {
        GENERIC,
        SLACK,
        WECOM,
        DINGTALK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "WebhookSettings{url="
                + (enabled() ? "<redacted>" : "none")
                + ", template="
                + template
                + "}";
    }
}
