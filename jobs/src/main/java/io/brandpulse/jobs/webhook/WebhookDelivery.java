package io.brandpulse.jobs.webhook;

/** The outcome of one attempt to deliver an alert to the webhook. */
public class WebhookDelivery {
    public String alertId;
    public boolean delivered;

    /** A failure worth another attempt: network error, timeout, HTTP 408, 429 or 5xx. */
    public boolean retryable;

    /** Attempts made. */
    public int attempts;

    /** HTTP status, 0 when there was no response. */
    public int status;

    public String error;

    /** The alert as JSON, kept for the dead letter when it cannot be delivered. */
    public String alertJson;

    public WebhookDelivery() {}
}
