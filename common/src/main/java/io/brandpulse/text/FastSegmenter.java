package io.brandpulse.text;

import static io.brandpulse.text.SmartcnDictionary.DELIMITER;
import static io.brandpulse.text.SmartcnDictionary.DIGIT;
import static io.brandpulse.text.SmartcnDictionary.DJB_START;
import static io.brandpulse.text.SmartcnDictionary.FNV_OFFSET;
import static io.brandpulse.text.SmartcnDictionary.FNV_PRIME;
import static io.brandpulse.text.SmartcnDictionary.FULLWIDTH_DIGIT;
import static io.brandpulse.text.SmartcnDictionary.FULLWIDTH_LETTER;
import static io.brandpulse.text.SmartcnDictionary.HANZI;
import static io.brandpulse.text.SmartcnDictionary.HANZI_FIRST;
import static io.brandpulse.text.SmartcnDictionary.LETTER;
import static io.brandpulse.text.SmartcnDictionary.SPACE_LIKE;
import static io.brandpulse.text.SmartcnDictionary.SURROGATE;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.util.CharArrayIterator;

/**
 * The tokens of smartcn's {@link HMMChineseTokenizer} (Lucene 9.12.3), exactly, as offsets, at a
 * fraction of its cost. smartcn builds a token object, a char array and a map entry per candidate
 * word, and a pair object and another array per candidate bigram; here the same graph lives in
 * primitive arrays that are reused from text to text.
 *
 * <p>Same dictionaries ({@link SmartcnDictionary}), same algorithm, step for step: the sentences of
 * {@code SegmentingTokenizerBase} (the same JDK sentence {@link BreakIterator} over the same
 * wrapper, since only the JDK knows its rules, on the same 1024-char windows cut at the last line
 * break), the candidate words of {@code HHMMSegmenter}, the bigram weights of {@code BiSegGraph}
 * computed with the same floating-point expression, and its Viterbi path with its tie-break (the
 * first predecessor in token order wins). Where smartcn searches its tables, a trie and a filter
 * give the same answers with fewer memory reads (see {@link SmartcnDictionary}). Every token is
 * reported, punctuation and tokens that span spaces included, as smartcn reports them; filtering is
 * the caller's.
 *
 * <p>Not thread-safe: one per operator instance.
 */
public final class FastSegmenter {
    /** SegmentingTokenizerBase.BUFFERMAX in Lucene 9.12.3: sentences never cross such a window. */
    static final int WINDOW = 1024;

    private static final double SMOOTH = 0.1;
    private static final double TINY = 1.0 / SmartcnDictionary.MAX_FREQUENCY;

    /** What a token's bigram key is made of. */
    private static final byte KEY_TEXT = 0;

    private static final byte KEY_STRING = 1;
    private static final byte KEY_NUMBER = 2;
    private static final byte KEY_BEGIN = 3;
    private static final byte KEY_END = 4;

    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

    private final SmartcnDictionary dict = SmartcnDictionary.get();

    /** Only smartcn's own searches, none of the shortcuts (to test that the shortcuts agree). */
    private final boolean smartcnSearch;

    private final byte[] charType = dict.charType;
    private final BreakIterator sentences = (BreakIterator) SENTENCES.clone();
    private final CharArrayIterator window = CharArrayIterator.newSentenceInstance();

    // the candidate tokens of one sentence, in smartcn's token order (by start, then as added)
    private int tokenCount;
    private int[] tokenStart = new int[256];
    private int[] tokenEnd = new int[256];
    private int[] tokenFrequency = new int[256];
    private byte[] tokenKey = new byte[256];
    private double[] pathWeight = new double[256];
    private int[] pathPrevious = new int[256];

    /** Per sentence position (relative, plus one for the begin token): its first token, or -1. */
    private int[] firstAt = new int[256];

    /** Per sentence position: the first position at or after it where a token starts. */
    private int[] nextStartAt = new int[256];

