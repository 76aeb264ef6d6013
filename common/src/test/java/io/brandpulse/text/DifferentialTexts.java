package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The texts differential tests compare an implementation with its reference on: every line of two
 * development sets, and random strings of terms, some cut so the tail of one meets the head of the
 * next.
 */
public final class DifferentialTexts {
    private static final Path DATA = Path.of("../../shared/data");

    private DifferentialTexts() {}

    /** Every line of weibo2018 train and ChnSentiCorp test (more than 10,000). */
    public static List<String> developmentLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name :
                List.of("weibo2018_train/train.txt", "chnsenticorp_bert_split/test.tsv")) {
            Path file = DATA.resolve(name);
            assertTrue(Files.exists(file), file + ": the shared data belongs beside the checkout");
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertTrue(lines.size() > 10_000, "read " + lines.size() + " texts");
        return lines;
    }

    /**
     * {@code count} random strings of 1 to {@code maxPieces} pieces, one in {@code cutOneIn} pieces
     * cut to a suffix.
     */
    public static List<String> randomStrings(
            List<String> pieces, long seed, int count, int maxPieces, int cutOneIn) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(maxPieces);
            for (int j = 0; j < n; j++) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                if (piece.length() > 1 && random.nextInt(cutOneIn) == 0) {
                    piece = piece.substring(random.nextInt(piece.length()));
                }
                text.append(piece);
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
