package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.KeywordRule;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The analysis chain, checked the way Lucene checks analyzers: token lists with offsets. */
class TextAnalyzerTest {
    private static List<BrandSettings> brands;
    private static TextAnalyzer analyzer;

    @BeforeAll
    static void open() {
        BrandSettings starbucks = new BrandSettings();
        starbucks.id = "starbucks";
        starbucks.names = List.of("星巴克", "Starbucks");
        starbucks.keywords = List.of("星冰乐");
        starbucks.crisisTerms = List.of("蟑螂门", "青蛙杯");
        KeywordRule delivery = new KeywordRule();
        delivery.id = "slow-delivery";
        delivery.allOf = List.of("外卖");
        delivery.anyOf = List.of("慢", "等了");
        delivery.noneOf = List.of("广告");
        KeywordRule near = new KeywordRule();
        near.id = "cold-coffee";
        near.near = new KeywordRule.Near();
        near.near.terms = List.of("咖啡", "凉");
        near.near.within = 4;
        starbucks.rules = List.of(delivery, near);
        BrandSettings heytea = new BrandSettings();
        heytea.id = "heytea";
        heytea.names = List.of("喜茶");
        brands = List.of(starbucks, heytea);
        analyzer = new TextAnalyzer(brands);
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static TextAnalysis analyze(String text) {
        return analyzer.analyze(text);
    }

    /** Asserts tokens and their offsets in the original text, like Lucene's assertAnalyzesTo. */
    private static void assertTokens(String text, String[] tokens, int[] starts, int[] ends) {
        TextAnalysis a = analyze(text);
        assertArrayEquals(
                tokens, a.tokens, () -> "tokens of " + text + ": " + Arrays.toString(a.tokens));
        if (starts != null) {
            assertArrayEquals(starts, a.tokenStarts);
            assertArrayEquals(ends, a.tokenEnds);
        }
        for (int i = 0; i < a.tokens.length; i++) {
            assertEquals(
                    a.tokens[i],
                    text.substring(a.tokenStarts[i], a.tokenEnds[i]),
                    "offsets point at the token");
        }
    }

    @Nested
    class Tokens {
        @Test
        void brandNamesStayWholeAndPunctuationIsNoToken() {
            assertTokens(
                    "我喜欢星巴克的咖啡。",
                    new String[] {"我", "喜欢", "星巴克", "的", "咖啡"},
                    new int[] {0, 1, 3, 6, 7},
                    new int[] {1, 3, 6, 7, 9});
        }

        @Test
        void todaysWordsThatSmartcnLacksStayWhole() {
            assertTokens(
                    "外卖骑手和客服",
                    new String[] {"外卖", "骑手", "和", "客服"},
                    new int[] {0, 2, 4, 5},
                    new int[] {2, 4, 5, 7});
        }

        @Test
        void traditionalTextIsReportedInTraditionalCharacters() {
            assertTokens("我喜歡星巴克的咖啡", new String[] {"我", "喜歡", "星巴克", "的", "咖啡"}, null, null);
        }

        @Test
        void latinWordsAreLowercasedNeverStemmed() {
            TextAnalysis a = analyze("iPhone很好用");
            assertEquals("iPhone", a.tokens[0], "tokens are in the original characters");
            assertEquals(
                    "iphone很好用",
                    analyzer.normalize("iPhone很好用").normalized(),
                    "and matched as iphone, not iphon");
        }

        @Test
        void fullWidthTextGetsTheSameTokensAsHalfWidth() {
            assertEquals(
                    List.of(analyze("Starbucks 123").tokens).size(),
                    List.of(analyze("Ｓｔａｒｂｕｃｋｓ １２３").tokens).size());
            assertEquals("Ｓｔａｒｂｕｃｋｓ", analyze("Ｓｔａｒｂｕｃｋｓ １２３").tokens[0]);
        }

        @Test
        void markupIsNotWords() {
            TextAnalysis a = analyze("@小明 星巴克[怒] http://t.cn/abc 太慢了😡 #星巴克外卖#");
            assertFalse(Arrays.asList(a.tokens).contains("怒"));
            assertFalse(
                    Arrays.stream(a.tokens).anyMatch(t -> t.contains("http") || t.contains("小明")));
            assertEquals(List.of("[怒]"), List.of(a.emoticons));
            assertEquals(List.of("😡"), List.of(a.emoji));
            assertEquals(List.of("http://t.cn/abc"), List.of(a.urls));
            assertEquals(List.of("@小明"), List.of(a.mentions));
            assertEquals(List.of("#星巴克外卖#"), List.of(a.topics));
        }

        @Test
        void aShortLinkWithoutItsSchemeIsALink() {
            // Weibo and Taiwan posts write shortened links bare; a word before a dot is no host
            TextAnalysis a = analyze("活动详情戳 t.cn/A6xk9Lz 或 reurl.cc/Xy12，不是 abt.cn/ 也不是 1/2");
            assertEquals(List.of("t.cn/A6xk9Lz", "reurl.cc/Xy12"), List.of(a.urls));
        }
    }

    @Nested
    class SameAnalysisInEitherScript {
        @Test
        void traditionalAndSimplifiedGiveTheSameAnalysis() {
            TextAnalysis simplified = analyze("星巴克的服务太差了，再也不来了[怒]");
            TextAnalysis traditional = analyze("星巴克的服務太差了，再也不來了[怒]");
            assertEquals(simplified.sentimentLabel, traditional.sentimentLabel);
            assertEquals(simplified.sentimentScore, traditional.sentimentScore, 1e-9);
            assertEquals(simplified.tokens.length, traditional.tokens.length);
            assertArrayEquals(simplified.tokenStarts, traditional.tokenStarts);
            assertEquals(simplified.complaintCategory, traditional.complaintCategory);
            assertEquals(simplified.duplicateKey, traditional.duplicateKey);
        }
    }

    @Nested
    class Keywords {
        @Test
        void brandKeywordAndCrisisHitsWithOriginalOffsets() {
            TextAnalysis a = analyze("星巴克星冰樂喝了食物中毒，蟑螂門又來了");
            List<String> hits =
                    Arrays.stream(a.keywords)
                            .map(k -> k.kind + ":" + k.text + "@" + k.start)
                            .toList();
            assertTrue(hits.contains("BRAND:星巴克@0"), hits::toString);
            assertTrue(hits.contains("KEYWORD:星冰樂@3"), hits::toString);
            assertTrue(hits.contains("CRISIS:食物中毒@8"), hits::toString);
            assertTrue(hits.contains("CRISIS:蟑螂門@13"), hits::toString);
            KeywordHit brand = a.keywords[0];
            assertEquals("starbucks", brand.brand);
            assertTrue(a.crisis);
        }

        @Test
        void booleanRulesAllAnyNoneAndNear() {
            assertEquals(
                    List.of("starbucks:slow-delivery"),
                    List.of(analyze("星巴克外卖等了一个小时").matchedRules));
            assertEquals(List.of(), List.of(analyze("星巴克外卖很快").matchedRules), "anyOf missing");
            assertEquals(List.of(), List.of(analyze("外卖等了好久，广告").matchedRules), "noneOf present");
            assertEquals(List.of("starbucks:cold-coffee"), List.of(analyze("咖啡都凉了").matchedRules));
            assertEquals(
                    List.of(), List.of(analyze("咖啡很好喝，可是外面的天气很凉").matchedRules), "too far apart");
        }

        @Test
        void latinBrandNamesOnlyAsWholeWords() {
            assertEquals(0, analyze("starbucksy things").keywords.length);
            assertEquals("Starbucks", analyze("I love Starbucks!").keywords[0].text);
        }
    }

    @Nested
    class Sentiment {
        @Test
        void negationAndDegree() {
            assertEquals("negative", analyze("不好").sentimentLabel);
            assertEquals("negative", analyze("一点也不好").sentimentLabel);
            assertNotEquals("negative", analyze("不是不好").sentimentLabel);
            assertEquals("positive", analyze("非常好喝，强烈推荐").sentimentLabel);
        }

        @Test
        void textWithoutChineseIsNeutralUnlessItsEmoticonsSaySo() {
            assertEquals(
                    "neutral", analyze("Qingning Coffee's oat latte, see you at 9").sentimentLabel);
            assertEquals(0.0, analyze("Qingning Coffee's oat latte").sentimentConfidence);
            assertEquals("negative", analyze("latte again [怒]").sentimentLabel);
        }

        @Test
        void emoticonsCarryTheMood() {
            assertEquals("negative", analyze("今天去了星巴克[怒]").sentimentLabel);
            assertEquals("positive", analyze("今天去了星巴克[哈哈]").sentimentLabel);
            assertTrue(analyze("今天去了星巴克[哈哈]").sentimentScore > 0);
        }
    }

    @Nested
    class Complaints {
        @Test
        void aSafetyComplaintWithHarmIsCritical() {
            TextAnalysis a = analyze("在星巴克喝完拉肚子，孩子已经住院了，太可怕了");
            assertTrue(a.complaint);
            assertEquals("SAFETY_LEGAL", a.complaintCategory);
            assertEquals("CRITICAL", a.severity);
        }

        @Test
        void logisticsAndServiceAndPrice() {
            assertEquals("LOGISTICS", analyze("外卖等了两个小时才送到，太差了").complaintCategory);
            assertEquals("SERVICE", analyze("店员态度太差了，爱答不理的").complaintCategory);
            assertEquals("PRICE", analyze("又涨价了，太贵了，坑钱").complaintCategory);
        }

        @Test
        void personalTasteIsLowAndManyAffectedRaisesAGrade() {
            assertEquals("LOW", analyze("新品太甜了，不喜欢").severity);
            TextAnalysis many = analyze("外卖送错了，太差了");
            TextAnalysis manyPeople = analyze("外卖送错了，好多人都遇到了，太差了");
            assertEquals("MEDIUM", many.severity);
            assertEquals("HIGH", manyPeople.severity);
        }

        @Test
        void praiseIsNoComplaint() {
            TextAnalysis a = analyze("质量很好，服务也很周到，下次还来");
            assertFalse(a.complaint);
            assertNull(a.complaintCategory);
            assertNull(a.severity);
        }

        @Test
        void questionsAddressedToTheBrand() {
            assertTrue(analyze("@星巴克 请问会员积分怎么兑换？").question);
            assertFalse(
                    analyze("请问星巴克的会员积分怎么兑换？").question, "naming the brand is not speaking to it");
            assertTrue(analyze("@星巴克 客服电话一直打不通，能不能给个说法").question);
            assertFalse(analyze("今天天气怎么样").question, "a question to nobody in particular");
        }
    }

    @Nested
    class SpamAndDuplicates {
        @Test
        void gamblingAdsAreSpam() {
            TextAnalysis a = analyze("澳门娱乐城注册领取体验金 首存送88% 点击链接 http://spam.example/xyz 星巴克");
            assertTrue(a.spam);
            assertTrue(List.of(a.spamReasons).contains("AD_TERMS"));
            assertFalse(analyze("星巴克的红包活动不错").spam, "one weak ad term alone is no spam");
        }

        /**
         * Sellers who leave out every word a rule lists (no 微信, no number, no 出售) still write like
         * sellers: the learned model reads them (written for this test, not in its training posts).
         */
        @Test
        void adsThatNoRuleListsAreReadByTheModel() {
            for (String ad :
                    List.of("星巴克代金券一百抵八十，需要的来，简介里有方式", "跟着老师做了两个月，收益翻了三倍，想了解的看我主页第一条，不收任何费用")) {
                TextAnalysis a = analyze(ad);
                assertTrue(a.spam, ad);
                assertEquals(List.of("AD_MODEL"), List.of(a.spamReasons), ad);
            }
            for (String customer :
                    List.of(
                            "今天星巴克的燕麦拿铁太好喝了，店员还送了我一张第二杯半价券",
                            "谁有喜茶的新人券啊，求分享一张，谢谢大家",
                            "请问星巴克的会员卡可以转给家人用吗？",
                            "有人私信我说能低价买星巴克的券，加了微信就让我先转钱，大家千万别信，是骗子")) {
                assertFalse(analyze(customer).spam, customer);
            }
        }

        @Test
        void spamIsNotSegmentedButKeepsItsSentimentAndKeywords() {
            TextAnalysis a = analyze("澳门娱乐城注册领取体验金 首存送88% 点击链接 http://spam.example/xyz 星巴克");
            assertEquals(0, a.tokens.length, "nothing downstream counts a spam text's words");
            assertEquals(0, a.tokenStarts.length);
            assertNotNull(a.sentimentLabel);
            assertTrue(
                    List.of(a.keywords).stream().anyMatch(k -> k.brand.equals("starbucks")),
                    "the brand is still found");
        }

        @Test
        void aTextSeenAgainGetsTheSameAnalysisAndCallersCannotSpoilIt() {
            String text = "星巴克外卖等了两个小时，咖啡全洒了[怒] 客服也不理人";
            TextAnalysis first = analyze(text);
            assertTrue(first.complaint);
            first.complaint = false; // what the enricher does to a brand's own reply
            first.severity = null;
            TextAnalysis again = analyze(text);
            assertNotSame(first, again);
            assertTrue(again.complaint, "a cached analysis is handed out as a copy");
            assertNotNull(again.severity);
            assertArrayEquals(first.tokens, again.tokens);
            assertEquals(first.duplicateKey, again.duplicateKey);
            assertEquals(first.sentimentScore, again.sentimentScore);
        }

        @Test
        void copyCarriesEveryField() throws IllegalAccessException {
            TextAnalysis a = analyze("星巴克外卖等了两个小时，咖啡全洒了[怒] 客服也不理人 @小王 #差评# http://t.cn/x");
            a.suggestion = true;
            a.question = true;
            a.spam = true;
            a.repost = true;
            a.crisis = true;
            TextAnalysis c = a.copy();
            for (Field f : TextAnalysis.class.getFields()) {
                Object value = f.get(a);
                assertTrue(
                        value != null && !value.equals(false) && !value.equals(0.0),
                        f.getName() + " must be set for this check");
                assertEquals(f.get(a), f.get(c), f.getName() + " is not copied");
            }
        }

        @Test
        void repostsAndCopiesShareTheDuplicateKey() {
            String original = "星巴克外卖等了一个半小时才送到，咖啡都凉了[怒] 谁能管管？";
            String key = analyze(original).duplicateKey;
            assertEquals(key, analyze("转发微博//@小王: " + original).duplicateKey, "a bare repost");
            assertEquals(
                    key, analyze(original + " http://t.cn/x").duplicateKey, "a copy with a link");
            long a = Long.parseUnsignedLong(key, 16);
            long near =
                    Long.parseUnsignedLong(analyze(original.replace("一个半", "两个")).duplicateKey, 16);
            long other = Long.parseUnsignedLong(analyze("今天的星冰乐很好喝，推荐大家试试新品").duplicateKey, 16);
            assertTrue(
                    Long.bitCount(a ^ near) <= 16,
                    "a near-copy is a few bits away: " + Long.bitCount(a ^ near));
            assertTrue(
                    Long.bitCount(a ^ other) >= 20,
                    "another text is about half the bits away: " + Long.bitCount(a ^ other));
        }
    }

    @Nested
    class Robustness {
        @Test
        void aOneMegabyteTextIsAnalysed() {
            String text = "星巴克的咖啡很好喝，但是外卖太慢了。".repeat(55_000);
            TextAnalysis a = analyze(text);
            assertTrue(a.tokens.length > 100_000);
            assertEquals(text.length(), a.tokenEnds[a.tokenEnds.length - 1] + 1);
        }

        @Test
        void randomUnicodeNeverBreaksTheAnalysis() {
            Random random = new Random(11);
            for (int round = 0; round < 300; round++) {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(200);
                for (int i = 0; i < n; i++) {
                    int cp = random.nextInt(0x30000);
                    if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        sb.appendCodePoint(cp);
                    }
                }
                TextAnalysis a = analyze(sb.toString());
                assertTrue(a.sentimentScore >= -1 && a.sentimentScore <= 1);
                for (int i = 0; i < a.tokens.length; i++) {
                    assertEquals(a.tokens[i], sb.substring(a.tokenStarts[i], a.tokenEnds[i]));
                }
            }
        }

        @Test
        void emptyTextHasAnEmptyAnalysis() {
            TextAnalysis a = analyze("");
            assertEquals(0, a.tokens.length);
            assertEquals("neutral", a.sentimentLabel);
            assertFalse(a.spam);
        }
    }

