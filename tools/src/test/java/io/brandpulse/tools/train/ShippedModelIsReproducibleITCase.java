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
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models the product ships are the ones {@code scripts/train-sentiment}, {@code
 * scripts/train-spam} and {@code scripts/train-crisis} build from the shared data (and the analysis
 * development set), byte for byte: a change to a trainer, its data or its defaults that is not
 * followed by a retrained model fails here. A new labelled development file changes the spam and
 * crisis models: retrain them.
 */
class ShippedModelIsReproducibleITCase {
    private static final Path DATA = TestConfigs.ROOT.resolve("../shared/data");
    private static final Path RESOURCES = TestConfigs.ROOT.resolve("common/src/main/resources");

    /** A trainer's command line: {@code run(args, out, err)}, 0 on success. */
    @FunctionalInterface
    interface Trainer {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    @Test
    void trainingWithTheDefaultsRebuildsTheShippedModel(@TempDir Path dir) throws Exception {
        assertRebuilds(
                TrainSentiment::run,
                "sentiment/model.bin",
                "scripts/train-sentiment",
                dir,
                "--data",
                DATA.toString());
    }

    @Test
    void spamTrainingWithTheDefaultsRebuildsTheShippedSpamModel(@TempDir Path dir)
            throws Exception {
        assertRebuilds(
                TrainSpam::run,
                "spam/model.bin",
                "scripts/train-spam",
                dir,
                "--data",
                DATA.toString(),
                "--dev",
                TestConfigs.ROOT.resolve("tools/src/test/resources/analysis-dev").toString());
    }

    @Test
    void crisisTrainingWithTheDefaultsRebuildsTheShippedCrisisModel(@TempDir Path dir)
            throws Exception {
        assertRebuilds(
                TrainCrisis::run,
                "crisis/model.bin",
                "scripts/train-crisis",
                dir,
                "--dev",
                TestConfigs.ROOT.resolve("tools/src/test/resources/analysis-dev").toString());
    }

    private static void assertRebuilds(
            Trainer trainer, String shipped, String script, Path dir, String... args)
            throws Exception {
        assumeTrue(Files.isDirectory(DATA), "no shared data at " + DATA);
        Path model = dir.resolve("model.bin");
        String[] withOut = Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = model.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                trainer.run(
                        withOut, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(
                Files.readAllBytes(RESOURCES.resolve(shipped)),
                Files.readAllBytes(model),
                script + " no longer rebuilds the shipped " + shipped + ": retrain it");
    }
}
