package io.brandpulse.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.DetectorSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CrisisTermDetectorTest {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WINDOW = 15 * MINUTE;
    private static final String TERM = "食物中毒";

    /** The brand was first seen here. */
    private static final long SINCE = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

    /** Two days and a bit after: past the warm-up, no use of the term so far. */
    private static final long NOW = SINCE + 2 * DAY + 10 * HOUR + 3 * MINUTE;

    private final DetectorSettings settings = new DetectorSettings();
    private CrisisTermWatch watch = new CrisisTermWatch(settings.baselineDays);

    private static CrisisTermDetector.Use use(
            long time,
            String author,
            String id,
            long engagement,
            boolean positive,
            String severity) {
        return new CrisisTermDetector.Use(
                TERM, time, author, id, engagement, false, positive, severity);
    }

    private static CrisisTermDetector.Use complaint(long time, String author) {
        return use(time, author, "weibo:" + author + "-" + time, 1, false, null);
    }

    private Detection observe(CrisisTermDetector.Use use, long brandSince) {
        return CrisisTermDetector.observe(watch, use, brandSince, WINDOW, settings);
    }

    private Detection observe(CrisisTermDetector.Use use) {
        return observe(use, SINCE);
    }

    /**
     * Uses by distinct authors a0, a1, ... one a minute from {@code start}; asserts none fires
     * before the last.
     */
    private Detection authorsUntilFired(long start, int max, long brandSince) {
        for (int i = 0; i < max; i++) {
            Detection d = observe(complaint(start + i * MINUTE, "a" + i), brandSince);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    @Nested
    class ANewTerm {
        @Test
        void threeDistinctAuthorsWithinAnHourFire() {
            assertNull(observe(complaint(NOW, "u1")));
            assertNull(observe(complaint(NOW + 10 * MINUTE, "u2")));
            Detection d = observe(complaint(NOW + 25 * MINUTE, "u3"));

            assertNotNull(d);
            assertEquals(AlertType.CRISIS_KEYWORD, d.type());
            assertEquals(3, d.observed());
            assertEquals(0, d.expected());
            assertEquals(
                    3.0, d.threshold(), "minAuthors, nothing on top for a term new to the brand");
            assertEquals(3.0, d.score());
            assertEquals(Severity.MEDIUM, d.severity());
            long t = NOW + 25 * MINUTE;
            assertEquals(
                    t,
                    d.detectedAt(),
                    "a crisis term fires on the mention, not when a window closes");
            assertEquals(t - Math.floorMod(t, WINDOW), d.windowStart());
            assertEquals(d.windowStart() + WINDOW, d.windowEnd());
            assertArrayEquals(new String[] {TERM}, d.evidence().keywords);
            assertEquals(3, d.evidence().uniqueAuthors);
            assertEquals(3, d.evidence().mentions);
            assertEquals(1.0, d.evidence().negativeShare);
            assertTrue(
                    d.summary().contains(TERM) && d.summary().contains("3 authors"), d.summary());
            assertFalse(d.summary().contains("under a day"), d.summary());
        }

        @Test
        void oneAuthorRepeatingTheTermIsOneAuthor() {
            assertNull(observe(complaint(NOW, "u1")));
            assertNull(observe(complaint(NOW + MINUTE, "u1")));
            assertNull(observe(complaint(NOW + 2 * MINUTE, "u1")));
            assertNull(observe(complaint(NOW + 3 * MINUTE, "u2")), "two authors in four mentions");
            Detection d = observe(complaint(NOW + 4 * MINUTE, "u3"));
            assertNotNull(d);
            assertEquals(3, d.observed());
            assertEquals(5, d.evidence().mentions);
        }

        @Test
        void authorsMoreThanTheSpanApartDoNotAddUp() {
            assertNull(observe(complaint(NOW, "u1")));
            assertNull(observe(complaint(NOW + 40 * MINUTE, "u2")));
            assertNull(
                    observe(complaint(NOW + 70 * MINUTE, "u3")),
                    "u1 wrote 70 minutes before u3: outside the 1h span");
            Detection d = observe(complaint(NOW + 75 * MINUTE, "u4"));
            assertNotNull(d, "u2, u3 and u4 within the hour");
            assertEquals(3, d.observed());
        }

        @Test
        void aLateUseOlderThanTheSpanIsNotEvidence() {
            assertNull(observe(complaint(NOW, "u1")));
            assertNull(observe(complaint(NOW + 70 * MINUTE, "u2")));
            assertNull(
                    observe(complaint(NOW + 5 * MINUTE, "u3")),
                    "late: 65 minutes before the latest use");
            assertNull(observe(complaint(NOW + 71 * MINUTE, "u4")), "only u2 and u4 are recent");
            assertEquals(2, watch.recentTimes.length);
        }

        @Test
        void aLongerSpanLetsAuthorsFurtherApartAddUp() {
            settings.crisisKeyword.span = Duration.ofHours(2);
            assertNull(observe(complaint(NOW, "u1")));
            assertNull(observe(complaint(NOW + 50 * MINUTE, "u2")));
            assertNotNull(observe(complaint(NOW + 100 * MINUTE, "u3")));
        }

        @Test
        void aDisabledDetectorNeverFires() {
            settings.crisisKeyword.enabled = false;
            assertNull(authorsUntilFired(NOW, 20, SINCE));
        }
    }

    @Nested
    class Baseline {
        @Test
        void positiveUsesNeverFire() {
            for (int i = 0; i < 20; i++) {
                assertNull(
                        observe(use(NOW + i * MINUTE, "fan" + i, "weibo:p" + i, 1000, true, null)),
                        "好喝到中毒 #" + i);
            }
            assertEquals(0, watch.recentTimes.length, "positive uses are never evidence");
        }

        @Test
        void positiveUsesRaiseTheTermsBaseline() {
            // Slang: three uses an hour in positive mentions ("好喝到中毒") over the last two days.
            for (long t = NOW - 48 * HOUR; t < NOW - 2 * HOUR; t += 20 * MINUTE) {
                assertNull(observe(use(t, "fan" + t, "weibo:p" + t, 5, true, null)));
            }
            Detection d = authorsUntilFired(NOW, 40, SINCE);
            assertNotNull(d, "a real burst still fires");
            assertTrue(
                    d.observed() > 10,
                    "3 authors are ordinary for this term, it took " + d.observed());
            assertTrue(
                    d.expected() > 2 && d.expected() < 3,
                    "about 2.5 uses an hour on average: " + d.expected());
            assertEquals(
                    settings.crisisKeyword.minAuthors
                            + settings.crisisKeyword.burstRatio * d.expected(),
                    d.threshold(),
                    0.01);

            // The same three authors for a term that was never used fire.
            watch = new CrisisTermWatch(settings.baselineDays);
            assertNotNull(authorsUntilFired(NOW, 3, SINCE));
        }

        @Test
        void anOldScandalTalkedAboutTwentyTimesADayNeedsARealBurst() {
            long since = SINCE;
            long now = SINCE + 8 * DAY + 10 * HOUR;
            // Every 72 minutes for a week, in neutral mentions, by different people.
            int i = 0;
            for (long t = since + DAY; t < now - 2 * HOUR; t += 72 * MINUTE) {
                assertNull(
                        observe(complaint(t, "old" + i++), since),
                        "one author at a time never fires");
            }
            for (int a = 0; a < 7; a++) {
                assertNull(
                        observe(complaint(now + a * MINUTE, "a" + a), since),
                        (a + 1) + " authors in an hour are not unusual for it");
            }
            Detection d = observe(complaint(now + 7 * MINUTE, "a7"), since);
            assertNotNull(d, "8 authors in an hour are");
            assertEquals(8, d.observed());
            assertTrue(
                    d.expected() > 0.75 && d.expected() < 0.9,
                    "20 a day is 0.83 an hour: " + d.expected());
            assertEquals(3 + 5 * d.expected(), d.threshold(), 0.01);
            assertEquals((8 - d.expected()) / Math.sqrt(1), d.score(), 0.01);
        }

        @Test
        void theBurstItselfIsNeverPartOfItsBaseline() {
            // 30 authors in the hour: were they counted in the baseline, the threshold would climb
            // with them.
            Detection last = null;
            for (int a = 0; a < 30; a++) {
                Detection d = observe(complaint(NOW + a * MINUTE, "a" + a));
                if (a < 2) {
                    assertNull(d, "author " + a);
                } else {
                    assertNotNull(d, "author " + a);
                }
                last = d;
            }
            assertEquals(0, last.expected());
            assertEquals(3.0, last.threshold());
        }
    }

    @Nested
    class WarmUp {
        @Test
        void duringTheBrandsFirstDayTwiceTheAuthorsAreNeeded() {
            long since = NOW - 3 * HOUR;
            Detection d = authorsUntilFired(NOW, 10, since);
            assertNotNull(d);
            assertEquals(6, d.observed(), "minAuthors 3 x warmUpFactor 2");
            assertEquals(6.0, d.threshold());
            assertTrue(d.summary().contains("history under a day"), d.summary());
        }

        @Test
        void aBrandNeverSeenInAWindowIsWarmingUp() {
            Detection d = authorsUntilFired(NOW, 10, Long.MAX_VALUE);
            assertNotNull(d);
            assertEquals(6, d.observed());
        }

        @Test
        void afterADayOfHistoryMinAuthorsAreEnough() {
            Detection d = authorsUntilFired(NOW, 10, NOW - 25 * HOUR);
            assertNotNull(d);
            assertEquals(3, d.observed());
        }

        @Test
        void theWarmUpFactorIsConfigurable() {
            settings.crisisKeyword.warmUpFactor = 3;
            Detection d = authorsUntilFired(NOW, 20, NOW - HOUR);
            assertNotNull(d);
            assertEquals(9, d.observed());
        }
    }

    @Nested
    class SeverityAndEvidence {
        @Test
        void aCriticalComplaintAmongTheUsesMakesItCritical() {
            assertNull(observe(use(NOW, "u1", "m1", 1, false, "CRITICAL")));
            assertNull(observe(use(NOW + MINUTE, "u2", "m2", 1, false, "LOW")));
            Detection d = observe(use(NOW + 2 * MINUTE, "u3", "m3", 1, false, null));
            assertEquals(Severity.CRITICAL, d.severity(), "the first use was a CRITICAL complaint");
        }

        @Test
        void theHighestComplaintSeverityCountsAndMediumIsTheFloor() {
            assertEquals(Severity.HIGH, fireWith("LOW", "HIGH", "MEDIUM").severity());
            assertEquals(Severity.MEDIUM, fireWith("LOW", "LOW", null).severity());
            assertEquals(Severity.MEDIUM, fireWith(null, null, null).severity());
        }

        private Detection fireWith(String... severities) {
            watch = new CrisisTermWatch(settings.baselineDays);
            Detection d = null;
            for (int i = 0; i < severities.length; i++) {
                d = observe(use(NOW + i * MINUTE, "u" + i, "m" + i, 1, false, severities[i]));
            }
            assertNotNull(d);
            return d;
        }

        @Test
        void manyMoreAuthorsThanTheThresholdRaiseTheSeverity() {
            Detection[] byAuthors = new Detection[16];
            for (int a = 1; a <= 15; a++) {
                byAuthors[a] = observe(complaint(NOW + a * MINUTE, "a" + a));
            }
            assertEquals(Severity.MEDIUM, byAuthors[5].severity(), "5 authors, threshold 3");
            assertEquals(Severity.HIGH, byAuthors[6].severity(), "twice the threshold");
            assertEquals(Severity.HIGH, byAuthors[14].severity());
            assertEquals(Severity.CRITICAL, byAuthors[15].severity(), "five times the threshold");
        }

        @Test
        void samplesAreTheMostEngagedMentionsFirst() {
            long[] engagement = {5, 100, 20, 100, 0, 7, 3};
            Detection d = null;
            for (int i = 0; i < engagement.length; i++) {
                d = observe(use(NOW + i * MINUTE, "u" + i, "m" + i, engagement[i], false, null));
            }
            assertArrayEquals(
                    new String[] {"m1", "m3", "m2", "m5", "m0"},
                    d.evidence().sampleMentionIds,
                    "by engagement, ties by id, at most 5");
        }

        @Test
        void theRepostShareOfTheEvidenceIsCounted() {
            observe(new CrisisTermDetector.Use(TERM, NOW, "u1", "m1", 1, true, false, null));
            observe(
                    new CrisisTermDetector.Use(
                            TERM, NOW + MINUTE, "u2", "m2", 1, false, false, null));
            observe(
                    new CrisisTermDetector.Use(
                            TERM, NOW + 2 * MINUTE, "u3", "m3", 1, true, false, null));
            Detection d =
                    observe(
                            new CrisisTermDetector.Use(
                                    TERM, NOW + 3 * MINUTE, "u4", "m4", 1, false, false, null));
            assertEquals(0.5, d.evidence().repostShare);
        }

        @Test
        void recentUsesAreBoundedWhateverTheStorm() {
            Detection d = null;
            for (int i = 0; i < 200; i++) {
                d =
                        observe(
                                use(
                                        NOW + i * 1000L,
                                        String.format("u%03d", i),
                                        String.format("m%03d", i),
                                        i,
                                        false,
                                        null));
            }
            int max = CrisisTermWatch.MAX_RECENT;
            assertEquals(max, watch.recentTimes.length);
            assertEquals(max, watch.recentAuthors.length);
            assertEquals(max, watch.recentIds.length);
            assertEquals(max, watch.recentEngagement.length);
            assertEquals(max, watch.recentReposts.length);
            assertEquals(max, watch.recentSeverity.length);
            assertEquals("m136", watch.recentIds[0], "the oldest went first");
            assertEquals("m199", watch.recentIds[max - 1]);
            assertEquals(max, d.observed());
            assertEquals(max, d.evidence().mentions);
            assertEquals(Severity.CRITICAL, d.severity());
            assertArrayEquals(
                    new String[] {"m199", "m198", "m197", "m196", "m195"},
                    d.evidence().sampleMentionIds);
        }
    }
}
