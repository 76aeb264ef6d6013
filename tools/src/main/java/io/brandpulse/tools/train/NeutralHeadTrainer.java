package io.brandpulse.tools.train;

import io.brandpulse.text.sentiment.NeutralHead;
import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.tools.train.SentimentData.Example;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the {@link NeutralHead}: a logistic model over the polarity model's features (buckets
 * folded to {@code 2^bits}) that tells objective texts (label 0: the neutral posts) from subjective
 * ones (label 1: every polarity training text, positive or negative), then picks its two thresholds
 * on texts it did not train on.
 *
 * <p>The objective texts are the neutral posts of {@link SocialPosts} (written for this project:
 * questions, announcements, news, status updates, specs, procedural replies, reposts) plus any
 * {@code --neutral FILE}; the subjective ones are the polarity training texts and the opinion posts
 * written on the same topics. The posts' held-out 20% choose the thresholds.
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
    static final int DEFAULT_BITS = 20;

    private static final double[] SUBJECTIVE_PROBABILITY_GRID = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    private static final double[] POLAR_WEIGHT_GRID = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};

    /** How far below the best mean recall a pair may be and still be chosen for fewer calls. */
    private static final double NEAR_BEST = 0.005;

    private final int bits;
    private final int epochs;
    private final double lr;
    private final double l2;
    private final long seed;

    private final SocialPosts posts;

    NeutralHeadTrainer(SocialPosts posts, int bits, int epochs, double lr, double l2, long seed) {
        this.posts = posts;
        this.bits = bits;
        this.epochs = epochs;
        this.lr = lr;
        this.l2 = l2;
        this.seed = seed;
    }

    /**
     * Fits the head on {@code polarity} (the polarity training texts, featurized), the opinion
     * posts ({@code socialSubjective}) and the neutral posts ({@code objective}), then returns
     * {@code model} with the head and the thresholds that do best on {@code polaritySelection} and
     * the held-out neutral posts.
     *
     * <p>Weights: the neutral posts together weigh as much as all polarity texts; each opinion post
     * weighs as much as a neutral post, so on the topics and in the style of the posts the head
     * sees as many opinions as non-opinions.
     */
    SentimentModel fit(
            SentimentModel model,
            TrainSentiment.Doc[] polarity,
            TrainSentiment.Doc[] socialSubjective,
            TrainSentiment.Doc[] objective,
            List<Example> polaritySelection,
            PrintStream out) {
        int size = 1 << bits;
        int mask = size - 1;
        double polarityWeight = 0;
        for (TrainSentiment.Doc d : polarity) polarityWeight += d.weight;
        double objectiveWeight = objective.length == 0 ? 0 : polarityWeight / objective.length;
        TrainSentiment.Doc[] subjective =
                Arrays.copyOf(polarity, polarity.length + socialSubjective.length);
        System.arraycopy(socialSubjective, 0, subjective, polarity.length, socialSubjective.length);
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
                // a polarity text weighs its own weight; a neutral or an opinion post, a post's
                double weight = isSubjective && k < polarity.length ? d.weight : objectiveWeight;
                double g = (p - (isSubjective ? 1 : 0)) * weight;
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
                // the head's own decisions: the plain-question rule on top is not the file's
                SentimentModel candidate =
                        model.withNeutralHead(head.withThresholds(logit, (float) polar))
                                .withoutPlainQuestionRule();
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
                "neutral head: 2^%d buckets, %d neutral posts (each weighted %.1f) against %d"
                        + " polarity texts and %d opinion posts (weighted as a neutral post);"
                        + " thresholds chosen on %d held-out neutral posts and %d"
                        + " positive or negative selection texts:%n  %s%n",
                bits,
                objective.length,
                objectiveWeight,
                polarity.length,
                socialSubjective.length,
                posts.neutralSelection.size(),
                polaritySelection.size(),
                best);
        return model.withNeutralHead(best.model.neutralHead()); // the rule back on top
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
        for (String text : posts.neutralSelection) {
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
                "{\"bits\":%d,\"neutralPosts\":%d,\"opinionPosts\":%d,\"neutralSelection\":%d,"
                        + "\"epochs\":%d}",
                bits,
                posts.neutralTraining.size(),
                posts.opinionTraining.size(),
                posts.neutralSelection.size(),
                epochs);
    }
}
