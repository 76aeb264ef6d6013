package io.brandpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.contract.OutputJson;
import io.brandpulse.model.Author;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import io.brandpulse.text.AnalysisVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MentionEnricherTest {
    private static final String KEY = "test-pseudonym-key-0001";
    private static final long CREATED_AT = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    private final MentionEnricher enricher = new MentionEnricher(config(KEY));

    private static ListeningConfig config(String pseudonymKey) {
        ListeningConfig c = new ListeningConfig();
        c.privacy.pseudonymKey = pseudonymKey;
        c.privacy.optOut = List.of("Weibo:u_optout_77");
        c.brands =
                List.of(
                        brand(
                                "qingning",
                                List.of("青柠咖啡", "Qingning Coffee", "LimeCafe"),
                                List.of("weibo:qingning_official")),
                        brand(
                                "beian",
                                List.of("北岸茶饮", "North Shore Tea"),
                                List.of("weibo:beian_tea")));
        return c;
    }

    private static BrandSettings brand(String id, List<String> names, List<String> accounts) {
        BrandSettings b = new BrandSettings();
        b.id = id;
        b.names = names;
        b.officialAccounts = accounts;
        return b;
    }

    private static Mention mention(String authorId, String text, String brand) {
        return mention("weibo", authorId, text, brand);
    }

    private static Mention mention(String platform, String authorId, String text, String brand) {
        Mention m = new Mention();
        m.id = "m1";
        m.platform = platform;
        m.createdAt = CREATED_AT;
        m.author = new Author(authorId, "用户001", 120L, false);
        m.text = text;
        m.brand = brand;
        m.metrics = new Engagement(1, 2, 3);
        m.media = new Media(4, 5);
        return m;
    }

    private EnrichedMention enrich(String text, String brand) {
        EnrichedMention e = enricher.enrich(mention("u_1001", text, brand));
        assertNotNull(e);
        return e;
    }

    private static void assertBrand(
            EnrichedMention e, String brand, boolean configured, String match) {
        assertEquals(brand, e.brand, "brand");
        assertEquals(configured, e.brandConfigured, "brandConfigured");
        assertEquals(match, e.brandMatch, "brandMatch");
    }

    private static String hmacSha256Hex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Versions {
        @Test
        void aConfiguredBrandsMentionNamesItsRulesAndTheAnalysis() {
            ListeningConfig c = config(KEY);
            EnrichedMention e = new MentionEnricher(c).enrich(mention("u_1", "青柠咖啡好喝", null));
            assertEquals(c.brands.get(0).rulesVersion(), e.rulesVersion);
            assertNotEquals(c.brands.get(1).rulesVersion(), e.rulesVersion, "each brand its own");
            assertEquals(AnalysisVersion.current(), e.analysisVersion);
        }

        @Test
        void anUnconfiguredBrandHasNoRulesVersionButTheAnalysisVersion() {
            EnrichedMention e = enrich("喜茶新品", "heytea");
            assertNull(e.rulesVersion);
            assertEquals(AnalysisVersion.current(), e.analysisVersion);
        }

        @Test
        void bothAreWrittenToTheOutput() {
            String json =
                    new String(
                            OutputJson.enrichedMention(enrich("青柠咖啡好喝", null)),
                            StandardCharsets.UTF_8);
            assertTrue(
                    json.contains("\"analysisVersion\":\"" + AnalysisVersion.current() + "\""),
                    json);
            assertTrue(json.matches(".*\"rulesVersion\":\"[0-9a-f]{12}\".*"), json);
        }
    }

    @Nested
    class BrandResolution {
        @ParameterizedTest(name = "brand field {0}")
        @ValueSource(
                strings = {"qingning", "青柠咖啡", "青檸咖啡", "LimeCafe", "ＬＩＭＥＣＡＦＥ", " qingning coffee "})
        void aConfiguredBrandFieldIsResolvedToItsId(String field) {
            EnrichedMention e = enrich("好喝！", field);
            assertBrand(e, "qingning", true, MentionEnricher.MATCH_FIELD);
        }

        @Test
        void theFieldWinsOverNamesInTheText() {
            EnrichedMention e = enrich("青柠咖啡比北岸茶饮好喝", "beian");
            assertBrand(e, "beian", true, MentionEnricher.MATCH_FIELD);
            assertArrayEquals(new String[] {"qingning", "beian"}, e.mentionedBrands);
        }

        @Test
        void anUnconfiguredFieldBrandIsKeptTrimmedButNotConfigured() {
            EnrichedMention e = enrich("喜茶和奈雪今天都出了新品，青柠咖啡呢", "  heytea ");
            assertBrand(e, "heytea", false, MentionEnricher.MATCH_FIELD);
            assertArrayEquals(new String[] {"qingning"}, e.mentionedBrands);
        }

        @Test
        void withoutAFieldTheFirstBrandNamedInTheTextWins() {
            EnrichedMention e = enrich("LimeCafe vs North Shore Tea 盲测", null);
            assertBrand(e, "qingning", true, MentionEnricher.MATCH_TEXT);
            assertArrayEquals(new String[] {"qingning", "beian"}, e.mentionedBrands);

            EnrichedMention reversed = enrich("北岸茶飲 vs 青檸咖啡", null);
            assertBrand(reversed, "beian", true, MentionEnricher.MATCH_TEXT);
        }

        @Test
        void aBlankFieldIsLikeNoField() {
            assertBrand(enrich("青柠咖啡", "   "), "qingning", true, MentionEnricher.MATCH_TEXT);
        }

        @Test
        void anOfficialAccountGivesItsBrandWhenNothingElseDoes() {
            EnrichedMention e =
                    enricher.enrich(mention("WEIBO", "qingning_official", "您好，已私信您处理退款。", null));
            assertBrand(e, "qingning", true, MentionEnricher.MATCH_OFFICIAL_ACCOUNT);
            assertEquals("qingning", e.officialAccountOf);
            assertTrue(e.isBrandReply());
        }

        @Test
        void aBrandReplyIsNeverAComplaintOrAQuestionEvenWhenItApologizes() {
            EnrichedMention e =
                    enricher.enrich(
                            mention(
                                    "weibo",
                                    "qingning_official",
                                    "您好，非常抱歉外卖等了这么久，已私信您处理退款，请问方便留个电话吗？",
                                    null));
            assertFalse(e.analysis.complaint);
            assertNull(e.analysis.complaintCategory);
            assertNull(e.analysis.severity);
            assertFalse(e.analysis.question);
            EnrichedMention customer =
                    enricher.enrich(mention("weibo", "u1", "青柠咖啡外卖等了两个小时，太差了，谁能管管？", null));
            assertTrue(
                    customer.analysis.complaint, "the same words from a customer are a complaint");
        }

        @Test
        void anOfficialAccountNamingAnotherBrandIsStillABrandReply() {
            EnrichedMention e = enricher.enrich(mention("qingning_official", "我们和北岸茶饮不同", null));
            assertBrand(e, "beian", true, MentionEnricher.MATCH_TEXT);
            assertEquals("qingning", e.officialAccountOf);
        }

        @Test
        void noFieldNoNameAndNoOfficialAccountIsNone() {
            EnrichedMention e = enrich("没有提到任何品牌的一条闲聊", null);
            assertBrand(e, null, false, MentionEnricher.MATCH_NONE);
            assertArrayEquals(new String[0], e.mentionedBrands);
            assertNull(e.officialAccountOf);
            assertFalse(e.isBrandReply());
        }

        @Test
        void customersAreNotOfficialAccounts() {
            assertNull(enrich("青柠咖啡", null).officialAccountOf);
            assertNull(
                    enricher.enrich(mention("douyin", "qingning_official", "青柠咖啡", null))
                            .officialAccountOf,
                    "an official account is official only on its own platform");
        }
    }

    @Nested
    class OptOut {
        @Test
        void anOptedOutAuthorGetsNoOutput() {
            Mention m = mention("weibo", "u_optout_77", "青柠咖啡的杯子漏了", "qingning");
            assertTrue(enricher.isOptedOut(m));
            assertNull(enricher.enrich(m));
        }

        @Test
        void theOptOutIgnoresPlatformCaseButNotIdCase() {
            assertNull(enricher.enrich(mention("WEIBO", "u_optout_77", "青柠咖啡", null)));
            assertNotNull(enricher.enrich(mention("weibo", "U_OPTOUT_77", "青柠咖啡", null)));
        }

        @Test
        void theOptOutIsPerPlatform() {
            assertNotNull(enricher.enrich(mention("douyin", "u_optout_77", "青柠咖啡", null)));
        }
    }

    @Nested
    class CustomerKey {
        @Test
        void isSixtyFourLowercaseHexDigits() {
            assertTrue(enrich("青柠咖啡", null).customerKey.matches("[0-9a-f]{64}"));
        }

        @Test
        void isTheHmacSha256OfPlatformAndAuthorId() throws Exception {
            EnrichedMention e = enricher.enrich(mention("xiaohongshu", "u_1003", "青柠咖啡", null));
            assertEquals(hmacSha256Hex(KEY, "xiaohongshu:u_1003"), e.customerKey);
        }

        @Test
        void isStableForTheSameAuthorAndKey() {
            String first = enricher.enrich(mention("u_1001", "青柠咖啡", null)).customerKey;
            enricher.enrich(mention("u_1002", "北岸茶饮", null));
            assertEquals(first, enricher.enrich(mention("u_1001", "另一条", "beian")).customerKey);
            assertEquals(
                    first,
                    new MentionEnricher(config(KEY))
                            .enrich(mention("u_1001", "x", null))
                            .customerKey);
        }

        @Test
        void differsForAnotherAuthorPlatformOrKey() {
            String key = enricher.enrich(mention("u_1001", "青柠咖啡", null)).customerKey;
            assertNotEquals(key, enricher.enrich(mention("u_1002", "青柠咖啡", null)).customerKey);
            assertNotEquals(
                    key, enricher.enrich(mention("douyin", "u_1001", "青柠咖啡", null)).customerKey);
            assertNotEquals(
                    key,
                    new MentionEnricher(config("another-pseudonym-key-02"))
                            .enrich(mention("u_1001", "青柠咖啡", null))
                            .customerKey);
        }

        @Test
        void survivesARebuildForNewBrandsAndFollowsAChangedKey() throws Exception {
            String key = enricher.enrich(mention("u_1001", "青柠咖啡", null)).customerKey;
            MentionEnricher rebuilt = new MentionEnricher(config(KEY), enricher);
            assertEquals(key, rebuilt.enrich(mention("u_1001", "青柠咖啡", null)).customerKey);
            MentionEnricher rekeyed =
                    new MentionEnricher(config("another-pseudonym-key-02"), rebuilt);
            assertEquals(
                    hmacSha256Hex("another-pseudonym-key-02", "weibo:u_1001"),
                    rekeyed.enrich(mention("u_1001", "青柠咖啡", null)).customerKey);
        }
    }

    @Test
    void copiesTheRestOfTheMentionAndNormalizesItsText() {
        Mention m = mention("u_1001", "ＬＩＭＥＣＡＦＥ 開箱", null);
        m.url = "https://x/1";
        m.threadId = "t_1";
        m.replyToId = "m0";
        m.repostOfId = "m00";
        m.extraJson = "{\"lang\":\"zh\"}";

        EnrichedMention e = enricher.enrich(m);

        assertEquals("m1", e.id);
        assertEquals("weibo", e.platform);
        assertEquals(CREATED_AT, e.createdAt);
        assertEquals("ＬＩＭＥＣＡＦＥ 開箱", e.text, "the text is kept as written");
        assertEquals("limecafe 开箱", e.normalizedText);
        assertEquals(120L, e.authorFollowers);
        assertEquals(Boolean.FALSE, e.authorVerified);
        assertEquals("https://x/1", e.url);
        assertEquals("t_1", e.threadId);
        assertEquals("m0", e.replyToId);
        assertEquals("m00", e.repostOfId);
        assertSame(m.metrics, e.metrics);
        assertSame(m.media, e.media);
        assertEquals("{\"lang\":\"zh\"}", e.extraJson);
    }

    @Test
    void theEnrichedJsonCarriesNeitherTheRawAuthorIdNorTheAuthorName() {
        String raw =
                """
                {"id": "m42", "platform": "weibo", "createdAt": "2026-03-01T08:15:00+08:00",
                 "author": {"id": "raw_author_7731", "name": "真名实姓Zhang", "followers": 5, "verified": true},
                 "text": "青柠咖啡 LimeCafe", "brand": "qingning", "lang": "zh",
                 "metrics": {"likes": 1}, "media": {"images": ["a.jpg"]}}\
                """;
        MentionParser parser =
                new MentionParser(
                        new IngestionSettings(),
                        Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));
        Mention m =
                parser.parse(new RawRecord(raw.getBytes(StandardCharsets.UTF_8), "mentions", 0, 1))
                        .mention();
        assertNotNull(m);

        String json =
                new String(OutputJson.enrichedMention(enricher.enrich(m)), StandardCharsets.UTF_8);

        assertFalse(json.contains("raw_author_7731"), json);
        assertFalse(json.contains("真名实姓"), json);
        assertTrue(
                json.contains(enricher.enrich(m).customerKey),
                "the pseudonym stands in for the author: " + json);
    }
}
