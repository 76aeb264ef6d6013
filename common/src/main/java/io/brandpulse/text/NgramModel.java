package io.brandpulse.text;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic model over TF-IDF character 1-3-grams (the plain text baseline's features, hashed to
 * {@code 2^bits} buckets), trained on the labelled posts of the analysis development set. Two are
 * shipped, each beside rules that decide first:
 *
 * <ul>
 *   <li>{@link #spam()} ({@code scripts/train-spam}): does a text read like a seller's ad? It
 *       stands beside {@link SpamDetector}'s rules for what rules cannot list: each new seller
 *       hides the way to reach them somewhere a rule has not seen (a handle on another app, a code
 *       word, 主页简介, digits in financial characters), while the rest of the ad still reads like an
 *       ad (无视征信 秒批, 私我领任务, 内部价 进群).
 *   <li>{@link #crisis()} ({@code scripts/train-crisis}): could a text be a report of a crisis? It
 *       checks {@link ComplaintGrader}'s crisis flag, which rules set from severe words read in
 *       context: every new shape of a severe word that is no crisis (the writer's own job, a joke,
 *       a drama's plot, another firm's news) needs a rule of its own, while the post around it
 *       still reads like chatter. Its threshold is low: it clears a flag only where the post reads
 *       like none of the crises it learned.
 * </ul>
 *
 * <p>Features, the same in training and here: the normalized text with each run of whitespace made
 * one space; every run of 1, 2 and 3 code points hashed to a bucket; a bucket's value is {@code (1
 * + ln count) * idf}, the text's values scaled to unit length; only buckets seen in at least two
 * training texts (idf &gt; 0) count. {@code p = 1 / (1 + e^-(bias + w . x))}; the text is of the
 * model's class when {@code p >= threshold}, the threshold chosen by the trainer on texts it did
 * not train on.
 *
 * <p>The model file is a gzip stream of: magic, version, bits, bias, threshold, the number of
 * buckets in the vocabulary, then per bucket (ascending) its index, idf and weight, and a
 * description of how it was trained. Immutable once loaded: one instance is shared by every thread.
 */
public final class NgramModel {
    /** The classpath resource {@link #spam()} reads. */
    public static final String SPAM_RESOURCE = "/spam/model.bin";

    /** The classpath resource {@link #crisis()} reads. */
    public static final String CRISIS_RESOURCE = "/crisis/model.bin";

    private static final int MAGIC = 0x42505350; // "BPSP": the spam model came first
    private static final int VERSION = 1;
    private static final int MAX_N = 3;

    private final int bits;
    private final float bias;
    private final float threshold;

    /**
     * Per bucket {@code b}: its idf at {@code 2b} (0 outside the vocabulary), its weight at {@code
     * 2b + 1}. Side by side, a bucket costs one cache miss, not two: the table is megabytes and
     * every n-gram of every text lands somewhere else in it.
     */
    private final float[] table;

    private final String description;

    /**
     * @param idf per bucket, 0 for a bucket outside the vocabulary
     * @param weights per bucket
     */
    public NgramModel(
            int bits,
            float bias,
            float threshold,
            float[] idf,
            float[] weights,
            String description) {
        if (bits < 10 || bits > 24)
            throw new IllegalArgumentException("model bits out of [10, 24]: " + bits);
        if (idf.length != 1 << bits || weights.length != 1 << bits)
            throw new IllegalArgumentException("idf and weights must have 2^bits entries");
        if (!(threshold > 0f && threshold < 1f))
            throw new IllegalArgumentException("threshold out of (0, 1): " + threshold);
        this.bits = bits;
        this.bias = bias;
        this.threshold = threshold;
        this.table = new float[2 << bits];
        for (int b = 0; b < idf.length; b++) {
            table[2 * b] = idf[b];
            table[2 * b + 1] = weights[b];
        }
        this.description = description;
    }

    /** The shipped spam model (loaded once, then shared). */
    public static NgramModel spam() {
        return ShippedSpam.INSTANCE;
    }

    /** The shipped crisis model (loaded once, then shared). */
    public static NgramModel crisis() {
        return ShippedCrisis.INSTANCE;
    }

    private static final class ShippedSpam {
        static final NgramModel INSTANCE = loadResource(SPAM_RESOURCE, "scripts/train-spam");
    }

