package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.model.TextAnalysis;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every token is in the characters the customer wrote, each character at most once: compatibility
 * characters whose normalized form is longer (…, ℃, ㎡, ½, ①, ﬁ) may be cut by the segmenter inside
 * their expansion, and such pieces are one token.
 */
class TokensInOriginalCharactersTest {
    private static TextAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = new TextAnalyzer(List.of());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "他说……我们明天再来吧……",
                "今天气温35℃，明天38℃",
                "房子一共120㎡，每㎡两万",
                "打了½折的ﬁle和①号货架",
                "售后服务等问题都解决了",
                "咖👍啡和@青柠咖啡的[哈哈]拿铁",
                "好吃😋️👍🏻再来一次",
                "二○○一年三十一日——北京"
            })
    void segmentedForDisplayTheLineComesBackAsWritten(String line) {
        assertEquals(
                line.replace(" ", ""), String.join("", analyzer.segmentForDisplay(line)), line);
    }

    @Test
    void anExpansionCutByTheSegmenterIsOneToken() {
        assertEquals("……", String.join("", tokensHolding("他说……", "…")));
        List<String> tokens = analyzer.segmentForDisplay("气温35℃");
        assertEquals(1, tokens.stream().filter(t -> t.contains("℃")).count(), tokens.toString());
        assertTrue(tokens.stream().noneMatch(t -> t.equals("℃℃")), tokens.toString());
    }

    @Test
    void aWordAcrossTheEdgeOfATermKeptWholeKeepsItsOtherCharacters() {
        BrandSettings brand = new BrandSettings();
        brand.id = "shouhou";
        brand.names = List.of("售后");
        try (TextAnalyzer configured = new TextAnalyzer(List.of(brand))) {
            List<String> tokens = configured.segmentForDisplay("售后服务等问题");
            assertTrue(tokens.contains("售后"), "a configured term is whole: " + tokens);
            assertTrue(String.join("", tokens).startsWith("售后服务"), tokens.toString());
        }
    }

    @Test
    void aLexiconTermGivesWayToTheSegmentersLongerWord() {
        assertEquals(List.of("售后服务", "等", "问题"), analyzer.segmentForDisplay("售后服务等问题"));
        assertTrue(analyzer.segmentForDisplay("有点离谱").contains("离谱"), "smartcn cuts 离|谱");
    }

    @Test
    void analysedTokensNeverOverlapAndAreTheOriginalsCharacters() {
        Random random = new Random(19);
        String pieces = "…℃㎡½①ﬁ好吃的咖啡店服务很差，。！?ab12 😋️👍🏻、——";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(pieces.length());
                if (Character.isLowSurrogate(pieces.charAt(at))) at--;
                text.append(pieces, at, at + Character.charCount(pieces.codePointAt(at)));
            }
            String line = text.toString();
            TextAnalysis a = analyzer.analyze(line);
            int previousEnd = 0;
            for (int i = 0; i < a.tokens.length; i++) {
                assertTrue(a.tokenStarts[i] >= previousEnd, "overlap in " + line);
                assertTrue(a.tokenEnds[i] > a.tokenStarts[i], "empty token in " + line);
                assertEquals(line.substring(a.tokenStarts[i], a.tokenEnds[i]), a.tokens[i], line);
                assertTrue(
                        a.tokens[i].strip().equals(a.tokens[i]) && !a.tokens[i].contains(" "),
                        "a space inside a token of " + line);
                previousEnd = a.tokenEnds[i];
            }
            // every character once, in order; no token holds a space (smartcn reads 、咖 啡 as
            // one word)
            List<String> display = analyzer.segmentForDisplay(line);
            assertEquals(
                    line.replace(" ", ""),
                    String.join("", display),
                    "segmented for display: " + line);
        }
    }

    @Test
    void aSpaceTheWriterTypedIsABoundary() {
        assertEquals(
                List.of("我", "喜欢", "喝", "、", "咖", "啡", "和", "茶"),
                analyzer.segmentForDisplay("我喜欢喝、咖 啡和茶"));
    }

    private static List<String> tokensHolding(String line, String part) {
        return analyzer.segmentForDisplay(line).stream().filter(t -> t.contains(part)).toList();
    }
}
