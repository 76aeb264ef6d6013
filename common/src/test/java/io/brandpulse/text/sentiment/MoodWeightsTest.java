package io.brandpulse.text.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoodWeightsTest {
    @Test
    void noMoodLeavesTheMarginAlone() {
        MoodWeights m = new MoodWeights(1f, 1f, 2f, 1f);
        assertEquals(-3.5, m.apply(-3.5, 0f, 0f), 1e-9);
    }

    @Test
    void aMoodAddsItsWeightAndTheFloorMakesTheLabelFollowIt() {
        MoodWeights m = new MoodWeights(0f, 0f, 2f, 1f);
        assertEquals(1.0, m.apply(-3.5, 0f, 1f), 1e-9, "an angry text with 👍: at least +1");
        assertEquals(6.0, m.apply(4.0, 0f, 1f), 1e-9);
        assertEquals(-1.0, m.apply(2.5, 0f, -1f), 1e-9);
        // bracket emoticons weigh nothing here: the n-grams read them
        assertEquals(-3.5, m.apply(-3.5, 1f, 0f), 1e-9);
    }

    @Test
    void bracketsThenEmojiEachWithTheirOwnWeights() {
        MoodWeights m = new MoodWeights(1f, 0f, 2f, 0f);
        assertEquals(0.5 + 1 - 2, m.apply(0.5, 1f, -1f), 1e-9);
    }

    @Test
    void scalingScalesEveryWeightAndFloor() {
        assertEquals(
                new MoodWeights(0.5f, 1f, 1.5f, 2f), new MoodWeights(1f, 2f, 3f, 4f).scaled(0.5));
        assertThrows(IllegalArgumentException.class, () -> new MoodWeights(-1f, 0f, 0f, 0f));
    }
}
