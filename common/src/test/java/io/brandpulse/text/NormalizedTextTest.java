package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void foldsScriptWidthAndCaseCharByChar() {
        NormalizedText t = normalizer.normalizeWithOffsets("青檸咖啡ＬＩＭＥ，iPhone");
        assertEquals("青柠咖啡lime,iphone", t.normalized());
        assertEquals(t.original().length(), t.normalized().length());
    }

    @Test
    void mapsSpansBackToTheOriginalCharacters() {
        NormalizedText t = normalizer.normalizeWithOffsets("我愛青檸咖啡！");
        int start = t.normalized().indexOf("青柠咖啡");
        assertEquals("青檸咖啡", t.originalSpan(start, start + 4));
        assertEquals(2, t.originalStart(start));
        assertEquals(6, t.originalEnd(start + 4));
    }

    @Test
    void anExpandingCharMapsBackWhole() {
        NormalizedText t = normalizer.normalizeWithOffsets("第①名㈱");
        assertEquals("第1名(株)", t.normalized());
        assertEquals("①", t.originalSpan(1, 2));
        assertEquals("㈱", t.originalSpan(3, 6));
        assertEquals("名㈱", t.originalSpan(2, 6));
    }

    @Test
    void anUnchangedTextIsReturnedAsItIs() {
        String text = "已经是简体的文字 abc 123";
        NormalizedText t = normalizer.normalizeWithOffsets(text);
        assertSame(text, t.normalized());
        assertEquals("简体", t.originalSpan(3, 5));
    }

    @Test
    void emojiAndRareCharactersPassThroughWithTheirOffsets() {
        NormalizedText t = normalizer.normalizeWithOffsets("好😡Ａ𠀀");
        assertEquals("好😡a𠀀", t.normalized());
        assertEquals("😡", t.originalSpan(1, 3));
        assertEquals("Ａ", t.originalSpan(3, 4));
    }

    @Test
    void everyNormalizedSpanMapsInsideTheOriginal() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                int cp =
                        random.nextInt(4) == 0
                                ? random.nextInt(0x3000)
                                : 0x3000 + random.nextInt(0xD000 - 0x3000);
                sb.appendCodePoint(cp);
            }
            NormalizedText t = normalizer.normalizeWithOffsets(sb.toString());
            for (int i = 0; i < t.normalized().length(); i++) {
                int start = t.originalStart(i);
                int end = t.originalEnd(i + 1);
                assertEquals(
                        true,
                        0 <= start && start < end && end <= t.original().length(),
                        "span " + i + " of " + sb);
            }
        }
    }
}