    private static final class ShippedCrisis {
        static final NgramModel INSTANCE = loadResource(CRISIS_RESOURCE, "scripts/train-crisis");
    }

    private static NgramModel loadResource(String resource, String trainer) {
        try (InputStream in = NgramModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "model not on the classpath: "
                                + resource
                                + " (train it with "
                                + trainer
                                + ")");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Is the normalized text of the model's class (an ad, a possible crisis)? */
    public boolean accepts(String normalized) {
        return probability(normalized) >= threshold;
    }

    /**
     * P(class | text) of the logistic model: the same as {@code probability(Counts.of(normalized,
     * bits))}, counted in a small open-addressing table instead of by sorting (this runs on every
     * mention the rules let through).
     */
    public double probability(String normalized) {
        int[] cps = Counts.collapseWhitespace(normalized);
        int n = cps.length;
        int slots = Integer.highestOneBit(Math.max(2, 3 * n)) << 2; // at most half full
        int mask = slots - 1;
        int[] buckets = new int[slots]; // bucket + 1; 0: empty
        int[] counts = new int[slots];
        Counts.forEachBucket(
                cps,
                bits,
                bucket -> {
                    int stored = bucket + 1;
                    int slot = stored & mask; // the bucket is a hash already
                    while (buckets[slot] != 0 && buckets[slot] != stored) {
                        slot = (slot + 1) & mask;
                    }
                    buckets[slot] = stored;
                    counts[slot]++;
                });
        double norm = 0;
        double dot = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (buckets[slot] != 0) {
                int at = (buckets[slot] - 1) << 1;
                float idf = table[at];
                if (idf > 0f) {
                    double value = tfIdf(counts[slot], idf);
                    norm += value * value;
                    dot += value * table[at + 1];
                }
            }
        }
        return logistic(norm == 0 ? bias : bias + dot / Math.sqrt(norm));
    }

    /** P(class | text) of a text's n-gram counts (hashed with this model's bits). */
    public double probability(Counts counts) {
        if (counts.bits != bits) {
            throw new IllegalArgumentException(
                    "counts hashed to 2^" + counts.bits + " buckets, the model has 2^" + bits);
        }
        // the same values as values(counts, idf), scaled once at the end
        double norm = 0;
        double dot = 0;
        for (int k = 0; k < counts.size; k++) {
            int at = counts.buckets[k] << 1;
            float idf = table[at];
            if (idf > 0f) {
                double value = tfIdf(counts.counts[k], idf);
                norm += value * value;
                dot += value * table[at + 1];
            }
        }
        return logistic(norm == 0 ? bias : bias + dot / Math.sqrt(norm));
    }

