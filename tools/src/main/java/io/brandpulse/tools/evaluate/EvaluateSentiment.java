package io.brandpulse.tools.evaluate;

import io.brandpulse.text.TextNormalizer;
import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.tools.train.SentimentCorpora;
import io.brandpulse.tools.train.SentimentData;
import io.brandpulse.tools.train.SentimentData.Example;
import io.brandpulse.tools.train.TrainSentiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a sentiment model ({@code scripts/evaluate-sentiment}): accuracy, macro-F1 and the
 * neutral share on ChnSentiCorp test and dev and on the held-out slices of the other development
 * sets (built by the same rules as the trainer, so none of these texts was trained on). A neutral
 * prediction counts as wrong. Prints a table, then one JSON line. With {@code --speed}, also times
 * {@link SentimentModel#score} on one core. With {@code --baseline}, also trains the plain baseline
 * of issue 18 ({@link NgramBaseline}) on exactly the trainer's training texts and shows it beside
 * the model on every set.
 */
public final class EvaluateSentiment {
    /** The bar of issue 3: accuracy on the ChnSentiCorp standard test split. */
    static final double BAR = 0.92;

    private EvaluateSentiment() {}

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: EvaluateSentiment [--data DIR] [--model FILE] [--speed] [--baseline]"
                            + " [--cv [--folds K] [-- TRAINER OPTIONS]]",
                    "",
                    "  --data DIR    the shared development data (default ../shared/data)",
                    "  --model FILE  the model to evaluate (default: the shipped one,"
                            + " sentiment/model.bin on the classpath)",
                    "  --speed       also measure scoring speed (characters and texts per second,"
                            + " one thread)",
                    "  --baseline    also train a plain TF-IDF character 1-3-gram logistic"
                            + " regression on the trainer's",
                    "                training texts and score it beside the model on every set",
                    "  --cv          also cross-validate: per fold, train the model (the shipped"
                            + " settings) and the",
                    "                baseline on the other folds of the training texts, score this"
                            + " one; per set, pooled",
                    "                (K = "
                            + CrossValidation.DEFAULT_FOLDS
                            + " folds: about"
                            + " 5 minutes and 3 GiB of heap); the options after -- are"
                            + " scripts/train-sentiment's,",
                    "                for the model (a variant cross-validated before it ships)");

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path data = Path.of("../shared/data");
        Path modelFile = null;
        boolean speed = false;
        boolean baseline = false;
        boolean cv = false;
        int folds = CrossValidation.DEFAULT_FOLDS;
        List<String> trainerArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                trainerArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--data" -> {
                    if (++i >= args.length) return usage(err, "--data needs a value");
                    data = Path.of(args[i]);
                }
                case "--model" -> {
                    if (++i >= args.length) return usage(err, "--model needs a value");
                    modelFile = Path.of(args[i]);
                }
                case "--speed" -> speed = true;
                case "--baseline" -> baseline = true;
                case "--cv" -> cv = true;
                case "--folds" -> {
                    if (++i >= args.length) return usage(err, "--folds needs a value");
                    try {
                        folds = Integer.parseInt(args[i]);
                    } catch (NumberFormatException e) {
                        folds = 0;
                    }
                    if (folds < 2) return usage(err, "--folds needs a whole number of 2 or more");
                }
                default -> {
                    return usage(err, "unknown option " + args[i]);
                }
            }
        }
        if (!Files.isDirectory(data)) return usage(err, "no data folder " + data);
        if (!trainerArgs.isEmpty()) {
            if (!cv) return usage(err, "trainer options after -- are for --cv");
            try {
                TrainSentiment.checkOptions(data, trainerArgs);
            } catch (IllegalArgumentException e) {
                return usage(err, "trainer options after --: " + e.getMessage());
            }
        }
        SentimentModel model;
        if (modelFile == null) {
            model = SentimentModel.loadDefault();
        } else {
            try (InputStream in = Files.newInputStream(modelFile)) {
                model = SentimentModel.load(in);
            }
        }
        // the training texts only for the baseline: building them is most of the reading time
        SentimentCorpora c =
                SentimentCorpora.build(new SentimentData(), data, true, List.of(), baseline || cv);
        Map<String, List<Example>> sets = new LinkedHashMap<>();
        sets.put(SentimentCorpora.TEST, c.test);
        sets.put(SentimentCorpora.TEST + "_unseen", c.testUnseen);
        sets.put(SentimentCorpora.DEV, c.dev);
        sets.put(SentimentCorpora.DEV + "_minus_test", c.devForSelection);
        for (Map.Entry<String, List<Example>> s : c.slices.entrySet())
            sets.put(s.getKey() + "_heldout", s.getValue());

        out.println(
                "model: "
                        + (modelFile == null
                                ? "classpath:" + SentimentModel.DEFAULT_RESOURCE
                                : modelFile));
        out.println("trained: " + model.description());
        NgramBaseline base = null;
        double baseSeconds = 0;
        if (baseline) {
            if (c.training.isEmpty()) {
                err.println("error: no training texts for the baseline in " + data);
                return 1;
            }
            long t0 = System.nanoTime();
            base = NgramBaseline.train(c.training);
            baseSeconds = (System.nanoTime() - t0) / 1e9;
            out.println("baseline: " + base.description());
            out.printf(
                    Locale.ROOT,
                    "baseline trained in %.1f s on the %,d training texts of"
                            + " scripts/train-sentiment (each counted once)%n",
                    baseSeconds,
                    c.training.size());
        }
        out.printf(
                Locale.ROOT,
                "%-36s %6s %9s %9s %9s",
                "set",
                "texts",
                "accuracy",
                "macro-F1",
                "neutral");
        if (base != null)
            out.printf(
                    Locale.ROOT,
                    " %10s %10s %9s %9s  (diff = model - baseline)",
                    "base-acc",
                    "base-F1",
                    "acc-diff",
                    "F1-diff");
        out.println();
        StringBuilder json =
                new StringBuilder("{\"model\":\"")
                        .append(
                                modelFile == null
                                        ? "classpath:" + SentimentModel.DEFAULT_RESOURCE
                                        : jsonEscape(modelFile.toString()))
                        .append("\",\"sets\":{");
        boolean first = true;
        double testAccuracy = Double.NaN;
        int compared = 0;
        int ahead = 0;
        // Pooled over every set but chnsenticorp_dev, whose texts dev_minus_test already holds.
        Reliability reliability = new Reliability();
        for (Map.Entry<String, List<Example>> s : sets.entrySet()) {
            if (s.getValue().isEmpty()) continue;
            SentimentMetrics m = new SentimentMetrics();
            boolean pooled = !s.getKey().equals(SentimentCorpora.DEV);
            for (Example e : s.getValue()) {
                Sentiment scored = model.score(e.text(), null);
                m.add(e.label(), scored.label);
                if (pooled)
                    reliability.add(
                            scored.confidence, SentimentMetrics.isRight(e.label(), scored.label));
            }
            out.printf(
                    Locale.ROOT,
                    "%-36s %6d %9.4f %9.4f %8.2f%%",
                    s.getKey(),
                    m.size(),
                    m.accuracy(),
                    m.macroF1(),
                    100 * m.neutralShare());
            SentimentMetrics b = null;
            if (base != null) {
                b = new SentimentMetrics();
                for (Example e : s.getValue()) b.add(e.label(), base.predict(e.text()));
                out.printf(
                        Locale.ROOT,
                        " %10.4f %10.4f %+9.4f %+9.4f",
                        b.accuracy(),
                        b.macroF1(),
                        m.accuracy() - b.accuracy(),
                        m.macroF1() - b.macroF1());
                compared++;
                if (m.accuracy() > b.accuracy()) ahead++;
            }
            out.println();
            if (s.getKey().equals(SentimentCorpora.TEST)) testAccuracy = m.accuracy();
            json.append(first ? "" : ",")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "\"%s\":{\"texts\":%d,\"accuracy\":%.4f,\"macroF1\":%.4f,\"neutralShare\":%.4f",
                                    s.getKey(),
                                    m.size(),
                                    m.accuracy(),
                                    m.macroF1(),
                                    m.neutralShare()));
            if (b != null)
                json.append(
                        String.format(
                                Locale.ROOT,
                                ",\"baseline\":{\"accuracy\":%.4f,\"macroF1\":%.4f}",
                                b.accuracy(),
                                b.macroF1()));
            json.append("}");
            first = false;
        }
        json.append("}");
        ThreeClassMetrics social = socialPosts(model);
        social.print(
                out,
                "social posts with neutral ones among them ("
                        + SOCIAL_DEV
                        + ", written for this"
                        + " project):");
        json.append(",\"socialThreeClass\":").append(social.json());
        reliability.print(
                out,
                "reliability of the model's confidence, all sets pooled (a neutral call on these"
                        + " binary sets counts as wrong):");
        json.append(",\"reliability\":").append(reliability.json());
        if (base != null) {
            out.printf(
                    Locale.ROOT,
                    "model ahead of the baseline (accuracy) on %d of %d sets%n",
                    ahead,
                    compared);
            json.append(
                    String.format(
                            Locale.ROOT,
                            ",\"baseline\":{\"model\":\"tfidf-char-1-3-logreg\",\"C\":%s,"
                                    + "\"trainingTexts\":%d,\"ngrams\":%d,\"trainSeconds\":%.1f,"
                                    + "\"modelAheadOn\":%d,\"sets\":%d}",
                            NgramBaseline.C,
                            c.training.size(),
                            base.vocabularySize(),
                            baseSeconds,
                            ahead,
                            compared));
        }
        if (cv) {
            if (c.training.isEmpty()) {
                err.println("error: no training texts to cross-validate in " + data);
                return 1;
            }
            json.append(",\"crossValidation\":")
                    .append(CrossValidation.run(c, data, trainerArgs, folds, out));
        }
        if (base != null && !c.publishedTrain.isEmpty())
            json.append(",\"publishedSplit\":").append(publishedSplitCheck(c, out));
        if (!Double.isNaN(testAccuracy)) {
            out.printf(
                    Locale.ROOT,
                    "bar: accuracy >= %.2f on %s: %s%n",
                    BAR,
                    SentimentCorpora.TEST,
                    testAccuracy >= BAR ? "met" : "NOT met");
            json.append(
                    String.format(
                            Locale.ROOT,
                            ",\"bar\":{\"set\":\"%s\",\"accuracy\":%.2f,\"met\":%s}",
                            SentimentCorpora.TEST,
                            BAR,
                            testAccuracy >= BAR));
        }
        if (speed) {
            List<String> texts = new ArrayList<>();
            for (List<Example> s : sets.values()) for (Example e : s) texts.add(e.text());
            double[] r = speed(model, texts);
            out.printf(
                    Locale.ROOT,
                    "speed: %.0f chars/s, %.0f texts/s (one thread, %d texts of %.0f chars on"
                            + " average)%n",
                    r[0],
                    r[1],
                    texts.size(),
                    r[2]);
            json.append(
                    String.format(
                            Locale.ROOT,
                            ",\"speed\":{\"charsPerSecond\":%.0f,\"textsPerSecond\":%.0f}",
                            r[0],
                            r[1]));
        }
        json.append("}");
        out.println(json);
        return 0;
    }

    /** chars/s, texts/s, mean length: after a warm-up, as many passes as fit in about 3 seconds. */
    static double[] speed(SentimentModel model, List<String> texts) {
        long chars = 0;
        for (String t : texts) chars += t.length();
        double sink = 0;
        for (int warm = 0; warm < 5; warm++)
            for (String t : texts) sink += model.score(t, null).score;
        long start = System.nanoTime();
        long passes = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            for (String t : texts) sink += model.score(t, null).score;
            passes++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42.4242) System.err.print(""); // keeps the loop from being optimized away
        return new double[] {
            passes * chars / seconds,
            passes * texts.size() / seconds,
            (double) chars / Math.max(1, texts.size())
        };
    }

    /** The three-class development set: label, platform, text per line ('#' comments, a header). */
    static final String SOCIAL_DEV = "/sentiment/social-dev.tsv";

    static ThreeClassMetrics socialPosts(SentimentModel model) throws IOException {
        ThreeClassMetrics m = new ThreeClassMetrics();
        TextNormalizer normalizer = new TextNormalizer();
        try (InputStream in = EvaluateSentiment.class.getResourceAsStream(SOCIAL_DEV)) {
            if (in == null) throw new IOException("no " + SOCIAL_DEV + " on the classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) continue;
                String[] f = line.split("\t", 3);
                if (f.length != 3)
                    throw new IOException(SOCIAL_DEV + ": not label, platform, text: " + line);
                m.add(f[0], model.score(normalizer.normalize(f[2]), null).label);
            }
        }
        return m;
    }

    /**
     * What the published ChnSentiCorp split leaks: how many test texts its train split already
     * holds, and the baseline trained on that split alone, as published and without them, scored on
     * the test set. Prints the figures and returns them as JSON.
     */
    private static String publishedSplitCheck(SentimentCorpora c, PrintStream out) {
        Set<String> unseen = new HashSet<>();
        for (Example e : c.testUnseen) unseen.add(e.key());
        List<Example> seenTests = new ArrayList<>();
        for (Example e : c.test) if (!unseen.contains(e.key())) seenTests.add(e);
        List<Example> cleaned = SentimentCorpora.withoutNearly(c.publishedTrain, seenTests);
        NgramBaseline asPublished = NgramBaseline.train(c.publishedTrain);
        NgramBaseline withoutTest = NgramBaseline.train(cleaned);
        SentimentMetrics a = new SentimentMetrics();
        SentimentMetrics b = new SentimentMetrics();
        for (Example e : c.test) {
            a.add(e.label(), asPublished.predict(e.text()));
            b.add(e.label(), withoutTest.predict(e.text()));
        }
        out.printf(
                Locale.ROOT,
                "ChnSentiCorp's published split: %d of %d test texts are, exactly or nearly, texts"
                        + " of its train split; the baseline trained on that split alone scores"
                        + " %.4f on test as published, %.4f once the %d train rows that repeat"
                        + " them are removed%n",
                seenTests.size(),
                c.test.size(),
                a.accuracy(),
                b.accuracy(),
                c.publishedTrain.size() - cleaned.size());
        return String.format(
                Locale.ROOT,
                "{\"testTextsInTrain\":%d,\"baselineTrainedAsPublished\":%.4f,"
                        + "\"baselineTrainedWithoutTestTexts\":%.4f}",
                seenTests.size(),
                a.accuracy(),
                b.accuracy());
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE);
        return 2;
    }
}
