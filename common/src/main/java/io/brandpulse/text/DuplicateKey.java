package io.brandpulse.text;

/**
 * A 64-bit SimHash over character bigrams of a text's content (letters and digits only): copies of
 * the same post get the same key, and near-copies (a word changed, an emoticon added) keys a few
 * bits apart.
 */
public final class DuplicateKey {
    private DuplicateKey() {}

    public static long simHash(CharSequence text, int start, int end) {
        int[] weights = new int[64];
        char previous = 0;
        int features = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            if (previous != 0) {
                long h = mix(((long) previous << 16) | c);
                for (int bit = 0; bit < 64; bit++) {
                    weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
                }
                features++;
            }
            previous = c;
        }
        if (features == 0 && previous != 0) {
            return mix(previous);
        }
        long key = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                key |= 1L << bit;
            }
        }
        return key;
    }

    /**
     * Sixteen lowercase hex digits (String.format did the same at ten times the cost, once per
     * mention).
     */
    public static String hex(long key) {
        String digits = Long.toHexString(key);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    /** The finalizer of MurmurHash3: a cheap, well-spread 64-bit hash. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
