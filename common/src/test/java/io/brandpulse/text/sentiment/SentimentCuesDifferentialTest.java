package io.brandpulse.text.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brandpulse.text.DifferentialTexts;
import io.brandpulse.text.TextNormalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

/**
 * The cues are found with a double-array automaton and overlaps are resolved here (longest, then
 * leftmost). They must be exactly the cues the previous library finds with {@code
 * ignoreOverlaps()}: compared on the development sets' texts and on random strings of cues.
 */
class SentimentCuesDifferentialTest {

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
        DifferentialTexts.randomStrings(pieces, 20261205, 20_000, 10, 3).forEach(this::same);
    }

    @Test
    void findsTheCuesTheReferenceFindsOnTheDevelopmentTexts() throws IOException {
        DifferentialTexts.developmentLines().forEach(this::same);
    }
}
