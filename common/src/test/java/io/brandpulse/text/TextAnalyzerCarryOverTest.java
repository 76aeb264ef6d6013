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
    private static final String OLD_TERM = "喜茶的新品有黑点点";

    @Test
    void aTextWithATermOfTheChangedBrandIsAnalysedAgainAndTheOthersAreKept() {
        BrandSettings unchanged = qingning();
        try (TextAnalyzer before = new TextAnalyzer(List.of(heytea("黑点点"), unchanged))) {
            TextAnalysis unrelated = before.analyze(UNRELATED);
            assertFalse(before.analyze(NEW_TERM).crisis);
            assertTrue(before.analyze(OLD_TERM).crisis);
            before.analyze(UNRELATED);
            assertEquals(1, before.served(), "a text seen again is served from memory");

            try (TextAnalyzer after = new TextAnalyzer(List.of(heytea("青蛙杯"), unchanged), before)) {
                assertTrue(after.analyze(NEW_TERM).crisis, "the new crisis term is found");
                assertFalse(after.analyze(OLD_TERM).crisis, "the removed one is not");
                assertEquals(0, after.served(), "texts with heytea's terms are analysed again");
                assertEquals(unrelated.sentimentScore, after.analyze(UNRELATED).sentimentScore);
                assertEquals(1, after.served(), "the text without them is kept");
            }
        }
    }

    @Test
    void theMemoryMovesToTheSuccessor() {
        try (TextAnalyzer before = new TextAnalyzer(List.of(heytea("黑点点"), qingning()))) {
            before.analyze(UNRELATED);
            try (TextAnalyzer after =
                    new TextAnalyzer(List.of(heytea("青蛙杯"), qingning()), before)) {
                after.analyze(UNRELATED);
                assertEquals(1, after.served(), "the successor serves what was remembered");
                before.analyze(UNRELATED);
                assertEquals(0, before.served(), "the predecessor remembers nothing more");
            }
        }
    }

    @Test
    void aChangedRuleThatNeedsNoneOfItsTermsKeepsNothing() {
        BrandSettings withRule = heytea("黑点点");
        KeywordRule noAds = new KeywordRule();
        noAds.id = "no-ads";
        noAds.noneOf = List.of("广告");
        withRule.rules = List.of(noAds);
        try (TextAnalyzer before = new TextAnalyzer(List.of(heytea("黑点点"), qingning()))) {
            before.analyze(UNRELATED);
            try (TextAnalyzer after = new TextAnalyzer(List.of(withRule, qingning()), before)) {
                assertEquals(
                        List.of("heytea:no-ads"), List.of(after.analyze(UNRELATED).matchedRules));
                assertEquals(0, after.served());
            }
        }
    }

    @Test
    void aTextIsCheckedAgainstEveryChangeSinceItWasAnalysed() {
        try (TextAnalyzer first = new TextAnalyzer(List.of(heytea("黑点点"), qingning()))) {
            assertTrue(first.analyze(OLD_TERM).crisis);
            first.analyze(UNRELATED);
            // heytea changes, then only qingning: the second change alone would keep OLD_TERM
            try (TextAnalyzer second = new TextAnalyzer(List.of(heytea("青蛙杯"), qingning()), first);
                    TextAnalyzer third =
                            new TextAnalyzer(List.of(heytea("青蛙杯"), renamedQingning()), second)) {
                assertFalse(third.analyze(OLD_TERM).crisis, "heytea's change still counts");
                assertEquals(0, third.served());
            }
        }
    }

    @Test
    void pastTheChangesItChecksNothingOlderIsServed() {
        TextAnalyzer analyzer = new TextAnalyzer(List.of(heytea("黑点点"), qingning()));
        analyzer.analyze(UNRELATED);
        for (int i = 0; i <= TextAnalyzer.CHANGES_CHECKED; i++) {
            TextAnalyzer next = new TextAnalyzer(List.of(heytea("词" + i), qingning()), analyzer);
            analyzer.close();
            analyzer = next;
        }
        analyzer.analyze(UNRELATED);
        assertEquals(0, analyzer.served(), "older than every change it still knows");
        analyzer.analyze(UNRELATED);
        assertEquals(1, analyzer.served(), "analysed again, then served");
        analyzer.close();
    }

    private static BrandSettings renamedQingning() {
        BrandSettings b = qingning();
        b.names = List.of("青柠咖啡", "青柠");
        return b;
    }
}
