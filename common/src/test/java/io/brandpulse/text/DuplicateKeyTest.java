package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateKeyTest {
    @Test
    void theKeyIsSixteenLowercaseHexDigitsZeroPadded() {
        assertEquals("0000000000000000", DuplicateKey.hex(0));
        assertEquals("00000000000000ff", DuplicateKey.hex(255));
        assertEquals("ffffffffffffffff", DuplicateKey.hex(-1));
        assertEquals("8000000000000000", DuplicateKey.hex(Long.MIN_VALUE));
        Random random = new Random(3);
        for (int i = 0;
                i < 1_000;
                i++) { // keys written before stay comparable: the same text as String.format gave
            long key = random.nextLong() >>> random.nextInt(64);
            assertEquals(String.format("%016x", key), DuplicateKey.hex(key));
        }
    }

    @Test
    void aCopyHasTheSameKeyAndANearCopyAKeyAFewBitsApart() {
        String post = "青柠咖啡的拿铁今天喝出了异物，门店态度也很差，希望给个说法";
        long key = DuplicateKey.simHash(post, 0, post.length());
        assertEquals(key, DuplicateKey.simHash("转发 " + post, 3, post.length() + 3));
        String nearCopy = post.replace("很差", "一般");
        int bitsApart = Long.bitCount(key ^ DuplicateKey.simHash(nearCopy, 0, nearCopy.length()));
        assertEquals(true, bitsApart > 0 && bitsApart <= 16, "bits apart: " + bitsApart);
    }
}
