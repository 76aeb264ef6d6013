package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpamDetectorTest {
    @Test
    void aTextSpacedOutCharacterByCharacterIsClosedUp() {
        assertEquals("加威❤送青柠券,先到先得", SpamDetector.closeUpSpacedOut("加 威 ❤ 送 青 柠 券 , 先 到 先 得"));
        // an emoji with its variation selector is one character between spaces
        assertEquals(
                "加❤️威❤️送❤️青❤️柠❤️券", SpamDetector.closeUpSpacedOut("加 ❤️ 威 ❤️ 送 ❤️ 青 ❤️ 柠 ❤️ 券"));
    }

    @Test
    void wordsBetweenSpacesAndShortTextsAreLeftAlone() {
        assertNull(SpamDetector.closeUpSpacedOut("I love LimeCafe so much it is a b c d e"));
        assertNull(SpamDetector.closeUpSpacedOut("青柠 的 拿铁 真的 好喝"));
        assertNull(SpamDetector.closeUpSpacedOut("加 威 送 券"));
        assertNull(SpamDetector.closeUpSpacedOut(""));
    }
}
