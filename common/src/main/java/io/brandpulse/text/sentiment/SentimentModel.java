package io.brandpulse.text.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sentiment of normalized Chinese text: a logistic model over hashed character n-grams (with
 * negation, degree and contrast marks, see {@link SentimentFeatures}), plus the evidence of a
 * curated list of slang, sarcasm and set phrases ({@link SentimentCues}), whose verdict emoji
 * override when they carry a clear mood.
 *
 * <p>Scoring: {@code z = bias + (sum of the weights of the text's features) / sqrt(number of
 * features) + cue evidence} (shrinking like the sum for texts longer than about 25 characters);
 * then the emoticons' and emoji's polarity moves it as {@link MoodWeights} says; {@code p = 1 / (1
 * + e^-z)}. A text without emoticons or cues is neutral when the model's {@link NeutralHead} reads
 * it as objective and |z| is not large (a question, an announcement, news); a model file without a
 * head (version 1) falls back to a band: |z| below {@code neutralBand} and no strong feature
 * (|weight| at least {@code strongWeight}).
 *
 * <p>Immutable once loaded: one instance can be shared by any number of threads. {@link #score}
 * touches one byte per feature and allocates two small objects, plus the matches of the one
 * Aho-Corasick pass over the cues; no regular expressions.
 *
 * <p>The model file ({@code sentiment/model.bin} on the classpath, written by {@code
 * scripts/train-sentiment}) is a gzip stream of: magic, version, feature settings, bias and
 * thresholds, a 256-entry codebook of weights, the emoticon table, one byte (a codebook index) per
 * hash bucket, the neutral head (version 2: its bits, bias, thresholds, codebook and bytes), and a
 * description of how it was trained.
 */
public final class SentimentModel {
    /** The classpath resource {@link #loadDefault()} reads. */
    public static final String DEFAULT_RESOURCE = "/sentiment/model.bin";

    private static final int MAGIC = 0x42505331; // "BPS1"

    /** Version 1: no neutral head (the neutral band decides); version 2: a {@link NeutralHead}. */
    private static final int VERSION_WITHOUT_HEAD = 1;

    private static final int VERSION = 2;

    private final SentimentFeatures features;
    private final float bias;
    private final float[] codebook;
    private final byte[] weights;
    private final float neutralBand;
    private final float strongWeight;
    private final MoodWeights moods;
    private final EmoticonPolarity emoticons;
    private final SentimentCues cues;
    private final NeutralHead head;
    private final boolean plainQuestionsNeutral;
    private final String description;

    private static volatile SentimentModel defaultModel;

    public SentimentModel(
            SentimentFeatures features,
            float bias,
            float[] codebook,
            byte[] weights,
            float neutralBand,
            float strongWeight,
            MoodWeights moods,
            EmoticonPolarity emoticons,
            String description) {
        this(
                features,
                bias,
                codebook,
                weights,
                neutralBand,
                strongWeight,
                moods,
                emoticons,
                SentimentCues.none(),
                null,
                true,
                description);
    }

    private SentimentModel(
            SentimentFeatures features,
            float bias,
            float[] codebook,
            byte[] weights,
            float neutralBand,
            float strongWeight,
            MoodWeights moods,
            EmoticonPolarity emoticons,
            SentimentCues cues,
            NeutralHead head,
            boolean plainQuestionsNeutral,
            String description) {
        if (codebook.length != 256)
            throw new IllegalArgumentException("codebook must have 256 entries");
        if (weights.length != features.buckets())
            throw new IllegalArgumentException("weights != buckets");
        this.features = features;
        this.bias = bias;
        this.codebook = codebook;
        this.weights = weights;
        this.neutralBand = neutralBand;
        this.strongWeight = strongWeight;
        this.moods = moods;
        this.emoticons = emoticons;
        this.cues = cues;
        this.head = head;
        this.plainQuestionsNeutral = plainQuestionsNeutral;
        this.description = description;
    }

    /** The model shipped in the common module (loaded once, then shared). */
    public static SentimentModel loadDefault() {
        SentimentModel m = defaultModel;
        if (m == null) {
            synchronized (SentimentModel.class) {
                m = defaultModel;
                if (m == null) {
                    try (InputStream in =
                            SentimentModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(
                                    "sentiment model not on the classpath: "
                                            + DEFAULT_RESOURCE
                                            + " (train it with scripts/train-sentiment)");
                        }
                        m = load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
                    }
                    defaultModel = m;
                }
            }
        }
        return m;
    }

    /**
     * This model, adding the evidence of {@code cues} (slang, sarcasm, set phrases) to its margin.
     * The cues are a curated list beside the model, not part of its file: {@link #load} gives a
     * model the shipped list ({@link SentimentCues#loadDefault()}); {@code withCues(none())} is the
     * model alone.
     */
    public SentimentModel withCues(SentimentCues cues) {
        return with(cues, head);
    }

    /**
     * This model, with {@code head} deciding the neutral class (instead of the band of weak
     * evidence); null removes it. Its buckets fold the polarity features' buckets, so it may not
     * have more bits than they do.
     */
    public SentimentModel withNeutralHead(NeutralHead head) {
        if (head != null && head.bits > features.bits)
            throw new IllegalArgumentException("neutral head has more bits than the features");
        return with(cues, head);
    }

    /**
     * This model without the rule that calls a plain question for information neutral ({@link
     * PlainQuestion}): what its neutral head decides alone. The trainer chooses the head's
     * thresholds on it, so that the rule, which is not part of the file, does not move them.
     */
    public SentimentModel withoutPlainQuestionRule() {
        return with(cues, head, false);
    }

    private SentimentModel with(SentimentCues cues, NeutralHead head) {
        return with(cues, head, plainQuestionsNeutral);
    }

    private SentimentModel with(
            SentimentCues cues, NeutralHead head, boolean plainQuestionsNeutral) {
        return new SentimentModel(
                features,
                bias,
                codebook,
                weights,
                neutralBand,
                strongWeight,
                moods,
                emoticons,
                cues,
                head,
                plainQuestionsNeutral,
                description);
    }

    /** The neutral head, or null when the band of weak evidence decides neutral. */
    public NeutralHead neutralHead() {
        return head;
    }

    /**
     * Reads a model written by {@code scripts/train-sentiment}, with the shipped cues. Does not
     * close {@code in}.
     */
    public static SentimentModel load(InputStream in) throws IOException {
        DataInputStream data =
                new DataInputStream(
                        new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (data.readInt() != MAGIC) throw new IOException("not a sentiment model file");
        int version = data.readInt();
        if (version != VERSION && version != VERSION_WITHOUT_HEAD)
            throw new IOException("unsupported sentiment model version " + version);
        int bits = data.readInt();
        int maxOrder = data.readInt();
        int flags = data.readInt();
        SentimentFeatures features;
        try {
            features = new SentimentFeatures(bits, maxOrder, flags);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad sentiment model header: " + e.getMessage(), e);
        }
        float bias = data.readFloat();
        float neutralBand = data.readFloat();
        float strongWeight = data.readFloat();
        float emojiWeight = data.readFloat();
        float emojiFloor = data.readFloat();
        float[] codebook = new float[256];
        for (int i = 0; i < 256; i++) codebook[i] = data.readFloat();
        int n = data.readInt();
        if (n < 0 || n > 100_000) throw new IOException("bad emoticon count " + n);
        Map<String, Float> emo = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) emo.put(data.readUTF(), data.readFloat());
        byte[] weights = new byte[features.buckets()];
        data.readFully(weights);
        NeutralHead head = null;
        // version 1 weighed bracket emoticons as emoji; version 2 weighs them on their own
        MoodWeights moods = new MoodWeights(emojiWeight, emojiFloor, emojiWeight, emojiFloor);
        if (version == VERSION) {
            head = NeutralHead.read(data, bits);
            moods = new MoodWeights(data.readFloat(), data.readFloat(), emojiWeight, emojiFloor);
        }
        String description = data.readUTF();
        SentimentModel model =
                new SentimentModel(
                        features,
                        bias,
                        codebook,
                        weights,
                        neutralBand,
                        strongWeight,
                        moods,
                        new EmoticonPolarity(emo),
                        description);
        return model.withNeutralHead(head).withCues(SentimentCues.loadDefault());
    }

    /**
     * Writes this model in the format {@link #load} reads (deterministic bytes for the same model).
     */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        data.writeInt(MAGIC);
        data.writeInt(head != null ? VERSION : VERSION_WITHOUT_HEAD);
        data.writeInt(features.bits);
        data.writeInt(features.maxOrder);
        data.writeInt(features.flags);
        data.writeFloat(bias);
        data.writeFloat(neutralBand);
        data.writeFloat(strongWeight);
        data.writeFloat(moods.emojiWeight());
        data.writeFloat(moods.emojiFloor());
        for (float f : codebook) data.writeFloat(f);
        Map<String, Float> emo = emoticons.entries();
        data.writeInt(emo.size());
        for (Map.Entry<String, Float> e : emo.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeFloat(e.getValue());
        }
        data.write(weights);
        if (head != null) {
            head.write(data);
            data.writeFloat(moods.bracketWeight());
            data.writeFloat(moods.bracketFloor());
        }
        data.writeUTF(description);
        data.flush();
        gz.finish();
    }

    /**
     * The sentiment of a normalized text (NFKC, Simplified script, lower-case Latin: see {@code
     * io.brandpulse.text.TextNormalizer}).
     *
     * @param normalizedText the text; null or blank gives {@link Sentiment#NONE}
     * @param emoticons the Weibo bracket emoticons found in the text, with brackets (e.g. {@code
     *     [怒]}); when null, they are looked for in the text itself. Emoji are always read from the
     *     text.
     */
    public Sentiment score(String normalizedText, List<String> emoticons) {
        String text = normalizedText == null ? "" : normalizedText;
        if (usesWords()) {
            WordSpans w = WordSpans.of(text);
            return score(text, emoticons, w.starts, w.ends, w.n);
        }
        return score(text, emoticons, null, null, 0);
    }

    /**
     * As {@link #score(String, List)}, with the words of the text already segmented (no second
     * segmentation): {@code tokenStarts[i]}/{@code tokenEnds[i]} are the start (inclusive) and end
     * (exclusive) of the i-th word in {@code normalizedText}, in text order, as {@code
     * io.brandpulse.text.ChineseSegmenter#segment(String, ChineseSegmenter.WordConsumer)} reports
     * them on that text (words only, no punctuation tokens). Arrays may be longer than the word
     * count only through the five-argument form.
     */
    public Sentiment score(
            String normalizedText, List<String> emoticons, int[] tokenStarts, int[] tokenEnds) {
        if (tokenStarts == null || tokenEnds == null) return score(normalizedText, emoticons);
        if (tokenStarts.length != tokenEnds.length)
            throw new IllegalArgumentException("tokenStarts != tokenEnds");
        return score(
                normalizedText == null ? "" : normalizedText,
                emoticons,
                tokenStarts,
                tokenEnds,
                tokenStarts.length);
    }

    /** Does this model use word features (so scoring needs the text's words)? */
    public boolean usesWords() {
        return (features.flags & SentimentFeatures.WORDS) != 0;
    }

    private Sentiment score(
            String text, List<String> emoticons, int[] starts, int[] ends, int words) {
        Accumulator acc = new Accumulator(weights, codebook, head);
        int count = features.extract(text, acc);
        if (starts != null) count += features.extractWords(text, starts, ends, words, acc);
        float brackets =
                emoticons != null
                        ? this.emoticons.brackets(emoticons)
                        : this.emoticons.bracketsInText(text);
        float emoji = this.emoticons.emoji(text);
        boolean mood = brackets != 0f || emoji != 0f;
        double cue = cues.evidence(text);
        // a cue is the point of a short post and one voice among many in a long review: its
        // evidence shrinks as the n-grams' own sum does, with the square root of the length
        if (cue != 0.0 && count > CUE_FULL_WEIGHT_FEATURES)
            cue *= Math.sqrt(CUE_FULL_WEIGHT_FEATURES / (double) count);
        if (count == 0 && !mood && cue == 0.0) return Sentiment.NONE;
        double zText = (count == 0 ? 0.0 : bias + acc.sum / Math.sqrt(count)) + acc.unscaled + cue;
        double z = moods.apply(zText, brackets, emoji);
        double moved = z - zText; // how far the emoticons and emoji moved the margin
        if (mood
                && moved != 0.0
                && cue == 0.0
                && head != null
                && count > 0
                && Math.signum(z) != Math.signum(moved)) {
            // a text that states no opinion of its own (今天去了趟公司楼下的店[鄙视]): its emoticons are the
            // opinion, so their curated polarity decides the sign, not what is left of the text's
            if (head.isNeutral(head.margin(acc.subjective, count), zText)) {
                z = Math.copySign(MOOD_ON_A_PLAIN_TEXT, moved);
            }
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        double score = clamp(2.0 * p - 1.0, -1.0, 1.0);
        if (!mood && cue == 0.0) { // an emoticon or a cue is an opinion: never neutral
            if (head != null) {
                double subjective = head.margin(acc.subjective, count);
                if (head.isNeutral(subjective, z)) {
                    // the score keeps its sign and shrinks with how objective the text reads
                    double pSubjective = 1.0 / (1.0 + Math.exp(-subjective));
                    return new Sentiment(Sentiment.NEUTRAL, score * pSubjective, 1.0 - pSubjective);
                }
                if (plainQuestionsNeutral
                        && Math.abs(z) < PLAIN_QUESTION_MAX_MARGIN
                        && PlainQuestion.asks(text)) {
                    // the score keeps what the words lean to (the complaint grader reads it); the
                    // weaker the lean, the surer the neutral
                    return new Sentiment(
                            Sentiment.NEUTRAL, score, clamp(1.0 - Math.abs(score), 0.5, 1.0));
                }
            } else if (Math.abs(z) < neutralBand && acc.strongest < strongWeight) {
                return new Sentiment(
                        Sentiment.NEUTRAL, score, clamp(1.0 - Math.abs(z) / neutralBand, 0.0, 1.0));
            }
        }
        return z > 0
                ? new Sentiment(Sentiment.POSITIVE, score, clamp(p, 0.5, 1.0))
                : new Sentiment(Sentiment.NEGATIVE, score, clamp(1.0 - p, 0.5, 1.0));
    }

    /**
     * The text-only margin {@code z} (no emoticons, no neutral band): for training tools and
     * diagnostics.
     */
    double margin(CharSequence normalizedText) {
        Accumulator acc = accumulate(normalizedText, null);
        return (acc.count == 0 ? 0.0 : bias + acc.sum / Math.sqrt(acc.count)) + acc.unscaled;
    }

    /** The features of a text, summed by an accumulator (with the head's sum when given one). */
    private Accumulator accumulate(CharSequence normalizedText, NeutralHead head) {
        Accumulator acc = new Accumulator(weights, codebook, head);
        acc.count = features.extract(normalizedText, acc);
        if (usesWords()) {
            String text = normalizedText.toString();
            WordSpans w = WordSpans.of(text);
            acc.count += features.extractWords(text, w.starts, w.ends, w.n, acc);
        }
        return acc;
    }

    /** The margin of a text that states no opinion, carried by its emoticons or emoji alone. */
    static final double MOOD_ON_A_PLAIN_TEXT = 0.25;

    /**
     * A plain question for information ({@link PlainQuestion}) is neutral unless its words lean
     * this strongly (a margin of 3, a score of about 0.9): then they carry an opinion of their own.
     */
    static final double PLAIN_QUESTION_MAX_MARGIN = 3.0;

    /** The number of features of a text of about 25 characters: cues count in full up to it. */
    static final int CUE_FULL_WEIGHT_FEATURES = 100;

    /**
     * The neutral head's subjective margin of a normalized text (log-odds that it states an
     * opinion), or NaN without a head: for training tools and diagnostics.
     */
    double subjectiveMargin(CharSequence normalizedText) {
        if (head == null) return Double.NaN;
        Accumulator acc = accumulate(normalizedText, head);
        return head.margin(acc.subjective, acc.count);
    }

    /** How the model was trained (sources, counts, settings), as written by the trainer. */
    public String description() {
        return description;
    }

    float neutralBand() {
        return neutralBand;
    }

    SentimentFeatures features() {
        return features;
    }

    EmoticonPolarity emoticons() {
        return emoticons;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static final class Accumulator implements SentimentFeatures.Sink {
        private final byte[] weights;
        private final float[] codebook;
        private final NeutralHead head;
        double sum;
        double unscaled;
        float strongest;
        double subjective;
        int count;

        Accumulator(byte[] weights, float[] codebook, NeutralHead head) {
            this.weights = weights;
            this.codebook = codebook;
            this.head = head;
        }

        @Override
        public void feature(int bucket) {
            float w = codebook[weights[bucket] & 0xff];
            sum += w;
            float a = Math.abs(w);
            if (a > strongest) strongest = a;
            if (head != null) subjective += head.weight(bucket);
        }

        @Override
        public void unscaledFeature(int bucket) {
            unscaled += codebook[weights[bucket] & 0xff];
        }
    }
}
