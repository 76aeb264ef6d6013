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
 * The model the product ships is the one {@code scripts/train-sentiment} builds from the shared
 * data, byte for byte: a change to the trainer, its data or its defaults that is not followed by a
 * retrained model fails here.
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
}
