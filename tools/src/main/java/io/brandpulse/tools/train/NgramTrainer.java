package io.brandpulse.tools.train;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.brandpulse.text.NgramModel;
import io.brandpulse.text.TextNormalizer;
import io.brandpulse.tools.evaluate.EvaluateAnalysis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the trainers of the shipped {@link NgramModel}s share ({@link TrainSpam}, {@link
 * TrainCrisis}): the development files in a fixed order, the cross-validation folds, and the fit
 * itself: TF-IDF character 1-3-grams hashed to {@code 2^bits} buckets and liblinear's L2R_LR, the
 * classes weighted to count alike.
 *
 * <p>Deterministic: liblinear's Newton solver draws no random numbers and the files are read in
 * name order, so the same data give a byte-identical model file.
 */
final class NgramTrainer {
    static final double C = 4;
    static final int FOLDS = 5;
    private static final double EPS = 0.01;

    /**
     * A training text: its n-gram counts, whether it is of the model's class, its fold, and whether
     * it is one of the Weibo posts (not a development file's).
     */
    record Text(NgramModel.Counts counts, boolean positive, int fold, boolean weibo) {}

    private NgramTrainer() {}

    /**
     * The development set's files in name order. A file's posts share a writer and a lean, so the
     * folds split by file: file {@code f} is in fold {@code f % FOLDS}, and a post never meets its
     * siblings across the split.
     */
    private static List<Path> devFiles(Path dev) throws IOException {
        try (Stream<Path> listing = Files.list(dev)) {
            return listing.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    /**
     * The development set's posts that {@code keep} accepts, as training texts of the class {@code
     * positive} tells, each in its file's fold.
     */
    static List<Text> devTexts(
            Path dev,
            int bits,
            Predicate<EvaluateAnalysis.Post> keep,
            Predicate<EvaluateAnalysis.Post> positive)
            throws IOException {
        TextNormalizer normalizer = new TextNormalizer();
        List<Text> texts = new ArrayList<>();
        List<Path> files = devFiles(dev);
        for (int f = 0; f < files.size(); f++) {
            for (EvaluateAnalysis.Post post : EvaluateAnalysis.read(files.get(f))) {
                if (keep.test(post)) {
                    texts.add(
                            new Text(
                                    NgramModel.Counts.of(normalizer.normalize(post.text()), bits),
                                    positive.test(post),
                                    f % FOLDS,
                                    false));
                }
            }
        }
        return texts;
    }

    /** The usage error of a {@code --bits} value, or null when it is usable. */
    static String badBits(int bits) {
        return bits < 10 || bits > 24 ? "--bits must be in [10, 24]: " + bits : null;
    }

    /** Writes the model file (its folder made if missing) and says so. */
    static void save(NgramModel model, Path target, PrintStream out) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
            model.write(o);
        }
        out.println("wrote " + target);
    }

    /** Each text's probability under a model fitted on the other folds. */
    static double[] outOfFold(List<Text> texts, int bits) {
        double[] outOfFold = new double[texts.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Text> train = new ArrayList<>();
            for (Text t : texts) if (t.fold() != fold) train.add(t);
            NgramModel m = fit(train, bits, 0.5f, "fold");
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).fold() == fold)
                    outOfFold[i] = m.probability(texts.get(i).counts());
            }
        }
        return outOfFold;
    }

    /** {@link #C} as the model's description writes it. */
    static String cText() {
        return C == Math.rint(C) ? Integer.toString((int) C) : Double.toString(C);
    }

    /** Document frequencies, idf, the rows, and the logistic regression. */
    static NgramModel fit(List<Text> texts, int bits, float threshold, String description) {
        int size = 1 << bits;
        int[] df = new int[size];
        int positives = 0;
        for (Text t : texts) {
            for (int k = 0; k < t.counts().size; k++) df[t.counts().buckets[k]]++;
            if (t.positive()) positives++;
        }
        if (positives == 0 || positives == texts.size()) {
            throw new IllegalArgumentException(
                    "a fold needs texts of both classes: "
                            + positives
                            + " of "
                            + texts.size()
                            + " are of the model's class");
        }
        float[] idf = new float[size];
        for (int b = 0; b < size; b++) {
            // scikit-learn's smooth idf; buckets in fewer than two texts are no features
            if (df[b] >= 2) idf[b] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df[b])) + 1);
        }
        Problem problem = new Problem();
        problem.l = texts.size();
        problem.n = size + 1;
        problem.bias = 1;
        problem.x = new Feature[texts.size()][];
        problem.y = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            problem.x[i] = row(texts.get(i).counts(), idf, size + 1);
            problem.y[i] = texts.get(i).positive() ? 1 : 0;
        }
        // balanced classes, as scikit-learn's class_weight='balanced': n / (2 * n_class)
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, EPS);
        parameter.setWeights(
                new double[] {
                    texts.size() / (2.0 * positives),
                    texts.size() / (2.0 * (texts.size() - positives))
                },
                new int[] {1, 0});
        parameter.setRegularizeBias(false);
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[size];
        for (int b = 0; b < size; b++) weights[b] = (float) (sign * w[b]);
        return new NgramModel(bits, (float) (sign * w[size]), threshold, idf, weights, description);
    }

    /** The text's TF-IDF values as liblinear features (index = bucket + 1), and the bias. */
    private static Feature[] row(NgramModel.Counts counts, float[] idf, int biasIndex) {
        double[] values = NgramModel.values(counts, idf);
        List<Feature> features = new ArrayList<>(counts.size + 1);
        for (int k = 0; k < counts.size; k++) {
            if (values[k] != 0) features.add(new FeatureNode(counts.buckets[k] + 1, values[k]));
        }
        features.add(new FeatureNode(biasIndex, 1));
        return features.toArray(new Feature[0]);
    }
}
