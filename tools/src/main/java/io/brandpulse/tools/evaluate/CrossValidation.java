package io.brandpulse.tools.evaluate;

import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.tools.train.SentimentCorpora;
import io.brandpulse.tools.train.SentimentData.Example;
import io.brandpulse.tools.train.TrainSentiment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model against the baseline on every training text ({@code scripts/evaluate-sentiment --cv}):
 * k-fold cross-validation over the trainer's training texts. For each fold, the model (the shipped
 * settings, {@link TrainSentiment#trainWithoutFold}) and the baseline ({@link NgramBaseline}) are
 * trained on the other folds and score this one; the scores are pooled per set.
 *
 * <p>Why beside the held-out slices: a slice is 5% of a set (the hotel reviews' is 383 texts, where
 * one text is 0.26 points), so "ahead of the baseline on every set" can turn on three texts and on
 * the shuffling seed. Here every training text is scored once, by models that never saw it: 4,341
 * hotel reviews instead of 383. It costs a model and a baseline per fold (about a minute each).
 */
final class CrossValidation {
    /** Folds by default: each model trains on four fifths of the texts. */
    static final int DEFAULT_FOLDS = 5;

    private static final int MODEL = 0;
    private static final int SIGN = 1;
    private static final int BASELINE = 2;

    private CrossValidation() {}

    private static SentimentMetrics[] metrics() {
        return new SentimentMetrics[] {
            new SentimentMetrics(), new SentimentMetrics(), new SentimentMetrics()
        };
    }

    /** Prints the table and returns the JSON object of the figures. */
    static String run(SentimentCorpora c, Path data, int folds, PrintStream out)
            throws IOException {
        return run(c, data, List.of(), folds, out);
    }

    /**
     * As above, the model trained with {@code trainerArgs} ({@code scripts/train-sentiment}'s
     * options) instead of the shipped settings.
     */
    static String run(
            SentimentCorpora c, Path data, List<String> trainerArgs, int folds, PrintStream out)
            throws IOException {
        // per set: the model's labels (neutral counts as wrong), the sign of its score (issue 18's
        // binary reading: positive iff score > 0), the baseline's labels
        Map<String, SentimentMetrics[]> bySet = new LinkedHashMap<>();
        SentimentMetrics[] all = metrics();
        for (int fold = 0; fold < folds; fold++) {
            long t0 = System.nanoTime();
            List<Example> training = new ArrayList<>();
            List<Example> scored = new ArrayList<>();
            for (Example e : c.training)
                (SentimentCorpora.fold(e, folds) == fold ? scored : training).add(e);
            SentimentModel model =
                    TrainSentiment.trainWithoutFold(c, data, trainerArgs, fold, folds);
            NgramBaseline base = NgramBaseline.train(training);
            for (Example e : scored) {
                String set = c.setOfSource.getOrDefault(e.source(), e.source());
                SentimentMetrics[] m = bySet.computeIfAbsent(set, s -> metrics());
                Sentiment byModel = model.score(e.text(), null);
                String bySign = byModel.score > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
                String byBaseline = base.predict(e.text());
                for (SentimentMetrics[] into : List.of(m, all)) {
                    into[MODEL].add(e.label(), byModel.label);
                    into[SIGN].add(e.label(), bySign);
                    into[BASELINE].add(e.label(), byBaseline);
                }
            }
            out.printf(
                    Locale.ROOT,
                    "fold %d of %d: trained on %,d texts, scored %,d (%.0f s)%n",
                    fold + 1,
                    folds,
                    training.size(),
                    scored.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        out.printf(
                Locale.ROOT,
                "%d-fold cross-validation over the %,d training texts (each scored by a model and a"
                        + " baseline that never saw it)%s:%n",
                folds,
                c.training.size(),
                trainerArgs.isEmpty()
                        ? ""
                        : "; the model trained with " + String.join(" ", trainerArgs));
        out.printf(
                Locale.ROOT,
                "%-36s %6s %9s %9s %9s %9s %9s%n",
                "set",
                "texts",
                "accuracy",
                "neutral",
                "by-sign",
                "base-acc",
                "acc-diff");
        StringBuilder json =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "{\"folds\":%d,\"trainerOptions\":\"%s\",\"sets\":{",
                                folds,
                                String.join(" ", trainerArgs)
                                        .replace("\\", "\\\\")
                                        .replace("\"", "\\\"")));
        int ahead = 0;
        boolean first = true;
        for (Map.Entry<String, SentimentMetrics[]> s : bySet.entrySet()) {
            SentimentMetrics[] m = s.getValue();
            print(out, s.getKey(), m);
            if (m[MODEL].accuracy() > m[BASELINE].accuracy()) ahead++;
            json.append(first ? "" : ",").append(json(s.getKey(), m));
            first = false;
        }
        print(out, "all", all);
        out.printf(
                Locale.ROOT,
                "cross-validated: model ahead of the baseline (accuracy) on %d of %d sets%n",
                ahead,
                bySet.size());
        return json.append("},")
                .append(json("all", all))
                .append(String.format(Locale.ROOT, ",\"modelAheadOn\":%d}", ahead))
                .toString();
    }

    private static void print(PrintStream out, String set, SentimentMetrics[] m) {
        out.printf(
                Locale.ROOT,
                "%-36s %6d %9.4f %8.2f%% %9.4f %9.4f %+9.4f%n",
                set,
                m[MODEL].size(),
                m[MODEL].accuracy(),
                100 * m[MODEL].neutralShare(),
                m[SIGN].accuracy(),
                m[BASELINE].accuracy(),
                m[MODEL].accuracy() - m[BASELINE].accuracy());
    }

    private static String json(String set, SentimentMetrics[] m) {
        return String.format(
                Locale.ROOT,
                "\"%s\":{\"texts\":%d,\"accuracy\":%.4f,\"neutralShare\":%.4f,"
                        + "\"accuracyBySign\":%.4f,\"baseline\":%.4f}",
                set,
                m[MODEL].size(),
                m[MODEL].accuracy(),
                m[MODEL].neutralShare(),
                m[SIGN].accuracy(),
                m[BASELINE].accuracy());
    }
}
