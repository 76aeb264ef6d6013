package io.brandpulse.tools.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.text.sentiment.WordSpans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer on a small CSV of our own (what a commercial user does with data they hold the rights
 * to).
 */
class TrainSentimentTest {
    @TempDir Path dir;

    private Path writeCsv() throws IOException {
        return SmallLabelledCsv.write(dir, "mine.csv", 600, 3);
    }

    private String train(Path csv, Path model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                TrainSentiment.run(
                        new String[] {
                            "--only-csv",
                            "--csv",
                            csv.toString(),
                            "--data",
                            dir.resolve("no-shared-data").toString(),
                            "--out",
                            model.toString(),
                            "--bits",
                            "16",
                            "--epochs",
                            "3",
                            "--emoticons",
                            writeEmoticons().toString()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path writeEmoticons() throws IOException {
        Path p = dir.resolve("emoticons.csv");
        Files.writeString(p, "\"[哈哈]\",\"P\"\n\"[怒]\",\"N\"\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void trainsOnACsvReproduciblyAndTheModelWorks() throws IOException {
        Path csv = writeCsv();
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        String report = train(csv, a);
        train(csv, b);
        assertTrue(report.contains("csv:mine.csv"), report);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same data, same bytes");
        SentimentModel m;
        try (InputStream in = Files.newInputStream(a)) {
            m = SentimentModel.load(in);
        }
        assertEquals(Sentiment.POSITIVE, m.score("总的来说非常满意", null).label);
        assertEquals(Sentiment.NEGATIVE, m.score("总的来说非常失望", null).label);
        assertEquals(Sentiment.NEGATIVE, m.score("总的来说[怒]", null).label);
    }

    @Test
    void wordFeaturesBaggedRunsAndSourceWeightsTrainAndScoreTheSameWithOrWithoutGivenSpans()
            throws IOException {
        Path csv = writeCsv();
        Path model = dir.resolve("words.bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                TrainSentiment.run(
                        new String[] {
                            "--only-csv",
                            "--csv",
                            csv.toString(),
                            "--data",
                            dir.resolve("no-shared-data").toString(),
                            "--out",
                            model.toString(),
                            "--bits",
                            "16",
                            "--epochs",
                            "2",
                            "--runs",
                            "2",
                            "--features",
                            "negation,degree,double-negation,contrast,boundaries,fold-digits,words",
                            "--source-weight",
                            "mine.csv=2",
                            "--emoticons",
                            writeEmoticons().toString()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        assertTrue(report.contains("average of 2 run(s)"), report);
        SentimentModel m;
        try (InputStream in = Files.newInputStream(model)) {
            m = SentimentModel.load(in);
        }
        assertTrue(m.usesWords());
        for (String text : List.of("总的来说非常满意", "总的来说非常失望", "客服说不推荐,物流太慢", "")) {
            WordSpans w = WordSpans.of(text);
            int[] starts = Arrays.copyOf(w.starts, w.n);
            int[] ends = Arrays.copyOf(w.ends, w.n);
            Sentiment a = m.score(text, null);
            Sentiment b = m.score(text, null, starts, ends);
            assertEquals(a.label, b.label, text);
            assertEquals(a.score, b.score, 1e-12, text);
        }
        assertEquals(Sentiment.POSITIVE, m.score("总的来说非常满意", null).label);
        assertEquals(Sentiment.NEGATIVE, m.score("总的来说非常失望", null).label);
        // spans out of order or out of range are skipped, never thrown on
        m.score("很好", null, new int[] {1, 0, 5}, new int[] {2, 1, 9});
    }

    @Test
    void badArgumentsExitWithUsage() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, TrainSentiment.run(new String[] {"--only-csv"}, System.out, e));
        assertEquals(2, TrainSentiment.run(new String[] {"--bogus"}, System.out, e));
        assertEquals(
                2,
                TrainSentiment.run(
                        new String[] {"--csv", dir.resolve("absent.csv").toString()},
                        System.out,
                        e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
