package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import org.junit.jupiter.api.Test;

class ThreeClassMetricsTest {
    @Test
    void accuracyAndNeutralCalledNegativeCountTheRightCells() {
        ThreeClassMetrics m = new ThreeClassMetrics();
        m.add(Sentiment.NEUTRAL, Sentiment.NEGATIVE);
        m.add(Sentiment.NEUTRAL, Sentiment.NEUTRAL);
        m.add(Sentiment.NEUTRAL, Sentiment.POSITIVE);
        m.add(Sentiment.NEUTRAL, Sentiment.NEGATIVE);
        m.add(Sentiment.POSITIVE, Sentiment.POSITIVE);
        m.add(Sentiment.NEGATIVE, Sentiment.NEUTRAL);
        assertEquals(6, m.size());
        assertEquals(2.0 / 6, m.accuracy(), 1e-12);
        assertEquals(0.5, m.neutralCalledNegative(), 1e-12, "2 of the 4 neutral posts");
        assertEquals(2, m.count(Sentiment.NEUTRAL, Sentiment.NEGATIVE));
        assertThrows(IllegalArgumentException.class, () -> m.add("mixed", Sentiment.NEUTRAL));
    }

    @Test
    void theSocialDevelopmentSetReadsWithEveryClassAndNeutralsAmongThem() throws Exception {
        ThreeClassMetrics m = EvaluateSentiment.socialPosts(SentimentModel.loadDefault());
        assertTrue(m.size() >= 120, "posts: " + m.size());
        int neutral = 0;
        for (String called : ThreeClassMetrics.LABELS)
            neutral += m.count(Sentiment.NEUTRAL, called);
        assertTrue(neutral >= 40, "neutral posts: " + neutral);
    }
}