    /** A bucket's value before scaling: sublinear tf {@code 1 + ln count}, times its idf. */
    private static double tfIdf(int count, float idf) {
        return count == 1 ? idf : (1 + Math.log(count)) * idf;
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The TF-IDF values of a text's buckets, parallel to {@link Counts#buckets}: {@code (1 + ln
     * count) * idf}, scaled to unit length; 0 for a bucket outside the vocabulary (idf 0).
     */
    public static double[] values(Counts counts, float[] idf) {
        double[] values = new double[counts.size];
        double norm = 0;
        for (int k = 0; k < counts.size; k++) {
            double value = tfIdf(counts.counts[k], idf[counts.buckets[k]]);
            values[k] = value;
            norm += value * value;
        }
        if (norm > 0) {
            double scale = 1 / Math.sqrt(norm);
            for (int k = 0; k < counts.size; k++) values[k] *= scale;
        }
        return values;
    }

    public float threshold() {
        return threshold;
    }

    public int bits() {
        return bits;
    }

    public String description() {
        return description;
    }

    /**
     * The hashed n-grams of a normalized text and how often each occurs: the features the model and
     * its trainer share.
     */
    public static final class Counts {
        /** Distinct buckets, ascending. */
        public final int[] buckets;

        /** How often each bucket occurs, parallel to {@link #buckets}. */
        public final int[] counts;

        /** How many of {@link #buckets} are used. */
        public final int size;

        /** The buckets are {@code 2^bits}. */
        final int bits;

        private Counts(int[] buckets, int[] counts, int size, int bits) {
            this.buckets = buckets;
            this.counts = counts;
            this.size = size;
            this.bits = bits;
        }

        public static Counts of(String normalized, int bits) {
            int[] cps = collapseWhitespace(normalized);
            int n = cps.length;
            int[] all = new int[3 * n]; // n unigrams, n - 1 bigrams, n - 2 trigrams
            int[] used = {0};
            forEachBucket(cps, bits, bucket -> all[used[0]++] = bucket);
            Arrays.sort(all, 0, used[0]);
            int[] buckets = new int[used[0]];
            int[] counts = new int[used[0]];
            int size = 0;
            for (int k = 0; k < used[0]; k++) {
                if (size > 0 && buckets[size - 1] == all[k]) {
                    counts[size - 1]++;
                } else {
                    buckets[size] = all[k];
                    counts[size++] = 1;
                }
            }
            return new Counts(buckets, counts, size, bits);
        }

        /**
         * Every run of 1, 2 and 3 code points, its key (the code points plus one, 21 bits each)
         * hashed to a bucket: the one enumeration of the features, for the model and its trainer.
         */
        static void forEachBucket(int[] cps, int bits, IntConsumer action) {
            for (int i = 0; i < cps.length; i++) {
                long key = 0;
                for (int len = 1; len <= MAX_N && i + len <= cps.length; len++) {
                    key = (key << 21) | (cps[i + len - 1] + 1L);
                    action.accept(bucket(key, bits));
                }
            }
        }

        /** The text's code points, every run of whitespace (a line break too) one space. */
        static int[] collapseWhitespace(String text) {
            int[] out = new int[text.length()];
            int n = 0;
            boolean lastWhite = false;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                boolean white = Character.isWhitespace(cp);
                if (white && lastWhite) {
                    continue;
                }
                out[n++] = white ? ' ' : cp; // a line break reads as the space the trainer saw
                lastWhite = white;
            }
            return Arrays.copyOf(out, n);
        }

        /** An n-gram key (its code points plus one, 21 bits each) mixed into {@code bits} bits. */
        static int bucket(long key, int bits) {
            long h = key * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
            h *= 0xD6E8FEB86659FD93L;
            h ^= h >>> 32;
            return (int) (h >>> (64 - bits));
        }
    }

    /** Writes the model file and closes {@code out}. */
    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data =
                new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
            writeTo(data);
        }
    }

    private void writeTo(DataOutputStream data) throws IOException {
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(bits);
        data.writeFloat(bias);
        data.writeFloat(threshold);
        int vocabulary = 0;
        for (int b = 0; b < 1 << bits; b++) if (table[2 * b] > 0f) vocabulary++;
        data.writeInt(vocabulary);
        for (int b = 0; b < 1 << bits; b++) {
            if (table[2 * b] > 0f) {
                data.writeInt(b);
                data.writeFloat(table[2 * b]);
                data.writeFloat(table[2 * b + 1]);
            }
        }
        data.writeUTF(description);
    }

    /** Reads a model file and closes {@code in}. */
    public static NgramModel read(InputStream in) throws IOException {
        try (DataInputStream data =
                new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)))) {
            return readFrom(data);
        }
    }

    private static NgramModel readFrom(DataInputStream data) throws IOException {
        if (data.readInt() != MAGIC) throw new IOException("not a model file");
        int version = data.readInt();
        if (version != VERSION) throw new IOException("unknown model version " + version);
        int bits = data.readInt();
        if (bits < 10 || bits > 24) throw new IOException("bad model bits " + bits);
        float bias = data.readFloat();
        float threshold = data.readFloat();
        int vocabulary = data.readInt();
        if (vocabulary < 0 || vocabulary > 1 << bits)
            throw new IOException("bad model vocabulary size " + vocabulary);
        float[] idf = new float[1 << bits];
        float[] weights = new float[1 << bits];
        for (int k = 0; k < vocabulary; k++) {
            int b = data.readInt();
            if (b < 0 || b >= idf.length) throw new IOException("bad model bucket " + b);
            idf[b] = data.readFloat();
            weights[b] = data.readFloat();
        }
        String description = data.readUTF();
        try {
            return new NgramModel(bits, bias, threshold, idf, weights, description);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad model: " + e.getMessage(), e);
        }
    }
}
