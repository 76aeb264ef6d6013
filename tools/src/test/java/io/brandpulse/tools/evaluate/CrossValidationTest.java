package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.tools.train.SentimentCorpora;
import io.brandpulse.tools.train.SentimentData;
import io.brandpulse.tools.train.SentimentData.Example;
import io.brandpulse.tools.train.SmallLabelledCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/evaluate-sentiment --cv} on a small labelled CSV: every training text is scored
 * exactly once, by a model and a baseline trained without its fold.
 */
class CrossValidationTest {
    @TempDir Path dir;

    private SentimentCorpora corpora() throws IOException {
        Path csv = SmallLabelledCsv.write(dir, "mine.csv", 400, 7);
        return SentimentCorpora.build(new SentimentData(), null, false, List.of(csv), true);
    }

    @Test
    void foldsSplitTheTrainingTextsTheSameWayEveryTime() throws IOException {
        SentimentCorpora c = corpora();
        int[] sizes = new int[5];
        for (Example e : c.training) {
            int fold = SentimentCorpora.fold(e, 5);
            assertEquals(fold, SentimentCorpora.fold(e, 5), e.text());
            sizes[fold]++;
        }
        for (int size : sizes) {
            assertTrue(size > c.training.size() / 10, "an empty or tiny fold: " + size);
        }
    }

    @Test
    void everyTrainingTextIsScoredOnceByModelsThatNeverSawIt() throws IOException {
        SentimentCorpora c = corpora();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // an empty data folder: no emoticon list but the curated one; smaller tables, fewer passes
        Path data = Files.createDirectories(dir.resolve("no-shared-data"));
        String json =
                CrossValidation.run(
                        c,
                        data,
                        List.of("--bits", "16", "--epochs", "3"),
                        2,
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode cv = new ObjectMapper().readTree(json);
        String table = printed.toString(StandardCharsets.UTF_8);

        assertEquals(2, cv.path("folds").asInt(), json);
        assertEquals("--bits 16 --epochs 3", cv.path("trainerOptions").asText(), json);
        assertEquals(c.training.size(), cv.path("all").path("texts").asInt(), json);
        JsonNode mine = cv.path("sets").path("csv:mine.csv");
        assertEquals(c.training.size(), mine.path("texts").asInt(), json);
        // both learn the words that decide these texts from the other fold
        assertTrue(mine.path("accuracy").asDouble() > 0.9, json);
        assertTrue(mine.path("accuracyBySign").asDouble() > 0.9, json);
        assertTrue(mine.path("baseline").asDouble() > 0.9, json);
        assertTrue(table.contains("fold 2 of 2"), table);
        assertTrue(table.contains("the model trained with --bits 16 --epochs 3"), table);
        assertTrue(table.contains("model ahead of the baseline (accuracy) on"), table);
    }

    @Test
    void trainerOptionsAreCheckedBeforeAnyTrainingAndOnlyTakenWithCv() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out =
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        String[] withoutCv = {"--data", data.toString(), "--", "--bits", "16"};
        assertEquals(2, EvaluateSentiment.run(withoutCv, out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("are for --cv"), err.toString());

        err.reset();
        String[] unknown = {"--data", data.toString(), "--cv", "--", "--no-such-option"};
        assertEquals(2, EvaluateSentiment.run(unknown, out, errors));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("unknown option --no-such-option"),
                err.toString());
    }
}
