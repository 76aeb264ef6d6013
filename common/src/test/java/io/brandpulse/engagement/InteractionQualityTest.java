package io.brandpulse.engagement;

import static io.brandpulse.engagement.Interactions.REVIEW;
import static io.brandpulse.engagement.Interactions.T0;
import static io.brandpulse.engagement.Interactions.analyzed;
import static io.brandpulse.engagement.Interactions.handBuilt;
import static io.brandpulse.engagement.Interactions.quality;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.engagement.InteractionQuality.Parts;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionQualityTest {

    @Nested
    class QualityOverQuantity {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"好", "不错!", "赞", "yyds"})
        void aDetailedReviewWithPhotosAndASuggestionScoresFarAboveAOneWordComment(String oneWord) {
            EnrichedMention review = analyzed(REVIEW, T0, 3);
            assertTrue(review.analysis.suggestion, "precondition: the review makes a suggestion");
            assertFalse(review.analysis.spam);
            double detailed = quality(review);
            double casual = quality(analyzed(oneWord, T0, 0));

            assertTrue(detailed >= 60, "detailed review: " + InteractionQuality.of(review));
            assertTrue(casual < 15, oneWord + ": " + casual);
            assertTrue(detailed > 5 * casual, detailed + " vs " + casual);
        }

        @Test
        void theReviewsPartsAreWhatMakeItValuable() {
            Parts p = InteractionQuality.of(analyzed(REVIEW, T0, 3));
            assertEquals(1.0, p.constructive(), "a suggestion is fully constructive");
            assertEquals(1.0, p.originality());
            assertTrue(p.substance() > 0.6, "100+ characters of own words: " + p);
            assertTrue(p.specificity() >= 0.6, "numbers, a product keyword, varied words: " + p);
            assertTrue(p.media() > 0.7, "three photos: " + p);
        }

        @Test
        void everyPartAndTheTotalStayInRange() {
            EnrichedMention m = handBuilt(10_000, T0, -1);
            m.media = new Media(1_000, 1_000);
            m.metrics = new Engagement(Long.MAX_VALUE / 8, Long.MAX_VALUE / 8, Long.MAX_VALUE / 8);
            m.analysis.suggestion = true;
            Parts p = InteractionQuality.of(m);
            for (double part :
                    new double[] {
                        p.substance(),
                        p.specificity(),
                        p.media(),
                        p.constructive(),
                        p.feeling(),
                        p.resonance(),
                        p.originality()
                    }) {
                assertTrue(part >= 0 && part <= 1, p.toString());
            }
            assertTrue(p.total() > 0 && p.total() <= 100, p.toString());
        }
    }

    @Nested
    class Substance {
        private double substance(int chars) {
            return InteractionQuality.of(handBuilt(chars, T0)).substance();
        }

        @Test
        void lengthHasDiminishingReturns() {
            double shortGain = substance(40) - substance(20);
            double longGain = substance(320) - substance(160);
            assertTrue(
                    substance(40) > substance(20) && substance(320) > substance(160),
                    "longer is still better");
            assertTrue(
                    longGain < shortGain,
                    "doubling a long text adds less: " + longGain + " vs " + shortGain);
            assertTrue(
                    longGain / 160 < shortGain / 20 / 5,
                    "each added character is worth far less in a long text");
            assertTrue(
                    substance(640) - substance(320) < 0.02,
                    "beyond a few hundred characters length adds almost nothing");

            double t20 = quality(handBuilt(20, T0));
            double t40 = quality(handBuilt(40, T0));
            double t160 = quality(handBuilt(160, T0));
            double t320 = quality(handBuilt(320, T0));
            assertTrue(t320 - t160 < t40 - t20, "in the total too");
            assertTrue(
                    quality(handBuilt(5_000, T0)) <= 35.0 + 1e-9,
                    "length alone is worth at most 35 points");
        }

        @Test
        void lengthIsOnTheDocumentedScale() {
            // 1 - e^(-chars / 80): 80 characters give about 63% of the weight.
            assertEquals(1 - Math.exp(-1), substance(80), 0.001);
            assertEquals(0, substance(0));
        }

        @Test
        void aLongUrlAloneIsNoSubstance() {
            String url = "https://weibo.com/1234567890/NabcdefGHIjklmnopQRST";
            EnrichedMention m = analyzed(url, T0, 0);
            assertEquals(1, m.analysis.urls.length, "precondition: the analysis found the URL");
            assertEquals(0, InteractionQuality.substanceChars(m.text, m.analysis));
            assertEquals(0, InteractionQuality.of(m).substance());
        }

        @Test
        void aUrlDoesNotMakeACommentLonger() {
            String words = "这家店的拿铁很好喝推荐大家去试试";
            EnrichedMention plain = analyzed(words, T0, 0);
            EnrichedMention withUrl = analyzed(words + " https://t.cn/A6abcdEfGhIjKlMnOpQr", T0, 0);
            assertTrue(
                    InteractionQuality.of(withUrl).substance()
                            <= InteractionQuality.of(plain).substance(),
                    InteractionQuality.of(withUrl) + " vs " + InteractionQuality.of(plain));
        }

        @Test
        void aUrlDoesNotEraseTheAuthorsOwnWords() {
            String words = "这家店的拿铁很好喝推荐大家去试试";
            EnrichedMention withUrl = analyzed(words + " https://t.cn/A6abcdEf", T0, 0);
            assertEquals(
                    words.length(),
                    InteractionQuality.substanceChars(withUrl.text, withUrl.analysis));
        }

        @Test
        void aUrlInTheRepostChainDoesNotEraseTheComment() {
            String own = "说得太对了我也是这么觉得的";
            EnrichedMention quote = analyzed(own + " //@小王: 看这个 https://t.cn/A6abcdEfGh", T0, 0);
            assertEquals(
                    own.length(), InteractionQuality.substanceChars(quote.text, quote.analysis));
            assertEquals(0.6, InteractionQuality.of(quote).originality());
        }

        @Test
        void emoticonsAndMentionsAreNotSubstance() {
            EnrichedMention emoticons = analyzed("[哈哈][哈哈][哈哈][哈哈][哈哈]", T0, 0);
            assertEquals(0, InteractionQuality.substanceChars(emoticons.text, emoticons.analysis));
            EnrichedMention mentions = analyzed("@某某某某某某 @某某某某某某 好", T0, 0);
            assertEquals(1, InteractionQuality.substanceChars(mentions.text, mentions.analysis));
        }
    }

    @Nested
    class MediaPart {
        private Parts withMedia(int images, int videos) {
            EnrichedMention m = handBuilt(50, T0);
            m.media = new Media(images, videos);
            return InteractionQuality.of(m);
        }

        @Test
        void mediaSaturate() {
            Parts none = withMedia(0, 0);
            Parts one = withMedia(1, 0);
            Parts ten = withMedia(10, 0);
            assertEquals(0, none.media());
            assertTrue(one.media() > 0.3, one.toString());
            assertTrue(
                    ten.media() <= 1 && ten.media() < 3 * one.media(),
                    "10 images are not 10x one: " + ten + " vs " + one);
            assertTrue(
                    ten.media() - withMedia(5, 0).media() < 0.1,
                    "beyond a few images, more add almost nothing");
            double tenGain = ten.total() - none.total();
            double oneGain = one.total() - none.total();
            assertTrue(tenGain <= 15 + 1e-9 && tenGain < 3 * oneGain, tenGain + " vs " + oneGain);
        }

        @Test
        void aVideoCountsAsTwoImages() {
            assertEquals(withMedia(2, 0).media(), withMedia(0, 1).media());
            assertEquals(withMedia(3, 0).media(), withMedia(1, 1).media());
        }

        @Test
        void noMediaObjectIsNoMedia() {
            EnrichedMention m = handBuilt(50, T0);
            m.media = null;
            assertEquals(0, InteractionQuality.of(m).media());
        }
    }

    @Nested
    class Spam {
        @Test
        void spamScoresExactlyZeroWhateverElseItHas() {
            EnrichedMention spam =
                    analyzed("青柠咖啡 娱乐城注册送彩金，首存送体验金，日赚500不是梦，详情看主页", T0, 9, 5_000, 800, 300, null);
            assertTrue(spam.analysis.spam, "precondition: the analysis flags it");
            Parts p = InteractionQuality.of(spam);
            assertEquals(new Parts(0, 0, 0, 0, 0, 0, 0, 0), p);
        }

        @Test
        void aSpamFlagZeroesEvenAnExcellentPost() {
            EnrichedMention m = handBuilt(300, T0, 0.9);
            m.analysis.suggestion = true;
            m.media = new Media(5, 1);
            m.metrics = new Engagement(1_000, 100, 100);
            assertTrue(quality(m) > 60, "precondition");
            m.analysis.spam = true;
            assertEquals(0.0, quality(m));
        }

        @Test
        void noAnalysisScoresZero() {
            EnrichedMention m = handBuilt(300, T0);
            m.analysis = null;
            assertEquals(0.0, quality(m));
        }
    }

    @Nested
    class Reposts {
        @Test
        void aBareRepostScoresAtMostAFifthOfTheOriginal() {
            EnrichedMention original = analyzed(REVIEW, T0, 3, 20, 5, 5, null);
            EnrichedMention repost =
                    analyzed("转发微博 //@小王: " + REVIEW, T0, 3, 20, 5, 5, "m_original");
            assertTrue(repost.analysis.repost, "precondition: a repost chain");
            Parts p = InteractionQuality.of(repost);
            assertEquals(0.2, p.originality());
            assertTrue(
                    p.total() <= 0.2 * quality(original) + 1e-9,
                    p.total() + " vs " + quality(original));
            assertTrue(p.total() < 25, "a bare repost is never meaningful: " + p);
        }

        @Test
        void theRepostChainIsNotSubstance() {
            EnrichedMention longChain =
                    analyzed("转发微博 //@小王: " + REVIEW + " //@小李: " + REVIEW, T0, 0);
            EnrichedMention shortChain = analyzed("转发微博 //@小王: 好", T0, 0);
            assertEquals(
                    4,
                    InteractionQuality.substanceChars(longChain.text, longChain.analysis),
                    "只有 转发微博");
            assertEquals(
                    InteractionQuality.of(shortChain).substance(),
                    InteractionQuality.of(longChain).substance());
        }

        @Test
        void aRepostWithACommentOfItsOwnScoresBetweenABareRepostAndTheOriginal() {
            EnrichedMention original = analyzed(REVIEW, T0, 3);
            EnrichedMention bare = analyzed("转发微博 //@小王: " + REVIEW, T0, 3);
            EnrichedMention quote = analyzed("说得太对了，我也觉得甜度偏高，冰块太多，希望改进 //@小王: " + REVIEW, T0, 3);
            Parts q = InteractionQuality.of(quote);
            assertEquals(0.6, q.originality());
            assertTrue(
                    quality(bare) < q.total() && q.total() < quality(original),
                    quality(bare) + " < " + q.total() + " < " + quality(original));
        }

        @Test
        void aRepostIdMarksARepostEvenWithoutAChain() {
            EnrichedMention bare = handBuilt(2, T0);
            bare.repostOfId = "m0";
            EnrichedMention quote = handBuilt(40, T0);
            quote.repostOfId = "m0";
            assertEquals(0.2, InteractionQuality.of(bare).originality());
            assertEquals(0.6, InteractionQuality.of(quote).originality());
            EnrichedMention own = handBuilt(40, T0);
            assertEquals(quality(own) * 0.6, quality(quote), 0.01);
        }
    }

    @Nested
    class Resonance {
        private Parts withMetrics(long likes, long reposts, long comments) {
            EnrichedMention m = handBuilt(50, T0);
            m.metrics = new Engagement(likes, reposts, comments);
            return InteractionQuality.of(m);
        }

        @Test
        void isLogScaled() {
            // log(1 + weighted reactions) / log(1000): each tenfold adds the same third.
            assertEquals(1 / 3.0, withMetrics(9, 0, 0).resonance(), 0.001);
            assertEquals(2 / 3.0, withMetrics(99, 0, 0).resonance(), 0.001);
            double first = withMetrics(99, 0, 0).resonance() - withMetrics(9, 0, 0).resonance();
            double second = withMetrics(999, 0, 0).resonance() - withMetrics(99, 0, 0).resonance();
            assertEquals(first, second, 0.002);
        }

        @Test
        void isCapped() {
            assertEquals(1.0, withMetrics(999, 0, 0).resonance());
            assertEquals(1.0, withMetrics(50_000_000, 1_000_000, 1_000_000).resonance());
            assertEquals(
                    withMetrics(999, 0, 0).total(),
                    withMetrics(50_000_000, 1_000_000, 1_000_000).total(),
                    "a viral post is not worth more than a well-liked one");
            assertTrue(
                    withMetrics(999, 0, 0).total() - withMetrics(0, 0, 0).total() <= 10 + 1e-9,
                    "reactions are worth at most 10 points");
        }

        @Test
        void commentsAndRepostsWeighMoreThanLikes() {
            assertEquals(withMetrics(6, 0, 0).resonance(), withMetrics(0, 2, 0).resonance());
            assertEquals(withMetrics(6, 0, 0).resonance(), withMetrics(0, 0, 3).resonance());
        }

        @Test
        void negativeOrMissingCountsAreZero() {
            assertEquals(0, withMetrics(-100, -5, -5).resonance());
            EnrichedMention m = handBuilt(50, T0);
            m.metrics = null;
            assertEquals(0, InteractionQuality.of(m).resonance());
        }
    }

    @Test
    void aQuestionIsHalfAsConstructiveAsASuggestion() {
        EnrichedMention question = handBuilt(30, T0);
        question.analysis.question = true;
        EnrichedMention suggestion = handBuilt(30, T0);
        suggestion.analysis.suggestion = true;
        assertEquals(0.5, InteractionQuality.of(question).constructive());
        assertEquals(1.0, InteractionQuality.of(suggestion).constructive());
    }

    @Test
    void feelingIsStrengthTimesConfidenceWhateverTheSign() {
        EnrichedMention positive = handBuilt(30, T0, 0.8);
        EnrichedMention negative = handBuilt(30, T0, -0.8);
        assertEquals(
                InteractionQuality.of(positive).total(),
                InteractionQuality.of(negative).total(),
                "a detailed complaint is worth as much as praise");
        negative.analysis.sentimentConfidence = 0.5;
        assertEquals(0.4, InteractionQuality.of(negative).feeling(), 0.001);
    }
}
