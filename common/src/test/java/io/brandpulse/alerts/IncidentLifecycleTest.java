package io.brandpulse.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.AlertSettings;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long WINDOW = 15 * MINUTE;
    private static final long T = Instant.parse("2026-11-09T14:00:00Z").toEpochMilli();
    private static final String BRAND = "qingning";

    /** resolveAfter 2h, reopenWithin 6h, updateInterval 30m. */
    private final IncidentLifecycle lifecycle = new IncidentLifecycle(new AlertSettings());

    private Incident incident;

    /**
     * A window detection of the window starting at {@code windowStart}, detected when it closes.
     */
    private static Detection detection(
            AlertType type, long windowStart, Severity severity, double observed) {
        AlertEvidence e = new AlertEvidence();
        e.keywords = new String[] {"退款"};
        e.driverTerms = new String[] {"拉肚子"};
        e.sampleMentionIds = new String[] {"weibo:1"};
        e.mentions = (long) observed;
        return new Detection(
                type,
                severity,
                windowStart,
                windowStart + WINDOW,
                windowStart + WINDOW,
                observed,
                observed / 8,
                12.5,
                4.0,
                observed + " mentions",
                e);
    }

    private static Detection spike(long windowStart, Severity severity, double observed) {
        return detection(AlertType.VOLUME_SPIKE, windowStart, severity, observed);
    }

    private Alert detect(Detection d) {
        IncidentLifecycle.Result r = lifecycle.onDetection(BRAND, incident, d);
        assertNotNull(r.incident(), "the incident is always returned, to be stored");
        incident = r.incident();
        return r.alert();
    }

    private Alert quiet(long now) {
        IncidentLifecycle.Result r =
                lifecycle.onQuiet(BRAND, AlertType.VOLUME_SPIKE.name(), incident, now, WINDOW);
        incident = r.incident();
        return r.alert();
    }

    private static void assertHexId(String id) {
        assertNotNull(id);
        assertTrue(id.matches("[0-9a-f]{32}"), id);
    }

    @Nested
    class Open {
        @Test
        void theFirstDetectionOpensAnIncident() {
            Detection d = spike(T, Severity.MEDIUM, 160);
            Alert a = detect(d);

            assertNotNull(a);
            assertEquals(IncidentLifecycle.OPEN, a.status);
            assertHexId(a.alertId);
            assertHexId(a.incidentId);
            assertNotEquals(a.alertId, a.incidentId);
            assertEquals(BRAND, a.brand);
            assertEquals("VOLUME_SPIKE", a.type);
            assertEquals("MEDIUM", a.severity);
            assertEquals(T, a.windowStart);
            assertEquals(T + WINDOW, a.windowEnd);
            assertEquals(T + WINDOW, a.detectedAt);
            assertEquals(T + WINDOW, a.firstSeen);
            assertEquals(T + WINDOW, a.lastSeen);
            assertEquals(160, a.observed);
            assertEquals(20, a.expected);
            assertEquals(12.5, a.score);
            assertEquals(4.0, a.threshold);
            assertEquals("160.0 mentions", a.summary);
            assertSame(d.evidence(), a.evidence);

            assertTrue(incident.open);
            assertEquals(a.incidentId, incident.incidentId);
            assertEquals(
                    T + WINDOW + 2 * HOUR,
                    lifecycle.resolveAt(incident),
                    "resolveAfter after the last detection");
        }

        @Test
        void eachTypeHasItsOwnIncident() {
            Alert spike =
                    lifecycle.onDetection(BRAND, null, spike(T, Severity.MEDIUM, 160)).alert();
            Alert surge =
                    lifecycle
                            .onDetection(
                                    BRAND,
                                    null,
                                    detection(AlertType.NEGATIVE_SURGE, T, Severity.MEDIUM, 0.9))
                            .alert();
            assertEquals(IncidentLifecycle.OPEN, surge.status);
            assertNotEquals(spike.incidentId, surge.incidentId);
            assertNotEquals(spike.alertId, surge.alertId);
        }
    }

    @Nested
    class WhileOpen {
        @Test
        void aWeakerRepeatSendsNothingButKeepsTheIncidentAlive() {
            detect(spike(T, Severity.HIGH, 300));
            long resolveAt = lifecycle.resolveAt(incident);

            assertNull(
                    detect(spike(T + WINDOW, Severity.MEDIUM, 200)),
                    "lower severity, lower volume");
            assertNull(
                    detect(spike(T + 2 * WINDOW, Severity.HIGH, 300)),
                    "same severity, same volume");
            assertEquals(T + 3 * WINDOW, incident.lastSeen);
            assertEquals(
                    resolveAt + 2 * WINDOW,
                    lifecycle.resolveAt(incident),
                    "resolution pushed back");
            assertEquals("HIGH", incident.severity, "never lowered");
            assertEquals(300, incident.lastObserved, "growth is measured against the last alert");
        }

        @Test
        void aHigherSeverityIsAnUpdateOfTheSameIncident() {
            Alert open = detect(spike(T, Severity.MEDIUM, 160));
            Alert update = detect(spike(T + WINDOW, Severity.HIGH, 170));

            assertNotNull(update);
            assertEquals(IncidentLifecycle.UPDATE, update.status);
            assertEquals(open.incidentId, update.incidentId);
            assertNotEquals(open.alertId, update.alertId);
            assertEquals("HIGH", update.severity);
            assertEquals(T + WINDOW, update.windowStart);
            assertEquals(open.firstSeen, update.firstSeen);
            assertEquals(T + 2 * WINDOW, update.lastSeen);
            assertEquals(170, update.observed);
        }

        @Test
        void growthByHalfAfterTheUpdateIntervalIsAnUpdate() {
            Alert open = detect(spike(T, Severity.MEDIUM, 100));

            assertNull(
                    detect(spike(T + WINDOW, Severity.MEDIUM, 200)),
                    "doubled, but only 15 minutes after the OPEN");
            assertNull(
                    detect(spike(T + 2 * WINDOW, Severity.MEDIUM, 149)),
                    "30 minutes later but up by less than half");
            Alert update = detect(spike(T + 3 * WINDOW, Severity.MEDIUM, 150));

            assertNotNull(update, "45 minutes and 1.5x");
            assertEquals(IncidentLifecycle.UPDATE, update.status);
            assertEquals(open.incidentId, update.incidentId);
            assertEquals("MEDIUM", update.severity);
            assertEquals(150, incident.lastObserved);
            assertNull(
                    detect(spike(T + 4 * WINDOW, Severity.MEDIUM, 200)),
                    "measured against the UPDATE now: 1.33x");
        }

        @Test
        void growthExactlyAtTheUpdateIntervalCounts() {
            detect(spike(T, Severity.MEDIUM, 100));
            assertNotNull(detect(spike(T + 30 * MINUTE, Severity.MEDIUM, 150)));
        }

        @Test
        void growthTwiceInTheSameWindowIsSentOnceButAnEscalationAlwaysGoesOut() {
            Alert open = detect(spike(T, Severity.LOW, 50));
            Alert first =
                    detect(detection(AlertType.VOLUME_SPIKE, T + WINDOW, Severity.MEDIUM, 60));
            assertEquals(IncidentLifecycle.UPDATE, first.status);

            // The same window again with more of the same severity (a re-emitted window, a crisis
            // term firing twice):
            // an UPDATE of that window already went out.
            assertNull(detect(detection(AlertType.VOLUME_SPIKE, T + WINDOW, Severity.MEDIUM, 200)));

            // An escalation in that same window is news: sent, with an id of its own (it carries
            // the severity).
            Alert escalated =
                    detect(detection(AlertType.VOLUME_SPIKE, T + WINDOW, Severity.HIGH, 90));
            assertNotNull(escalated, "a jump to HIGH is not held back for a window");
            assertEquals(open.incidentId, escalated.incidentId);
            assertNotEquals(first.alertId, escalated.alertId);
        }

        @Test
        void anUpdateInTheWindowThatOpenedTheIncidentIsSent() {
            Alert open = detect(detection(AlertType.CRISIS_KEYWORD, T, Severity.MEDIUM, 3));
            Alert update = detect(detection(AlertType.CRISIS_KEYWORD, T, Severity.CRITICAL, 4));
            assertNotNull(update, "an OPEN and an UPDATE of one window have different ids");
            assertEquals(IncidentLifecycle.UPDATE, update.status);
            assertNotEquals(open.alertId, update.alertId);
            assertEquals(open.incidentId, update.incidentId);
        }
    }

    @Nested
    class Resolution {
        @Test
        void quietLongEnoughResolves() {
            Alert open = detect(spike(T, Severity.HIGH, 300));
            long resolveAt = lifecycle.resolveAt(incident);

            assertNull(quiet(resolveAt - 1), "not quiet long enough yet");
            assertTrue(incident.open);

            Alert resolved = quiet(resolveAt);
            assertNotNull(resolved);
            assertEquals(IncidentLifecycle.RESOLVED, resolved.status);
            assertEquals(open.incidentId, resolved.incidentId);
            assertHexId(resolved.alertId);
            assertNotEquals(open.alertId, resolved.alertId);
            assertEquals("HIGH", resolved.severity);
            assertEquals(300, resolved.observed, "the last alert's numbers");
            assertEquals(open.expected, resolved.expected);
            assertEquals(resolveAt - Math.floorMod(resolveAt, WINDOW), resolved.windowStart);
            assertEquals(resolved.windowStart + WINDOW, resolved.windowEnd);
            assertEquals(resolveAt, resolved.detectedAt);
            assertEquals(T + WINDOW, resolved.lastSeen);
            assertTrue(resolved.summary.contains("resolved"), resolved.summary);
            assertEquals(0, resolved.evidence.sampleMentionIds.length);
            assertFalse(incident.open);
            assertEquals(resolveAt, incident.resolvedAt);

            assertNull(quiet(resolveAt + HOUR), "resolved once");
        }

        @Test
        void aTimerForAnEarlierResolveAtDoesNotResolveAnIncidentThatFiredMeanwhile() {
            detect(spike(T, Severity.HIGH, 300));
            long firstResolveAt = lifecycle.resolveAt(incident);
            detect(spike(T + HOUR, Severity.HIGH, 300));
            assertNull(quiet(firstResolveAt));
            assertTrue(incident.open);
            assertNotNull(quiet(lifecycle.resolveAt(incident)));
        }

        @Test
        void noIncidentNothingToResolve() {
            assertNull(lifecycle.onQuiet(BRAND, "VOLUME_SPIKE", null, T, WINDOW).alert());
        }

        @Test
        void aDetectionSoonAfterTheResolutionReopensTheSameIncident() {
            Alert open = detect(spike(T, Severity.HIGH, 300));
            long resolvedAt = lifecycle.resolveAt(incident);
            quiet(resolvedAt);

            long later = resolvedAt + 5 * HOUR; // within reopenWithin 6h
            long window = later - Math.floorMod(later, WINDOW);
            Alert reopened = detect(spike(window, Severity.MEDIUM, 150));

            assertNotNull(reopened);
            assertEquals(IncidentLifecycle.UPDATE, reopened.status, "never a second OPEN");
            assertEquals(open.incidentId, reopened.incidentId);
            assertTrue(reopened.summary.startsWith("reopened: "), reopened.summary);
            assertEquals(
                    "MEDIUM",
                    reopened.severity,
                    "the reopened incident is as severe as what reopened it");
            assertEquals(open.firstSeen, reopened.firstSeen);
            assertTrue(incident.open);
            assertNull(
                    detect(spike(window + WINDOW, Severity.MEDIUM, 150)),
                    "open again: repeats are quiet");
        }

        @Test
        void reopeningWorksUpToExactlyReopenWithin() {
            detect(spike(T, Severity.HIGH, 300));
            long resolvedAt = lifecycle.resolveAt(incident);
            quiet(resolvedAt);
            Detection d =
                    new Detection(
                            AlertType.VOLUME_SPIKE,
                            Severity.LOW,
                            resolvedAt + 6 * HOUR - WINDOW,
                            resolvedAt + 6 * HOUR,
                            resolvedAt + 6 * HOUR,
                            40,
                            5,
                            6,
                            4,
                            "s",
                            new AlertEvidence());
            assertEquals(IncidentLifecycle.UPDATE, detect(d).status);
        }

        @Test
        void aDetectionAfterReopenWithinOpensANewIncident() {
            Alert first = detect(spike(T, Severity.HIGH, 300));
            long resolvedAt = lifecycle.resolveAt(incident);
            quiet(resolvedAt);

            long later = resolvedAt + 7 * HOUR;
            long window = later - Math.floorMod(later, WINDOW);
            Alert second = detect(spike(window, Severity.MEDIUM, 150));

            assertEquals(IncidentLifecycle.OPEN, second.status);
            assertHexId(second.incidentId);
            assertNotEquals(first.incidentId, second.incidentId);
            assertEquals(
                    window + WINDOW, second.firstSeen, "a new incident starts its own history");
            assertFalse(second.summary.startsWith("reopened"));
        }
    }

    @Nested
    class Ids {
        /**
         * A whole incident: OPEN, an escalation, repeats, RESOLVED, a reopening, RESOLVED, a new
         * OPEN.
         */
        private List<Alert> story(String brand) {
            IncidentLifecycle l = new IncidentLifecycle(new AlertSettings());
            List<Alert> alerts = new ArrayList<>();
            Incident[] i = {null};
            Consumer<Detection> on =
                    d -> {
                        IncidentLifecycle.Result r = l.onDetection(brand, i[0], d);
                        i[0] = r.incident();
                        if (r.alert() != null) {
                            alerts.add(r.alert());
                        }
                    };
            LongConsumer quiet =
                    now -> {
                        IncidentLifecycle.Result r =
                                l.onQuiet(brand, "VOLUME_SPIKE", i[0], now, WINDOW);
                        i[0] = r.incident();
                        if (r.alert() != null) {
                            alerts.add(r.alert());
                        }
                    };
            on.accept(spike(T, Severity.MEDIUM, 100));
            on.accept(spike(T + WINDOW, Severity.HIGH, 120));
            on.accept(spike(T + 2 * WINDOW, Severity.HIGH, 110));
            quiet.accept(l.resolveAt(i[0]));
            on.accept(spike(T + 4 * HOUR, Severity.LOW, 50));
            quiet.accept(l.resolveAt(i[0]));
            on.accept(spike(T + 20 * HOUR, Severity.MEDIUM, 90));
            return alerts;
        }

        @Test
        void aReplayInAFreshLifecycleYieldsTheSameIds() {
            List<Alert> run = story(BRAND);
            List<Alert> replay = story(BRAND);

            assertEquals(
                    List.of("OPEN", "UPDATE", "RESOLVED", "UPDATE", "RESOLVED", "OPEN"),
                    run.stream().map(a -> a.status).toList());
            assertEquals(
                    run.stream().map(a -> a.alertId).toList(),
                    replay.stream().map(a -> a.alertId).toList());
            assertEquals(
                    run.stream().map(a -> a.incidentId).toList(),
                    replay.stream().map(a -> a.incidentId).toList());
        }

        @Test
        void alertIdsAreUniqueWithinAStoryAndIncidentIdsChangeOnlyWithANewOpen() {
            List<Alert> run = story(BRAND);
            Set<String> alertIds = new HashSet<>();
            run.forEach(a -> assertTrue(alertIds.add(a.alertId), "duplicate alertId " + a.alertId));
            assertEquals(1, run.subList(0, 5).stream().map(a -> a.incidentId).distinct().count());
            assertNotEquals(run.get(0).incidentId, run.get(5).incidentId);
        }

        @Test
        void idsDifferByBrand() {
            List<Alert> a = story("qingning");
            List<Alert> b = story("beian");
            for (int i = 0; i < a.size(); i++) {
                assertNotEquals(a.get(i).alertId, b.get(i).alertId);
                assertNotEquals(a.get(i).incidentId, b.get(i).incidentId);
            }
        }

        @Test
        void idsDifferByTypeWindowAndStatus() {
            String base =
                    IncidentLifecycle.id("alert", BRAND, "VOLUME_SPIKE", Long.toString(T), "OPEN");
            assertHexId(base);
            assertEquals(
                    base,
                    IncidentLifecycle.id("alert", BRAND, "VOLUME_SPIKE", Long.toString(T), "OPEN"));
            assertNotEquals(
                    base,
                    IncidentLifecycle.id(
                            "alert", BRAND, "NEGATIVE_SURGE", Long.toString(T), "OPEN"));
            assertNotEquals(
                    base,
                    IncidentLifecycle.id(
                            "alert", BRAND, "VOLUME_SPIKE", Long.toString(T + WINDOW), "OPEN"));
            assertNotEquals(
                    base,
                    IncidentLifecycle.id(
                            "alert", BRAND, "VOLUME_SPIKE", Long.toString(T), "UPDATE"));
            assertNotEquals(
                    base,
                    IncidentLifecycle.id(
                            "alert", BRAND + "x", "VOLUME_SPIKE", Long.toString(T), "OPEN"));
            assertNotEquals(
                    IncidentLifecycle.id("a", "bc"),
                    IncidentLifecycle.id("ab", "c"),
                    "parts are separated");

            Alert open = lifecycle.onDetection(BRAND, null, spike(T, Severity.MEDIUM, 100)).alert();
            assertEquals(
                    base,
                    open.alertId,
                    "the OPEN's id is the one of its brand, type, window and status");
            assertEquals(
                    IncidentLifecycle.id("incident", BRAND, "VOLUME_SPIKE", Long.toString(T)),
                    open.incidentId);
            Alert otherWindow =
                    lifecycle
                            .onDetection(BRAND, null, spike(T + WINDOW, Severity.MEDIUM, 100))
                            .alert();
            assertNotEquals(open.incidentId, otherWindow.incidentId);
        }
    }
}
