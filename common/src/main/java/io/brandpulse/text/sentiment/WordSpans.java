package io.brandpulse.text.sentiment;

import io.brandpulse.text.ChineseSegmenter;
import java.util.Arrays;

/**
 * The words of a normalized text as spans, by smartcn ({@link ChineseSegmenter}, words only:
 * punctuation and symbols are not words), for the word features of {@link
 * SentimentFeatures#extractWords}. The trainer and {@link SentimentModel#score(String,
 * java.util.List)} (when no spans are given) segment with this, so the words the model was trained
 * on are the words it scores. One segmenter per thread.
 */
public final class WordSpans {
    private static final ThreadLocal<ChineseSegmenter> SEGMENTER =
            ThreadLocal.withInitial(ChineseSegmenter::new);

    public int[] starts = new int[64];
    public int[] ends = new int[64];
    public int n;

    /** Segments {@code text} (replacing what this held). */
    public WordSpans segment(String text) {
        n = 0;
        if (text.isEmpty()) return this;
        SEGMENTER
                .get()
                .segment(
                        text,
                        (s, e) -> {
                            if (n == starts.length) {
                                starts = Arrays.copyOf(starts, n * 2);
                                ends = Arrays.copyOf(ends, n * 2);
                            }
                            starts[n] = s;
                            ends[n] = e;
                            n++;
                        });
        return this;
    }

    public static WordSpans of(String text) {
        return new WordSpans().segment(text);
    }
}
