package io.brandpulse.alerts;

import io.brandpulse.config.AlertSettings;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns detections into few alerts: per (brand, type) one incident, {@code OPEN} on the first
 * detection, {@code UPDATE} when it escalates (higher severity, or the observed value up by half
 * after {@code updateInterval}), {@code RESOLVED} once the detector has been quiet for {@code
 * resolveAfter}. A detection within {@code reopenWithin} of the resolution reopens the same
 * incident (an UPDATE). Ids are derived from brand, type, window and status (and an UPDATE's
 * severity), so a replay or a restart produces the same ids.
 */
public final class IncidentLifecycle {
    public static final String OPEN = "OPEN";
    public static final String UPDATE = "UPDATE";
    public static final String RESOLVED = "RESOLVED";

    /**
     * An UPDATE without a severity change needs the observed value this many times the last
     * alert's.
     */
    static final double GROWTH_FOR_UPDATE = 1.5;

    private final long resolveAfter;
    private final long reopenWithin;
    private final long updateInterval;

    public IncidentLifecycle(AlertSettings settings) {
        this.resolveAfter = settings.resolveAfter.toMillis();
        this.reopenWithin = settings.reopenWithin.toMillis();
        this.updateInterval = settings.updateInterval.toMillis();
    }

    /**
     * Event time at which an incident last seen at {@code lastSeen} is resolved if nothing fires
     * meanwhile.
     */
    public long resolveAt(Incident incident) {
        return incident.lastSeen + resolveAfter;
    }

    /**
     * Applies a detection to the brand's incident of that type ({@code incident} is null when there
     * never was one). Returns the alert to send, or null when the detection only extends the open
     * incident.
     */
    public Result onDetection(String brand, Incident incident, Detection d) {
        Incident i = incident;
        String status;
        if (i == null || (!i.open && d.detectedAt() > i.resolvedAt + reopenWithin)) {
            i = new Incident();
            i.incidentId = id("incident", brand, d.type().name(), Long.toString(d.windowStart()));
            i.firstSeen = d.detectedAt();
            status = OPEN;
        } else if (!i.open) {
            status = UPDATE; // reopened: the same incident, not a new one
        } else {
            boolean escalated = d.severity().compareTo(Severity.of(i.severity)) > 0;
            boolean grown =
                    d.detectedAt() - i.lastAlertAt >= updateInterval
                            && d.observed() >= GROWTH_FOR_UPDATE * i.lastObserved;
            boolean sameWindow =
                    d.windowStart() == i.lastAlertWindowStart && UPDATE.equals(i.lastStatus);
            i.lastSeen = Math.max(i.lastSeen, d.detectedAt());
            // An escalation is always sent (its id carries the new severity); growth at most once
            // per window.
            if (!escalated && (!grown || sameWindow)) {
                return new Result(i, null);
            }
            status = UPDATE;
        }
        boolean reopened = !i.open && status.equals(UPDATE);
        i.open = true;
        i.lastSeen = Math.max(i.lastSeen, d.detectedAt());
        i.lastAlertWindowStart = d.windowStart();
        i.lastAlertAt = d.detectedAt();
        i.lastStatus = status;
        i.severity =
                status.equals(OPEN) || reopened
                        ? d.severity().name()
                        : Severity.of(i.severity).atLeast(d.severity()).name();
        i.lastObserved = d.observed();
        i.lastExpected = d.expected();
        i.lastScore = d.score();
        i.lastThreshold = d.threshold();
        Alert alert =
                alert(
                        brand,
                        d.type().name(),
                        i,
                        status,
                        d.windowStart(),
                        d.windowEnd(),
                        d.detectedAt());
        alert.observed = d.observed();
        alert.expected = d.expected();
        alert.score = d.score();
        alert.threshold = d.threshold();
        alert.summary = (reopened ? "reopened: " : "") + d.summary();
        alert.evidence = d.evidence();
        return new Result(i, alert);
    }

    /**
     * Resolves the incident when it has been quiet long enough by {@code now} (event time); returns
     * the RESOLVED alert, or null when it is not due (it fired again meanwhile) or already
     * resolved.
     */
    public Result onQuiet(String brand, String type, Incident i, long now, long windowMillis) {
        if (i == null || !i.open || now < resolveAt(i)) {
            return new Result(i, null);
        }
        i.open = false;
        i.resolvedAt = now;
        i.lastStatus = RESOLVED;
        long windowStart = Math.floorDiv(now, windowMillis) * windowMillis;
        Alert alert = alert(brand, type, i, RESOLVED, windowStart, windowStart + windowMillis, now);
        alert.observed = i.lastObserved;
        alert.expected = i.lastExpected;
        alert.score = i.lastScore;
        alert.threshold = i.lastThreshold;
        alert.summary =
                String.format(
                        Locale.ROOT, "quiet since %s: resolved", Instant.ofEpochMilli(i.lastSeen));
        AlertEvidence evidence = new AlertEvidence();
        evidence.driverTerms = new String[0];
        evidence.keywords = new String[0];
        evidence.sampleMentionIds = new String[0];
        alert.evidence = evidence;
        return new Result(i, alert);
    }

    public record Result(Incident incident, Alert alert) {}

    private static Alert alert(
            String brand,
            String type,
            Incident i,
            String status,
            long windowStart,
            long windowEnd,
            long detectedAt) {
        Alert a = new Alert();
        // An UPDATE's id includes its severity, so an escalation within one window is a distinct
        // alert.
        a.alertId =
                status.equals(UPDATE)
                        ? id("alert", brand, type, Long.toString(windowStart), status, i.severity)
                        : id("alert", brand, type, Long.toString(windowStart), status);
        a.incidentId = i.incidentId;
        a.brand = brand;
        a.type = type;
        a.severity = i.severity;
        a.status = status;
        a.windowStart = windowStart;
        a.windowEnd = windowEnd;
        a.detectedAt = detectedAt;
        a.firstSeen = i.firstSeen;
        a.lastSeen = i.lastSeen;
        return a;
    }

    /** 32 hex digits of SHA-256 over the parts: stable across runs, machines and restarts. */
    public static String id(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
