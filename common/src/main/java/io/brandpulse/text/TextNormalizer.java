package io.brandpulse.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds the differences that do not change what a text says: Unicode compatibility forms (NFKC: full-width
 * {@code ＡＢＣ１２３} becomes {@code ABC123}), Traditional to Simplified script (ICU's Traditional-Simplified
 * transform, so {@code 星巴克} and a Traditional {@code 喜茶} post match the same names), and Latin case.
 *
 * <p>Not thread-safe: one instance per operator instance, created in {@code open()}.
 */
public final class TextNormalizer {
    private final Transliterator traditionalToSimplified = Transliterator.getInstance("Traditional-Simplified");

    public String normalize(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return traditionalToSimplified.transliterate(compatible).toLowerCase(Locale.ROOT);
    }
}
