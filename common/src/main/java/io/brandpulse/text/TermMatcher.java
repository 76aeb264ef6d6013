package io.brandpulse.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.KeywordRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every term the analysis cares about in one Aho-Corasick pass over the normalized text: the
 * configured brands' names, keywords, crisis terms and rule terms, and the built-in domain lexicon
 * ({@code text/lexicon.tsv}: complaint cues, severity cues, questions, spam). Matching is on
 * normalized text, so Traditional/Simplified script, width and case do not matter; Latin terms only
 * match as whole words ({@code nike} is not found in {@code nikeland}, but is in {@code nike鞋}).
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class TermMatcher {
    public enum Kind {
        BRAND,
        KEYWORD,
        CRISIS,
        RULE_TERM,
        WORD,
        COMPLAINT,
        PROBLEM,
        EXPLICIT,
        TASTE,
        HARM,
        VULNERABLE,
        RELIEF,
        USE,
        AFTER,
        MANY,
        FIGURATIVE,
        ESCALATE,
        QUESTION,
        REQUEST,
        RHETORICAL,
        VOICE,
        ADDRESS,
        SUGGESTION,
        TURN,
        MINOR,
        SPAM
    }

    /**
     * What a term means: its kind, a tag (complaint category, spam strength) and the brand it
     * belongs to.
     */
    public record Term(Kind kind, String tag, String brand) {}

    /** A term found at {@code [start, end)} of the normalized text. */
    public record Hit(String term, Term meaning, int start, int end) {}

    private static final String LEXICON = "/text/lexicon.tsv";

    /**
     * The built-in lexicon's terms, built once per JVM: a change of brands (the control topic)
     * builds only the brands' small automaton, not this one.
     */
    private static volatile Terms lexicon;

    /** A term and everything it means: what the automaton hands back for a match. */
    private record Entry(String term, List<Term> meanings) {}

    /** A match of one automaton at {@code [start, end)}. */
    private record Found(Entry entry, int start, int end) {}

    /** By end, then by term: the order the matcher promises its hits in. */
    private static final Comparator<Found> BY_END_THEN_TERM =
            Comparator.comparingInt(Found::end).thenComparing(found -> found.entry().term());

    /**
     * Terms, what each one means, and the automaton that finds them. Two libraries, because the two
     * sets are built at very different rates:
     *
     * <ul>
     *   <li>the lexicon, built once per JVM, on a double-array Aho-Corasick automaton (com.hankcs):
     *       its transitions are array lookups, the fastest scan we measured; but its builder
     *       allocates a fixed array of two million slots (about 18 MB) whatever the number of
     *       terms, so one build costs 2 to 20 ms;
     *   <li>the brands' terms, built again at every change of brands (the control topic; 100 in a
     *       burst of {@code scripts/bench-live}), on org.ahocorasick's trie: a brand set builds in
     *       tens of microseconds; its map per state scans about 10 ns per character slower, under a
     *       microsecond for a post.
     * </ul>
     */
    private static final class Terms {
        final Map<String, List<Term>> meanings = new HashMap<>();
        private final boolean rebuiltOften;

        /** For {@link #rebuiltOften}; null when there are no terms. */
        private Trie trie;

        private Map<String, Entry> entries;

        /** For the terms built once; null when there are no terms (it cannot build empty). */
        private AhoCorasickDoubleArrayTrie<Entry> doubleArray;

        Terms(boolean rebuiltOften) {
            this.rebuiltOften = rebuiltOften;
        }

        void add(String term, Term meaning) {
            if (term.isBlank()) {
                return;
            }
            List<Term> list = meanings.computeIfAbsent(term, t -> new ArrayList<>(2));
            if (!list.contains(meaning)) {
                list.add(meaning);
            }
        }

        Terms build() {
            if (meanings.isEmpty()) {
                return this;
            }
            TreeMap<String, Entry> byTerm = new TreeMap<>();
            meanings.forEach((term, list) -> byTerm.put(term, new Entry(term, list)));
            if (rebuiltOften) {
                entries = byTerm;
                trie = Trie.builder().addKeywords(byTerm.keySet()).build();
            } else {
                doubleArray = new AhoCorasickDoubleArrayTrie<>();
                doubleArray.build(byTerm);
            }
            return this;
        }

        /** Every match in the text, by end then term. */
        List<Found> find(String text) {
            List<Found> found = new ArrayList<>();
            if (doubleArray != null) {
                doubleArray.parseText(
                        text,
                        (AhoCorasickDoubleArrayTrie.IHit<Entry>)
                                (start, end, entry) -> found.add(new Found(entry, start, end)));
            } else if (trie != null) {
                for (Emit emit : trie.parseText(text)) {
                    found.add(
                            new Found(
                                    entries.get(emit.getKeyword()),
                                    emit.getStart(),
                                    emit.getEnd() + 1));
                }
            } else {
                return List.of();
            }
            // The automata report matches by end; several ending at one place in their own order.
            found.sort(BY_END_THEN_TERM);
            return found;
        }
    }

    private final Terms brandTerms = new Terms(true);

    public TermMatcher(List<BrandSettings> brands, TextNormalizer normalizer) {
        if (lexicon == null) {
            lexicon = loadLexicon(normalizer);
        }
        for (BrandSettings brand : brands) {
            brand.names.forEach(
                    name -> add(normalizer.normalize(name), new Term(Kind.BRAND, null, brand.id)));
            brand.keywords.forEach(
                    k -> add(normalizer.normalize(k), new Term(Kind.KEYWORD, null, brand.id)));
            // Inside an @mention, the brand's own account addresses the brand (see
            // ComplaintGrader).
            brand.officialAccounts.forEach(
                    account ->
                            add(
                                    normalizer.normalize(
                                            account.substring(account.indexOf(':') + 1)),
                                    new Term(Kind.ADDRESS, "HANDLE", brand.id)));
            brand.crisisTerms.forEach(
                    k -> add(normalizer.normalize(k), new Term(Kind.CRISIS, null, brand.id)));
            for (KeywordRule rule : brand.rules) {
                rule.terms()
                        .forEach(
                                t ->
                                        add(
                                                normalizer.normalize(t),
                                                new Term(Kind.RULE_TERM, rule.id, brand.id)));
            }
        }
        brandTerms.build();
    }

    /**
     * Every hit in the normalized text, in order of position (of its end, then the term's), each
     * meaning of a term its own hit, the lexicon's meanings before the brands'.
     */
    public List<Hit> find(String normalizedText) {
        List<Found> fromLexicon = lexicon.find(normalizedText);
        List<Found> fromBrands = brandTerms.find(normalizedText);
        List<Hit> hits = new ArrayList<>((fromLexicon.size() + fromBrands.size()) * 2);
        // Each automaton's matches come by end, then by term; merged in that order, as one
        // automaton over both would give them.
        int l = 0;
        int b = 0;
        while (l < fromLexicon.size() || b < fromBrands.size()) {
            boolean lexiconFirst =
                    b == fromBrands.size()
                            || (l < fromLexicon.size()
                                    && BY_END_THEN_TERM.compare(
                                                    fromLexicon.get(l), fromBrands.get(b))
                                            <= 0);
            add(hits, normalizedText, lexiconFirst ? fromLexicon.get(l++) : fromBrands.get(b++));
        }
        return hits;
    }

    private static void add(List<Hit> hits, String text, Found found) {
        if (!isWholeWordWhereLatin(text, found.start(), found.end())) {
            return;
        }
        for (Term meaning : found.entry().meanings()) {
            hits.add(new Hit(found.entry().term(), meaning, found.start(), found.end()));
        }
    }

    private void add(String term, Term meaning) {
        brandTerms.add(term, meaning);
    }

    private static Terms loadLexicon(TextNormalizer normalizer) {
        Terms terms = new Terms(false);
        try (InputStream in = TermMatcher.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is missing from the classpath");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Kind kind = Kind.valueOf(columns[0]);
                String tag = columns[1].equals("-") ? null : columns[1];
                for (String term : columns[2].split("\\|")) {
                    terms.add(normalizer.normalize(term.trim()), new Term(kind, tag, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEXICON, e);
        }
        return terms.build();
    }

    /**
     * Is {@code [start, end)} of the text a whole word where it begins or ends with a Latin letter
     * or digit ({@code nike} in {@code nike鞋}, not in {@code nikeland})?
     */
    public static boolean isWholeWordWhereLatin(String text, int start, int end) {
        if (isLatinLetterOrDigit(text.charAt(start))
                && start > 0
                && isLatinLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        return !(isLatinLetterOrDigit(text.charAt(end - 1))
                && end < text.length()
                && isLatinLetterOrDigit(text.charAt(end)));
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
