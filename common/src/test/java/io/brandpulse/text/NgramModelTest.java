package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class NgramModelTest {
    private static final String AD = "跟着老师做了两个月，收益翻了三倍，想了解的看我主页第一条";

    @Test
    void aWrittenModelReadsBackWithTheSameVerdicts() throws IOException {
        NgramModel shipped = NgramModel.spam();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        shipped.write(bytes);
        NgramModel read = NgramModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(shipped.threshold(), read.threshold());
        assertEquals(shipped.description(), read.description());
        for (String text : new String[] {AD, "今天的拿铁很好喝", "", "   ", "好"}) {
            assertEquals(shipped.probability(text), read.probability(text), text);
        }
    }

    @Test
    void theShippedCrisisModelIsItsOwnAndSetForTheCrises() {
        NgramModel crisis = NgramModel.crisis();
        assertNotSame(NgramModel.spam(), crisis);
        assertTrue(crisis.description().contains("crises"), crisis.description());
        // it clears a flag only where a post reads like no crisis: its threshold is low
        assertTrue(crisis.threshold() > 0f && crisis.threshold() <= 0.5f, "" + crisis.threshold());
        assertTrue(crisis.accepts("喝了他们家的奶茶上吐下泻，孩子半夜送了急诊"));
    }

    @Test
    void featuresCountEveryOneToThreeCodePointRunAndFoldWhitespaceRuns() {
        // a b c: 3 unigrams, 2 bigrams, 1 trigram; 😀 is one code point, not two chars
        NgramModel.Counts abc = NgramModel.Counts.of("ab😀", 18);
        assertEquals(6, total(abc));
        assertEquals(1, total(NgramModel.Counts.of("a", 20)), "one character is one unigram");
        assertEquals(
                total(NgramModel.Counts.of("a b", 20)),
                total(NgramModel.Counts.of("a \n\t b", 20)));
        assertArrayEquals(
                NgramModel.Counts.of("a b", 20).buckets,
                NgramModel.Counts.of("a    b", 20).buckets,
                "a run of whitespace is one space, as the trainer saw it");
        NgramModel.Counts repeated = NgramModel.Counts.of("aaaa", 20);
        // buckets: a (4 times), aa (3), aaa (2)
        assertEquals(3, repeated.size);
        assertEquals(9, total(repeated));
    }

    /** The runtime counts in a hash table, the trainer by sorting: both must score alike. */
    @Test
    void scoringATextAndScoringItsCountsAgree() {
        NgramModel shipped = NgramModel.spam();
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round < 1_000 ? 60 : 600);
            for (int i = 0; i < length; i++) {
                // a small alphabet, so n-grams repeat and counts above one occur
                text.appendCodePoint(
                        random.nextInt(10) == 0
                                ? " \n😀vx8".codePointAt(random.nextInt(5))
                                : 0x4E00 + random.nextInt(40));
            }
            String t = text.toString();
            assertEquals(
                    shipped.probability(NgramModel.Counts.of(t, shipped.bits())),
                    shipped.probability(t),
                    1e-9,
                    t);
        }
        assertEquals(
                shipped.probability(NgramModel.Counts.of(AD, shipped.bits())),
                shipped.probability(AD),
                1e-9);
    }

    @Test
    void aLineBreakReadsAsTheSpaceTheTrainerSaw() {
        NgramModel shipped = NgramModel.spam();
        double spaced = shipped.probability("私我领任务 日赚三百");
        assertEquals(spaced, shipped.probability("私我领任务\n日赚三百"));
        assertEquals(spaced, shipped.probability("私我领任务\r\n日赚三百"));
    }

    @Test
    void countsHashedForAnotherModelAreRefused() {
        NgramModel shipped = NgramModel.spam();
        assertThrows(
                IllegalArgumentException.class,
                () -> shipped.probability(NgramModel.Counts.of(AD, shipped.bits() + 2)));
    }

    @Test
    void anEmptyTextGetsTheBiasAloneAndIsNoAd() {
        NgramModel shipped = NgramModel.spam();
        assertTrue(shipped.probability("") < shipped.threshold());
    }

    @Test
    void aCorruptFileIsRejected() {
        assertThrows(
                IOException.class,
                () -> NgramModel.read(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 0})));
    }

    private static int total(NgramModel.Counts counts) {
        int sum = 0;
        for (int k = 0; k < counts.size; k++) sum += counts.counts[k];
        return sum;
    }
}
