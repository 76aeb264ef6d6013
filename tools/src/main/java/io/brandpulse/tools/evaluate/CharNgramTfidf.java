package io.brandpulse.tools.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * scikit-learn's {@code TfidfVectorizer(analyzer='char', ngram_range=(1, 3), min_df=2,
 * sublinear_tf=True)}, its other options at their defaults, as scikit-learn defines them:
 *
 * <ul>
 *   <li>preprocessing: lower case, then every run of two or more whitespace characters becomes one
 *       space ({@code re.sub(r"\s\s+", " ", text)});
 *   <li>analyzer: every substring of 1, 2 and 3 <em>code points</em> (Python strings are code
 *       points, so an emoji outside the BMP is one character, not a surrogate pair);
 *   <li>vocabulary: the n-grams found in at least 2 training texts;
 *   <li>tf: {@code 1 + ln(count)} (sublinear); idf: {@code ln((1 + n) / (1 + df)) + 1} (smooth);
 *       each row scaled to unit L2 norm (a text with no known n-gram stays all zeros).
 * </ul>
 *
 * <p>Columns differ from scikit-learn's only in order (theirs are sorted by n-gram text, ours by
 * {@link #key}), which changes nothing downstream. An n-gram is held as a {@code long}: its 1–3
 * code points, each plus one, in 21-bit groups (63 bits), an exact key with no string allocated, so
 * the document frequencies of the several million distinct n-grams of the training data fit in two
 * primitive arrays.
 *
 * <p>Deterministic: the same texts give the same vocabulary, columns and values. Immutable and
 * thread-safe once fitted.
 */
final class CharNgramTfidf {
    static final int MIN_N = 1;
    static final int MAX_N = 3;
    static final int MIN_DF = 2;

    private static final Pattern WHITE_SPACES =
            Pattern.compile("\\s\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int BITS = 21;
    private static final long GROUP = (1L << BITS) - 1;

    /** A sparse row: columns ascending, values of unit L2 norm (or empty). */
    record Row(int[] columns, double[] values) {}

    /** n-gram key to column. */
    private final LongIntMap columns;

    /** The n-gram key of each column, ascending. */
    private final long[] keys;

    private final double[] idf;
    private final int documents;

    private CharNgramTfidf(LongIntMap columns, long[] keys, double[] idf, int documents) {
        this.columns = columns;
        this.keys = keys;
        this.idf = idf;
        this.documents = documents;
    }

    /** Learns the vocabulary and the idf of the training texts. */
    static CharNgramTfidf fit(List<String> texts) {
        // pass 1: document frequency of every n-gram (most occur in one text only)
        LongIntMap df = new LongIntMap(1 << 20);
        for (String text : texts) {
            long[] grams = ngrams(text);
            for (int i = 0; i < grams.length; i++)
                if (i == 0 || grams[i] != grams[i - 1]) df.add(grams[i], 1);
        }
        // the vocabulary: n-grams in at least MIN_DF texts, columns in key order
        long[] kept = df.keysWithValueAtLeast(MIN_DF);
        Arrays.sort(kept);
        LongIntMap columns = new LongIntMap(kept.length);
        double[] idf = new double[kept.length];
        int n = texts.size();
        for (int c = 0; c < kept.length; c++) {
            columns.put(kept[c], c);
            idf[c] = Math.log((1.0 + n) / (1.0 + df.get(kept[c], 0))) + 1;
        }
        return new CharNgramTfidf(columns, kept, idf, n);
    }

    /** The TF-IDF row of a text; n-grams outside the vocabulary are ignored. */
    Row transform(String text) {
        long[] grams = ngrams(text);
        int[] cols = new int[grams.length];
        double[] values = new double[grams.length];
        int size = 0;
        double squares = 0;
        for (int i = 0; i < grams.length; ) {
            int j = i + 1;
            while (j < grams.length && grams[j] == grams[i]) j++;
            int c = columns.get(grams[i], -1);
            if (c >= 0) {
                double v = (1 + Math.log(j - i)) * idf[c];
                // grams ascend and columns follow key order, so columns ascend too
                cols[size] = c;
                values[size++] = v;
                squares += v * v;
            }
            i = j;
        }
        if (squares > 0) {
            double norm = Math.sqrt(squares);
            for (int k = 0; k < size; k++) values[k] /= norm;
        }
        return new Row(Arrays.copyOf(cols, size), Arrays.copyOf(values, size));
    }

    int vocabularySize() {
        return keys.length;
    }

    int documents() {
        return documents;
    }

    /** The n-gram of a column. */
    String ngram(int column) {
        return ngramOf(keys[column]);
    }

    /** The column of an n-gram, or -1 when it is not in the vocabulary. */
    int column(String ngram) {
        int[] cps = ngram.codePoints().toArray();
        if (cps.length < MIN_N || cps.length > MAX_N) return -1;
        return columns.get(key(cps, 0, cps.length), -1);
    }

    /** The idf of an n-gram, NaN when it is not in the vocabulary. */
    double idf(String ngram) {
        int c = column(ngram);
        return c < 0 ? Double.NaN : idf[c];
    }

    /** scikit-learn's preprocessing for analyzer='char': lower case, whitespace runs to a space. */
    static String preprocess(String text) {
        return WHITE_SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The keys of every 1..3-gram of the preprocessed text, with repeats, sorted ascending. */
    static long[] ngrams(String text) {
        int[] cps = preprocess(text).codePoints().toArray();
        int total = 0;
        for (int n = MIN_N; n <= MAX_N; n++) total += Math.max(0, cps.length - n + 1);
        long[] out = new long[total];
        int k = 0;
        for (int n = MIN_N; n <= MAX_N; n++)
            for (int i = 0; i + n <= cps.length; i++) out[k++] = key(cps, i, n);
        Arrays.sort(out);
        return out;
    }

    /** The exact key of the n code points at {@code from}: each plus one, in 21-bit groups. */
    static long key(int[] codePoints, int from, int n) {
        long k = 0;
        for (int j = from; j < from + n; j++) k = (k << BITS) | (codePoints[j] + 1);
        return k;
    }

    static String ngramOf(long key) {
        int[] cps = new int[MAX_N];
        int n = 0;
        for (long k = key; k != 0; k >>>= BITS) cps[n++] = (int) (k & GROUP) - 1;
        StringBuilder b = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) b.appendCodePoint(cps[i]);
        return b.toString();
    }

    /**
     * A map from non-zero long keys to int values: open addressing, linear probing, at most half
     * full. About 24 bytes per entry where a {@code HashMap<Long, Integer>} needs about 80.
     */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
        }

        int size() {
            return size;
        }

        int get(long key, int missing) {
            int mask = keys.length - 1;
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
                if (keys[s] == key) return values[s];
                if (keys[s] == 0) return missing;
            }
        }

        void put(long key, int value) {
            int s = find(key); // first: find may grow the arrays
            values[s] = value;
        }

        void add(long key, int delta) {
            int s = find(key);
            values[s] += delta;
        }

        /** The keys whose value is at least {@code min}, in slot order. */
        long[] keysWithValueAtLeast(int min) {
            int n = 0;
            for (int s = 0; s < keys.length; s++) if (keys[s] != 0 && values[s] >= min) n++;
            long[] out = new long[n];
            int k = 0;
            for (int s = 0; s < keys.length; s++)
                if (keys[s] != 0 && values[s] >= min) out[k++] = keys[s];
            return out;
        }

        /** The slot of a key, inserted with value 0 when absent. */
        private int find(long key) {
            if (key == 0) throw new IllegalArgumentException("key 0 is reserved for empty slots");
            int mask = keys.length - 1;
            int s = slot(key, mask);
            while (keys[s] != 0) {
                if (keys[s] == key) return s;
                s = (s + 1) & mask;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                return find(key);
            }
            keys[s] = key;
            size++;
            return s;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == 0) continue;
                int s = slot(oldKeys[i], mask);
                while (keys[s] != 0) s = (s + 1) & mask;
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
