package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Traditional to Simplified
                "青檸咖啡             | 青柠咖啡",
                "北岸茶飲             | 北岸茶饮",
                "新品開箱！海鹽焦糖口味真的驚艷 | 新品开箱!海盐焦糖口味真的惊艳",
                // Simplified stays as it is
                "青柠咖啡             | 青柠咖啡",
                "北岸茶饮的新品太甜了   | 北岸茶饮的新品太甜了",
                // full-width Latin, digits and punctuation (NFKC), then lowercase
                "ＬＩＭＥＣＡＦＥ      | limecafe",
                "Ｌｉｍｅ　Ｃａｆｅ   | lime cafe",
                "ＣＰ值１２３％        | cp值123%",
                // Latin case
                "LimeCafe            | limecafe",
                "QINGNING Coffee     | qingning coffee",
                // compatibility ligatures and circled digits
                "ﬁne ①              | fine 1",
                // variants ICU leaves or maps to a form no dictionary knows (text/variants.tsv)
                "這味道好噁心          | 这味道好恶心",
                "感謝回覆，已點讚      | 感谢回复,已点赞",
                "感谢回覆             | 感谢回复",
                "覆蓋全台             | 覆盖全台",
                "妳說甚麼             | 你说什么",
                "沒有想像中那麼差      | 没有想象中那么差",
                "我想像他一樣         | 我想像他一样",
            })
    void foldsScriptWidthAndCase(String input, String expected) {
        assertEquals(expected, normalizer.normalize(input));
    }

    @Test
    void allFormsOfABrandNameNormalizeToTheSameText() {
        String expected = normalizer.normalize("青柠咖啡 limecafe");
        assertEquals(expected, normalizer.normalize("青檸咖啡 LIMECAFE"));
        assertEquals(expected, normalizer.normalize("青檸咖啡 ＬＩＭＥＣＡＦＥ"));
        assertEquals(expected, normalizer.normalize("青柠咖啡 LimeCafe"));
    }

    @Test
    void keepsNewlinesEmojiAndWhatItDoesNotFold() {
        assertEquals("好喝!😀\n下次再来", normalizer.normalize("好喝！😀\n下次再來"));
    }

    @Test
    void aVariantPhraseKeepsTheWayBackToTheOriginal() {
        NormalizedText t = normalizer.normalizeWithOffsets("谢谢回覆噁心");
        assertEquals("谢谢回复恶心", t.normalized());
        assertEquals("回覆", t.originalSpan(2, 4));
        assertEquals("噁心", t.originalSpan(4, 6));
    }

    @Test
    void doesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // In Turkish, "I".toLowerCase() is a dotless ı, which would never match a configured
            // "i".
            assertEquals("limecafe is", new TextNormalizer().normalize("LIMECAFE IS"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
