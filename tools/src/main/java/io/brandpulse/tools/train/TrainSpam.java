package io.brandpulse.tools.train;

import io.brandpulse.text.NgramModel;
import io.brandpulse.tools.evaluate.EvaluateAnalysis.Post;
import io.brandpulse.tools.train.NgramTrainer.Text;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the spam model ({@code scripts/train-spam}, {@link NgramModel}): TF-IDF character
 * 1-3-grams hashed to {@code 2^bits} buckets and a logistic regression (liblinear's L2R_LR, C =
 * {@value NgramTrainer#C}, the classes weighted to count alike), on the labelled posts of the
 * analysis development set (its ads against its customers) and the real Weibo posts of weibo2018
 * train (as customers).
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
    static final double MIN_PRECISION = 0.99;
    static final double MAX_WEIBO_FLAGGED = 0.001;
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
        if (NgramTrainer.badBits(bits) != null) {
            err.println(NgramTrainer.badBits(bits));
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
        NgramModel model = train(texts, bits, out);
        if (write) NgramTrainer.save(model, target, out);
        return 0;
    }

    static List<Text> read(Path dev, Path weibo, int bits) throws IOException {
        // every post: its ads against its customers
        List<Text> texts =
                new ArrayList<>(NgramTrainer.devTexts(dev, bits, post -> true, Post::spam));
        if (weibo != null) {
            // the sentiment trainer's reader: its {%...%} marks, which no live post has, dropped
            List<SentimentData.Example> posts =
                    new SentimentData().readWeibo2018("weibo2018", weibo).examples();
            for (int i = 0; i < posts.size(); i++) {
                texts.add(
                        new Text(
                                NgramModel.Counts.of(posts.get(i).text(), bits),
                                false,
                                i % NgramTrainer.FOLDS,
                                true));
            }
        }
        return texts;
    }

    /** Cross-validates to choose the threshold, then fits on every text. */
    static NgramModel train(List<Text> texts, int bits, PrintStream out) {
        double[] outOfFold = NgramTrainer.outOfFold(texts, bits);
        float threshold = chooseThreshold(texts, outOfFold, out);
        long ads = texts.stream().filter(Text::positive).count();
        long weibo = texts.stream().filter(Text::weibo).count();
        String description =
                String.format(
                        Locale.ROOT,
                        "TF-IDF character 1-3-grams hashed to 2^%d buckets + logistic regression"
                            + " (liblinear L2R_LR, C=%s, classes weighted alike) on %,d labelled"
                            + " development posts (%,d ads) and %,d weibo2018 train posts;"
                            + " threshold %.2f chosen by %d-fold cross-validation",
                        bits,
                        NgramTrainer.cText(),
                        texts.size() - weibo,
                        ads,
                        weibo,
                        threshold,
                        NgramTrainer.FOLDS);
        return NgramTrainer.fit(texts, bits, threshold, description);
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
                } else if (text.positive()) {
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
}