    private char[] word = new char[64];
    private int[] path = new int[256];
    private char[] copy = new char[256];

    public FastSegmenter() {
        this(false);
    }

    FastSegmenter(boolean smartcnSearch) {
        this.smartcnSearch = smartcnSearch;
    }

    /** Segments {@code text}; offsets are into the string. */
    public void segment(String text, ChineseSegmenter.WordConsumer out) {
        int length = text.length();
        if (copy.length < length) {
            copy = new char[Math.max(length, copy.length * 2)];
        }
        text.getChars(0, length, copy, 0);
        segment(copy, length, out);
    }

    /**
     * Reports each of smartcn's tokens of {@code text[0..length)}, in order, as its start and end
     * offset. The array is only read, and only during the call.
     */
    public void segment(char[] text, int length, ChineseSegmenter.WordConsumer out) {
        if (length < 0 || length > text.length) {
            throw new IllegalArgumentException(
                    "length " + length + " of a text of " + text.length + " chars");
        }
        // SegmentingTokenizerBase: a window of up to WINDOW chars; if the reader could fill it,
        // only the part up to the last line break is segmented and the rest starts the next one
        int offset = 0;
        int filled = 0;
        int usable = 0;
        while (true) {
            offset += usable;
            int leftover = filled - usable;
            int requested = WINDOW - leftover;
            int returned = Math.min(requested, length - offset - leftover);
            filled = leftover + returned;
            if (filled <= 0) {
                return;
            }
            if (returned < requested) {
                usable = filled;
            } else {
                usable = safeEnd(text, offset, filled);
                if (usable < 0) {
                    usable = filled;
                }
            }
            window.setText(text, offset, usable);
            sentences.setText(window);
            int start = sentences.current();
            while (start != BreakIterator.DONE) {
                int end = sentences.next();
                if (end == BreakIterator.DONE) {
                    break;
                }
                sentence(text, offset + start, offset + end, out);
                start = end;
            }
        }
    }

