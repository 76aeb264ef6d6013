package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The baseline's vectorizer against scikit-learn's definition of {@code
 * TfidfVectorizer(analyzer='char', ngram_range=(1, 3), min_df=2, sublinear_tf=True)}, computed by
 * hand on a five-text corpus; scikit-learn 1.2.1 gives the same values (quoted where used).
 */
class NgramBaselineTfidfTest {
    // lower case, "a  bb" collapses to "a bb", 😀 is one code point (a surrogate pair in Java)
    private static final List<String> CORPUS = List.of("AB", "a  bb", "a b", "c😀😀", "c😀");
    private static final CharNgramTfidf TFIDF = CharNgramTfidf.fit(CORPUS);
    private static final double EPS = 1e-12;

    /** Smooth idf over the corpus of five texts. */
    private static double idf(int df) {
        return Math.log((1.0 + 5) / (1.0 + df)) + 1;
    }

    private static Map<String, Double> row(String text) {
        CharNgramTfidf.Row r = TFIDF.transform(text);
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < r.columns().length; k++) {
            if (k > 0) assertTrue(r.columns()[k] > r.columns()[k - 1], "columns ascend");
            out.put(TFIDF.ngram(r.columns()[k]), r.values()[k]);
        }
        return out;
    }

    @Test
    void theVocabularyIsTheNgramsOfAtLeastTwoTexts() {
        List<String> vocabulary = new ArrayList<>();
        for (int c = 0; c < TFIDF.vocabularySize(); c++) vocabulary.add(TFIDF.ngram(c));
        vocabulary.sort(null);
        // scikit-learn's get_feature_names_out(), sorted the same way
        assertEquals(List.of(" ", " b", "a", "a ", "a b", "b", "c", "c😀", "😀"), vocabulary);
        // in one text only (min_df=2): "ab" (only in "AB"), "bb", "😀😀", "c😀😀"; "  " never
        // (whitespace runs collapse)
        for (String once : List.of("ab", "bb", "😀😀", "c😀😀", "  ", " bb"))
            assertEquals(-1, TFIDF.column(once), once);
    }

    @Test
    void idfIsSmooth() {
        assertEquals(idf(3), TFIDF.idf("a"), EPS); // AB, a bb, a b
        assertEquals(idf(3), TFIDF.idf("b"), EPS);
        assertEquals(idf(2), TFIDF.idf("a b"), EPS); // a bb, a b
        assertEquals(idf(2), TFIDF.idf("😀"), EPS);
        assertEquals(1.4054651081081644, TFIDF.idf("a"), EPS); // scikit-learn's idf_
        assertEquals(1.6931471805599454, TFIDF.idf(" "), EPS);
        assertTrue(Double.isNaN(TFIDF.idf("bb")));
    }

    @Test
    void termFrequencyIsSublinearAndRowsHaveUnitNorm() {
        // "a bb": a once, b twice, " ", "a ", " b", "a b" once; "bb", " bb", "a bb"... not in the
        // vocabulary
        double a = idf(3);
        double b = (1 + Math.log(2)) * idf(3);
        double other = idf(2);
        double norm = Math.sqrt(a * a + b * b + 4 * other * other);
        Map<String, Double> r = row("a  bb");
        assertEquals(6, r.size(), r.toString());
        assertEquals(a / norm, r.get("a"), EPS);
        assertEquals(b / norm, r.get("b"), EPS);
        for (String g : List.of(" ", "a ", " b", "a b")) assertEquals(other / norm, r.get(g), EPS);
        assertEquals(0.5444275859993455, r.get("b"), EPS); // scikit-learn
        assertEquals(0.32154770255666515, r.get("a"), EPS);
        double squares = 0;
        for (double v : r.values()) squares += v * v;
        assertEquals(1, squares, EPS);
    }

    @Test
    void codePointsNotChars() {
        // "c😀😀": c, 😀 (twice), c😀 -- and "😀😀", "c😀😀" dropped by min_df; no surrogate halves
        double c = idf(2);
        double smile = (1 + Math.log(2)) * idf(2);
        double norm = Math.sqrt(2 * c * c + smile * smile);
        Map<String, Double> r = row("c😀😀");
        assertEquals(3, r.size(), r.toString());
        assertEquals(c / norm, r.get("c"), EPS);
        assertEquals(c / norm, r.get("c😀"), EPS);
        assertEquals(smile / norm, r.get("😀"), EPS);
        assertEquals(0.7674945674619879, r.get("😀"), EPS); // scikit-learn
    }

    @Test
    void transformLowerCasesAndIgnoresUnknownNgrams() {
        // "bbba": b three times, a once; "bb", "bbb", "ba", ... are not in the vocabulary
        Map<String, Double> r = row("BBBA");
        double a = idf(3);
        double b = (1 + Math.log(3)) * idf(3);
        double norm = Math.hypot(a, b);
        assertEquals(a / norm, r.get("a"), EPS);
        assertEquals(b / norm, r.get("b"), EPS);
        assertEquals(0.43016528249879604, r.get("a"), EPS); // scikit-learn
        assertEquals(2, r.size());
        CharNgramTfidf.Row none = TFIDF.transform("xyz");
        assertEquals(0, none.columns().length, "no known n-gram: an all-zero row");
        assertEquals(0, TFIDF.transform("").columns().length);
    }

    @Test
    void keysAreExactForEveryCodePoint() {
        for (String g : List.of("a", "好", "好棒", "不太好", "😀", "😀c😀", "\u0000", "\u0000\u0000")) {
            int[] cps = g.codePoints().toArray();
            assertEquals(g, CharNgramTfidf.ngramOf(CharNgramTfidf.key(cps, 0, cps.length)));
        }
        int[] max = {Character.MAX_CODE_POINT, Character.MAX_CODE_POINT, Character.MAX_CODE_POINT};
        long k = CharNgramTfidf.key(max, 0, 3);
        assertTrue(k > 0, "63 bits");
        assertArrayEquals(max, CharNgramTfidf.ngramOf(k).codePoints().toArray());
    }

    @Test
    void sameTextsSameVectorizer() {
        CharNgramTfidf again = CharNgramTfidf.fit(CORPUS);
        assertEquals(TFIDF.vocabularySize(), again.vocabularySize());
        for (int c = 0; c < TFIDF.vocabularySize(); c++)
            assertEquals(TFIDF.ngram(c), again.ngram(c));
        for (String t : CORPUS) {
            assertArrayEquals(TFIDF.transform(t).columns(), again.transform(t).columns());
            assertArrayEquals(TFIDF.transform(t).values(), again.transform(t).values());
        }
    }

    @Test
    void theMapGrowsAndCounts() {
        CharNgramTfidf.LongIntMap m = new CharNgramTfidf.LongIntMap(1);
        for (long k = 1; k <= 100_000; k++) m.add(k * 7919, (int) (k % 3));
        for (long k = 1; k <= 100_000; k += 2) m.add(k * 7919, 10);
        assertEquals(100_000, m.size());
        assertEquals(1 + 10, m.get(7919, -1));
        assertEquals(2, m.get(2 * 7919, -1));
        assertEquals(-1, m.get(3, -1));
        assertEquals(50_000, m.keysWithValueAtLeast(10).length);
    }
}
