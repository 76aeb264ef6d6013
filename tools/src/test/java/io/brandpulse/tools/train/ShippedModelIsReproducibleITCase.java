package io.brandpulse.tools.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brandpulse.jobs.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models the product ships are the ones {@code scripts/train-sentiment} and {@code
 * scripts/train-spam} build from the shared data (and the analysis development set), byte for byte:
 * a change to a trainer, its data or its defaults that is not followed by a retrained model fails
 * here. A new labelled development file changes the spam model: retrain it.
 */
class ShippedModelIsReproducibleITCase {
    private static final Path DATA = TestConfigs.ROOT.resolve("../shared/data");
    private static final Path SHIPPED =
            TestConfigs.ROOT.resolve("common/src/main/resources/sentiment/model.bin");

    @Test
    void trainingWithTheDefaultsRebuildsTheShippedModel(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(DATA), "no shared data at " + DATA);
        Path model = dir.resolve("model.bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                TrainSentiment.run(
                        new String[] {"--data", DATA.toString(), "--out", model.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(
                Files.readAllBytes(SHIPPED),
                Files.readAllBytes(model),
                "scripts/train-sentiment no longer rebuilds the shipped model: retrain it");
    }

    @Test
    void spamTrainingWithTheDefaultsRebuildsTheShippedSpamModel(@TempDir Path dir)
            throws Exception {
        assumeTrue(Files.isDirectory(DATA), "no shared data at " + DATA);
        Path model = dir.resolve("spam.bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                TrainSpam.run(
                        new String[] {
                            "--data",
                            DATA.toString(),
                            "--dev",
                            TestConfigs.ROOT
                                    .resolve("tools/src/test/resources/analysis-dev")
                                    .toString(),
                            "--out",
                            model.toString()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(
                Files.readAllBytes(
                        TestConfigs.ROOT.resolve("common/src/main/resources/spam/model.bin")),
                Files.readAllBytes(model),
                "scripts/train-spam no longer rebuilds the shipped spam model: retrain it");
    }
}