    private static int safeEnd(char[] text, int offset, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            switch (text[offset + i]) {
                case '\r', '\n', '\u0085', '\u2028', '\u2029' -> {
                    return i + 1;
                }
                default -> {}
            }
        }
        return -1;
    }

    /** HHMMSegmenter.process and BiSegGraph on text[from..to), tokens reported. */
    private void sentence(char[] text, int from, int to, ChineseSegmenter.WordConsumer out) {
        int length = to - from;
        // shifted positions 0 (begin token) .. length + 1 (end token), and one past the end
        ensurePositions(length + 3);
        Arrays.fill(firstAt, 0, length + 3, -1);
        tokenCount = 0;
        // positions are stored relative to `from`, plus one, so that the begin token starts at 0
        addToken(-1, 0, KEY_BEGIN, dict.beginFrequency);
        candidates(text, from, to);
        addToken(length, length + 1, KEY_END, 0);

        int next = -1;
        for (int p = length + 2; p >= 0; p--) {
            if (firstAt[p] != -1) {
                next = p;
            }
            nextStartAt[p] = next;
        }
        shortestPath(text, from);

        int steps = 0;
        for (int t = tokenCount - 1; t != 0; t = pathPrevious[t]) {
            path[steps++] = t;
        }
        // path[0] is the end token
        for (int s = steps - 1; s >= 1; s--) {
            int t = path[s];
            out.word(from + tokenStart[t] - 1, from + tokenEnd[t] - 1);
        }
    }

    /** HHMMSegmenter.createSegGraph: the candidate tokens, in smartcn's order. */
    private void candidates(char[] text, int from, int to) {
        byte[] type = charType;
        SmartcnDictionary d = dict;
        int i = from;
        while (i < to) {
            char c = text[i];
            switch (type[c]) {
                case SPACE_LIKE -> i++;
                case SURROGATE -> {
                    int count = Character.charCount(Character.codePointAt(text, i, to));
                    addToken(i - from, i - from + count, KEY_TEXT, 0);
                    i += count;
                }
                case HANZI -> {
                    addToken(i - from, i - from + 1, KEY_TEXT, d.hanziFrequency[c - HANZI_FIRST]);
                    int root = d.hanziRoot[c - HANZI_FIRST];
                    if (root >= 0 && !smartcnSearch) {
                        words(text, from, i, to, root);
                    } else if (root != SmartcnDictionary.NO_WORDS) {
                        wordsBySearch(
                                text,
                                from,
                                i,
                                to,
                                d.hanziTable[c - HANZI_FIRST],
                                d.hanziPrefixMatch[c - HANZI_FIRST]);
                    }
                    i++;
                }
                case LETTER, FULLWIDTH_LETTER -> {
                    int j = i + 1;
                    while (j < to
                            && (type[text[j]] == LETTER || type[text[j]] == FULLWIDTH_LETTER)) {
                        j++;
                    }
                    addToken(i - from, j - from, KEY_STRING, d.stringFrequency);
                    i = j;
                }
                case DIGIT, FULLWIDTH_DIGIT -> {
                    int j = i + 1;
                    while (j < to && (type[text[j]] == DIGIT || type[text[j]] == FULLWIDTH_DIGIT)) {
                        j++;
                    }
                    addToken(i - from, j - from, KEY_NUMBER, d.numberFrequency);
                    i = j;
                }
                case DELIMITER -> {
                    addToken(i - from, i - from + 1, KEY_TEXT, SmartcnDictionary.MAX_FREQUENCY);
                    i++;
                }
                default -> {
                    addToken(i - from, i - from + 1, KEY_STRING, d.stringFrequency);
                    i++;
                }
            }
        }
    }

    /**
     * The dictionary words starting with the Hanzi at {@code i}: smartcn extends the word one Hanzi
     * at a time (reading across spaces) while some entry still has it as a prefix.
     */
    private void words(char[] text, int from, int i, int to, int root) {
        byte[] type = charType;
        SmartcnDictionary d = dict;
        int node = root;
        int j = i + 1;
        while (true) {
            while (j < to && type[text[j]] == SPACE_LIKE) {
                j++;
            }
            if (j >= to || type[text[j]] != HANZI) {
                return;
            }
            long child = d.child(node, text[j]);
            if (child == -1) {
                return;
            }
            j++;
            int frequency = SmartcnDictionary.childFrequency(child);
            if (frequency != SmartcnDictionary.NOT_A_WORD) {
                addToken(i - from, j - from, KEY_TEXT, frequency);
            }
            node = SmartcnDictionary.target(child);
        }
    }

    /** {@link #words} by smartcn's own binary search, for a table the trie cannot stand in for. */
    private void wordsBySearch(char[] text, int from, int i, int to, int table, int found) {
        byte[] type = charType;
        SmartcnDictionary d = dict;
        char[] w = word;
        w[0] = text[i];
        int length = 1;
        int j = i + 1;
        while (found != -1) {
            if (length > 1 && d.isEqual(table, w, length, found)) {
                addToken(i - from, j - from, KEY_TEXT, d.itemFrequency[table][found]);
            }
            while (j < to && type[text[j]] == SPACE_LIKE) {
                j++;
            }
            if (j < to && type[text[j]] == HANZI) {
                if (length == w.length) {
                    w = word = Arrays.copyOf(w, length * 2);
                }
                w[length++] = text[j];
                found = d.prefixMatch(table, w, length, found);
                j++;
            } else {
                break;
            }
        }
    }

    private void addToken(int start, int end, byte key, int frequency) {
        int t = tokenCount;
        if (t == tokenStart.length) {
            growTokens();
        }
        tokenStart[t] = start + 1;
        tokenEnd[t] = end + 1;
        tokenKey[t] = key;
        tokenFrequency[t] = frequency;
        if (firstAt[start + 1] == -1) {
            firstAt[start + 1] = t;
        }
        tokenCount = t + 1;
    }

    private void growTokens() {
        int size = tokenStart.length * 2;
        tokenStart = Arrays.copyOf(tokenStart, size);
        tokenEnd = Arrays.copyOf(tokenEnd, size);
        tokenKey = Arrays.copyOf(tokenKey, size);
        tokenFrequency = Arrays.copyOf(tokenFrequency, size);
        pathWeight = Arrays.copyOf(pathWeight, size);
        pathPrevious = Arrays.copyOf(pathPrevious, size);
        path = Arrays.copyOf(path, size);
    }

    private void ensurePositions(int positions) {
        if (firstAt.length < positions) {
            int size = Math.max(positions, firstAt.length * 2);
            firstAt = new int[size];
            nextStartAt = new int[size];
        }
    }

    /**
     * BiSegGraph: each token links to every token at the first start at or after its end, weighed
     * by smartcn's smoothed bigram probability; the lightest path from begin to end, the first
     * predecessor in token order winning a tie (smartcn keeps a minimum only when strictly lighter,
     * visiting predecessors in token order).
     */
    private void shortestPath(char[] text, int from) {
        int n = tokenCount;
        double[] weight = pathWeight;
        int[] previous = pathPrevious;
        weight[0] = 0;
        for (int t = 1; t < n; t++) {
            weight[t] = Double.MAX_VALUE;
        }
        byte[] type = charType;
        SmartcnDictionary d = dict;
        for (int t1 = 0; t1 < n - 1; t1++) {
            int to = nextStartAt[tokenEnd[t1]];
            int first = firstAt[to];
            int afterTo = nextStartAt[to + 1];
            int last = afterTo == -1 ? n : firstAt[afterTo];
            // FNV and djb2 of this token's key and the separator, continued with each successor's
            long h1 = FNV_OFFSET;
            int h2 = DJB_START;
            switch (tokenKey[t1]) {
                case KEY_TEXT -> {
                    for (int p = from + tokenStart[t1] - 1, e = from + tokenEnd[t1] - 1;
                            p < e;
                            p++) {
                        char ch = text[p];
                        if (type[ch] != SPACE_LIKE) {
                            h1 = (h1 ^ (ch & 0x00FF)) * FNV_PRIME;
                            h1 = (h1 ^ (ch >> 8)) * FNV_PRIME;
                            h2 = ((h2 << 5) + h2) + ch & 0x00FF;
                            h2 = ((h2 << 5) + h2) + ch >> 8;
                        }
                    }
                }
                case KEY_STRING -> {
                    h1 = STRING_H1;
                    h2 = STRING_H2;
                }
                case KEY_NUMBER -> {
                    h1 = NUMBER_H1;
                    h2 = NUMBER_H2;
                }
                case KEY_BEGIN -> {
                    h1 = BEGIN_H1;
                    h2 = BEGIN_H2;
                }
                default -> throw new IllegalStateException("the end token has no successor");
            }
            final char sep = SmartcnDictionary.WORD_SEGMENT_CHAR;
            h1 = (h1 ^ (sep & 0x00FF)) * FNV_PRIME;
            h1 = (h1 ^ (sep >> 8)) * FNV_PRIME;
            h2 = ((h2 << 5) + h2) + sep & 0x00FF;
            h2 = ((h2 << 5) + h2) + sep >> 8;

            double oneWordFrequency = tokenFrequency[t1];
            double base = weight[t1];
            double unseen = Double.NaN;
            for (int t2 = first; t2 < last; t2++) {
                long k1 = h1;
                int k2 = h2;
                switch (tokenKey[t2]) {
                    case KEY_TEXT -> {
                        for (int p = from + tokenStart[t2] - 1, e = from + tokenEnd[t2] - 1;
                                p < e;
                                p++) {
                            char ch = text[p];
                            if (type[ch] != SPACE_LIKE) {
                                k1 = (k1 ^ (ch & 0x00FF)) * FNV_PRIME;
                                k1 = (k1 ^ (ch >> 8)) * FNV_PRIME;
                                k2 = ((k2 << 5) + k2) + ch & 0x00FF;
                                k2 = ((k2 << 5) + k2) + ch >> 8;
                            }
                        }
                    }
                    case KEY_STRING -> {
                        for (char ch : SmartcnDictionary.STRING_CHARS) {
                            k1 = (k1 ^ (ch & 0x00FF)) * FNV_PRIME;
                            k1 = (k1 ^ (ch >> 8)) * FNV_PRIME;
                            k2 = ((k2 << 5) + k2) + ch & 0x00FF;
                            k2 = ((k2 << 5) + k2) + ch >> 8;
                        }
                    }
                    case KEY_NUMBER -> {
                        for (char ch : SmartcnDictionary.NUMBER_CHARS) {
                            k1 = (k1 ^ (ch & 0x00FF)) * FNV_PRIME;
                            k1 = (k1 ^ (ch >> 8)) * FNV_PRIME;
                            k2 = ((k2 << 5) + k2) + ch & 0x00FF;
                            k2 = ((k2 << 5) + k2) + ch >> 8;
                        }
                    }
                    default -> {
                        for (char ch : SmartcnDictionary.END_CHARS) {
                            k1 = (k1 ^ (ch & 0x00FF)) * FNV_PRIME;
                            k1 = (k1 ^ (ch >> 8)) * FNV_PRIME;
                            k2 = ((k2 << 5) + k2) + ch & 0x00FF;
                            k2 = ((k2 << 5) + k2) + ch >> 8;
                        }
                    }
                }
                int pairFrequency =
                        smartcnSearch
                                ? d.bigramFrequency(k1, k2)
                                : d.bigramFrequencyFiltered(k1, k2);
                double w;
                if (pairFrequency == 0) {
                    if (Double.isNaN(unseen)) {
                        unseen = edgeWeight(oneWordFrequency, 0);
                    }
                    w = unseen;
                } else {
                    w = edgeWeight(oneWordFrequency, pairFrequency);
                }
                double candidate = base + w;
                if (candidate < weight[t2]) {
                    weight[t2] = candidate;
                    previous[t2] = t1;
                }
            }
        }
    }

    /** BiSegGraph's edge weight, the same expression in the same order. */
    private static double edgeWeight(double oneWordFreq, int wordPairFreq) {
        return -Math.log(
                SMOOTH * (1.0 + oneWordFreq) / (SmartcnDictionary.MAX_FREQUENCY + 0.0)
                        + (1.0 - SMOOTH)
                                * ((1.0 - TINY) * wordPairFreq / (1.0 + oneWordFreq) + TINY));
    }

    private static final long STRING_H1 = fnv(SmartcnDictionary.STRING_CHARS);
    private static final int STRING_H2 = djb(SmartcnDictionary.STRING_CHARS);
    private static final long NUMBER_H1 = fnv(SmartcnDictionary.NUMBER_CHARS);
    private static final int NUMBER_H2 = djb(SmartcnDictionary.NUMBER_CHARS);
    private static final long BEGIN_H1 = fnv(SmartcnDictionary.BEGIN_CHARS);
    private static final int BEGIN_H2 = djb(SmartcnDictionary.BEGIN_CHARS);

    private static long fnv(char[] chars) {
        long h = FNV_OFFSET;
        for (char ch : chars) {
            h = (h ^ (ch & 0x00FF)) * FNV_PRIME;
            h = (h ^ (ch >> 8)) * FNV_PRIME;
        }
        return h;
    }

    private static int djb(char[] chars) {
        int h = DJB_START;
        for (char ch : chars) {
            h = ((h << 5) + h) + ch & 0x00FF;
            h = ((h << 5) + h) + ch >> 8;
        }
        return h;
    }
}
