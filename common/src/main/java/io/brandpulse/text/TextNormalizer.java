package io.brandpulse.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Folds the differences that do not change what a text says: Unicode compatibility forms (NFKC:
 * full-width {@code ＡＢＣ１２３} becomes {@code ABC123}), Traditional to Simplified script (ICU's
 * Traditional-Simplified transform), and Latin case.
 *
 * <p>It works character by character from a table computed once per JVM, so it is as cheap as a
 * lookup per char, and it keeps a map back to the original offsets ({@link NormalizedText}). The
 * price of per-character work is that combining sequences are not composed, which Chinese social
 * media text practically never has.
 *
 * <p>Thread-safe: the table is immutable and shared.
 */
public final class TextNormalizer {
    /**
     * Marks a char whose normalized form is more than one char (kept in {@link Table#EXPANSIONS}).
     */
    private static final char EXPANDS = '\uFFFF';

    public String normalize(String text) {
        return normalizeWithOffsets(text).normalized();
    }

    public NormalizedText normalizeWithOffsets(String text) {
        char[] table = Table.SINGLE;
        int n = text.length();
        char[] out = null;
        int[] toOriginal = null;
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char mapped = table[c];
            if (mapped == c && out == null) {
                continue; // unchanged so far: nothing allocated yet
            }
            if (out == null) {
                out = new char[n + 16];
                toOriginal = new int[n + 17];
                for (int j = 0; j < i; j++) {
                    out[j] = text.charAt(j);
                    toOriginal[j] = j;
                }
                length = i;
            }
            if (mapped != EXPANDS) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                    toOriginal = Arrays.copyOf(toOriginal, out.length + 1);
                }
                out[length] = mapped;
                toOriginal[length++] = i;
            } else {
                String expansion = Table.EXPANSIONS.get(c);
                for (int k = 0; k < expansion.length(); k++) {
                    if (length == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                        toOriginal = Arrays.copyOf(toOriginal, out.length + 1);
                    }
                    out[length] = expansion.charAt(k);
                    toOriginal[length++] = i;
                }
            }
        }
        if (out == null) {
            return new NormalizedText(text, text, null);
        }
        toOriginal[length] = n;
        return new NormalizedText(
                text, new String(out, 0, length), Arrays.copyOf(toOriginal, length + 1));
    }

    /** The per-char table, built once (about a tenth of a second) on first use. */
    private static final class Table {
        static final char[] SINGLE = new char[Character.MAX_VALUE + 1];
        static final Map<Character, String> EXPANSIONS = new HashMap<>();

        static {
            Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                char ch = (char) c;
                SINGLE[c] = ch;
                if (Character.isSurrogate(ch) || c == EXPANDS) {
                    continue; // surrogate pairs (emoji, rare CJK) pass through unchanged
                }
                String s = String.valueOf(ch);
                String folded =
                        Normalizer.isNormalized(s, Normalizer.Form.NFKC)
                                ? s
                                : Normalizer.normalize(s, Normalizer.Form.NFKC);
                if (Character.isIdeographic(c) || !folded.equals(s)) {
                    folded = toSimplified.transliterate(folded);
                }
                folded = folded.toLowerCase(Locale.ROOT);
                if (folded.length() == 1) {
                    SINGLE[c] = folded.charAt(0);
                } else if (!folded.equals(s)) {
                    SINGLE[c] = EXPANDS;
                    EXPANSIONS.put(ch, folded);
                }
            }
        }
    }
}
