package io.brandpulse.tools.train;

import io.brandpulse.text.NgramModel;
import io.brandpulse.tools.evaluate.EvaluateAnalysis.Post;
import io.brandpulse.tools.train.NgramTrainer.Text;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the crisis model ({@code scripts/train-crisis}, {@link NgramModel#crisis()}): TF-IDF
 * character 1-3-grams and a logistic regression ({@link NgramTrainer}) on the labelled posts of the
 * analysis development set, its crises against its other posts (ads left out: an ad is never a
 * crisis, whatever the model says).
 *
 * <p>The model does not decide the crisis flag; it checks the one the rules set, and clears it
 * where the post reads like none of the crises it learned. So its threshold is chosen for the
 * crises, not for accuracy: five folds split by file, and of thresholds {@value #LOWEST} to 0.50
 * (steps of 0.025) the highest is kept below which at most {@value #MAX_CRISES_CLEARED} of the
 * crises fall out of fold. The folds' figures are printed: how many crises and how many other posts
 * each threshold would clear, on posts the model did not train on.
 */
public final class TrainCrisis {
    static final int DEFAULT_BITS = 18;
    static final double MAX_CRISES_CLEARED = 0.001;
    static final float LOWEST = 0.025f;

    private static final String USAGE =
            """
            usage: scripts/train-crisis [--dev DIR] [--out FILE] [--bits N] [--dry-run]
              --dev DIR    the labelled posts (default tools/src/test/resources/analysis-dev)
              --out FILE   where to write the model (default common/src/main/resources/crisis/model.bin)
              --bits N     hash buckets = 2^N (default 18)
              --dry-run    train and report, write nothing\
            """;

    private TrainCrisis() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path dev = Path.of("tools/src/test/resources/analysis-dev");
        Path target = Path.of("common/src/main/resources/crisis/model.bin");
        int bits = DEFAULT_BITS;
        boolean write = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--dev" -> dev = Path.of(args[++i]);
                case "--out" -> target = Path.of(args[++i]);
                case "--bits" -> bits = Integer.parseInt(args[++i]);
                case "--dry-run" -> write = false;
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
        // an ad is never a crisis, whatever the model says: its posts teach nothing here
        List<Text> texts = NgramTrainer.devTexts(dev, bits, post -> !post.spam(), Post::crisis);
        NgramModel model = train(texts, bits, out);
        if (write) NgramTrainer.save(model, target, out);
        return 0;
    }

    /** Cross-validates to choose the threshold, then fits on every text. */
    static NgramModel train(List<Text> texts, int bits, PrintStream out) {
        float threshold = chooseThreshold(texts, NgramTrainer.outOfFold(texts, bits), out);
        long crises = texts.stream().filter(Text::positive).count();
        String description =
                String.format(
                        Locale.ROOT,
                        "TF-IDF character 1-3-grams hashed to 2^%d buckets + logistic regression"
                            + " (liblinear L2R_LR, C=%s, classes weighted alike) on %,d labelled"
                            + " development posts (%,d crises), ads left out; threshold %.3f chosen"
                            + " by %d-fold cross-validation to clear at most %.2f%% of the crises",
                        bits,
                        NgramTrainer.cText(),
                        texts.size(),
                        crises,
                        threshold,
                        NgramTrainer.FOLDS,
                        100 * MAX_CRISES_CLEARED);
        return NgramTrainer.fit(texts, bits, threshold, description);
    }

    /**
     * The highest threshold under which at most {@link #MAX_CRISES_CLEARED} of the crises fall out
     * of fold ({@link #LOWEST} when none does).
     */
    static float chooseThreshold(List<Text> texts, double[] p, PrintStream out) {
        out.println("threshold  crises cleared  other posts cleared  (out of fold)");
        int crises = 0;
        for (Text t : texts) if (t.positive()) crises++;
        float[] tried = new float[20];
        for (int k = 0; k < tried.length; k++) tried[k] = 0.025f * (k + 1);
        float chosen = LOWEST;
        List<String> lines = new ArrayList<>();
        for (float t : tried) {
            int crisesCleared = 0, othersCleared = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (p[i] < t) {
                    if (texts.get(i).positive()) crisesCleared++;
                    else othersCleared++;
                }
            }
            boolean meets = crisesCleared <= MAX_CRISES_CLEARED * crises;
            if (meets) chosen = t;
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "%9.3f  %,6d of %,d  %,8d of %,d",
                            t,
                            crisesCleared,
                            crises,
                            othersCleared,
                            texts.size() - crises));
        }
        for (int k = 0; k < tried.length; k++) {
            out.println(lines.get(k) + (tried[k] == chosen ? "  <- chosen" : ""));
        }
        return chosen;
    }
}
