package io.brandpulse.text;

import java.io.CharArrayReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Words of a (normalized, Simplified) text by smartcn's {@link HMMChineseTokenizer}, as offsets.
 * Our own chain: no Porter stemming (smartcn's stock analyzer turns {@code iphone} into {@code
 * iphon}), no stop words, and tokens without a letter or digit (punctuation, symbols) are not
 * words.
 *
 * <p>Two implementations give the same words: {@link Implementation#FAST} ({@link FastSegmenter},
 * smartcn's dictionaries and algorithm over primitive arrays, several times faster; the default)
 * and {@link Implementation#SMARTCN} (Lucene's own tokenizer, the reference: {@code
 * analysis.segmenter: smartcn}). {@code FastSegmenterDifferentialTest} proves them equal.
 *
 * <p>Not thread-safe: one per operator instance, opened once (the HMM dictionaries load once per
 * JVM).
 */
public final class ChineseSegmenter implements Closeable {
    /** Which implementation of smartcn's segmentation runs ({@code analysis.segmenter}). */
    public enum Implementation {
        FAST,
        SMARTCN;

        /** {@code fast} or {@code smartcn}, as the configuration writes it. */
        public static Implementation of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final Implementation implementation;
    private final FastSegmenter fast;
    private final HMMChineseTokenizer tokenizer;
    private final OffsetAttribute offsets;

    /** The default implementation, {@link Implementation#FAST}. */
    public ChineseSegmenter() {
        this(Implementation.FAST);
    }

    public ChineseSegmenter(Implementation implementation) {
        this.implementation = implementation;
        if (implementation == Implementation.FAST) {
            fast = new FastSegmenter();
            tokenizer = null;
            offsets = null;
        } else {
            fast = null;
            tokenizer = new HMMChineseTokenizer();
            offsets = tokenizer.addAttribute(OffsetAttribute.class);
        }
    }

    public Implementation implementation() {
        return implementation;
    }

    /** Receives each word as a span of the segmented text. */
    @FunctionalInterface
    public interface WordConsumer {
        void word(int start, int end);
    }

    /** Words only: tokens without a letter or digit (punctuation, symbols) are left out. */
    public void segment(String text, WordConsumer words) {
        segment(text, false, words);
    }

    /** Words, and with {@code keepPunctuation} also punctuation and symbols, each its own token. */
    public void segment(String text, boolean keepPunctuation, WordConsumer words) {
        char[] chars = withFullWidthPunctuation(text);
        if (fast != null) {
            fast.segment(
                    chars,
                    chars.length,
                    (start, end) -> wordsBetweenSpaces(text, start, end, keepPunctuation, words));
            return;
        }
        try {
            tokenizer.setReader(new CharArrayReader(chars));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                wordsBetweenSpaces(
                        text, offsets.startOffset(), offsets.endOffset(), keepPunctuation, words);
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // closing a StringReader does not fail
            }
        }
    }

    /**
     * smartcn reads across a space inside a sentence ({@code 咖 啡} is one word to it); the writer's
     * space is a boundary they chose, and a token with a space in it is no word. Each run between
     * spaces is its own word.
     */
    private static void wordsBetweenSpaces(
            String text, int start, int end, boolean keepPunctuation, WordConsumer words) {
        int runStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || Character.isWhitespace(text.charAt(i))) {
                if (i > runStart && (keepPunctuation || hasLetterOrDigit(text, runStart, i))) {
                    words.word(runStart, i);
                }
                runStart = i + 1;
            }
        }
    }

    /**
     * smartcn cuts sentences at full-width punctuation; after normalization (which makes {@code ，}
     * a {@code ,}) it would see one long sentence and segment twice as slowly, and worse. Same
     * length, so offsets do not change.
     */
    public static char[] withFullWidthPunctuation(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            switch (chars[i]) {
                case ',' -> chars[i] = '，';
                case '!' -> chars[i] = '！';
                case '?' -> chars[i] = '？';
                case ';' -> chars[i] = '；';
                case ':' -> chars[i] = '：';
                case '(' -> chars[i] = '（';
                case ')' -> chars[i] = '）';
                default -> {}
            }
        }
        return chars;
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        // the tokenizer is closed after each text; nothing else is held
    }
}
