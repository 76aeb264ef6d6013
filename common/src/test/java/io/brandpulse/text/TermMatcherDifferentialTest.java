package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import io.brandpulse.text.TermMatcher.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

/**
 * The matcher keeps the built-in lexicon's automaton apart from the brands' (so a brand change
 * rebuilds only the small one). It must find exactly what one automaton over every term finds, in
 * the same order with the same meanings: compared on the development sets' texts and on random
 * strings made of terms, brand names and other characters.
 */
class TermMatcherDifferentialTest {
    private static final String CONFIG =
            """
            privacy:
              pseudonymKey: "0123456789abcdef"
            brands:
              - id: qingning
                names: [青柠咖啡, 青檸, QN Coffee]
                keywords: [新品, 拿铁, 中毒]
                crisisTerms: [发霉, 召回, 异物]
                competitors: [beian]
              - id: beian
                names: [北岸茶饮, 北岸]
                keywords: [奶茶, 投诉]
                crisisTerms: [食物中毒]
                rules:
                  - {id: refund, allOf: [退款], anyOf: [客服, 售后]}
            """;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final List<BrandSettings> brands =
            new ConfigLoader(name -> null).parse("test.yaml", CONFIG, List.of()).brands;
    private final TermMatcher matcher = new TermMatcher(brands, normalizer);
    private final Reference reference = new Reference();

    /** One automaton over the lexicon's terms then the brands', as the matcher was built before. */
    private final class Reference {
        final Map<String, List<Term>> meanings = new LinkedHashMap<>();
        final Trie trie;

        Reference() {
            try (BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(
                                    TermMatcher.class.getResourceAsStream("/text/lexicon.tsv"),
                                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] c = line.split("\t");
                    for (String term : c[2].split("\\|")) {
                        add(
                                normalizer.normalize(term.trim()),
                                new Term(Kind.valueOf(c[0]), c[1].equals("-") ? null : c[1], null));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (BrandSettings b : brands) {
                b.names.forEach(
                        n -> add(normalizer.normalize(n), new Term(Kind.BRAND, null, b.id)));
                b.keywords.forEach(
                        k -> add(normalizer.normalize(k), new Term(Kind.KEYWORD, null, b.id)));
                b.crisisTerms.forEach(
                        k -> add(normalizer.normalize(k), new Term(Kind.CRISIS, null, b.id)));
                b.rules.forEach(
                        r ->
                                r.terms()
                                        .forEach(
                                                t ->
                                                        add(
                                                                normalizer.normalize(t),
                                                                new Term(
                                                                        Kind.RULE_TERM,
                                                                        r.id,
                                                                        b.id))));
            }
            Trie.TrieBuilder builder = Trie.builder();
            meanings.keySet().forEach(builder::addKeyword);
            trie = builder.build();
        }

        void add(String term, Term meaning) {
            if (term.isBlank()) return;
            List<Term> list = meanings.computeIfAbsent(term, t -> new ArrayList<>());
            if (!list.contains(meaning)) list.add(meaning);
        }

        List<Hit> find(String text) {
            List<Hit> hits = new ArrayList<>();
            for (Emit e : trie.parseText(text)) {
                int start = e.getStart();
                int end = e.getEnd() + 1;
                if (!TermMatcher.isWholeWordWhereLatin(text, start, end)) continue;
                for (Term m : meanings.get(e.getKeyword())) {
                    hits.add(new Hit(e.getKeyword(), m, start, end));
                }
            }
            return hits;
        }
    }

    private void same(String text) {
        String normalized = normalizer.normalize(text);
        assertEquals(reference.find(normalized), matcher.find(normalized), text);
    }

    @Test
    void findsWhatOneAutomatonOverEveryTermFindsOnRandomStringsOfTerms() {
        List<String> pieces = new ArrayList<>(reference.meanings.keySet());
        pieces.addAll(List.of("的", "了", "，", " ", "a", "Coffee", "qn", "7", "！", "😀", "。"));
        DifferentialTexts.randomStrings(pieces, 20261204, 20_000, 12, 4).forEach(this::same);
    }

    @Test
    void findsWhatOneAutomatonOverEveryTermFindsOnTheDevelopmentTexts() throws IOException {
        DifferentialTexts.developmentLines().forEach(this::same);
    }
}
