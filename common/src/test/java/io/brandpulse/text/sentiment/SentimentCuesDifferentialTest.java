package io.brandpulse.text.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

/**
 * The cues are found with a double-array automaton and overlaps are resolved here (longest, then
 * leftmost). They must be exactly the cues the previous library finds with {@code
 * ignoreOverlaps()}: compared on the development sets' texts and on random strings of cues.
 */
class SentimentCuesDifferentialTest {
    private static final Path DATA = Path.of("../../shared/data");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final SentimentCues cues = SentimentCues.loadDefault();
    private final List<String> terms = new ArrayList<>();
    private final Trie reference;

    SentimentCuesDifferentialTest() {
        Trie.TrieBuilder builder = Trie.builder().ignoreOverlaps();
        cues.all()
                .forEach(
                        (term, cue) -> {
                            if (cue.kind() != SentimentCues.Kind.QUOTED) {
                                builder.addKeyword(term);
                                terms.add(term);
                            }
                        });
        reference = builder.build();
    }

    private static String describe(int start, int end, String term) {
        return start + "-" + end + ":" + term;
    }

    private void same(String text) {
        String normalized = normalizer.normalize(text);
        List<String> expected = new ArrayList<>();
        for (Emit e : reference.parseText(normalized)) {
            expected.add(describe(e.getStart(), e.getEnd() + 1, e.getKeyword()));
        }
        List<String> actual = new ArrayList<>();
        cues.withoutOverlaps(normalized)
                .forEach(hit -> actual.add(describe(hit.begin, hit.end, hit.value)));
        assertEquals(expected, actual, text);
    }

    @Test
    void findsTheCuesTheReferenceFindsOnRandomStringsOfOverlappingCues() {
        List<String> pieces = new ArrayList<>(terms);
        pieces.addAll(List.of("不", "没", "的", "了", "，", " ", "a", "很", "😀"));
        Random random = new Random(20261205);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(10);
            for (int j = 0; j < n; j++) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                // cut some cues, so the tail of one meets the head of the next
                if (piece.length() > 1 && random.nextInt(3) == 0) {
                    piece = piece.substring(random.nextInt(piece.length()));
                }
                text.append(piece);
            }
            same(text.toString());
        }
    }

    @Test
    void findsTheCuesTheReferenceFindsOnTheDevelopmentTexts() throws IOException {
        Path weibo = DATA.resolve("weibo2018_train/train.txt");
        Path reviews = DATA.resolve("chnsenticorp_bert_split/test.tsv");
        int texts = 0;
        for (Path file : List.of(weibo, reviews)) {
            assertTrue(Files.exists(file), file + ": the shared data belongs beside the checkout");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                same(line);
                texts++;
            }
        }
        assertTrue(texts > 10_000, "read " + texts + " texts");
    }
}
