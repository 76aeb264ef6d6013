package io.brandpulse.text;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Folds the differences that do not change what a text says: Unicode compatibility forms (NFKC:
 * full-width {@code ＡＢＣ１２３} becomes {@code ABC123}), Traditional to Simplified script (ICU's
 * Traditional-Simplified transform, then the curated {@code text/variants.tsv}: {@code 噁心} is
 * {@code 恶心}, {@code 回覆} is {@code 回复}), and Latin case.
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
            if (!Table.hasPhrase(text, text.length())) {
                return new NormalizedText(text, text, null);
            }
            out = text.toCharArray();
            length = n;
            toOriginal = new int[n + 1];
            for (int j = 0; j < n; j++) toOriginal[j] = j;
        }
        Table.replacePhrases(out, length);
        toOriginal[length] = n;
        return new NormalizedText(
                text, new String(out, 0, length), Arrays.copyOf(toOriginal, length + 1));
    }

    /** The per-char table, built once (about a tenth of a second) on first use. */
    private static final class Table {
        static final char[] SINGLE = new char[Character.MAX_VALUE + 1];
        static final Map<Character, String> EXPANSIONS = new HashMap<>();

        /**
         * Variant phrases (already folded char by char) by their first char: variant, simplified,
         * variant, simplified... An array by char, not a map: the first chars (回, 着, 名, 干) are
         * common, and a boxed lookup at each of them cost 5% of the whole analysis.
         */
        static final char[][][] PHRASES = new char[Character.MAX_VALUE + 1][][];

        static boolean hasPhrase(CharSequence text, int length) {
            for (int i = 0; i < length; i++) {
                char[][] phrases = PHRASES[text.charAt(i)];
                if (phrases != null) {
                    for (int p = 0; p < phrases.length; p += 2) {
                        if (startsWith(text, length, i, phrases[p])) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Replaces the variant phrases in place (each as long as its simplified form). */
        static void replacePhrases(char[] out, int length) {
            for (int i = 0; i < length; i++) {
                char[][] phrases = PHRASES[out[i]];
                if (phrases == null) continue;
                for (int p = 0; p < phrases.length; p += 2) {
                    if (startsWith(out, length, i, phrases[p])) {
                        System.arraycopy(phrases[p + 1], 0, out, i, phrases[p + 1].length);
                        i += phrases[p].length - 1;
                        break;
                    }
                }
            }
        }

        private static boolean startsWith(char[] text, int length, int at, char[] phrase) {
            if (length - at < phrase.length) return false;
            for (int k = 0; k < phrase.length; k++) {
                if (text[at + k] != phrase[k]) return false;
            }
            return true;
        }

        private static boolean startsWith(CharSequence text, int length, int at, char[] phrase) {
            if (length - at < phrase.length) return false;
            for (int k = 0; k < phrase.length; k++) {
                if (text.charAt(at + k) != phrase[k]) return false;
            }
            return true;
        }

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
            readVariants();
        }

        private static void readVariants() {
            try (InputStream in = TextNormalizer.class.getResourceAsStream(VARIANTS)) {
                if (in == null) throw new IllegalStateException(VARIANTS + " not on the classpath");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int lineNumber = 0;
                for (String line; (line = reader.readLine()) != null; ) {
                    lineNumber++;
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split("\t");
                    if (f.length != 2 || f[0].length() != f[1].length()) {
                        throw new IllegalStateException(
                                VARIANTS
                                        + " line "
                                        + lineNumber
                                        + ": want variant<TAB>simplified of the same length");
                    }
                    if (f[0].length() == 1) {
                        SINGLE[f[0].charAt(0)] = f[1].charAt(0);
                        EXPANSIONS.remove(f[0].charAt(0));
                    } else {
                        StringBuilder folded = new StringBuilder();
                        for (char c : f[0].toCharArray()) folded.append(SINGLE[c]);
                        char first = folded.charAt(0);
                        char[][] known = PHRASES[first] == null ? new char[0][] : PHRASES[first];
                        char[][] more = Arrays.copyOf(known, known.length + 2);
                        more[known.length] = folded.toString().toCharArray();
                        more[known.length + 1] = f[1].toCharArray();
                        PHRASES[first] = more;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + VARIANTS, e);
            }
        }
    }

    private static final String VARIANTS = "/text/variants.tsv";
}
