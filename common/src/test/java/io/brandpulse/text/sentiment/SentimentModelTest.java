package io.brandpulse.text.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentModelTest {
    private static final SentimentModel MODEL = SentimentModel.loadDefault();
    private final TextNormalizer normalizer = new TextNormalizer();

    private Sentiment score(String raw) {
        return MODEL.score(normalizer.normalize(raw), null);
    }

    private static void assertConsistent(Sentiment s) {
        assertTrue(s.score >= -1 && s.score <= 1, "score in [-1, 1]: " + s);
        assertTrue(s.confidence >= 0 && s.confidence <= 1, "confidence in [0, 1]: " + s);
        if (s.isPositive()) assertTrue(s.score > 0, "positive has a positive score: " + s);
        if (s.isNegative()) assertTrue(s.score < 0, "negative has a negative score: " + s);
    }

    @Test
    void theShippedModelLoadsOnceAndDescribesItsTraining() {
        assertSame(MODEL, SentimentModel.loadDefault());
        assertTrue(MODEL.description().contains("\"removedTestDevTexts\""), MODEL.description());
        assertTrue(MODEL.emoticons().size() >= 67, "the MIT Weibo list plus the curated one");
    }

    @Nested
    class ObviousCases {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "这家酒店非常好，服务周到，下次还来",
                    "質量很好，物流也快，非常滿意", // Traditional
                    "强烈推荐，性价比很高",
                    "屏幕清晰，运行流畅，很满意",
                    "这本书写得太好了，值得一读",
                    "客服態度很好，問題很快就解決了", // Traditional
                })
        void positive(String text) {
            Sentiment s = score(text);
            assertEquals(Sentiment.POSITIVE, s.label, s.toString());
            assertConsistent(s);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "服务态度很差，再也不来了",
                    "質量太差了，用了兩天就壞了", // Traditional
                    "垃圾产品，千万别买",
                    "房间又脏又小，隔音太差",
                    "客服太垃圾了，打了十次电话都没人管",
                    "退貨很麻煩，非常失望", // Traditional
                })
        void negative(String text) {
            Sentiment s = score(text);
            assertEquals(Sentiment.NEGATIVE, s.label, s.toString());
            assertConsistent(s);
        }

        @Test
        void traditionalAndSimplifiedScoreTheSame() {
            assertEquals(score("这家饭店的服务真的很差劲"), score("這家飯店的服務真的很差勁"));
            assertEquals(score("质量很好，物流也快"), score("質量很好，物流也快"));
        }

        @Test
        void fullWidthAndCaseDoNotMatter() {
            assertEquals(score("iphone很好用!!"), score("ＩＰＨＯＮＥ很好用！！"));
        }
    }

    @Nested
    class Negation {
        @Test
        void notGoodIsNegative() {
            assertEquals(Sentiment.NEGATIVE, score("不好").label);
            assertEquals(Sentiment.NEGATIVE, score("一点也不好").label);
            assertEquals(Sentiment.NEGATIVE, score("一點也不好").label);
            assertEquals(Sentiment.NEGATIVE, score("不满意").label);
            assertEquals(Sentiment.NEGATIVE, score("不推荐").label);
        }

        @Test
        void notBadIsPositive() {
            assertEquals(Sentiment.POSITIVE, score("不错").label);
            assertEquals(Sentiment.POSITIVE, score("很不错").label);
        }

        @Test
        void doubleNegationIsNotNegative() {
            Sentiment s = score("不是不好");
            assertNotEquals(Sentiment.NEGATIVE, s.label, s.toString());
            assertTrue(s.score > 0, "positive-ish: " + s);
            assertTrue(s.score > score("不好").score + 1.0, "far from 不好: " + s);
            assertNotEquals(Sentiment.NEGATIVE, score("没有不满意的").label);
        }

        @Test
        void aQuestionIsNotADoubleNegation() {
            // 是不是不好 asks "is it not good?": the 不是不 cue must not fire inside it
            Sentiment question = score("是不是不好");
            assertTrue(question.score < score("不是不好").score, question.toString());
        }

        @Test
        void theDoubleNegationCueIsDroppedFromTheFeatures() {
            SentimentFeatures f = MODEL.features();
            assertEquals(features(f, "好"), features(f, "不是不好"));
            assertNotEquals(features(f, "好"), features(f, "不好"));
        }

        private List<Integer> features(SentimentFeatures f, String text) {
            List<Integer> out = new ArrayList<>();
            f.extract(text, out::add);
            return out;
        }
    }

    /** Repeated characters ({@link SentimentFeatures#REPEATS}). */
    @Nested
    class RepeatedCharacters {
        private final SentimentFeatures folding =
                new SentimentFeatures(16, 4, SentimentFeatures.DEGREE | SentimentFeatures.REPEATS);
        private final SentimentFeatures plain =
                new SentimentFeatures(16, 4, SentimentFeatures.DEGREE);

        private List<Integer> features(SentimentFeatures f, String text) {
            List<Integer> out = new ArrayList<>();
            f.extract(text, out::add);
            return out;
        }

        @ParameterizedTest
        @CsvSource({
            "太太太好吃了, 太好吃了",
            "超超超好看, 超好看",
            "巨巨巨巨难用, 巨难用",
            "真的很很很喜欢, 真的很喜欢",
            "哈哈哈哈哈哈笑死, 哈哈哈笑死",
            "好吃啊啊啊啊啊, 好吃啊啊啊",
            "绝了！！！！！, 绝了！！！",
        })
        void aRepeatedAdverbReadsAsOneAndALongRunAsThree(String repeated, String folded) {
            assertEquals(features(folding, folded), features(folding, repeated));
            assertNotEquals(features(plain, folded), features(plain, repeated));
        }

        @Test
        void theShippedModelReadsARepeatedAdverbAsTheAdverb() {
            // 太太太好吃了 was negative (太太 is "wife", and 太 leans negative in reviews)
            assertTrue(score("太太太好吃了").isPositive(), score("太太太好吃了").toString());
            assertEquals(score("太好吃了").score, score("太太太好吃了").score, 1e-9);
            assertTrue(score("巨巨巨难用，退了").isNegative());
        }

        @ParameterizedTest
        @ValueSource(strings = {"我太太很喜欢", "哈哈哈", "好好学习", "666", "太好了"})
        void whatIsNotARepeatedAdverbOrALongRunIsReadAsWritten(String text) {
            assertEquals(features(plain, text), features(folding, text));
        }
    }

    /**
     * Social-media phenomena of issue 18, on posts written for these tests (none of them is in a
     * training or development set).
     */
    @Nested
    class SocialPhenomena {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "这款粉底液yyds，持妆一整天",
                    "绝绝子，新出的杨枝甘露",
                    "本来不想买的，结果真香",
                    "这家火锅我已经无限回购了",
                    // praise said as excess, and beauty-blogger slang
                    "这个色号显白到离谱，好看到离谱",
                    "混油皮亲妈，夏天出门一整天都不花",
                    "新款风衣上身高级感拉满",
                    "室友三个全被我带入坑了",
                    // praise as "to no end"; a dud only expected before trying it
                    "这家店的烤鸡嫩到不行",
                    "本以为是智商税，结果用了一个月真香",
                })
        void positiveSlang(String text) {
            Sentiment s = score(text);
            assertConsistent(s);
            assertTrue(s.isPositive(), text + " -> " + s);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "又踩雷了，这款面膜用完脸好痒",
                    "避雷这家民宿，照片和实物两回事",
                    "新版本更新直接翻车",
                    "等了三个月的快递丢了，破防了",
                    "这种保健品就是智商税",
                })
        void negativeSlang(String text) {
            Sentiment s = score(text);
            assertConsistent(s);
            assertTrue(s.isNegative(), text + " -> " + s);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "谢谢你全家，充个电都能坏",
                    "客服的回复我真的会谢",
                    "这\"高效\"的售后，一周了还没人回",
                    "真是「贴心」的服务呢",
                    "下单九天才到，这物流速度感人",
                    "说好的“次日达”，第四天了还在路上",
                })
        void sarcasmIsNegative(String text) {
            Sentiment s = score(text);
            assertTrue(s.isNegative(), text + " -> " + s);
        }

        @ParameterizedTest
        @ValueSource(strings = {"没有人会不喜欢这款香水吧", "用了半年一点也不后悔", "这次没踩雷"})
        void doubleNegativesArePositive(String text) {
            Sentiment s = score(text);
            assertTrue(s.isPositive(), text + " -> " + s);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "请问你们的会员卡可以在别的城市用吗",
                    "有没有人知道新店地址在哪",
                    "【公告】本周六凌晨系统升级，期间暂停下单",
                    "据报道，该品牌明年将在华南新开二十家门店",
                    "包裹已发出，预计后天送达",
                    "想问下这款有没有大一号的尺码",
                    "請問週末有營業嗎",
                    // with their question marks, and notices whose words look emotional
                    "求问：干皮冬天一般用什么面霜？",
                    "@某某客服 您好，请问我的订单什么时候能发货？",
                    "【通知】本店投诉电话为400-123-4567，工作日9点到18点",
                    "快递到驿站了，下班去拿",
                    // questions for information from other users, slang they ask about included
                    "想问下大家平时用什么牌子的洗碗机？",
                    "请问这个色号适合黄皮吗？",
                    "这款吸尘器有翻车的吗？准备下单",
                })
        void plainQuestionsNewsAndNoticesAreNeutral(String text) {
            Sentiment s = score(text);
            assertConsistent(s);
            assertTrue(s.isNeutral(), text + " -> " + s);
            assertTrue(s.confidence >= 0.5, "neutral with conviction: " + s);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "花了三千块就买到这种质量？",
                    "凭什么不给退款？",
                    "客服到底还管不管了？",
                    "请问你们怎么还不发货？",
                    "这不是智商税吗？",
                })
        void angryQuestionsAreNotNeutral(String text) {
            Sentiment s = score(text);
            assertTrue(s.isNegative(), text + " -> " + s);
        }

        @Test
        void aNeutralTextsScoreShrinksTowardZero() {
            Sentiment s = score("请问退货需要自己付运费吗");
            assertTrue(s.isNeutral(), s.toString());
            String normalized = normalizer.normalize("请问退货需要自己付运费吗");
            double p = 1 / (1 + Math.exp(-MODEL.margin(normalized)));
            assertTrue(Math.abs(s.score) < Math.abs(2 * p - 1), s + " vs polarity " + (2 * p - 1));
        }

        @Test
        void withoutItsCuesTheModelMissesSlang() {
            // the cues, not the n-grams, carry these verdicts: the list is what makes them right
            SentimentModel bare = MODEL.withCues(SentimentCues.none());
            String text = normalizer.normalize("这次没踩雷");
            assertTrue(MODEL.score(text, null).isPositive());
            assertTrue(!bare.score(text, null).isPositive(), bare.score(text, null).toString());
        }
    }

    @Nested
    class Emoticons {
        private static final String NEUTRAL_TEXT = "今天下午去了一趟公司楼下的店";

        @Test
        void angerOnAPlainTextIsNegative() {
            Sentiment s = MODEL.score(NEUTRAL_TEXT + "[怒]", List.of("[怒]"));
            assertEquals(Sentiment.NEGATIVE, s.label, s.toString());
            assertConsistent(s);
        }

        @Test
        void laughterOnAPlainTextIsPositive() {
            Sentiment s = MODEL.score(NEUTRAL_TEXT + "[哈哈]", List.of("[哈哈]"));
            assertEquals(Sentiment.POSITIVE, s.label, s.toString());
            assertConsistent(s);
        }

        @Test
        void theMoodDominatesTheText() {
            assertEquals(
                    Sentiment.NEGATIVE,
                    MODEL.score("服务很好，环境不错[怒][抓狂]", List.of("[怒]", "[抓狂]")).label);
            assertEquals(Sentiment.POSITIVE, MODEL.score("排了好久的队[赞]", List.of("[赞]")).label);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[怒]", "[泪]", "[衰]", "[抓狂]", "[鄙视]", "[吐]", "[悲伤]", "[失望]", "[生气]"})
        void negativeEmoticons(String e) {
            assertEquals(Sentiment.NEGATIVE, MODEL.score(NEUTRAL_TEXT + e, List.of(e)).label);
            assertEquals(
                    Sentiment.NEGATIVE,
                    MODEL.score(NEUTRAL_TEXT + e, null).label,
                    "found in the text");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[哈哈]", "[赞]", "[爱你]", "[心]", "[嘻嘻]", "[鼓掌]", "[good]", "[太开心]"})
        void positiveEmoticons(String e) {
            assertEquals(Sentiment.POSITIVE, MODEL.score(NEUTRAL_TEXT + e, List.of(e)).label);
            assertEquals(
                    Sentiment.POSITIVE,
                    MODEL.score(NEUTRAL_TEXT + e, null).label,
                    "found in the text");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"😡", "😤", "👎", "💔", "🤬"})
        void negativeEmoji(String e) {
            assertEquals(Sentiment.NEGATIVE, MODEL.score(NEUTRAL_TEXT + e, List.of()).label);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"👍", "❤️", "😍", "👏🏻", "🎉"})
        void positiveEmoji(String e) {
            assertEquals(Sentiment.POSITIVE, MODEL.score(NEUTRAL_TEXT + e, List.of()).label);
        }

        @Test
        void ambiguousEmoticonsLeaveItToTheText() {
            String text = "服务很差，太失望了";
            assertEquals(
                    MODEL.score(text, List.of()).label,
                    MODEL.score(text + "[微笑]", List.of("[微笑]")).label);
            assertEquals(
                    MODEL.score(text, List.of()).label,
                    MODEL.score(text + "[doge]", List.of("[doge]")).label);
        }

        @Test
        void opposingEmoticonsCancel() {
            String text = "服务很差，太失望了";
            Sentiment s = MODEL.score(text + "[哈哈][怒]", List.of("[哈哈]", "[怒]"));
            assertEquals(MODEL.score(text, List.of()).label, s.label);
        }

        @Test
        void unknownAndOddEmoticonsAreHarmless() {
            assertConsistent(MODEL.score("[[[]]][", null));
            assertConsistent(MODEL.score("好[", List.of("[", "", "[不存在的表情]")));
            List<String> withNull = new ArrayList<>();
            withNull.add(null);
            assertConsistent(MODEL.score("好", withNull));
        }
    }

    /**
     * With {@link SentimentFeatures#EMOTICONS}, a bracket emoticon's own feature adds its weight to
     * the margin in full, however long the text (a repost chain's mood often rides on one
     * emoticon), and does not scale the other features down.
     */
    @Nested
    class EmoticonsCountInFull {
        private static final int FLAGS = SentimentFeatures.BOUNDARIES | SentimentFeatures.EMOTICONS;

        private List<Integer> unscaled(SentimentFeatures f, String text, List<Integer> scaled) {
            List<Integer> found = new ArrayList<>();
            int count =
                    f.extract(
                            text,
                            new SentimentFeatures.Sink() {
                                @Override
                                public void feature(int bucket) {
                                    scaled.add(bucket);
                                }

                                @Override
                                public void unscaledFeature(int bucket) {
                                    found.add(bucket);
                                }
                            });
            assertEquals(scaled.size(), count, "the count is of the scaled features only");
            return found;
        }

        @Test
        void eachEmoticonOccurrenceIsOneUnscaledFeatureWhateverItsSurroundings() {
            SentimentFeatures f = new SentimentFeatures(16, 3, FLAGS);
            List<Integer> tear = unscaled(f, "[泪]", new ArrayList<>());
            assertEquals(1, tear.size());
            String chain = "逛街的战利品//@某人:真好看//@另一个人:下次一起去".repeat(5);
            assertEquals(
                    List.of(tear.get(0), tear.get(0)),
                    unscaled(f, chain + "[泪]" + chain + "[泪]", new ArrayList<>()));
            assertNotEquals(tear, unscaled(f, "[哈哈]", new ArrayList<>()));
            assertEquals(List.of(), unscaled(f, "[] [这不是一个表情符号而是一段话] [未闭合", new ArrayList<>()));
            assertEquals(tear, unscaled(f, "[[泪]", new ArrayList<>()));
            List<Integer> scaled = new ArrayList<>();
            unscaled(new SentimentFeatures(16, 3, SentimentFeatures.BOUNDARIES), "[泪]", scaled);
            List<Integer> scaledWithFlag = new ArrayList<>();
            unscaled(f, "[泪]", scaledWithFlag);
            assertEquals(scaled, scaledWithFlag, "the n-grams are as without the flag");
        }

        /** A model of these weights alone: no bias, no moods, no emoticon table, no cues. */
        private SentimentModel bareModel(SentimentFeatures f, float[] codebook, byte[] weights) {
            return new SentimentModel(
                    f,
                    0f,
                    codebook,
                    weights,
                    0f,
                    0f,
                    new MoodWeights(0f, 0f, 0f, 0f),
                    new EmoticonPolarity(java.util.Map.of()),
                    "test");
        }

        @Test
        void itsWeightMovesTheMarginInFullInAShortAndInALongText() {
            SentimentFeatures f = new SentimentFeatures(16, 3, FLAGS);
            int tear = unscaled(f, "[泪]", new ArrayList<>()).get(0);
            float[] codebook = new float[256];
            codebook[1] = -3f;
            byte[] weights = new byte[f.buckets()];
            weights[tear] = 1; // only the emoticon's own feature carries weight
            SentimentModel m = bareModel(f, codebook, weights);
            String longText = "今天下午去了一趟公司楼下的店，排队的人不多，点了一杯咖啡。".repeat(20);
            assertEquals(-3.0, m.margin("还行[泪]"), 1e-6);
            assertEquals(-3.0, m.margin(longText + "[泪]"), 1e-6);
            assertEquals(-6.0, m.margin("[泪]" + longText + "[泪]"), 1e-6);
            assertEquals(Sentiment.NEGATIVE, m.score(longText + "[泪]", null).label);
            SentimentModel without =
                    bareModel(
                            new SentimentFeatures(16, 3, SentimentFeatures.BOUNDARIES),
                            codebook,
                            weights);
            assertEquals(0.0, without.margin(longText + "[泪]"), 1e-6, "only with the flag");
        }
    }

    @Nested
    class Robustness {
        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", " ", "   \t\n ", "\u3000\u3000", "\ufe0f\u200d"})
        void blankTextIsNeutral(String text) {
            Sentiment s = MODEL.score(text, List.of());
            assertEquals(Sentiment.NEUTRAL, s.label);
            assertEquals(0.0, s.score);
            assertEquals(0.0, s.confidence);
        }

        @Test
        void nullTextIsNeutral() {
            assertEquals(Sentiment.NONE, MODEL.score(null, null));
        }

        @Test
        void aOneMegabyteTextScores() {
            StringBuilder b = new StringBuilder(1 << 20);
            String[] parts = {"服务很差，", "环境不错。", "[怒]", "😡", "abc ", "12345", "不是不好!", "\ud83d"};
            Random r = new Random(1);
            while (b.length() < (1 << 20)) b.append(parts[r.nextInt(parts.length)]);
            Sentiment s = MODEL.score(b.toString(), null);
            assertConsistent(s);
        }

        @Test
        void randomUnicodeNeverFails() {
            Random r = new Random(42);
            for (int i = 0; i < 2000; i++) {
                char[] cs = new char[r.nextInt(200)];
                for (int j = 0; j < cs.length; j++)
                    cs[j] = (char) r.nextInt(0x10000); // lone surrogates included
                Sentiment s = MODEL.score(new String(cs), null);
                assertConsistent(s);
            }
        }

        @Test
        void scoresAreDeterministicAndThreadSafe() throws Exception {
            List<String> texts = new ArrayList<>();
            Random r = new Random(7);
            String[] parts = {"很好", "太差", "不是不好", "一般", "服务", "[哈哈]", "😡", "，", "。", "但是"};
            for (int i = 0; i < 500; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = r.nextInt(12); k >= 0; k--) b.append(parts[r.nextInt(parts.length)]);
                texts.add(b.toString());
            }
            List<Sentiment> expected = new ArrayList<>();
            for (String t : texts) expected.add(MODEL.score(t, null));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Sentiment>>> futures = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        List<Sentiment> out = new ArrayList<>();
                                        for (String t : texts) out.add(MODEL.score(t, null));
                                        return out;
                                    }));
                }
                for (Future<List<Sentiment>> f : futures) assertEquals(expected, f.get());
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theNeutralBandIsNarrowAndOnlyForWeakEvidence() {
            // strong words are never neutral, however short
            assertNotEquals(Sentiment.NEUTRAL, score("好").label);
            assertNotEquals(Sentiment.NEUTRAL, score("差").label);
            // neutral labels carry a small score
            Sentiment s = score("新品上市了");
            if (s.isNeutral()) assertTrue(Math.abs(s.score) < 0.2, s.toString());
        }
    }

    @Nested
    class ModelFile {
        @Test
        void writeThenLoadGivesTheSameScoresAndTheSameBytes() throws IOException {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            MODEL.write(first);
            SentimentModel copy =
                    SentimentModel.load(new ByteArrayInputStream(first.toByteArray()));
            for (String t : List.of("很好", "太差了[怒]", "不是不好", "", "服务一般，但是环境很好😍")) {
                assertEquals(MODEL.score(t, null), copy.score(t, null), t);
            }
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            copy.write(second);
            assertTrue(
                    Arrays.equals(first.toByteArray(), second.toByteArray()),
                    "deterministic bytes");
        }

        @Test
        void aModelWithoutANeutralHeadIsAVersionOneFileAndUsesTheBand() throws IOException {
            SentimentModel bare = MODEL.withNeutralHead(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            bare.write(out);
            SentimentModel copy = SentimentModel.load(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(null, copy.neutralHead());
            assertNotEquals(null, MODEL.neutralHead(), "the shipped model has a neutral head");
            String question = normalizer.normalize("请问退货需要自己付运费吗");
            // the head calls it neutral; the band alone cannot (its polarity leans negative)
            assertTrue(MODEL.score(question, null).isNeutral());
            assertTrue(copy.score(question, null).isNegative(), copy.score(question, null) + "");
            // (a version 1 file weighs bracket emoticons as emoji, so none here)
            for (String t : List.of("很好", "太差了", "服务一般，但是环境很好😍")) {
                assertEquals(bare.score(t, null), copy.score(t, null), t);
            }
        }

        @Test
        void garbageIsRejected() {
            assertThrows(
                    IOException.class,
                    () -> SentimentModel.load(new ByteArrayInputStream(new byte[] {1, 2, 3})));
            assertThrows(
                    IOException.class,
                    () -> {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
                            gz.write(new byte[] {0, 0, 0, 7, 0, 0, 0, 1});
                        }
                        SentimentModel.load(new ByteArrayInputStream(b.toByteArray()));
                    });
        }
    }
}
