package io.brandpulse.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.DetectorSettings;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.TermStat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WindowDetectorsTest {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WINDOW = 15 * MINUTE;

    /** A Monday, 00:00 UTC: the brand is first seen here. */
    private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

    /** Seven days of history later: the day the tests judge windows on. */
    private static final long DAY7 = T0 + 7 * DAY;

    /**
     * An ordinary day of the brand, per 15-minute window: at night (00:00-05:59) about 10 mentions
     * an hour, all in the hour's first window; 10 a window in the morning and late evening, 20 in
     * the day, 60 in the busy evening (19:00-22:59). Every window is 30% negative, 10%
     * PRODUCT_QUALITY and 10% SERVICE complaints.
     */
    static BrandWindowMetrics ordinary(long windowStart) {
        int hour = (int) Math.floorMod(windowStart, DAY) / (int) HOUR;
        int minute = (int) (Math.floorMod(windowStart, HOUR) / MINUTE);
        int volume;
        if (hour < 6) {
            volume = minute == 0 ? 10 : 0;
        } else if (hour < 9 || hour == 23) {
            volume = 10;
        } else if (hour < 19) {
            volume = 20;
        } else {
            volume = 60;
        }
        if (volume == 0) {
            return null; // a window without mentions is never emitted, so never recorded
        }
        return window(
                windowStart,
                volume,
                volume * 3 / 10,
                Map.of("PRODUCT_QUALITY", volume / 10L, "SERVICE", volume / 10L));
    }

    static BrandWindowMetrics window(
            long windowStart, long volume, long negative, Map<String, Long> complaints) {
        BrandWindowMetrics w = new BrandWindowMetrics();
        w.brand = "qingning";
        w.windowStart = windowStart;
        w.windowEnd = windowStart + WINDOW;
        w.volume = volume;
        w.negative = negative;
        w.positive = 0;
        w.neutral = volume - negative;
        w.netSentiment = volume == 0 ? 0 : negative > 0 ? -1.0 : 0;
        w.uniqueAuthors = volume;
        w.originals = volume;
        w.complaintCategories = new HashMap<>(complaints);
        w.complaints = complaints.values().stream().mapToLong(Long::longValue).sum();
        w.sampleMentionIds = new String[] {"weibo:top1", "weibo:top2"};
        w.sampleNegativeMentionIds = new String[] {"weibo:neg1"};
        w.keywordHits = new HashMap<>(Map.of("退款", 3L, "燕麦拿铁", 5L));
        w.driverTerms = List.of(new TermStat("拉肚子", 9, 6.0));
        return w;
    }

    /**
     * The history of every window from {@code from} up to (not including) {@code until}, as the job
     * records it.
     */
    static BrandHistory history(long from, long until, LongFunction<BrandWindowMetrics> day) {
        BrandHistory h = new BrandHistory(WINDOW, 7);
        for (long t = from; t < until; t += WINDOW) {
            BrandWindowMetrics w = day.apply(t);
            if (w != null) {
                h.record(w);
            }
        }
        return h;
    }

    /** Seven ordinary days and the current day up to {@code until}. */
    static BrandHistory ordinaryWeekUntil(long until) {
        return history(T0, until, WindowDetectorsTest::ordinary);
    }

    static long at(long day, int hour, int minute) {
        return day + hour * HOUR + minute * MINUTE;
    }

    static Map<AlertType, Detection> detect(
            BrandHistory h, BrandWindowMetrics w, DetectorSettings s) {
        List<Detection> found = WindowDetectors.detect(h, w, s);
        Map<AlertType, Detection> byType =
                found.stream().collect(Collectors.toMap(Detection::type, d -> d));
        assertEquals(found.size(), byType.size(), "at most one detection per type: " + found);
        return byType;
    }

    static Map<AlertType, Detection> detect(BrandHistory h, BrandWindowMetrics w) {
        return detect(h, w, new DetectorSettings());
    }

    @Nested
    class VolumeSpike {
        @Test
        void eightTimesTheUsualVolumeFiresWithObservedExpectedScoreAndThreshold() {
            long start = at(DAY7, 14, 0);
            BrandHistory h = ordinaryWeekUntil(start);
            BrandWindowMetrics w =
                    window(start, 160, 48, Map.of("PRODUCT_QUALITY", 16L, "SERVICE", 16L));

            Map<AlertType, Detection> found = detect(h, w);

            assertEquals(
                    List.of(AlertType.VOLUME_SPIKE),
                    List.copyOf(found.keySet()),
                    "only the volume is unusual: the negative and complaint shares are the usual"
                            + " ones");
            Detection d = found.get(AlertType.VOLUME_SPIKE);
            assertEquals(160, d.observed());
            assertEquals(
                    20, d.expected(), 1e-9, "the median of the same hour on the previous days");
            assertEquals(
                    140 / Math.sqrt(20),
                    d.score(),
                    0.001,
                    "spread floored by Poisson noise: sqrt(expected)");
            assertEquals(4.0, d.threshold());
            assertEquals(Severity.MEDIUM, d.severity(), "5x to 10x the usual volume");
            assertEquals(start, d.windowStart());
            assertEquals(start + WINDOW, d.windowEnd());
            assertEquals(start + WINDOW, d.detectedAt(), "a window is judged when it closes");
            assertTrue(
                    d.summary().contains("160 mentions") && d.summary().contains("8.0x"),
                    d.summary());
            assertEquals(160, d.evidence().mentions);
            assertArrayEquals(
                    new String[] {"weibo:top1", "weibo:top2"}, d.evidence().sampleMentionIds);
            assertArrayEquals(new String[] {"拉肚子"}, d.evidence().driverTerms);
            assertArrayEquals(
                    new String[] {"燕麦拿铁", "退款"},
                    d.evidence().keywords,
                    "keywords most frequent first");
            assertEquals(0.3, d.evidence().negativeShare, 1e-9);
        }

        @Test
        void threeTimesTheUsualVolumeIsNotASpike() {
            long start = at(DAY7, 14, 0);
            BrandWindowMetrics w = window(start, 50, 15, Map.of());
            assertNull(
                    detect(ordinaryWeekUntil(start), w).get(AlertType.VOLUME_SPIKE),
                    "2.5x is below minRatio 3");
        }

        @Test
        void detectingNeverChangesTheHistory() {
            long start = at(DAY7, 14, 0);
            BrandHistory h = ordinaryWeekUntil(start);
            long lastSlot = h.lastSlot;
            int[] volume = h.volume.clone();
            detect(h, window(start, 160, 48, Map.of()));
            assertEquals(lastSlot, h.lastSlot);
            assertArrayEquals(volume, h.volume, "a window is never part of its own baseline");
        }

        @Test
        void theMinimumVolumeGateKeepsSmallBrandsQuiet() {
            // A small brand: 1 mention every window, all week. 8 in a window is the same 8x ratio
            // as above.
            long start = at(DAY7, 14, 0);
            BrandHistory small = history(T0, start, t -> window(t, 1, 0, Map.of()));
            BrandWindowMetrics w = window(start, 8, 0, Map.of());

            assertTrue(detect(small, w).isEmpty(), "8 mentions are under minVolume 15");

            DetectorSettings lowGate = new DetectorSettings();
            lowGate.volumeSpike.minVolume = 8;
            Detection d = detect(small, w, lowGate).get(AlertType.VOLUME_SPIKE);
            assertNotNull(
                    d,
                    "without the gate the same window is a spike: the gate is what keeps it quiet");
            assertEquals(1, d.expected(), 1e-9);
        }

        @Test
        void aBusyEveningThatHappensEveryDayIsNotASpike() {
            // 19:00: the last two hours had 20 a window and the night 0-10, but every evening has
            // 60.
            long evening = at(DAY7, 19, 0);
            BrandWindowMetrics w =
                    window(evening, 66, 20, Map.of("PRODUCT_QUALITY", 7L, "SERVICE", 6L));
            assertTrue(
                    detect(ordinaryWeekUntil(evening), w).isEmpty(),
                    "66 is ordinary for the evening");

            // The same volume in the morning, when 10 a window is usual, is a spike.
            long morning = at(DAY7, 7, 0);
            Detection d =
                    detect(ordinaryWeekUntil(morning), window(morning, 66, 20, Map.of()))
                            .get(AlertType.VOLUME_SPIKE);
            assertNotNull(d, "66 at 07:00 is 6.6x the usual 10");
            assertEquals(10, d.expected(), 1e-9);
        }

        @Test
        void aBrandTrendingUpIsJudgedAgainstItsLastHoursNotOnlyAgainstLastWeek() {
            // Since 12:00 the brand has had 60 a window (three times its usual 20 at this hour): 70
            // at 14:00 continues
            // the trend, it is not a new spike.
            long start = at(DAY7, 14, 0);
            long trendSince = at(DAY7, 12, 0);
            BrandHistory h =
                    history(
                            T0,
                            start,
                            t -> t >= trendSince ? window(t, 60, 18, Map.of()) : ordinary(t));
            Map<AlertType, Detection> found = detect(h, window(start, 70, 21, Map.of()));
            assertNull(
                    found.get(AlertType.VOLUME_SPIKE),
                    "expected is the recent median 60, not last week's 20");

            Detection d =
                    detect(ordinaryWeekUntil(start), window(start, 70, 21, Map.of()))
                            .get(AlertType.VOLUME_SPIKE);
            assertNotNull(d, "without the trend 70 is 3.5x the usual 20");
        }

        @Test
        void aStronglyPositiveSpikeIsAtMostMedium() {
            long start = at(DAY7, 14, 0);
            BrandHistory h = ordinaryWeekUntil(start);

            BrandWindowMetrics neutral = window(start, 300, 30, Map.of());
            neutral.netSentiment = 0;
            assertEquals(
                    Severity.HIGH,
                    detect(h, neutral).get(AlertType.VOLUME_SPIKE).severity(),
                    "15x the usual volume");

            BrandWindowMetrics happy = window(start, 300, 30, Map.of());
            happy.positive = 200;
            happy.neutral = 70;
            happy.netSentiment = (200.0 - 30) / 230;
            Detection d = detect(h, happy).get(AlertType.VOLUME_SPIKE);
            assertEquals(Severity.MEDIUM, d.severity(), "a happy crowd is news, not a crisis");
            assertEquals(300, d.observed());
        }

        @Test
        void aMostlyNegativeSpikeIsRaisedOneLevel() {
            long start = at(DAY7, 14, 0);
            BrandWindowMetrics angry = window(start, 300, 200, Map.of());
            angry.netSentiment = -1;
            Detection d = detect(ordinaryWeekUntil(start), angry).get(AlertType.VOLUME_SPIKE);
            assertEquals(
                    Severity.CRITICAL,
                    d.severity(),
                    "HIGH for 15x, raised for a negative share >= 0.5");
            assertEquals(0.667, d.evidence().negativeShare, 1e-9);
        }

        @Test
        void aRepostDominatedSpikeIsLowWhateverElse() {
            long start = at(DAY7, 14, 0);
            BrandHistory h = ordinaryWeekUntil(start);

            BrandWindowMetrics amplified = window(start, 300, 200, Map.of());
            amplified.repostShare = 0.8;
            Detection d = detect(h, amplified).get(AlertType.VOLUME_SPIKE);
            assertEquals(Severity.LOW, d.severity(), "one post passed around, even an angry one");
            assertTrue(d.summary().contains("amplification"), d.summary());
            assertEquals(0.8, d.evidence().repostShare);

            BrandWindowMetrics organic = window(start, 300, 200, Map.of());
            organic.repostShare = 0.79;
            Detection o = detect(h, organic).get(AlertType.VOLUME_SPIKE);
            assertEquals(
                    Severity.CRITICAL,
                    o.severity(),
                    "under 80% reposts the spike keeps its severity");
            assertTrue(!o.summary().contains("amplification"), o.summary());
        }

        @Test
        void canBeDisabled() {
            long start = at(DAY7, 14, 0);
            DetectorSettings off = new DetectorSettings();
            off.volumeSpike.enabled = false;
            assertNull(
                    detect(ordinaryWeekUntil(start), window(start, 300, 30, Map.of()), off)
                            .get(AlertType.VOLUME_SPIKE));
        }
    }

    @Nested
    class WarmUp {
        /**
         * The brand first seen at 10:00 on day 3, 5 mentions a window, 1 of them negative (20%).
         */
        private final long since = at(T0 + 3 * DAY, 10, 0);

        private BrandHistory windows(int n) {
            return history(since, since + n * WINDOW, t -> window(t, 5, 1, Map.of()));
        }

        private BrandWindowMetrics storm(long start) {
            return window(start, 100, 90, Map.of("PRODUCT_QUALITY", 50L));
        }

        @Test
        void beforeWarmUpOnlyTheNegativeSurgeRunsAgainstThePriorShare() {
            long start = since + 7 * WINDOW; // 1h45 of history, warmUp is 2h
            Map<AlertType, Detection> found = detect(windows(7), storm(start));

            assertEquals(
                    List.of(AlertType.NEGATIVE_SURGE),
                    List.copyOf(found.keySet()),
                    "20x the volume and 50 complaints, but no trusted baseline yet");
            Detection d = found.get(AlertType.NEGATIVE_SURGE);
            assertEquals(
                    (4 + WindowDetectors.PRIOR_NEGATIVE_SHARE * WindowDetectors.PRIOR_MENTIONS)
                            / (20 + WindowDetectors.PRIOR_MENTIONS),
                    d.expected(),
                    0.001,
                    "20 mentions of history (4 negative) barely move the prior");
            assertEquals(0.809, d.observed(), 1e-9, "93 of 115 over the last hour");
        }

        @Test
        void fromTheWarmUpOnAllDetectorsRun() {
            long start = since + 8 * WINDOW; // exactly 2h of history
            Map<AlertType, Detection> found = detect(windows(8), storm(start));

            assertEquals(3, found.size(), "" + found.keySet());
            assertEquals(
                    5,
                    found.get(AlertType.VOLUME_SPIKE).expected(),
                    1e-9,
                    "no previous day: the last two hours");
            assertEquals(
                    "PRODUCT_QUALITY",
                    found.get(AlertType.COMPLAINT_BURST).evidence().complaintCategory);
        }

        @Test
        void aShorterConfiguredWarmUpLetsTheOtherDetectorsRunSooner() {
            DetectorSettings s = new DetectorSettings();
            s.warmUp = Duration.ofHours(1);
            long start = since + 4 * WINDOW;
            assertEquals(3, detect(windows(4), storm(start), s).size());
        }

        @Test
        void theNegativeSurgeOfABrandNeverSeenBeforeUsesThePrior() {
            BrandHistory empty = new BrandHistory(WINDOW, 7);
            Map<AlertType, Detection> found = detect(empty, window(since, 10, 10, Map.of()));
            assertEquals(List.of(AlertType.NEGATIVE_SURGE), List.copyOf(found.keySet()));
            assertEquals(0.3, found.get(AlertType.NEGATIVE_SURGE).expected(), 1e-9);
        }
    }

    @Nested
    class NegativeSurge {
        private final long night = at(DAY7, 3, 0);

        private Map<AlertType, Detection> atNight(long volume, long negative, DetectorSettings s) {
            return detect(ordinaryWeekUntil(night), window(night, volume, negative, Map.of()), s);
        }

        @Test
        void tenOfTenNegativeInANightHourFiresAgainstAThirtyPercentBaseline() {
            Detection d = atNight(10, 10, new DetectorSettings()).get(AlertType.NEGATIVE_SURGE);

            assertNotNull(d);
            assertEquals(1.0, d.observed());
            assertEquals(0.3, d.expected(), 1e-9, "the brand's own share over the week");
            assertEquals(7 / Math.sqrt(10 * 0.3 * 0.7), d.score(), 0.001);
            assertEquals(4.5, d.threshold());
            assertEquals(Severity.MEDIUM, d.severity());
            assertEquals(10, d.evidence().mentions, "the mentions of the span");
            assertEquals(1.0, d.evidence().negativeShare);
            assertArrayEquals(
                    new String[] {"weibo:neg1"}, d.evidence().sampleMentionIds, "negative samples");
            assertTrue(d.summary().contains("10 of 10"), d.summary());
        }

        @Test
        void twelveOfSixteenIsJustUnderTheScoreThreshold() {
            // z = (12 - 4.8) / sqrt(16 * 0.3 * 0.7) = 3.93: share and increase pass, the
            // significance does not.
            assertNull(atNight(16, 12, new DetectorSettings()).get(AlertType.NEGATIVE_SURGE));

            DetectorSettings lower = new DetectorSettings();
            lower.negativeSurge.minScore = 3.9;
            Detection d = atNight(16, 12, lower).get(AlertType.NEGATIVE_SURGE);
            assertNotNull(d, "the score is what keeps it quiet");
            assertEquals(3.928, d.score(), 0.001);
        }

        @Test
        void fewerNegativesThanMinNegativeNeverFire() {
            // 9 of 9: z = 4.58, but 9 < minNegative 10.
            assertNull(atNight(9, 9, new DetectorSettings()).get(AlertType.NEGATIVE_SURGE));

            DetectorSettings nine = new DetectorSettings();
            nine.negativeSurge.minNegative = 9;
            assertNotNull(
                    atNight(9, 9, nine).get(AlertType.NEGATIVE_SURGE),
                    "the minNegative gate is what keeps it quiet");
        }

        @Test
        void theSpanAddsUpTheLastHourOfWindows() {
            // 14:00 with the three previous windows (20 each, 6 negative): 30 negative of 80 over
            // the hour is 37.5%,
            // not the 30 of 20 of the window alone.
            long start = at(DAY7, 14, 0);
            BrandWindowMetrics w = window(start, 20, 12, Map.of());
            assertNull(detect(ordinaryWeekUntil(start), w).get(AlertType.NEGATIVE_SURGE));

            DetectorSettings oneWindow = new DetectorSettings();
            oneWindow.negativeSurge.span = Duration.ofMinutes(15);
            oneWindow.negativeSurge.minNegative = 8;
            Detection d =
                    detect(ordinaryWeekUntil(start), window(start, 20, 18, Map.of()), oneWindow)
                            .get(AlertType.NEGATIVE_SURGE);
            assertNotNull(d);
            assertEquals(0.9, d.observed(), 1e-9, "a 15m span looks at the window alone");
        }

        @Test
        void severityGrowsWithTheNumberOfNegatives() {
            assertEquals(
                    Severity.MEDIUM,
                    atNight(10, 10, new DetectorSettings())
                            .get(AlertType.NEGATIVE_SURGE)
                            .severity());
            assertEquals(
                    Severity.MEDIUM,
                    atNight(48, 29, new DetectorSettings())
                            .get(AlertType.NEGATIVE_SURGE)
                            .severity(),
                    "29 negatives: under 30");
            assertEquals(
                    Severity.MEDIUM,
                    atNight(60, 40, new DetectorSettings())
                            .get(AlertType.NEGATIVE_SURGE)
                            .severity(),
                    "40 negatives but a share of 67%: under 70%");
            assertEquals(
                    Severity.HIGH,
                    atNight(40, 30, new DetectorSettings())
                            .get(AlertType.NEGATIVE_SURGE)
                            .severity(),
                    "30 negatives, 75%");
            assertEquals(
                    Severity.CRITICAL,
                    atNight(180, 100, new DetectorSettings())
                            .get(AlertType.NEGATIVE_SURGE)
                            .severity(),
                    "100 negatives, whatever the share");
        }
    }

    @Nested
    class ComplaintBurst {
        private final long afternoon = at(DAY7, 14, 0);

        @Test
        void oneCategoryFarAboveItsUsualShareFires() {
            // Over the hour: 70 + 6 = 76 PRODUCT_QUALITY in 100 + 60 = 160 mentions; the usual 10%
            // predicts 16.
            BrandWindowMetrics w =
                    window(afternoon, 100, 30, Map.of("PRODUCT_QUALITY", 70L, "SERVICE", 10L));
            Detection d = detect(ordinaryWeekUntil(afternoon), w).get(AlertType.COMPLAINT_BURST);

            assertNotNull(d);
            assertEquals("PRODUCT_QUALITY", d.evidence().complaintCategory);
            assertEquals(76, d.observed());
            assertEquals(16, d.expected(), 1e-9);
            assertEquals(15.0, d.score(), 1e-9, "(76 - 16) / sqrt(16)");
            assertEquals(5.0, d.threshold());
            assertEquals(Severity.HIGH, d.severity(), "20 or more complaints");
            assertEquals(76, d.evidence().mentions);
            assertTrue(d.summary().contains("PRODUCT_QUALITY"), d.summary());
        }

        @Test
        void theStrongestCategoryIsReportedNotTheFirstOrTheLargest() {
            // PRODUCT_QUALITY: 76 against 16 (z 15); LOGISTICS, never complained about: 20 against
            // 0 (z 28).
            BrandWindowMetrics w =
                    window(afternoon, 100, 30, Map.of("PRODUCT_QUALITY", 70L, "LOGISTICS", 20L));
            List<Detection> all =
                    WindowDetectors.detect(ordinaryWeekUntil(afternoon), w, new DetectorSettings());
            List<Detection> bursts =
                    all.stream().filter(d -> d.type() == AlertType.COMPLAINT_BURST).toList();

            assertEquals(1, bursts.size(), "one detection for the brand, the strongest category");
            Detection d = bursts.get(0);
            assertEquals("LOGISTICS", d.evidence().complaintCategory);
            assertEquals(20, d.observed());
            assertEquals(0, d.expected());
            assertTrue(d.score() > 15, "" + d.score());
        }

        @Test
        void aCategoryGrowingOnlyInProportionToVolumeDoesNotFire() {
            // Ten times the volume with the usual 10% of complaints: a volume spike, not a
            // complaint burst.
            BrandWindowMetrics w =
                    window(afternoon, 200, 60, Map.of("PRODUCT_QUALITY", 20L, "SERVICE", 20L));
            Map<AlertType, Detection> found = detect(ordinaryWeekUntil(afternoon), w);
            assertNull(
                    found.get(AlertType.COMPLAINT_BURST),
                    "26 complaints where the usual share predicts 26");
            assertNotNull(found.get(AlertType.VOLUME_SPIKE));
        }

        @Test
        void theBusyEveningsComplaintsAreNotABurst() {
            // 19:00: 6 + 3 * 2 = 12 PRODUCT_QUALITY complaints over the hour (above minCount 8) in
            // 120 mentions.
            long evening = at(DAY7, 19, 0);
            Map<AlertType, Detection> found = detect(ordinaryWeekUntil(evening), ordinary(evening));
            assertTrue(found.isEmpty(), "" + found.keySet());
        }

        @Test
        void fewerComplaintsThanMinCountNeverFire() {
            // 7 COMMUNICATION complaints, a category never seen before.
            BrandWindowMetrics w = window(afternoon, 20, 6, Map.of("COMMUNICATION", 7L));
            assertNull(detect(ordinaryWeekUntil(afternoon), w).get(AlertType.COMPLAINT_BURST));

            DetectorSettings seven = new DetectorSettings();
            seven.complaintBurst.minCount = 7;
            assertNotNull(
                    detect(ordinaryWeekUntil(afternoon), w, seven).get(AlertType.COMPLAINT_BURST));
        }

        @Test
        void severityDependsOnCategoryCountAndCriticalComplaints() {
            BrandHistory h = ordinaryWeekUntil(afternoon);
            assertEquals(Severity.MEDIUM, burst(h, "COMMUNICATION", 10, false).severity());
            assertEquals(
                    Severity.HIGH,
                    burst(h, "COMMUNICATION", 10, true).severity(),
                    "a CRITICAL complaint among them");
            assertEquals(Severity.HIGH, burst(h, "SAFETY_LEGAL", 10, false).severity());
            assertEquals(Severity.CRITICAL, burst(h, "SAFETY_LEGAL", 20, false).severity());
            assertEquals(Severity.HIGH, burst(h, "COMMUNICATION", 20, false).severity());
        }

        private Detection burst(BrandHistory h, String category, long count, boolean critical) {
            BrandWindowMetrics w = window(afternoon, 20, 6, Map.of(category, count));
            if (critical) {
                w.severities.put("CRITICAL", 1L);
            }
            Detection d = detect(h, w).get(AlertType.COMPLAINT_BURST);
            assertNotNull(d, category + " " + count);
            assertEquals(category, d.evidence().complaintCategory);
            return d;
        }
    }

    /**
     * The job records only windows that had mentions, and {@link BrandHistory} documents that a
     * window without mentions reads as 0. The windows between the brand's latest recorded window
     * and the window being judged read as UNKNOWN instead ({@code BrandHistory.known} requires
     * {@code slot <= lastSlot}), and the baseline loops of the negative surge and the complaint
     * burst stop at the first UNKNOWN. After an hour without any mention (a quiet night), both lose
     * the brand's whole baseline.
     */
    @Nested
    class AfterAQuietHour {
        /**
         * A brand that gets no mention at all between 02:00 and 05:59, otherwise the ordinary day.
         */
        private BrandWindowMetrics quietNights(long t) {
            int hour = (int) (Math.floorMod(t, DAY) / HOUR);
            return hour >= 2 && hour < 6 ? null : ordinary(t);
        }

        /** The same days, with the empty windows recorded explicitly as 0 mentions. */
        private BrandWindowMetrics quietNightsRecordedAsZero(long t) {
            BrandWindowMetrics w = quietNights(t);
            return w != null ? w : window(t, 0, 0, Map.of());
        }

        private final long morning = at(DAY7, 6, 0);

        @Test
        void withTheQuietWindowsRecordedAsZeroTheUsualShareOfComplaintsIsNoBurst() {
            BrandHistory h = history(T0, morning, this::quietNightsRecordedAsZero);
            BrandWindowMetrics w =
                    window(morning, 80, 24, Map.of("SERVICE", 8L, "PRODUCT_QUALITY", 8L));
            assertNull(
                    detect(h, w).get(AlertType.COMPLAINT_BURST),
                    "8 SERVICE complaints in 80 mentions: the usual 10%");
        }

        @Test
        void aQuietNightDoesNotEraseTheComplaintBaseline() {
            BrandHistory h = history(T0, morning, this::quietNights);
            BrandWindowMetrics w =
                    window(morning, 80, 24, Map.of("SERVICE", 8L, "PRODUCT_QUALITY", 8L));
            assertNull(
                    detect(h, w).get(AlertType.COMPLAINT_BURST),
                    "8 SERVICE complaints in 80 mentions: the usual 10%");
        }

        @Test
        void aQuietNightDoesNotReplaceTheBrandsNegativeShareWithThePrior() {
            // A brand that is usually half negative (10 a window, 5 negative), quiet from 02:00 to
            // 05:59.
            LongFunction<BrandWindowMetrics> day =
                    t -> {
                        BrandWindowMetrics w = quietNights(t);
                        return w == null ? null : window(t, 10, 5, Map.of());
                    };
            BrandHistory h = history(T0, morning, day);
            // 10 of 10 against the brand's 50%: z = 5 / sqrt(2.5) = 3.2 < 4. Against the prior 30%
            // it would be 4.8.
            assertNull(detect(h, window(morning, 10, 10, Map.of())).get(AlertType.NEGATIVE_SURGE));
        }
    }
}
