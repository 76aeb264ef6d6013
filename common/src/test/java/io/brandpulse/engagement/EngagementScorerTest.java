package io.brandpulse.engagement;

import static io.brandpulse.engagement.Interactions.DAY;
import static io.brandpulse.engagement.Interactions.DETAILED;
import static io.brandpulse.engagement.Interactions.HALF_LIFE;
import static io.brandpulse.engagement.Interactions.ONE_WORD;
import static io.brandpulse.engagement.Interactions.REVIEW;
import static io.brandpulse.engagement.Interactions.T0;
import static io.brandpulse.engagement.Interactions.analyzed;
import static io.brandpulse.engagement.Interactions.handBuilt;
import static io.brandpulse.engagement.Interactions.quality;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.EngagementSettings;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngagementScorerTest {
    private final EngagementScorer scorer = new EngagementScorer(new EngagementSettings());

    private CustomerState fold(List<EnrichedMention> interactions) {
        CustomerState s = new CustomerState();
        interactions.forEach(m -> scorer.add(s, m));
        return s;
    }

    private CustomerEngagement score(CustomerState s, long now) {
        return scorer.score("c1", "qingning", s, now);
    }

    private static long lastOf(List<EnrichedMention> ms) {
        return ms.stream().mapToLong(m -> m.createdAt).max().orElseThrow();
    }

    private static List<EnrichedMention> oneWordComments(int n, long from, long spread) {
        List<EnrichedMention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(analyzed(ONE_WORD.get(i % ONE_WORD.size()), from + i * spread / n, 0));
        }
        return out;
    }

    @Nested
    class QualityOverQuantity {
        @Test
        void fortyOneWordCommentsScoreBelowOneDetailedReview() {
            List<EnrichedMention> casual = oneWordComments(40, T0, 30 * DAY);
            casual.forEach(
                    m ->
                            assertTrue(
                                    quality(m) < 25,
                                    "precondition: low effort " + m.text + " " + quality(m)));
            long now = lastOf(casual);
            CustomerEngagement spammer = score(fold(casual), now);

            CustomerEngagement reviewer = score(fold(List.of(analyzed(REVIEW, now, 3))), now);

            assertEquals(40, spammer.interactions);
            assertEquals(0, spammer.meaningfulInteractions);
            assertTrue(spammer.score < reviewer.score, spammer.score + " vs " + reviewer.score);
            assertTrue(
                    reviewer.score > 2 * spammer.score,
                    "not a close call: " + spammer.score + " vs " + reviewer.score);
        }

        @Test
        void fortyOneWordCommentsScoreBelowFiveDetailedPosts() {
            List<EnrichedMention> casual = oneWordComments(40, T0, 30 * DAY);
            long now = lastOf(casual);
            List<EnrichedMention> detailed = new ArrayList<>();
            for (int i = 0; i < DETAILED.size(); i++) {
                detailed.add(analyzed(DETAILED.get(i), now - (4 - i) * 6 * DAY, 1));
            }
            detailed.forEach(
                    m -> assertTrue(quality(m) >= 25, "precondition: meaningful " + quality(m)));
            CustomerEngagement spammer = score(fold(casual), now);
            CustomerEngagement writer = score(fold(detailed), now);
            assertEquals(5, writer.meaningfulInteractions);
            assertTrue(writer.score > 3 * spammer.score, spammer.score + " vs " + writer.score);
            assertTrue(
                    writer.score > score(fold(List.of(detailed.get(4))), now).score,
                    "five detailed posts beat one");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"好", "不错!"})
        void aSingleOneWordCommentScoresBelowADetailedReviewer(String word) {
            CustomerEngagement casual = score(fold(List.of(analyzed(word, T0, 0))), T0);
            CustomerEngagement reviewer = score(fold(List.of(analyzed(REVIEW, T0, 3))), T0);
            assertTrue(casual.score < 10, casual.score + "");
            assertTrue(reviewer.score > 3 * casual.score, casual.score + " vs " + reviewer.score);
            assertEquals("CASUAL", casual.tier);
        }
    }

    @Nested
    class RepeatedContent {
        @Test
        void theSamePostRepeatedScoresLikeOne() {
            CustomerState once = fold(List.of(analyzed(REVIEW, T0, 3)));
            List<EnrichedMention> repeats = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                repeats.add(analyzed(REVIEW, T0 + i * DAY, 3));
            }
            CustomerState repeated = fold(repeats);
            long now = T0 + 6 * DAY;
            CustomerEngagement a = score(once, now);
            CustomerEngagement b = score(repeated, now);
            assertEquals(a.quality, b.quality, "the first copy is the one that counts");
            assertEquals(a.consistency, b.consistency, "copies on other days are not activity");
            assertEquals(a.score, b.score);
            assertEquals(6, b.interactions);
            assertEquals(1, b.meaningfulInteractions);
            assertEquals(1, repeated.topQuality.length);
        }

        @Test
        void aBareRepostOfOnesOwnPostIsARepeat() {
            EnrichedMention original = analyzed(REVIEW, T0, 0);
            EnrichedMention repost = analyzed("转发微博 //@我自己: " + REVIEW, T0 + DAY, 0);
            assertEquals(
                    original.analysis.duplicateKey, repost.analysis.duplicateKey, "precondition");
            CustomerState s = fold(List.of(original, repost));
            assertEquals(1, s.topQuality.length);
            assertEquals(2, s.interactions);
        }

        @Test
        void onlyTheLastFourContentsAreRemembered() {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ms.add(handBuilt(30 + i, T0 + i));
            }
            EnrichedMention again = handBuilt(30, T0 + 10);
            again.analysis.duplicateKey = ms.get(0).analysis.duplicateKey;
            CustomerState s = fold(ms);
            scorer.add(s, again);
            assertEquals(
                    4,
                    s.topQuality.length,
                    "the first post repeated among the last four scores zero");

            EnrichedMention fifth = handBuilt(50, T0 + 11);
            scorer.add(s, fifth); // pushes the first post out of memory
            assertTrue(s.recentContent.length <= 4);
            EnrichedMention later = handBuilt(30, T0 + 12);
            later.analysis.duplicateKey = ms.get(0).analysis.duplicateKey;
            scorer.add(s, later);
            assertEquals(5, s.topQuality.length, "once forgotten, the post counts again");
            assertEquals(7, s.interactions);
        }
    }

    @Nested
    class TopFive {
        private List<EnrichedMention> varied(Random random, int n) {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                EnrichedMention m =
                        handBuilt(
                                1 + random.nextInt(300),
                                T0 + random.nextInt(60) * DAY + random.nextInt(1000));
                m.media = new Media(random.nextInt(4), 0);
                m.analysis.suggestion = random.nextBoolean();
                ms.add(m);
            }
            return ms;
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3, 42, 2026})
        void keepsTheBestRegardlessOfArrivalOrder(long seed) {
            Random random = new Random(seed);
            List<EnrichedMention> ms = varied(random, 25);
            long now = T0 + 61 * DAY;

            List<EnrichedMention> byTime = new ArrayList<>(ms);
            byTime.sort(Comparator.comparingLong(m -> m.createdAt));
            List<EnrichedMention> byQuality = new ArrayList<>(ms);
            byQuality.sort(Comparator.comparingDouble(Interactions::quality));
            List<EnrichedMention> shuffled = new ArrayList<>(ms);
            Collections.shuffle(shuffled, random);

            CustomerEngagement expected = score(fold(byTime), now);
            for (List<EnrichedMention> order :
                    List.of(byQuality, shuffled, reversed(byTime), reversed(byQuality))) {
                CustomerState s = fold(order);
                assertEquals(expected.score, score(s, now).score);
                assertEquals(expected.quality, score(s, now).quality);
                assertEquals(5, s.topQuality.length);
            }
            assertEquals(
                    bestFiveDecayed(ms, now),
                    expected.quality,
                    0.01,
                    "the kept five are the best five at any later time");
        }

        private List<EnrichedMention> reversed(List<EnrichedMention> ms) {
            List<EnrichedMention> r = new ArrayList<>(ms);
            Collections.reverse(r);
            return r;
        }

        /** The weighted top five of every interaction's decayed quality, computed independently. */
        private double bestFiveDecayed(List<EnrichedMention> ms, long now) {
            double[] decayed =
                    ms.stream()
                            .mapToDouble(
                                    m ->
                                            (float) quality(m)
                                                    * Math.pow(
                                                            2,
                                                            -(double) (now - m.createdAt)
                                                                    / HALF_LIFE))
                            .map(d -> -d)
                            .sorted()
                            .map(d -> -d)
                            .toArray();
            double[] w = {1, 0.5, 0.25, 0.125, 0.0625};
            double q = 0;
            for (int i = 0; i < Math.min(5, decayed.length); i++) {
                q += w[i] * decayed[i];
            }
            return q / 1.9375;
        }

        @Test
        void oneExcellentReviewCountsAsHalfOfFive() {
            EnrichedMention one = handBuilt(200, T0);
            double q = quality(one);
            CustomerEngagement e = score(fold(List.of(one)), T0);
            assertEquals(q / 1.9375, e.quality, 0.01);
            List<EnrichedMention> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(handBuilt(200, T0));
            }
            assertEquals(
                    q,
                    score(fold(five), T0).quality,
                    0.01,
                    "five equal ones average to that quality");
        }

        @Test
        void anOldExcellentReviewIsKeptExactlyWhenItsDecayedValueStaysAboveTheRecentGoodOnes() {
            double excellent = quality(excellent(T0));
            double good = quality(handBuilt(40, T0));
            // The delay after which a good post, fresh, is worth as much as the excellent one
            // decayed.
            double breakEven = HALF_LIFE * Math.log(excellent / good) / Math.log(2);
            assertTrue(
                    breakEven > 3 * DAY,
                    "precondition: clearly different qualities " + excellent + " " + good);

            for (long delay : new long[] {(long) breakEven - 2 * DAY, (long) breakEven + 2 * DAY}) {
                List<EnrichedMention> ms = new ArrayList<>();
                ms.add(excellent(T0));
                for (int i = 0; i < 5; i++) {
                    ms.add(handBuilt(40, T0 + delay + i));
                }
                long now = T0 + delay + 10 * DAY;
                boolean excellentWorthMore =
                        excellent * Math.pow(2, -(double) (now - T0) / HALF_LIFE)
                                > good * Math.pow(2, -(double) (now - T0 - delay) / HALF_LIFE);
                CustomerState s = fold(ms);
                boolean kept = false;
                for (float q : s.topQuality) {
                    kept |= Math.abs(q - excellent) < 0.01;
                }
                assertEquals(excellentWorthMore, kept, "delay " + delay / DAY + " days");
                assertEquals(bestFiveDecayed(ms, now), score(s, now).quality, 0.01);
                // and the choice does not depend on when the score is asked
                assertEquals(
                        bestFiveDecayed(ms, now + 200 * DAY),
                        score(s, now + 200 * DAY).quality,
                        0.01);
            }
        }

        private EnrichedMention excellent(long t) {
            EnrichedMention m = handBuilt(250, t, 0.9);
            m.analysis.suggestion = true;
            m.media = new Media(3, 0);
            return m;
        }
    }

    @Nested
    class Decay {
        @Test
        void oneHalfLifeLaterTheQualityComponentIsHalved() {
            CustomerState s =
                    fold(List.of(analyzed(REVIEW, T0, 3), analyzed(DETAILED.get(1), T0 + DAY, 2)));
            long now = T0 + 2 * DAY;
            CustomerEngagement fresh = score(s, now);
            CustomerEngagement later = score(s, now + HALF_LIFE);
            assertEquals(fresh.quality / 2, later.quality, 0.01);
            assertEquals(
                    fresh.consistency, later.consistency, "both days are still within the window");
            assertEquals(fresh.score - 0.8 * fresh.quality / 2, later.score, 0.02);
            assertEquals(
                    100 * Math.pow(2, -(double) (now + HALF_LIFE - (T0 + DAY)) / HALF_LIFE),
                    later.recency,
                    0.01);
        }

        @Test
        void aHalfLifeFromSettingsIsHonoured() {
            EngagementSettings settings = new EngagementSettings();
            settings.halfLife = Duration.ofDays(10);
            EngagementScorer fast = new EngagementScorer(settings);
            CustomerState s = new CustomerState();
            fast.add(s, handBuilt(200, T0));
            double fresh = fast.score("c", "b", s, T0).quality;
            assertEquals(fresh / 4, fast.score("c", "b", s, T0 + 20 * DAY).quality, 0.01);
        }
    }

    @Nested
    class Consistency {
        private EnrichedMention meaningful(long t) {
            EnrichedMention m = handBuilt(120, t);
            assertTrue(quality(m) >= 25, "precondition");
            return m;
        }

        @Test
        void growsWithDistinctActiveDaysUpToSix() {
            CustomerState s = new CustomerState();
            double previous = -1;
            for (int day = 0; day < 9; day++) {
                scorer.add(s, meaningful(T0 + day * DAY));
                CustomerEngagement e = score(s, T0 + day * DAY);
                assertEquals(
                        Math.round(100 * Math.min(1.0, (day + 1) / 6.0) * 100) / 100.0,
                        e.consistency,
                        0.01,
                        "day " + day);
                if (day < 6) {
                    assertTrue(e.score > previous, "day " + day);
                } else {
                    assertEquals(previous, e.score, 0.01, "full consistency at six days");
                }
                previous = e.score;
            }
        }

        @Test
        void manyInteractionsOnOneDayAreOneDay() {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ms.add(meaningful(T0 + i * 60_000L));
            }
            assertEquals(100 / 6.0, score(fold(ms), T0 + DAY).consistency, 0.01);
        }

        @Test
        void onlyMeaningfulInteractionsCount() {
            List<EnrichedMention> ms = new ArrayList<>();
            ms.add(meaningful(T0));
            for (int day = 1; day < 10; day++) {
                EnrichedMention low = handBuilt(5, T0 + day * DAY);
                assertTrue(
                        quality(low) > 0 && quality(low) < 25,
                        "precondition: low effort " + quality(low));
                ms.add(low);
            }
            CustomerEngagement e = score(fold(ms), T0 + 10 * DAY);
            assertEquals(100 / 6.0, e.consistency, 0.01, "nine low-effort days add nothing");
            assertEquals(1, e.meaningfulInteractions);
            assertEquals(10, e.interactions);
        }
    }

    @Nested
    class ActiveDays {
        private CustomerState onDays(long... days) {
            CustomerState s = new CustomerState();
            for (long d : days) {
                scorer.add(s, handBuilt(120, T0 + d * DAY));
            }
            return s;
        }

        private double activeDays(CustomerState s, long today) {
            return score(s, T0 + today * DAY).consistency * 6 / 100;
        }

        @Test
        void outOfOrderDaysAreAllCounted() {
            CustomerState inOrder = onDays(1, 3, 5, 8);
            CustomerState outOfOrder = onDays(8, 3, 1, 5);
            assertEquals(inOrder.activeDays, outOfOrder.activeDays);
            assertEquals(inOrder.lastDay, outOfOrder.lastDay);
            assertEquals(4, activeDays(outOfOrder, 8), 0.01);
            assertEquals(4, Long.bitCount(outOfOrder.activeDays));
        }

        @Test
        void aGapOfMoreThanSixtyFourDaysForgetsTheOldDays() {
            CustomerState s = onDays(0, 1, 2, 3, 4, 100);
            assertEquals(1L, s.activeDays);
            assertEquals(1, activeDays(s, 100), 0.01);
            CustomerState exactly64 = onDays(0, 64);
            assertEquals(1L, exactly64.activeDays, "64 days back is outside the 64-day window");
            CustomerState within = onDays(0, 63);
            assertEquals(2, Long.bitCount(within.activeDays));
        }

        @Test
        void aLateDayOlderThanTheWindowIsIgnored() {
            CustomerState s = onDays(100, 20);
            assertEquals(1L, s.activeDays);
            assertEquals(100 - 0, s.lastDay - Math.floorDiv(T0, DAY));
            assertEquals(2, s.meaningfulInteractions, "it is still a meaningful interaction");
        }

        @Test
        void daysFallOutOfTheWindowAsTimePasses() {
            CustomerState s = onDays(0, 40);
            assertEquals(2, activeDays(s, 40), 0.01);
            assertEquals(2, activeDays(s, 63), 0.01);
            assertEquals(1, activeDays(s, 64), 0.01, "day 0 is 64 days old");
            assertEquals(1, activeDays(s, 103), 0.01);
            assertEquals(0, activeDays(s, 104), 0.01);
            assertEquals(0, activeDays(s, 5_000), 0.01);
        }

        @Test
        void noMeaningfulDayIsNoConsistency() {
            assertEquals(0, score(new CustomerState(), T0).consistency);
        }
    }

    @Nested
    class Tiers {
        private List<EnrichedMention> positiveThenNegative(int positives, int negatives) {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < positives; i++) {
                ms.add(handBuilt(120, T0 + i * DAY, 0.8));
            }
            for (int i = 0; i < negatives; i++) {
                ms.add(handBuilt(120, T0 + (positives + i) * DAY, -0.8));
            }
            return ms;
        }

        @Test
        void anEngagedCustomerWhoseLatestTwoPostsTurnedNegativeIsAtRisk() {
            List<EnrichedMention> ms = positiveThenNegative(3, 2);
            CustomerState s = fold(ms);
            assertEquals(2, s.negativeStreak);
            assertTrue(
                    s.slowSentiment - s.fastSentiment >= 0.3,
                    s.slowSentiment + " " + s.fastSentiment);
            CustomerEngagement e = score(s, lastOf(ms));
            assertEquals("AT_RISK", e.tier);
            assertTrue(e.churnRisk >= 0.5, "" + e.churnRisk);
            assertTrue(e.sentimentTrend < 0);
        }

        @Test
        void withRealComplaints() {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ms.add(analyzed(DETAILED.get(i + 2), T0 + i * DAY, 1));
            }
            ms.add(
                    analyzed(
                            "青柠咖啡的生椰拿铁这周连续两次喝出异物，第一次是塑料碎片，第二次是一根头发，找店员只给退了18元，态度非常敷衍，"
                                    + "门店经理也不出来处理。太失望了，以后再也不会买了，希望有关部门管一管。",
                            T0 + 3 * DAY,
                            2));
            ms.add(
                    analyzed(
                            "客服热线打了5次都没人接，在线客服只会复制粘贴模板回复，三天过去了投诉还是没有结果，"
                                    + "之前那么喜欢青柠咖啡，现在真的很寒心，垃圾服务，已经把会员卡余额全部退掉了。",
                            T0 + 4 * DAY,
                            0));
            for (EnrichedMention m : ms) {
                assertTrue(quality(m) >= 25, "precondition: meaningful " + quality(m));
            }
            assertEquals("negative", ms.get(3).analysis.sentimentLabel, "precondition");
            assertEquals("negative", ms.get(4).analysis.sentimentLabel, "precondition");
            CustomerEngagement e = score(fold(ms), T0 + 4 * DAY);
            assertEquals("AT_RISK", e.tier, "trend " + e.sentimentTrend);
            assertTrue(e.churnRisk >= 0.5);
        }

        @Test
        void aLoyalCustomersFirstClearlyNegativePostIsAtRiskAtOnce() {
            CustomerState s = fold(positiveThenNegative(3, 1));
            assertEquals(1, s.negativeStreak);
            assertEquals("AT_RISK", score(s, T0 + 3 * DAY).tier);
        }

        @Test
        void oneMildlyNegativePostIsNotAtRisk() {
            List<EnrichedMention> ms = positiveThenNegative(3, 0);
            ms.add(handBuilt(120, T0 + 3 * DAY, -0.2));
            CustomerState s = fold(ms);
            assertEquals(1, s.negativeStreak, "precondition: the latest post is negative");
            assertNotEquals("AT_RISK", score(s, T0 + 3 * DAY).tier);
        }

        @Test
        void oneNegativePostWithoutAPositiveHistoryIsNotAtRisk() {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ms.add(handBuilt(120, T0 + i * DAY, i == 2 ? -0.8 : -0.1));
            }
            CustomerState s = fold(ms);
            assertEquals(3, s.meaningfulInteractions);
            assertNotEquals("AT_RISK", score(s, T0 + 2 * DAY).tier, "never loyal: no turn");
        }

        @Test
        void twoNegativePostsWithoutAnEngagedHistoryAreNotAtRisk() {
            CustomerState s = fold(positiveThenNegative(0, 2));
            assertEquals(2, s.negativeStreak);
            assertNotEquals(
                    "AT_RISK",
                    score(s, T0 + 2 * DAY).tier,
                    "always negative: no turn, no engaged history");
            List<EnrichedMention> ms = new ArrayList<>();
            ms.add(handBuilt(5, T0, 0.8)); // positive but low effort: not meaningful
            ms.addAll(positiveThenNegative(0, 2));
            CustomerState turned = fold(ms);
            assertEquals(2, turned.meaningfulInteractions);
            assertTrue(
                    turned.slowSentiment - turned.fastSentiment >= 0.3,
                    "precondition: the sentiment turned");
            assertNotEquals(
                    "AT_RISK",
                    score(turned, T0 + 2 * DAY).tier,
                    "two meaningful interactions are not an engaged history");

            CustomerState engaged = fold(positiveThenNegative(1, 2));
            assertEquals(3, engaged.meaningfulInteractions);
            assertEquals("AT_RISK", score(engaged, T0 + 3 * DAY).tier, "three are");
        }

        @Test
        void aPositivePostEndsTheNegativeStreak() {
            List<EnrichedMention> ms = positiveThenNegative(3, 2);
            ms.add(handBuilt(120, T0 + 10 * DAY, 0.8));
            CustomerState s = fold(ms);
            assertEquals(0, s.negativeStreak);
            assertNotEquals("AT_RISK", score(s, T0 + 10 * DAY).tier);
        }

        @Test
        void aHighScoringPositiveRegularIsAnAdvocate() {
            List<EnrichedMention> ms = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                EnrichedMention m = handBuilt(200, T0 + i * 3 * DAY, 0.8);
                m.media = new Media(3, 0);
                m.analysis.suggestion = true;
                ms.add(m);
            }
            CustomerEngagement e = score(fold(ms), lastOf(ms));
            assertTrue(e.score >= 55, "" + e.score);
            assertEquals("ADVOCATE", e.tier);
            assertTrue(e.churnRisk < 0.2, "" + e.churnRisk);
        }

        @Test
        void sentimentDecidesTheTierNotTheScore() {
            List<EnrichedMention> positive = new ArrayList<>();
            List<EnrichedMention> negative = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                for (double sentiment : new double[] {0.8, -0.8}) {
                    EnrichedMention m = handBuilt(200, T0 + i * 3 * DAY, sentiment);
                    m.media = new Media(3, 0);
                    m.analysis.suggestion = true;
                    (sentiment > 0 ? positive : negative).add(m);
                }
            }
            CustomerEngagement fan = score(fold(positive), lastOf(positive));
            CustomerEngagement critic = score(fold(negative), lastOf(negative));
            assertEquals(
                    fan.score,
                    critic.score,
                    "a detailed complaint is as valuable engagement as praise");
            assertEquals("ADVOCATE", fan.tier);
            assertEquals("ENGAGED", critic.tier);
        }

        @Test
        void lowScoresAreCasualAndMiddleScoresEngaged() {
            assertEquals("CASUAL", score(fold(List.of(handBuilt(3, T0))), T0).tier);
            List<EnrichedMention> ms =
                    List.of(
                            handBuilt(150, T0),
                            handBuilt(150, T0 + DAY),
                            handBuilt(150, T0 + 2 * DAY));
            CustomerEngagement e = score(fold(ms), T0 + 2 * DAY);
            assertTrue(e.score >= 30 && e.score < 55, "precondition " + e.score);
            assertEquals("ENGAGED", e.tier, "neutral sentiment is never an advocate");
        }

        @Test
        void noInteractionForDormantAfterIsDormant() {
            List<EnrichedMention> ms = positiveThenNegative(6, 0);
            CustomerState s = fold(ms);
            long last = lastOf(ms);
            assertEquals(last + 60 * DAY, scorer.dormantAt(s));
            assertNotEquals("DORMANT", score(s, last + 60 * DAY - 1).tier);
            CustomerEngagement e = score(s, last + 60 * DAY);
            assertEquals("DORMANT", e.tier);
            // two half-lives of silence: recency 0.25, churn risk 0.4 * (1 - 0.25) with a flat
            // sentiment
            assertEquals(25, e.recency, 0.01);
            assertEquals(0.3, e.churnRisk, 0.001, "long silence raises the churn risk");
            assertTrue(score(s, last).churnRisk < 0.01, "none right after an interaction");
        }

        @Test
        void dormancyFollowsTheLatestInteractionWhateverTheArrivalOrder() {
            CustomerState s = new CustomerState();
            scorer.add(s, handBuilt(120, T0 + 50 * DAY));
            scorer.add(s, handBuilt(121, T0)); // late arrival
            assertEquals(T0 + 50 * DAY, s.lastInteractionAt);
            assertEquals(T0, s.firstInteractionAt);
            assertNotEquals("DORMANT", score(s, T0 + 100 * DAY).tier);
            assertEquals("DORMANT", score(s, T0 + 110 * DAY).tier);
        }
    }

    @Nested
    class ScoreChange {
        @Test
        void isTheWholeScoreBeforeAnythingWasEmitted() {
            CustomerState s = fold(List.of(handBuilt(150, T0)));
            CustomerEngagement e = score(s, T0);
            assertTrue(e.score > 0);
            assertEquals(e.score, e.scoreChange);
        }

        @Test
        void isRelativeToTheLastEmittedScore() {
            CustomerState s = fold(List.of(handBuilt(150, T0)));
            double score = score(s, T0).score;
            s.emittedScore = 10;
            assertEquals(Math.round((score - 10) * 100) / 100.0, score(s, T0).scoreChange, 1e-9);
            s.emittedScore = 90;
            assertTrue(score(s, T0).scoreChange < 0);
            s.emittedScore = 0;
            assertEquals(score, score(s, T0).scoreChange, 1e-9, "zero is an emitted score too");
        }
    }

    @Test
    void spamIsCountedButAddsNothing() {
        EnrichedMention spam = handBuilt(200, T0, 0.9);
        spam.analysis.spam = true;
        CustomerState s = fold(List.of(spam));
        assertEquals(1, s.interactions);
        assertEquals(0, s.topQuality.length);
        assertEquals(0, score(s, T0).score);
        assertEquals(0, s.fastSentiment, "spam does not move the sentiment");
        assertEquals(0, s.meaningfulInteractions);
    }

    @Test
    void theRecordDescribesTheCustomer() {
        CustomerState s = fold(List.of(handBuilt(150, T0, 0.5), handBuilt(150, T0 + DAY, 0.5)));
        CustomerEngagement e = scorer.score("key-1", "qingning", s, T0 + DAY);
        assertEquals("key-1", e.customerKey);
        assertEquals("qingning", e.brand);
        assertEquals(T0 + DAY, e.asOf);
        assertEquals(2, e.interactions);
        assertArrayEquals(
                new long[] {T0, T0 + DAY}, new long[] {e.firstInteractionAt, e.lastInteractionAt});
        assertEquals(0.5, e.sentiment, 0.01);
    }
}
