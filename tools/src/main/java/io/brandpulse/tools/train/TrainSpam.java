package io.brandpulse.tools.train;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.brandpulse.text.SpamModel;
import io.brandpulse.text.TextNormalizer;
import io.brandpulse.tools.evaluate.EvaluateAnalysis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trains the spam model ({@code scripts/train-spam}, {@link SpamModel}): TF-IDF character 1-3-grams
 * hashed to {@code 2^bits} buckets and a logistic regression (liblinear's L2R_LR, {@value #C}, the
 * classes weighted to count alike), on the labelled posts of the analysis development set (its ads
 * against its customers) and the real Weibo posts of weibo2018 train (as customers).
 *
 * <p>The threshold is chosen on texts the model did not train on: five folds, the development set
 * split by file (a file's posts share a writer and a lean, so a post never meets its siblings
 * across the split) and the Weibo posts by line. Of thresholds 0.50 to 0.90 the lowest is kept
 * whose out-of-fold precision on the development set is at least {@value #MIN_PRECISION} and that
 * calls at most {@value #MAX_WEIBO_FLAGGED} of the Weibo posts ads (they are customers, a few
 * sellers among them). The folds' figures are printed: they are the honest estimate of the model on
 * posts it has not seen.
 *
 * <p>Deterministic: liblinear's Newton solver draws no random numbers, files are read in name
 * order, so the same data give a byte-identical model file.
 */
public final class TrainSpam {
    static final int DEFAULT_BITS = 18;
    static final double C = 4;
    static final int FOLDS = 5;
    static final double MIN_PRECISION = 0.99;
    static final double MAX_WEIBO_FLAGGED = 0.001;
    private static final double EPS = 0.01;
    private static final String WEIBO = "weibo2018_train/train.txt";

    private static final String USAGE =
            """
            usage: scripts/train-spam [--dev DIR] [--data DIR | --without-weibo] [--out FILE] [--bits N] [--dry-run]
              --dev DIR        the labelled posts (default tools/src/test/resources/analysis-dev)
              --data DIR       the shared data folder: weibo2018_train/train.txt are customers' posts
              --without-weibo  learn from the labelled posts alone (the Weibo posts carry no licence)
              --out FILE       where to write the model (default common/src/main/resources/spam/model.bin)
              --bits N         hash buckets = 2^N (default 18)
              --dry-run        train and report, write nothing\
            """;

    /** A training text: its n-gram counts, whether it is an ad, its fold, where it came from. */
    record Text(SpamModel.Counts counts, boolean ad, int fold, boolean weibo) {}

    private TrainSpam() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path dev = Path.of("tools/src/test/resources/analysis-dev");
        Path data = null;
        Path target = Path.of("common/src/main/resources/spam/model.bin");
        int bits = DEFAULT_BITS;
        boolean write = true;
        boolean weibo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--dev" -> dev = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> target = Path.of(args[++i]);
                case "--bits" -> bits = Integer.parseInt(args[++i]);
                case "--dry-run" -> write = false;
                case "--without-weibo" -> weibo = false;
                default -> {
                    err.println("unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (bits < 10 || bits > 24) {
            err.println("--bits must be in [10, 24]: " + bits);
            return 2;
        }
        if (weibo && (data == null || !Files.isRegularFile(data.resolve(WEIBO)))) {
            err.println(
                    "--data must be the shared data folder (it needs "
                            + WEIBO
                            + "), or train with --without-weibo");
            return 2;
        }
        List<Text> texts = read(dev, weibo ? data.resolve(WEIBO) : null, bits);
        SpamModel model = train(texts, bits, out);
        if (write) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream o = Files.newOutputStream(target)) {
                model.write(o);
            }
            out.println("wrote " + target);
        }
        return 0;
    }

    static List<Text> read(Path dev, Path weibo, int bits) throws IOException {
        TextNormalizer normalizer = new TextNormalizer();
        List<Text> texts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dev)) {
            files = listing.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        for (int f = 0; f < files.size(); f++) {
            for (EvaluateAnalysis.Post post : EvaluateAnalysis.read(files.get(f))) {
                String normalized = normalizer.normalize(post.text());
                texts.add(
                        new Text(
                                SpamModel.Counts.of(normalized, bits),
                                post.spam(),
                                f % FOLDS,
                                false));
            }
        }
        if (weibo != null) {
            // the sentiment trainer's reader: its {%...%} marks, which no live post has, dropped
            List<SentimentData.Example> posts =
                    new SentimentData().readWeibo2018("weibo2018", weibo).examples();
            for (int i = 0; i < posts.size(); i++) {
                texts.add(
                        new Text(
                                SpamModel.Counts.of(posts.get(i).text(), bits),
                                false,
                                i % FOLDS,
                                true));
            }
        }
        return texts;
    }

    /** Cross-validates to choose the threshold, then fits on every text. */
    static SpamModel train(List<Text> texts, int bits, PrintStream out) {
        double[] outOfFold = new double[texts.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Text> train = new ArrayList<>();
            for (Text t : texts) if (t.fold() != fold) train.add(t);
            SpamModel m = fit(train, bits, 0.5f, "fold");
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).fold() == fold)
                    outOfFold[i] = m.probability(texts.get(i).counts());
            }
        }
        float threshold = chooseThreshold(texts, outOfFold, out);
        long ads = texts.stream().filter(Text::ad).count();
        long weibo = texts.stream().filter(Text::weibo).count();
        String description =
                String.format(
                        Locale.ROOT,
                        "TF-IDF character 1-3-grams hashed to 2^%d buckets + logistic regression"
                            + " (liblinear L2R_LR, C=%s, classes weighted alike) on %,d labelled"
                            + " development posts (%,d ads) and %,d weibo2018 train posts;"
                            + " threshold %.2f chosen by %d-fold cross-validation",
                        bits,
                        C == Math.rint(C) ? Integer.toString((int) C) : Double.toString(C),
                        texts.size() - weibo,
                        ads,
                        weibo,
                        threshold,
                        FOLDS);
        return fit(texts, bits, threshold, description);
    }

    /**
     * The lowest threshold whose out-of-fold precision and Weibo share meet the bars (the highest
     * tried when none does).
     */
    static float chooseThreshold(List<Text> texts, double[] p, PrintStream out) {
        out.println("threshold  dev precision  dev recall  (tp/fp/fn)  weibo posts called ads");
        float chosen = Float.NaN;
        for (int step = 0; step <= 8; step++) {
            float t = 0.5f + 0.05f * step;
            int tp = 0, fp = 0, fn = 0, weiboFlagged = 0, weibo = 0;
            for (int i = 0; i < texts.size(); i++) {
                Text text = texts.get(i);
                boolean flagged = p[i] >= t;
                if (text.weibo()) {
                    weibo++;
                    if (flagged) weiboFlagged++;
                } else if (text.ad()) {
                    if (flagged) tp++;
                    else fn++;
                } else if (flagged) {
                    fp++;
                }
            }
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            boolean meets = precision >= MIN_PRECISION && weiboFlagged <= MAX_WEIBO_FLAGGED * weibo;
            out.printf(
                    Locale.ROOT,
                    "%9.2f  %13.3f  %10.3f  (%d/%d/%d)  %d of %d%s%n",
                    t,
                    precision,
                    recall,
                    tp,
                    fp,
                    fn,
                    weiboFlagged,
                    weibo,
                    meets && Float.isNaN(chosen) ? "  <- chosen" : "");
            if (meets && Float.isNaN(chosen)) chosen = t;
        }
        return Float.isNaN(chosen) ? 0.9f : chosen;
    }

    /** Document frequencies, idf, the rows, and the logistic regression. */
    static SpamModel fit(List<Text> texts, int bits, float threshold, String description) {
        int size = 1 << bits;
        int[] df = new int[size];
        int ads = 0;
        for (Text t : texts) {
            for (int k = 0; k < t.counts().size; k++) df[t.counts().buckets[k]]++;
            if (t.ad()) ads++;
        }
        if (ads == 0 || ads == texts.size()) {
            throw new IllegalArgumentException(
                    "a fold needs ads and customers' posts both: " + ads + " of " + texts.size());
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
            problem.y[i] = texts.get(i).ad() ? 1 : 0;
        }
        // balanced classes, as scikit-learn's class_weight='balanced': n / (2 * n_class)
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, EPS);
        parameter.setWeights(
                new double[] {
                    texts.size() / (2.0 * ads), texts.size() / (2.0 * (texts.size() - ads))
                },
                new int[] {1, 0});
        parameter.setRegularizeBias(false);
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[size];
        for (int b = 0; b < size; b++) weights[b] = (float) (sign * w[b]);
        return new SpamModel(bits, (float) (sign * w[size]), threshold, idf, weights, description);
    }

    /** The text's TF-IDF values as liblinear features (index = bucket + 1), and the bias. */
    private static Feature[] row(SpamModel.Counts counts, float[] idf, int biasIndex) {
        double[] values = SpamModel.values(counts, idf);
        List<Feature> features = new ArrayList<>(counts.size + 1);
        for (int k = 0; k < counts.size; k++) {
            if (values[k] != 0) features.add(new FeatureNode(counts.buckets[k] + 1, values[k]));
        }
        features.add(new FeatureNode(biasIndex, 1));
        return features.toArray(new Feature[0]);
    }
}
