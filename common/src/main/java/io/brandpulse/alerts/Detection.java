package io.brandpulse.alerts;

import io.brandpulse.model.AlertEvidence;

/**
 * A detector firing: what it saw against what it expected. The incident lifecycle decides if it
 * becomes an alert.
 */
public record Detection(
        AlertType type,
        Severity severity,
        long windowStart,
        long windowEnd,
        long detectedAt,
        double observed,
        double expected,
        double score,
        double threshold,
        String summary,
        AlertEvidence evidence) {}
