package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.KeywordRule;
import io.brandpulse.model.TextAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An analyzer built for changed brands keeps what its predecessor remembered of recent texts only
 * where the change cannot matter: a text with a term (old or new) of a changed brand is analysed
 * again, under the new definitions.
 */
class TextAnalyzerCarryOverTest {
    private static BrandSettings heytea(String... crisisTerms) {
        BrandSettings b = new BrandSettings();
        b.id = "heytea";
        b.names = List.of("喜茶");
        b.crisisTerms = List.of(crisisTerms);
        return b;
    }

    private static BrandSettings qingning() {
        BrandSettings b = new BrandSettings();
        b.id = "qingning";
        b.names = List.of("青柠咖啡");
        return b;
    }

    private static final String NEW_TERM = "喝了那杯青蛙杯";
    private static final String UNRELATED = "今天青柠咖啡的拿铁很好喝";
    private static final String OLD_TERM = "喜茶的新品发霉了";

    @Test
    void aTextWithATermOfTheChangedBrandIsAnalysedAgainAndTheOthersAreKept() {
        BrandSettings unchanged = qingning();
        try (TextAnalyzer before = new TextAnalyzer(List.of(heytea("发霉"), unchanged))) {
            TextAnalysis unrelated = before.analyze(UNRELATED);
            assertFalse(before.analyze(NEW_TERM).crisis);
            assertTrue(before.analyze(OLD_TERM).crisis);
            assertEquals(3, before.remembered());

            try (TextAnalyzer after = new TextAnalyzer(List.of(heytea("青蛙杯"), unchanged), before)) {
                assertEquals(1, after.remembered(), "only the text without heytea's terms is kept");
                assertTrue(after.analyze(NEW_TERM).crisis, "the new crisis term is found");
                assertFalse(after.analyze(OLD_TERM).crisis, "the removed one is not");
                assertEquals(unrelated.sentimentScore, after.analyze(UNRELATED).sentimentScore);
            }
        }
    }

    @Test
    void aChangedRuleThatNeedsNoneOfItsTermsKeepsNothing() {
        BrandSettings withRule = heytea("发霉");
        KeywordRule noAds = new KeywordRule();
        noAds.id = "no-ads";
        noAds.noneOf = List.of("广告");
        withRule.rules = List.of(noAds);
        try (TextAnalyzer before = new TextAnalyzer(List.of(heytea("发霉"), qingning()))) {
            before.analyze(UNRELATED);
            try (TextAnalyzer after = new TextAnalyzer(List.of(withRule, qingning()), before)) {
                assertEquals(0, after.remembered());
                assertEquals(
                        List.of("heytea:no-ads"), List.of(after.analyze(UNRELATED).matchedRules));
            }
        }
    }
}
