package io.brandpulse.text.sentiment;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.brandpulse.text.RhetoricalQuestions;
import io.brandpulse.text.TermMatcher;
import io.brandpulse.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evidence the n-gram model cannot learn from review data (internet slang, sarcasm, double
 * negatives and set phrases), from a curated list ({@code sentiment/cues.tsv}): each cue found in a
 * text adds its evidence to the model's margin.
 *
 * <p>Why a list and not training rows: the training sets (reviews, 2012-2018 Weibo) barely contain
 * yyds, 破防 or 谢谢你全家, so adding a handful of rows moves the weights by noise; a cue says outright
 * what a reader knows. Matching is one Aho-Corasick pass (the library the term matcher uses) with
 * overlaps resolved to the longest cue, so 不会再来 is one negative cue and not also the positive 会再来.
 * A slang cue right after a negator (没踩雷) counts half, turned around; sarcasm and set phrases
 * already say what they mean and are never turned.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentimentCues {
    /** The classpath resource {@link #loadDefault()} reads. */
    public static final String DEFAULT_RESOURCE = "/sentiment/cues.tsv";

    /** The kinds of cue in the list. */
    public enum Kind {
        /** Internet slang; a negator just before it turns it to minus half its evidence. */
        SLANG,
        /** Praise said to mean its opposite; never turned. */
        SARCASM,
        /** Double negatives and set phrases; never turned. */
        PHRASE,
        /**
         * Praise that means its opposite in quotes (真是"良心"商家, 这"高效"的售后): counts only as the whole
         * of a quoted span, and nowhere else.
         */
        QUOTED
    }

    /** One cue: its kind and the evidence it adds to the margin (log-odds of positive). */
    public record Cue(Kind kind, float evidence) {}

    /** Characters that negate a slang cue when they end just before it (not quite, not ever). */
    private static final String NEGATORS = "不没无别未";

    private static final float NEGATED_FACTOR = -0.5f;

    private static final SentimentCues NONE = new SentimentCues(Map.of());

    private static volatile SentimentCues defaultCues;

    /** Opening quotes and, at the same index, their closing ones. */
    private static final String QUOTE_OPENERS = "\"\u201c\u300c\u300e\u2018";

    private static final String QUOTE_CLOSERS = "\"\u201d\u300d\u300f\u2019";

    /** The longest quoted span looked up as {@link Kind#QUOTED} praise. */
    private static final int MAX_QUOTED = 6;

    private final Map<String, Cue> cues;
    private final Map<String, Cue> quoted = new HashMap<>();

    /** The non-quoted cues' automaton; null when there are none. */
    private final AhoCorasickDoubleArrayTrie<String> trie;

    /**
     * @param cues normalized terms and their cues
     */
    public SentimentCues(Map<String, Cue> cues) {
        this.cues = Collections.unmodifiableMap(new TreeMap<>(cues));
        TreeMap<String, String> matched = new TreeMap<>();
        this.cues.forEach(
                (term, cue) -> {
                    if (cue.kind() == Kind.QUOTED) quoted.put(term, cue);
                    else matched.put(term, term);
                });
        if (matched.isEmpty()) {
            this.trie = null;
        } else {
            this.trie = new AhoCorasickDoubleArrayTrie<>();
            this.trie.build(matched);
        }
    }

    /** No cues: the model's margin alone. */
    public static SentimentCues none() {
        return NONE;
    }

    /** The shipped list (loaded once, then shared). */
    public static SentimentCues loadDefault() {
        SentimentCues c = defaultCues;
        if (c == null) {
            synchronized (SentimentCues.class) {
                c = defaultCues;
                if (c == null) {
                    try (InputStream in =
                            SentimentCues.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(
                                    "sentiment cues not on the classpath: " + DEFAULT_RESOURCE);
                        }
                        c = load(in, new TextNormalizer());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
                    }
                    defaultCues = c;
                }
            }
        }
        return c;
    }

    /**
     * Reads a list in the format of {@code sentiment/cues.tsv} ({@code kind<TAB>evidence<TAB>terms
     * separated by |}, {@code #} comments); terms are normalized as the texts will be. A term
     * listed twice keeps its last cue. Does not close {@code in}.
     *
     * @throws IllegalArgumentException on a line that does not parse, naming its line number
     */
    public static SentimentCues load(InputStream in, TextNormalizer normalizer) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Cue> cues = new HashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] columns = line.split("\t");
            Cue cue;
            try {
                if (columns.length != 3) throw new IllegalArgumentException("expected 3 columns");
                cue = new Cue(Kind.valueOf(columns[0].trim()), Float.parseFloat(columns[1].trim()));
                if (!Float.isFinite(cue.evidence()))
                    throw new IllegalArgumentException("evidence is not a finite number");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "sentiment cues line " + lineNumber + ": " + e.getMessage(), e);
            }
            for (String term : columns[2].split("\\|")) {
                String normalized = normalizer.normalize(term.trim()).toLowerCase(Locale.ROOT);
                if (!normalized.isEmpty()) cues.put(normalized, cue);
            }
        }
        return new SentimentCues(cues);
    }

    public int size() {
        return cues.size();
    }

    /** Every normalized term and its cue. */
    Map<String, Cue> all() {
        return cues;
    }

    /** The cue of a normalized term, or null. */
    public Cue cue(String term) {
        return cues.get(term);
    }

    /**
     * The summed evidence of the cues in a normalized text (0 when there are none): added to the
     * model's margin. Latin cues count only as whole words (nice, not nicer).
     */
    public double evidence(String normalizedText) {
        if (cues.isEmpty() || normalizedText.isEmpty()) return 0.0;
        double sum = quotedPraise(normalizedText);
        if (trie == null) return sum;
        for (AhoCorasickDoubleArrayTrie.Hit<String> hit : withoutOverlaps(normalizedText)) {
            int start = hit.begin;
            int end = hit.end;
            if (!TermMatcher.isWholeWordWhereLatin(normalizedText, start, end)) continue;
            Cue cue = cues.get(hit.value);
            if (cue.kind() == Kind.SLANG
                    && cue.evidence() < 0
                    && askedAbout(normalizedText, start, end)) continue;
            float e = cue.evidence();
            // 没踩雷 turns it; 这不是智商税吗 asks it back and says it is
            if (cue.kind() == Kind.SLANG
                    && negated(normalizedText, start)
                    && !(normalizedText.startsWith("不是", start - 2)
                            && RhetoricalQuestions.askedBackAt(normalizedText, end))) {
                e *= NEGATED_FACTOR;
            }
            sum += e;
        }
        return sum;
    }

    /** Longest match first, then leftmost: what a cue inside a longer cue reads as. */
    private static final Comparator<AhoCorasickDoubleArrayTrie.Hit<String>> LONGEST_THEN_LEFTMOST =
            Comparator.<AhoCorasickDoubleArrayTrie.Hit<String>>comparingInt(
                            hit -> hit.begin - hit.end)
                    .thenComparingInt(hit -> hit.begin);

    /**
     * The cues found, none overlapping another: a cue inside a longer one (好 in 不好) does not count,
     * and of two that overlap the longer wins, then the one to the left.
     */
    List<AhoCorasickDoubleArrayTrie.Hit<String>> withoutOverlaps(String text) {
        if (trie == null) return List.of();
        List<AhoCorasickDoubleArrayTrie.Hit<String>> hits = trie.parseText(text);
        if (hits.size() < 2) return hits;
        hits.sort(LONGEST_THEN_LEFTMOST);
        List<AhoCorasickDoubleArrayTrie.Hit<String>> kept = new ArrayList<>(hits.size());
        for (AhoCorasickDoubleArrayTrie.Hit<String> hit : hits) {
            boolean overlaps = false;
            for (AhoCorasickDoubleArrayTrie.Hit<String> k : kept) {
                if (hit.begin < k.end && k.begin < hit.end) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.add(hit);
        }
        kept.sort(Comparator.comparingInt(hit -> hit.begin)); // summed in reading order
        return kept;
    }

    /** The evidence of the {@link Kind#QUOTED} cues that are the whole of a quoted span. */
    private double quotedPraise(String text) {
        if (quoted.isEmpty()) return 0.0;
        double sum = 0.0;
        for (int open = 0, n = text.length(); open < n; open++) {
            int kind = QUOTE_OPENERS.indexOf(text.charAt(open));
            if (kind < 0) continue;
            char closer = QUOTE_CLOSERS.charAt(kind);
            for (int close = open + 2; close < n && close <= open + 1 + MAX_QUOTED; close++) {
                if (text.charAt(close) != closer) continue;
                Cue cue = quoted.get(text.substring(open + 1, close));
                if (cue != null) sum += cue.evidence();
                open = close;
                break;
            }
        }
        return sum;
    }

    /** 是不是智商税, 算不算翻车: the negator between a word and itself asks, it does not negate. */
    private static boolean aNotA(String text, int negator) {
        return negator > 0
                && negator + 1 < text.length()
                && text.charAt(negator - 1) == text.charAt(negator + 1);
    }

    /** Where a sentence ends: what {@link #askedAbout} reads as one question. */
    private static final String SENTENCE_ENDS = "。!?！？\n…";

    /** Words that ask for an answer (哪个更好, 算不算, 有没有, 怎么定义). */
    private static final String[] ASKING = {
        "哪", "算不算", "有没有", "如何", "怎么定义", "怎么判断", "怎么区分", "怎么分辨", "什么", "多少"
    };

    /** Words of a question asked back, which states its answer (凭什么, 怎么又, 难道, 这不是…吗). */
    private static final String[] ASKED_BACK = {
        "难道", "凭什么", "为什么", "为啥", "干什么", "是什么", "怎么这么", "怎么又", "怎么还", "怎么能", "怎么会", "不是", "谁"
    };

    /**
     * Is the negative slang at {@code [start, end)} what a plain question asks about (这款有踩雷的吗？,
     * 避雷视频和种草视频哪个更容易火？, 智商税到底怎么定义？)? The writer names it without saying it of anything: no opinion.
     * Its sentence must end in a question mark and ask for an answer (an asking word, or 有 before
     * the slang and 吗 at the end), and not be a question asked back (怎么又翻车了？, 这不是智商税吗？), which
     * states its answer. Praise in a question stays praise: in 这套必入，选哪色？ the question is about
     * something else.
     */
    static boolean askedAbout(String text, int start, int end) {
        int from = start;
        while (from > 0 && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0) from--;
        int to = end;
        while (to < text.length() && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0) to++;
        if (to == text.length() || "?？".indexOf(text.charAt(to)) < 0) return false;
        String sentence = text.substring(from, to);
        for (String back : ASKED_BACK) {
            if (sentence.contains(back)) return false;
        }
        for (String ask : ASKING) {
            if (sentence.contains(ask)) return true;
        }
        return sentence.endsWith("吗") && sentence.lastIndexOf('有', start - from) >= 0;
    }

    /**
     * Does a negator end just before {@code start}, or before a 有 or 是 there (没有, 不是), or did the
     * writer only expect it (以为是智商税，结果…, 本以为会踩雷): what one thought before trying it, then found
     * otherwise?
     */
    private static boolean negated(String text, int start) {
        int expected = text.lastIndexOf("以为", start - 2);
        if (expected >= 0 && start - expected <= 4) return true;
        for (int i = start - 1; i >= Math.max(0, start - 2); i--) {
            if (NEGATORS.indexOf(text.charAt(i)) >= 0) return !aNotA(text, i);
            if (i == start - 1 && (text.charAt(i) == '有' || text.charAt(i) == '是')) continue;
            break;
        }
        return false;
    }
}