    /**
     * The crisis model checks the rules' crisis flag: severe words in shapes no rule has met yet
     * (the writer's own job, a mock lawsuit, an ugly colour told as a crime) lose the flag, reports
     * of harm keep it, and a CRITICAL harm, a hazard named plainly or a brand's own crisis term
     * keep it however the post reads.
     */
    @Nested
    class CrisisModelChecksTheRulesFlag {
        // flagged by the rules alone (the build before the model: crisis true), read by the shipped
        // model as far from every crisis it learned (p 0.03 to 0.07 against a threshold of 0.1 to
        // 0.2 so far): a retrained model that keeps one of them is worth a look
        private static final List<String> CHATTER =
                List.of(
                        "我是律师，天天写起诉状写到头秃，下班唯一的快乐就是星巴克的焦糖玛奇朵",
                        "建议起诉星巴克，理由：新品太好喝害我这个月工资全交代了（狗头）",
                        "星巴克新出的抹茶拿铁颜色丑到犯罪，绿得像刚从火灾现场捞出来");

        private static final List<String> HARM =
                List.of(
                        "星巴克的三明治吃完上吐下泻，半夜去了急诊，孩子也吐了",
                        "在喜茶喝的奶茶里有玻璃渣，嘴巴划破了",
                        "飲完星巴克杯凍檸茶之後成晚頭暈作嘔，懷疑啲冰唔乾淨");

