package io.brandpulse.text.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SentimentCuesTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static SentimentCues cues(String tsv) throws IOException {
        return SentimentCues.load(
                new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), NORMALIZER);
    }

    private static double evidence(SentimentCues cues, String raw) {
        return cues.evidence(NORMALIZER.normalize(raw));
    }

    @Test
    void eachCueAddsItsEvidenceOncePerOccurrence() throws IOException {
        SentimentCues c = cues("SLANG\t3\tyyds|真香\nSLANG\t-3\t踩雷\n");
        assertEquals(3.0, evidence(c, "这个口味yyds"), 1e-9);
        assertEquals(6.0, evidence(c, "yyds，真香"), 1e-9);
        assertEquals(0.0, evidence(c, "踩雷 真香 "), 1e-9);
        assertEquals(0.0, evidence(c, "今天下午开会"), 1e-9);
    }

    @Test
    void overlappingCuesCountTheLongestOnly() throws IOException {
        // 不会再来 is one negative phrase, not also the positive 会再来 inside it
        SentimentCues c = cues("PHRASE\t3\t会再来\nPHRASE\t-3\t不会再来\n");
        assertEquals(-3.0, evidence(c, "服务太慢，不会再来了"), 1e-9);
        assertEquals(3.0, evidence(c, "下次还会再来"), 1e-9);
    }

    @Test
    void aNegatorBeforeSlangTurnsItToHalfTheOpposite() throws IOException {
        SentimentCues c = cues("SLANG\t-3\t踩雷\nSARCASM\t-4\t谢谢你全家\n");
        assertEquals(-3.0, evidence(c, "又踩雷了"), 1e-9);
        assertEquals(1.5, evidence(c, "这次没踩雷"), 1e-9);
        assertEquals(1.5, evidence(c, "终于没有踩雷"), 1e-9);
        assertEquals(1.5, evidence(c, "完全不是踩雷"), 1e-9);
        // an A-not-A question asks, it does not negate
        assertEquals(-3.0, evidence(c, "这款面霜是不是踩雷了"), 1e-9);
        // only expected before trying it, then found otherwise
        assertEquals(1.5, evidence(c, "本以为会踩雷，结果还不错"), 1e-9);
        assertEquals(1.5, evidence(c, "原以为又要踩雷，没想到挺好"), 1e-9);
        assertEquals(-3.0, evidence(c, "以为这家还行，结果又踩雷了"), 1e-9);
        // sarcasm already says what it means: a negator before it changes nothing
        assertEquals(-4.0, evidence(c, "不谢谢你全家"), 1e-9);
    }

    @Test
    void slangThatAPlainQuestionAsksAboutIsNoOpinion() throws IOException {
        SentimentCues c = cues("SLANG\t-3\t踩雷|翻车|智商税\nSLANG\t3\t种草\n");
        // asked about, not said of anything
        assertEquals(0.0, evidence(c, "这个牌子的扫地机有踩雷的吗？准备入手"), 1e-9);
        assertEquals(0.0, evidence(c, "有没有人买过，会不会翻车？"), 1e-9);
        assertEquals(0.0, evidence(c, "翻车视频和测评视频哪个播放量更高？"), 1e-9);
        assertEquals(0.0, evidence(c, "智商税到底怎么界定，什么算智商税？"), 1e-9);
        // the same slang said of something, or asked back: an opinion
        assertEquals(-3.0, evidence(c, "这款扫地机踩雷了，别买"), 1e-9);
        assertEquals(-3.0, evidence(c, "怎么又翻车了？"), 1e-9);
        assertEquals(-3.0, evidence(c, "这不是智商税吗？"), 1e-9);
        assertEquals(-3.0, evidence(c, "为什么每次买它家都踩雷？"), 1e-9);
        // praise in a question stays praise: the question is about something else
        assertEquals(3.0, evidence(c, "被种草了这款，选哪个颜色好？"), 1e-9);
        // only the sentence that asks: the statement before it keeps its opinion
        assertEquals(-3.0, evidence(c, "上次就踩雷了。这次哪家好？"), 1e-9);
    }

    @Test
    void praiseInQuotesCountsOnlyAsAWholeQuotedSpan() throws IOException {
        SentimentCues c = cues("QUOTED\t-4\t良心|高效\n");
        assertEquals(-4.0, evidence(c, "真是“良心”商家"), 1e-9);
        assertEquals(-4.0, evidence(c, "这\"高效\"的售后"), 1e-9);
        assertEquals(-4.0, evidence(c, "這「高效」的售後"), 1e-9);
        // not in quotes, not the whole span, a name in quotes, an unclosed quote: nothing
        assertEquals(0.0, evidence(c, "良心商家，高效"), 1e-9);
        assertEquals(0.0, evidence(c, "“良心企业”评选"), 1e-9);
        assertEquals(0.0, evidence(c, "新款\"小蓝瓶\"到货"), 1e-9);
        assertEquals(0.0, evidence(c, "只有一个引号\"良心"), 1e-9);
        assertEquals(-8.0, evidence(c, "“良心”又“高效”"), 1e-9);
    }

    @Test
    void latinCuesCountOnlyAsWholeWords() throws IOException {
        SentimentCues c = cues("SLANG\t2\tnice\n");
        assertEquals(2.0, evidence(c, "Nice！这家店"), 1e-9);
        assertEquals(2.0, evidence(c, "味道nice"), 1e-9);
        assertEquals(0.0, evidence(c, "nicer than before"), 1e-9);
    }

    @Test
    void termsAreNormalizedLikeTheTexts() throws IOException {
        // written in Traditional and full width in the list, found in Simplified text and back
        SentimentCues c = cues("PHRASE\t-3\t再也不買\nSLANG\t3\tＹＹＤＳ\n");
        assertEquals(-3.0, evidence(c, "再也不买了"), 1e-9);
        assertEquals(-3.0, evidence(c, "再也不買了"), 1e-9);
        assertEquals(3.0, evidence(c, "yyds"), 1e-9);
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> cues("# comment\nSLANG\t3\tyyds\nSLANGY\t3\tx\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cues("PHRASE\tmuch\t没毛病\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cues("PHRASE\t3\n"));
    }

    @Test
    void theShippedListLoadsAndCoversTheIssuesSlang() {
        SentimentCues shipped = SentimentCues.loadDefault();
        assertTrue(shipped.size() > 200, "cues: " + shipped.size());
        for (String positive : new String[] {"yyds", "绝绝子", "真香", "666"}) {
            assertNotNull(shipped.cue(positive), positive);
            assertTrue(shipped.cue(positive).evidence() > 0, positive);
        }
        for (String negative : new String[] {"踩雷", "避雷", "翻车", "破防", "智商税", "谢谢你全家", "栓q"}) {
            assertNotNull(shipped.cue(negative), negative);
            assertTrue(shipped.cue(negative).evidence() < 0, negative);
        }
    }
}
