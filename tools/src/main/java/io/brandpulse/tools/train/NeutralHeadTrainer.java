package io.brandpulse.tools.train;

import io.brandpulse.text.TextNormalizer;
import io.brandpulse.text.sentiment.NeutralHead;
import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.tools.train.SentimentData.Example;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the {@link NeutralHead}: a logistic model over the polarity model's features (buckets
 * folded to {@code 2^bits}) that tells objective texts (label 0: the neutral posts) from subjective
 * ones (label 1: every polarity training text, positive or negative), then picks its two thresholds
 * on texts it did not train on.
 *
 * <p>The objective texts are {@code sentiment/neutral-posts.tsv} (written for this project:
 * questions, announcements, news, status updates, specs, procedural replies, reposts) plus any
 * {@code --neutral FILE}; 20% of them, by a hash of the text, are kept for choosing the thresholds.
 * Their total weight equals the subjective texts' total weight, so the head is not pulled to
 * "subjective" by a hundred times more rows.
 *
 * <p>Its two parameters: a text is neutral when its subjective margin plus {@code w} times its
 * absolute polarity margin is below {@code t}. Every pair on a small grid ({@code w} from 0.25 to
 * 2, {@code t} the logit of 0.3 to 0.8) is tried with the finished model and scored by its mean
 * recall over the three classes on the selection texts (the held-out neutral posts, the polarity
 * model's positive and negative selection texts). Of the pairs within {@value #NEAR_BEST} of the
 * best, the one that calls the fewest positive or negative selection texts neutral is kept (ties:
 * the earlier pair), because the held-out neutral posts, written by the same hand as the training
 * ones, flatter the lenient pairs.
 */
final class NeutralHeadTrainer {
    static final String NEUTRAL_POSTS = "/sentiment/neutral-posts.tsv";
    static final int DEFAULT_BITS = 20;
    static final int SELECTION_PERCENT = 20;

    private static final double[] SUBJECTIVE_PROBABILITY_GRID = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    private static final double[] POLAR_WEIGHT_GRID = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};

    /** How far below the best mean recall a pair may be and still be chosen for fewer calls. */
    private static final double NEAR_BEST = 0.005;

    private final int bits;
    private final int epochs;
    private final double lr;
    private final double l2;
    private final long seed;

    /** Objective texts to train on and to choose thresholds on, normalized. */
    final List<String> training = new ArrayList<>();

    final List<String> selection = new ArrayList<>();

    NeutralHeadTrainer(int bits, int epochs, double lr, double l2, long seed) {
        this.bits = bits;
        this.epochs = epochs;
        this.lr = lr;
        this.l2 = l2;
        this.seed = seed;
    }

    /**
     * Reads the shipped neutral posts and {@code extra} files ({@code platform<TAB>text} or one
     * text per line; {@code #} comments and a {@code platform text} header are skipped).
     */
    void readNeutralPosts(List<Path> extra) throws IOException {
        TextNormalizer normalizer = new TextNormalizer();
        try (InputStream in = NeutralHeadTrainer.class.getResourceAsStream(NEUTRAL_POSTS)) {
            if (in == null) throw new IOException("missing resource " + NEUTRAL_POSTS);
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), normalizer);
        }
        for (Path p : extra) {
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                read(r, normalizer);
            }
        }
    }

    private void read(BufferedReader r, TextNormalizer normalizer) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("platform\t")) continue;
            int tab = line.indexOf('\t');
            String text = normalizer.normalize(tab >= 0 ? line.substring(tab + 1) : line).strip();
            if (text.isEmpty()) continue;
            if (SentimentData.bucket(SentimentData.key(text)) < SELECTION_PERCENT)
                selection.add(text);
            else training.add(text);
        }
    }

    /**
     * Fits the head on {@code subjective} (the polarity training texts, featurized) and the
     * objective training texts, then returns {@code model} with the head and the thresholds that do
     * best on {@code polaritySelection} and the held-out neutral posts.
     */
    SentimentModel fit(
            SentimentModel model,
            TrainSentiment.Doc[] subjective,
            TrainSentiment.Doc[] objective,
            List<Example> polaritySelection,
            PrintStream out) {
        int size = 1 << bits;
        int mask = size - 1;
        double subjectiveWeight = 0;
        for (TrainSentiment.Doc d : subjective) subjectiveWeight += d.weight;
        double objectiveWeight = objective.length == 0 ? 0 : subjectiveWeight / objective.length;
        int n = subjective.length + objective.length;
        float[] w = new float[size];
        float[] g2 = new float[size];
        double bias = 0;
        double gb2 = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int k : order) {
                boolean isSubjective = k < subjective.length;
                TrainSentiment.Doc d =
                        isSubjective ? subjective[k] : objective[k - subjective.length];
                double z = bias;
                for (int j = 0; j < d.idx.length; j++) z += w[d.idx[j] & mask] * d.val[j];
                double p = 1.0 / (1.0 + Math.exp(-z));
                double g =
                        (p - (isSubjective ? 1 : 0)) * (isSubjective ? d.weight : objectiveWeight);
                for (int j = 0; j < d.idx.length; j++) {
                    int b = d.idx[j] & mask;
                    double grad = g * d.val[j] + l2 * w[b];
                    g2[b] += (float) (grad * grad);
                    w[b] -= (float) (lr * grad / Math.sqrt(g2[b] + 1e-8));
                }
                gb2 += g * g;
                bias -= lr * g / Math.sqrt(gb2 + 1e-8);
            }
        }
        float[] codebook = TrainSentiment.codebook(w);
        byte[] q = TrainSentiment.quantize(w, codebook);
        NeutralHead head = new NeutralHead(bits, (float) bias, codebook, q, 0f, 0f);

        // every pair on the grid, scored on the selection texts
        List<Candidate> candidates = new ArrayList<>();
        double bestScore = -1;
        for (double probability : SUBJECTIVE_PROBABILITY_GRID) {
            for (double polar : POLAR_WEIGHT_GRID) {
                float logit = (float) Math.log(probability / (1 - probability));
                SentimentModel candidate =
                        model.withNeutralHead(head.withThresholds(logit, (float) polar));
                Candidate c = score(candidate, probability, polar, polaritySelection);
                out.println("  " + c);
                candidates.add(c);
                bestScore = Math.max(bestScore, c.meanRecall);
            }
        }
        // The held-out neutral posts come from the same hand as the training ones, so their recall
        // is optimistic: among the pairs within a hair of the best, keep the one that calls the
        // fewest opinionated selection texts neutral.
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.meanRecall < bestScore - NEAR_BEST) continue;
            if (best == null || c.polarCalledNeutral < best.polarCalledNeutral) best = c;
        }
        out.printf(
                Locale.ROOT,
                "neutral head: 2^%d buckets, %d objective texts (each weighted %.1f) against %d"
                        + " subjective; thresholds chosen on %d held-out neutral posts and %d"
                        + " polarity selection texts:%n  %s%n",
                bits,
                objective.length,
                objectiveWeight,
                subjective.length,
                selection.size(),
                polaritySelection.size(),
                best);
        return best.model;
    }

    /** One pair of thresholds, and how the model with them does on the selection texts. */
    private record Candidate(
            SentimentModel model,
            double probability,
            double polar,
            double[] recall,
            double meanRecall,
            int polarCalledNeutral) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "subjective margin + %.2f |margin| < logit(%.1f): recall positive %.3f, neutral"
                        + " %.3f, negative %.3f, mean %.4f; %d opinionated texts called neutral",
                    polar,
                    probability,
                    recall[0],
                    recall[1],
                    recall[2],
                    meanRecall,
                    polarCalledNeutral);
        }
    }

    /** Recall of positive, neutral (the held-out neutral posts) and negative. */
    private Candidate score(
            SentimentModel model,
            double probability,
            double polar,
            List<Example> polaritySelection) {
        int[] right = new int[3];
        int[] total = new int[3];
        int polarCalledNeutral = 0;
        for (Example e : polaritySelection) {
            int gold = e.label() == 1 ? 0 : 2;
            total[gold]++;
            Sentiment s = model.score(e.text(), null);
            if (gold == 0 ? s.isPositive() : s.isNegative()) right[gold]++;
            if (s.isNeutral()) polarCalledNeutral++;
        }
        for (String text : selection) {
            total[1]++;
            if (model.score(text, null).isNeutral()) right[1]++;
        }
        double[] recall = new double[3];
        for (int c = 0; c < 3; c++) recall[c] = total[c] == 0 ? 0 : right[c] / (double) total[c];
        return new Candidate(
                model,
                probability,
                polar,
                recall,
                (recall[0] + recall[1] + recall[2]) / 3,
                polarCalledNeutral);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "{\"bits\":%d,\"objectiveTexts\":%d,\"selectionTexts\":%d,\"epochs\":%d}",
                bits,
                training.size(),
                selection.size(),
                epochs);
    }
}
