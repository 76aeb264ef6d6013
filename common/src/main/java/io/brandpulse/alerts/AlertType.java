package io.brandpulse.alerts;

/** What a detector watches; an incident is per brand and type. */
public enum AlertType {
    VOLUME_SPIKE,
    NEGATIVE_SURGE,
    COMPLAINT_BURST,
    CRISIS_KEYWORD,
    UNANSWERED_COMPLAINT
}
