package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brandpulse.config.BrandSettings;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrandCatalogTest {
    private final TextNormalizer normalizer = new TextNormalizer();
    private final List<BrandSettings> brands =
            List.of(
                    brand(
                            "qingning",
                            List.of("青柠咖啡", "青檸咖啡", "Qingning Coffee", "LimeCafe"),
                            List.of("Weibo:qingning_official", "xiaohongshu:qn_cafe")),
                    brand("beian", List.of("北岸茶饮", "North Shore Tea"), List.of("weibo:beian_tea")),
                    brand("nike", List.of("Nike", "耐克"), List.of()));
    private final BrandCatalog catalog = new BrandCatalog(brands, normalizer);
    private final TermMatcher terms = new TermMatcher(brands, normalizer);

    private static BrandSettings brand(
            String id, List<String> names, List<String> officialAccounts) {
        BrandSettings b = new BrandSettings();
        b.id = id;
        b.names = names;
        b.officialAccounts = officialAccounts;
        return b;
    }

    /**
     * Brands named in raw text (BRAND hits of the term matcher, in order, once each), normalized
     * first as the enricher does.
     */
    private List<String> brandsIn(String text) {
        return terms.find(normalizer.normalize(text)).stream()
                .filter(hit -> hit.meaning().kind() == TermMatcher.Kind.BRAND)
                .map(hit -> hit.meaning().brand())
                .distinct()
                .toList();
    }

    @Nested
    class BrandsInText {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "青柠咖啡真好喝",
                    "青檸咖啡真好喝",
                    "喝了ＬＩＭＥＣＡＦＥ",
                    "喝了LimeCafe",
                    "喝了limecafe",
                    "LIMECAFE!",
                    "Qingning Coffee's oat latte",
                    "QINGNING COFFEE",
                    "ｑｉｎｇｎｉｎｇ　ｃｏｆｆｅｅ"
                })
        void findsABrandWhateverTheScriptWidthOrCase(String text) {
            assertEquals(List.of("qingning"), brandsIn(text));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "nikeland",
                    "I went to Nikeland",
                    "mynike",
                    "nike2go",
                    "2nike",
                    "snikers",
                    "NIKES are cool"
                })
        void findsLatinNamesOnlyAsWholeWords(String text) {
            assertEquals(List.of(), brandsIn(text));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "nike鞋",
                    "买了nike鞋",
                    "Nike",
                    "I love Nike!",
                    "(nike)",
                    "nike, adidas",
                    "#Nike #running",
                    "耐克鞋",
                    "超耐克",
                    "nike_air",
                    "Ｎｉｋｅ鞋"
                })
        void findsLatinNamesNextToChineseOrPunctuationAndChineseNamesAnywhere(String text) {
            assertEquals(List.of("nike"), brandsIn(text));
        }

        @Test
        void aPartialWordMatchDoesNotHideALaterWholeWord() {
            assertEquals(List.of("nike"), brandsIn("nikeland sells nike"));
        }

        @Test
        void listsBrandsInOrderOfFirstAppearanceOnce() {
            assertEquals(List.of("beian", "qingning"), brandsIn("北岸茶饮 vs 青柠咖啡 vs 北岸茶饮"));
            assertEquals(List.of("qingning", "beian"), brandsIn("LimeCafe vs North Shore Tea 盲测"));
            assertEquals(List.of("qingning", "beian", "nike"), brandsIn("青檸咖啡、北岸茶飲和耐克，还有青柠咖啡"));
        }

        @Test
        void findsNothingInTextWithoutNames() {
            assertEquals(List.of(), brandsIn("没有提到任何品牌的一条闲聊：今天天气真好"));
            assertEquals(List.of(), brandsIn(""));
            assertEquals(
                    List.of(),
                    brandsIn("north shore, tea"),
                    "multi-word names need their words in order");
        }

        @Test
        void idsAreNotSearchedInTextOnlyNames() {
            assertEquals(List.of(), brandsIn("qingning beian"));
        }
    }

    @Nested
    class BrandNamed {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "qingning",
                    "QingNing",
                    " qingning ",
                    "青柠咖啡",
                    "青檸咖啡",
                    "Qingning Coffee",
                    "qingning coffee",
                    "LimeCafe",
                    "ＬＩＭＥＣＡＦＥ",
                    "limecafe"
                })
        void resolvesIdsAndEveryAliasInEitherScript(String value) {
            assertEquals("qingning", catalog.brandNamed(value));
        }

        @Test
        void resolvesOtherBrandsByTheirOwnNames() {
            assertEquals("beian", catalog.brandNamed("北岸茶飲"));
            assertEquals("beian", catalog.brandNamed("north shore tea"));
            assertEquals("nike", catalog.brandNamed("耐克"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "heytea",
                    "喜茶",
                    "   ",
                    "qingning coffee shop",
                    "LimeCafe Shanghai",
                    "nike鞋"
                })
        void returnsNullForAnythingElse(String value) {
            assertNull(catalog.brandNamed(value));
        }
    }

    @Nested
    class OfficialAccounts {
        @Test
        void findsTheBrandOfAnOfficialAccountIgnoringPlatformCase() {
            assertEquals("qingning", catalog.officialAccountOwner("weibo", "qingning_official"));
            assertEquals("qingning", catalog.officialAccountOwner("WEIBO", "qingning_official"));
            assertEquals("qingning", catalog.officialAccountOwner("XiaoHongShu", "qn_cafe"));
            assertEquals("beian", catalog.officialAccountOwner("weibo", "beian_tea"));
        }

        @Test
        void comparesTheAccountIdExactly() {
            assertNull(catalog.officialAccountOwner("weibo", "Qingning_Official"));
            assertNull(catalog.officialAccountOwner("weibo", "qingning_official2"));
        }

        @Test
        void anAccountIsOfficialOnlyOnItsOwnPlatform() {
            assertNull(catalog.officialAccountOwner("douyin", "qingning_official"));
            assertNull(catalog.officialAccountOwner("weibo", "qn_cafe"));
        }
    }
}
