package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.tools.train.SentimentData.Example;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline learns a small separable task, deterministically, and the evaluator shows it. */
class NgramBaselineTest {
    private static final String FILLER = "这个东西今天买的用了还有一点我们觉得快递包装颜色大小价格";

    /** {@code n} texts, half positive (好 or 棒 among filler), half negative (差 or 烂). */
    private static List<Example> synthetic(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2 == 0 ? 1 : 0;
            String cue = label == 1 ? (r.nextBoolean() ? "好" : "棒") : (r.nextBoolean() ? "差" : "烂");
            StringBuilder b = new StringBuilder();
            int length = 4 + r.nextInt(10);
            int at = r.nextInt(length + 1);
            for (int k = 0; k <= length; k++) {
                if (k == at) b.append(cue);
                if (k < length) b.append(FILLER.charAt(r.nextInt(FILLER.length())));
            }
            String text = b.toString();
            out.add(new Example(text, text, label, "synthetic"));
        }
        return out;
    }

    @Test
    void learnsASeparableTaskAndPredictsHeldOutTexts() {
        NgramBaseline baseline = NgramBaseline.train(synthetic(200, 18));
        List<Example> heldOut = new ArrayList<>(synthetic(100, 1818));
        for (String t : List.of("好", "真棒", "这个东西很好", "包装太烂了"))
            heldOut.add(new Example(t, t, t.contains("好") || t.contains("棒") ? 1 : 0, "written"));
        heldOut.add(new Example("差", "差", 0, "written"));
        for (Example e : heldOut) {
            String want = e.label() == 1 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
            assertEquals(want, baseline.predict(e.text()), e.text());
        }
        assertTrue(baseline.probabilityPositive("好棒") > 0.8);
        assertTrue(baseline.probabilityPositive("差烂") < 0.2);
        // the filler alone says nothing: close to even, and never neutral
        double filler = baseline.probabilityPositive("快递包装");
        assertTrue(filler > 0.2 && filler < 0.8, "filler: " + filler);
        assertFalse(Sentiment.NEUTRAL.equals(baseline.predict("")));
    }

    @Test
    void sameDataSamePredictions() {
        List<Example> data = synthetic(200, 7);
        NgramBaseline a = NgramBaseline.train(data);
        NgramBaseline b = NgramBaseline.train(new ArrayList<>(data));
        assertEquals(a.vocabularySize(), b.vocabularySize());
        assertEquals(a.description(), b.description());
        for (Example e : synthetic(100, 77)) {
            assertEquals(a.predict(e.text()), b.predict(e.text()));
            assertEquals(a.probabilityPositive(e.text()), b.probabilityPositive(e.text()));
        }
    }

    @Test
    void needsBothClasses() {
        List<Example> positives = new ArrayList<>();
        for (Example e : synthetic(20, 1)) if (e.label() == 1) positives.add(e);
        assertThrows(IllegalArgumentException.class, () -> NgramBaseline.train(positives));
    }

    @TempDir Path dir;

    /**
     * {@code --baseline} end to end on a tiny data folder: a comparison column per set and the
     * baseline in the JSON line; without it, the output has neither.
     */
    @Test
    void theEvaluationShowsTheBaselineBesideTheModel() throws IOException {
        Path split = Files.createDirectories(dir.resolve("chnsenticorp_bert_split"));
        writeTsv(split.resolve("train.tsv"), synthetic(300, 3));
        writeTsv(split.resolve("dev.tsv"), synthetic(40, 4));
        writeTsv(split.resolve("test.tsv"), synthetic(60, 5));

        String with = evaluate("--baseline");
        assertTrue(with.contains("baseline trained in "), with);
        assertTrue(with.contains("training texts of scripts/train-sentiment"), with);
        assertTrue(with.contains("base-acc"), with);
        String testLine =
                with.lines()
                        .filter(l -> l.startsWith("chnsenticorp_test "))
                        .findFirst()
                        .orElseThrow();
        assertEquals(9, testLine.trim().split("\\s+").length, testLine);
        assertTrue(with.contains("model ahead of the baseline (accuracy) on "), with);
        String json = with.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        assertTrue(
                json.matches(
                        ".*\"chnsenticorp_test\":\\{[^{}]*\"baseline\":\\{\"accuracy\":"
                                + "(1\\.0000|0\\.9[5-9]\\d\\d),.*"),
                json);
        assertTrue(json.contains(",\"baseline\":{\"model\":\"tfidf-char-1-3-logreg\""), json);

        String without = evaluate();
        assertFalse(without.contains("baseline"), without);
        String plainLine =
                without.lines()
                        .filter(l -> l.startsWith("chnsenticorp_test "))
                        .findFirst()
                        .orElseThrow();
        assertEquals(5, plainLine.trim().split("\\s+").length, plainLine);
    }

    /**
     * The published split's leak is measured, not assumed: test rows that repeat train rows are
     * counted, kept out of the unseen test set, and the baseline is scored trained with and without
     * them.
     */
    @Test
    void testTextsThatThePublishedTrainSplitHoldsAreCountedAndSetApart() throws IOException {
        Path split = Files.createDirectories(dir.resolve("chnsenticorp_bert_split"));
        List<Example> train = synthetic(300, 3);
        writeTsv(split.resolve("train.tsv"), train);
        writeTsv(split.resolve("dev.tsv"), synthetic(40, 4));
        List<Example> test = new ArrayList<>();
        for (Example e : synthetic(60, 5)) {
            String t = "测试样本" + e.text(); // no unseen text can equal a train text
            test.add(new Example(t, t, e.label(), "synthetic"));
        }
        test.addAll(train.subList(0, 20));
        writeTsv(split.resolve("test.tsv"), test);

        String with = evaluate("--baseline");
        assertTrue(
                with.contains(
                        "ChnSentiCorp's published split: 20 of 80 test texts are, exactly or"
                                + " nearly, texts of its train split"),
                with);
        String unseen =
                with.lines()
                        .filter(l -> l.startsWith("chnsenticorp_test_unseen "))
                        .findFirst()
                        .orElseThrow();
        assertEquals("60", unseen.trim().split("\\s+")[1], unseen);
        String json = with.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        assertTrue(json.contains("\"publishedSplit\":{\"testTextsInTrain\":20,"), json);
        assertFalse(evaluate().contains("published split"));
    }

    private String evaluate(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", dir.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                EvaluateSentiment.run(
                        args.toArray(new String[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }

    private static void writeTsv(Path file, List<Example> examples) throws IOException {
        List<String> lines = new ArrayList<>(List.of("label\ttext_a"));
        for (Example e : examples) lines.add(e.label() + "\t" + e.text());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