        @Test
        void severeWordsInChatterAreNoCrisis() {
            for (String text : CHATTER) {
                assertFalse(analyze(text).crisis, text);
            }
        }

        @Test
        void reportsOfHarmStayCrises() {
            for (String text : HARM) {
                TextAnalysis a = analyze(text);
                assertTrue(a.crisis, text);
                assertEquals("SAFETY_LEGAL", a.complaintCategory, text);
            }
        }

        /**
         * With a model that accepts nothing, what it is never asked about keeps the flag: a
         * CRITICAL harm, a hazard named plainly, a brand's own crisis term, a post without Chinese.
         */
        @Test
        void whatTheModelIsNeverAskedAboutKeepsTheFlag() {
            float[] none = new float[1 << 10];
            NgramModel clearsAll = new NgramModel(10, -30f, 0.5f, none, none, "accepts nothing");
            try (TextAnalyzer strict = new TextAnalyzer(brands)) {
                strict.checkCrisisWith(clearsAll);
                assertFalse(strict.analyze(CHATTER.get(0)).crisis, "the model is asked");
                assertFalse(
                        strict.analyze(HARM.get(2)).crisis, "a HIGH harm in words it may clear");
                for (String text :
                        List.of(
                                "BB食星巴克嘅蛋糕差啲哽親", // a baby choking: CRITICAL
                                "阿爷喺星巴克门口跣亲，跌断咗手", // an old man's broken arm: CRITICAL
                                "星巴克的鳕鱼切开有一截鱼钩", // a foreign body
                                "在星巴克积分商城换的耳机是翻新机，还当新品卖", // fraud, in its own words
                                "星巴克青蛙杯又来了，大家怎么看", // the brand's own crisis term
                                "Got food poisoning from the Starbucks salad, vomiting all"
                                        + " night")) {
                    assertTrue(strict.analyze(text).crisis, text);
                }
            }
        }
    }
}
