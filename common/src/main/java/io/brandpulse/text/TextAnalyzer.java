package io.brandpulse.text;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.KeywordRule;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Trie;

/**
 * The whole analysis of one text: normalize, find markup and terms (one automaton pass), segment,
 * score sentiment, grade complaints, flag spam, key duplicates. Everything is found on the
 * normalized text and reported in the original characters.
 *
 * <p>Not thread-safe (it holds a tokenizer): one per operator instance, created in {@code open()}.
 */
public final class TextAnalyzer implements AutoCloseable {
    /** Terms reported as keyword hits. */
    private static final Set<Kind> REPORTED = Set.of(Kind.BRAND, Kind.KEYWORD, Kind.CRISIS);

    /**
     * Terms kept whole in the tokens: the reported ones, and today's words smartcn's dictionary
     * lacks (外卖, 客服).
     */
    private static final Set<Kind> WHOLE = Set.of(Kind.BRAND, Kind.KEYWORD, Kind.CRISIS, Kind.WORD);

    /**
     * Own text shorter than this (转发微博, 哈哈) does not identify a repost: its reposted content does.
     */
    private static final int MIN_OWN_CONTENT = 5;

    /**
     * How many recent distinct texts keep their analysis. Copy-paste campaigns, bots and reposts
     * without own words ("转发微博") repeat a text verbatim, close together in time; a bounded LRU
     * serves them without segmenting again. Only texts up to {@link #MAX_REMEMBERED_CHARS} are
     * kept, so the map stays within a few megabytes.
     */
    static final int RECENT_TEXTS = 1024;

    static final int MAX_REMEMBERED_CHARS = 500;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final TermMatcher terms;
    private final ChineseSegmenter segmenter;
    private final List<CompiledRule> rules = new ArrayList<>();

    private final List<BrandSettings> brands;

    /** Checks the rules' crisis flag; only a test gives another ({@link #checkCrisisWith}). */
    private NgramModel crisisModel = NgramModel.crisis();

    /**
     * Analyses of recent texts, by original text, with the normalized text they were made from and
     * the {@link #generation} they were made under; entries never leave this map (callers get
     * copies). A successor built for a change takes the map over ({@link #TextAnalyzer(List,
     * TextAnalyzer)}).
     */
    private Map<String, Remembered> recent = newRecentTexts();

    private static Map<String, Remembered> newRecentTexts() {
        return new LinkedHashMap<>(RECENT_TEXTS * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > RECENT_TEXTS;
            }
        };
    }

    private record Remembered(String normalized, TextAnalysis analysis, long generation) {}

    /**
     * How many changes of brands separate this analyzer from the first of its line (0 for one built
     * from brands alone).
     */
    private final long generation;

    /**
     * The changes of brands a remembered analysis may predate, oldest first: each with the terms
     * (old and new) of the brands it changed. A remembered text holding one of a later change's
     * terms is analysed again. At most {@link #CHANGES_CHECKED}.
     */
    private final Deque<Change> changes = new ArrayDeque<>();

    /** Remembered analyses made before this generation are never served. */
    private long staleBefore;

    /** How many changes an analysis remembered from before them is checked against. */
    static final int CHANGES_CHECKED = 64;

    private record Change(long generation, Trie terms) {}

    private long served;

    /**
     * An analyzer for other brands that keeps what {@code previous} remembered of recent texts
     * where the change cannot matter: a remembered text is served only if it holds none of the
     * terms (old or new) of a brand changed since it was analysed. The check is made when a text
     * comes again, not when the brands change: a burst of changes rebuilds the analyzer many times
     * a second, and checking every remembered text each time cost more than the memory saved.
     *
     * <p>The memory moves, it is not copied: {@code previous} remembers nothing afterwards (it is
     * about to be closed). Copying the 1,024 texts was half of a rebuild's time and allocation
     * (about 250 of 450 us and 48 of 86 KB, warm), and a burst of changes rebuilds the analyzer of
     * every enrichment instance once per change.
     */
    public TextAnalyzer(List<BrandSettings> brands, TextAnalyzer previous) {
        this(brands, previous.segmenter.implementation(), previous.generation + 1);
        List<String> changed = changedTerms(previous.brands, brands);
        if (changed == null) {
            return; // a changed rule could match without any of its terms: nothing is kept
        }
        staleBefore = previous.staleBefore;
        changes.addAll(previous.changes);
        if (!changed.isEmpty()) {
            changes.addLast(new Change(generation, automaton(changed)));
        }
        while (changes.size() > CHANGES_CHECKED) {
            staleBefore = changes.removeFirst().generation();
        }
        recent = previous.recent; // the order of use is kept
        previous.recent = newRecentTexts();
    }

    /** How many analyses were served from memory (for tests). */
    long served() {
        return served;
    }

    /**
     * Whether a remembered analysis holds under this analyzer's brands: made under them, or its
     * text holds no term of a brand changed since.
     */
    private boolean holds(Remembered known) {
        if (known.generation() == generation) return true;
        if (known.generation() < staleBefore) return false;
        for (Change change : changes) {
            if (change.generation() > known.generation()
                    && change.terms().containsMatch(known.normalized())) {
                return false;
            }
        }
        return true;
    }

    /**
     * An automaton that tells whether a text holds any of the terms (at least one). Built at every
     * change, so on org.ahocorasick's trie, which builds a few terms in microseconds (see {@link
     * TermMatcher}: the double-array one costs milliseconds a build, whatever its size).
     */
    private static Trie automaton(List<String> terms) {
        return Trie.builder().addKeywords(terms).build();
    }

    /**
     * The normalized terms of every brand added, removed or changed between the two lists (its old
     * and its new ones), or null when a changed brand has a rule that needs none of its terms.
     */
    private List<String> changedTerms(List<BrandSettings> before, List<BrandSettings> after) {
        Map<String, BrandSettings> old = new HashMap<>();
        before.forEach(b -> old.put(b.id, b));
        Map<String, BrandSettings> now = new HashMap<>();
        after.forEach(b -> now.put(b.id, b));
        List<String> terms = new ArrayList<>();
        Set<String> ids = new HashSet<>(old.keySet());
        ids.addAll(now.keySet());
        for (String id : ids) {
            BrandSettings was = old.get(id);
            BrandSettings is = now.get(id);
            if (was != null && is != null && was.rulesVersion().equals(is.rulesVersion())) {
                continue;
            }
            for (BrandSettings b : new BrandSettings[] {was, is}) {
                if (b == null) continue;
                List<String> own = new ArrayList<>(b.names);
                own.addAll(b.keywords);
                own.addAll(b.crisisTerms);
                for (KeywordRule rule : b.rules) {
                    if (rule.allOf.isEmpty()
                            && rule.anyOf.isEmpty()
                            && (rule.near == null || rule.near.terms.isEmpty())) {
                        return null;
                    }
                    own.addAll(rule.terms());
                }
                for (String t : own) {
                    String n = normalizer.normalize(t);
                    if (!n.isBlank()) terms.add(n);
                }
            }
        }
        return terms;
    }

    /** An analyzer of these brands with the default segmenter ({@code fast}). */
    public TextAnalyzer(List<BrandSettings> brands) {
        this(brands, ChineseSegmenter.Implementation.FAST, 0);
    }

    /** An analyzer of these brands whose words come from this implementation of smartcn. */
    public TextAnalyzer(List<BrandSettings> brands, ChineseSegmenter.Implementation segmenter) {
        this(brands, segmenter, 0);
    }

    private TextAnalyzer(
            List<BrandSettings> brands,
            ChineseSegmenter.Implementation segmenter,
            long generation) {
        this.segmenter = new ChineseSegmenter(segmenter);
        this.generation = generation;
        this.brands = List.copyOf(brands);
        this.terms = new TermMatcher(brands, normalizer);
        for (BrandSettings brand : brands) {
            for (KeywordRule rule : brand.rules) {
                rules.add(new CompiledRule(brand.id, rule, normalizer));
            }
        }
    }

    public NormalizedText normalize(String text) {
        return normalizer.normalizeWithOffsets(text);
    }

    public TextAnalysis analyze(String text) {
        return analyze(normalize(text));
    }

    /**
     * The analysis of a text; a text seen verbatim among the last {@link #RECENT_TEXTS} distinct
     * ones is not analysed again. The caller owns the result and may change its scalar fields.
     */
    public TextAnalysis analyze(NormalizedText text) {
        Remembered known = recent.get(text.original());
        if (known != null && holds(known)) {
            if (known.generation() != generation) { // checked once, not at every repeat
                recent.put(
                        text.original(),
                        new Remembered(known.normalized(), known.analysis(), generation));
            }
            served++;
            return known.analysis().copy();
        }
        TextAnalysis a = analyzeAnew(text);
        if (text.original().length() <= MAX_REMEMBERED_CHARS) {
            recent.put(text.original(), new Remembered(text.normalized(), a.copy(), generation));
        }
        return a;
    }

    private TextAnalysis analyzeAnew(NormalizedText text) {
        String normalized = text.normalized();
        TextAnalysis a = new TextAnalysis();
        SocialMarkup markup = new SocialMarkup(normalized);
        List<Hit> hits = terms.find(normalized);
        String masked = markup.maskedForSegmentation();

        a.emoticons = originals(text, markup.emoticons);
        a.emoji = originals(text, markup.emoji);
        a.urls = originals(text, markup.urls);
        a.mentions = originals(text, markup.mentions);
        a.topics = originals(text, markup.topics);
        a.repost = markup.isRepostChain();
        List<String> spam = SpamDetector.reasons(hits, markup, normalized);
        String closedUp = spam.isEmpty() ? SpamDetector.closeUpSpacedOut(normalized) : null;
        if (closedUp != null) { // 加 威 ❤ 送 青 柠 券: spaced out to pass filters, read closed up
            spam = SpamDetector.reasons(terms.find(closedUp), new SocialMarkup(closedUp), closedUp);
        }
        if (spam.isEmpty()) {
            tokens(text, masked, hits, a);
        } else { // nothing downstream counts a spam text's words: segmentation, the costliest step,
            // is skipped
            a.tokens = new String[0];
            a.tokenStarts = new int[0];
            a.tokenEnds = new int[0];
        }
        // a handle's words (//@咖啡续命er: has "er", @暖暖母婴官方 has 婴) name someone; they say nothing
        List<Hit> said = ComplaintGrader.outsideHandles(hits, markup);
        List<Hit> meant = ComplaintGrader.meant(normalized, said);
        keywords(text, meant, a);
        a.matchedRules = matchedRules(hits);

        List<String> emoticons = new ArrayList<>(markup.emoticons.size() + markup.emoji.size());
        markup.emoticons.forEach(s -> emoticons.add(markup.text(s)));
        markup.emoji.forEach(s -> emoticons.add(markup.text(s)));
        // The model learned Chinese: on text without a Chinese character or an emoticon it would
        // only guess.
        Sentiment s =
                emoticons.isEmpty() && !hasChinese(normalized)
                        ? Sentiment.NONE
                        : SharedModel.INSTANCE.score(normalized, emoticons);
        a.sentimentLabel = s.label;
        a.sentimentScore = s.score;
        a.sentimentConfidence = s.confidence;

        ComplaintGrader.grade(normalized, meant, meant.size() < said.size(), s, markup, a);
        // The rules read a severe word in context, and each new shape of one that is no crisis (the
        // writer's own job, a joke, a drama's plot, another firm's news) needs a rule of its own,
        // while the post around it still reads like chatter. The crisis model, trained on the
        // development set's crises, clears the flag where the post reads like none of them; the
        // complaint and its severity stand. It is not asked where a miss costs most or the words
        // are no figure of speech: a CRITICAL harm (a child, a hospital, a death), a hazard named
        // in words of its own (a foreign body, 翻新机 sold as new), a brand's own crisis term (the
        // team's word, not a reading: a product's nickname added mid-crisis), a post without
        // Chinese (the model learned Chinese posts).
        if (a.crisis
                && hasChinese(normalized)
                && !"CRITICAL".equals(a.severity)
                && !ComplaintGrader.namesAHazardPlainly(meant)
                && !namesABrandsCrisisTerm(said)
                && !crisisModel.accepts(normalized)) {
            a.crisis = false;
        }
        if (!spam.isEmpty()) { // an ad is no customer's complaint, question or crisis (高价回收…)
            a.complaint = false;
            a.complaintCategory = null;
            a.severity = null;
            a.question = false;
            a.crisis = false;
        }
        a.spam = !spam.isEmpty();
        a.spamReasons = spam.toArray(String[]::new);
        a.duplicateKey = DuplicateKey.hex(duplicateKey(masked, markup));
        return a;
    }

    /**
     * Tests only: check the crisis flag with this model (one that accepts nothing shows where the
     * model is never asked, whatever the shipped one would say). Call before the first analysis.
     */
    void checkCrisisWith(NgramModel model) {
        this.crisisModel = model;
    }

    private static boolean namesABrandsCrisisTerm(List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.CRISIS && hit.meaning().brand() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text cut into tokens for people and for segmentation benchmarks: words, punctuation, and
     * markup (emoticons, emoji, URLs, @mentions) each one token, in the original characters;
     * configured terms stay whole.
     */
    public List<String> segmentForDisplay(String original) {
        NormalizedText text = normalize(original);
        String normalized = text.normalized();
        SocialMarkup markup = new SocialMarkup(normalized);
        List<int[]> whole = new ArrayList<>();
        for (List<int[]> spans :
                List.of(markup.emoticons, markup.emoji, markup.urls, markup.mentions)) {
            whole.addAll(spans);
        }
        List<int[]> words = new ArrayList<>();
        segmenter.segment(
                markup.maskedForSegmentation(),
                true,
                (start, end) -> words.add(new int[] {start, end}));
        for (int[] term : wholeTermSpans(terms.find(normalized), words)) {
            if (whole.stream().noneMatch(m -> m[0] < term[1] && term[0] < m[1])) {
                whole.add(term);
            }
        }
        whole.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<String> tokens = new ArrayList<>();
        for (int[] span : inOriginal(text, mergeWhole(words, whole))) {
            String token = original.substring(span[0], span[1]).strip();
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Configured brands named in an analysed text, in order of first appearance. */
    public static List<String> brandsNamed(TextAnalysis a) {
        Set<String> brands = new LinkedHashSet<>();
        for (KeywordHit hit : a.keywords) {
            if (hit.kind.equals("BRAND")) {
                brands.add(hit.brand);
            }
        }
        return new ArrayList<>(brands);
    }

    /**
     * Words from the segmenter, except that a configured brand name, keyword or crisis term is one
     * token however the segmenter cut it (smartcn splits 星巴克 into 星|巴|克).
     */
    private void tokens(NormalizedText text, String masked, List<Hit> hits, TextAnalysis a) {
        List<int[]> words = new ArrayList<>();
        segmenter.segment(masked, (start, end) -> words.add(new int[] {start, end}));
        List<int[]> original = inOriginal(text, mergeWhole(words, wholeTermSpans(hits, words)));
        a.tokens = new String[original.size()];
        a.tokenStarts = new int[original.size()];
        a.tokenEnds = new int[original.size()];
        for (int i = 0; i < original.size(); i++) {
            a.tokenStarts[i] = original.get(i)[0];
            a.tokenEnds[i] = original.get(i)[1];
            a.tokens[i] = text.original().substring(a.tokenStarts[i], a.tokenEnds[i]);
        }
    }

    /**
     * Is {@code [start, end)} made of single characters of the segmenter (a word its dictionary
     * lacks, which it falls back to cutting char by char)?
     */
    private static boolean madeOfSingleCharacters(List<int[]> words, int start, int end) {
        int low = 0;
        int high = words.size();
        while (low < high) { // the first word that ends after start
            int mid = (low + high) >>> 1;
            if (words.get(mid)[1] <= start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < words.size() && words.get(i)[0] < end; i++) {
            int[] word = words.get(i);
            if (word[0] < start || word[1] > end || word[1] - word[0] > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spans of the normalized text (in order, not overlapping) as spans of the original; spans cut
     * inside one original character's expansion ({@code ℃} → {@code °c}, {@code …} → {@code ...},
     * {@code ①} → {@code 1}) become one, so no original character is reported twice.
     */
    private static List<int[]> inOriginal(NormalizedText text, List<int[]> spans) {
        List<int[]> original = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            int start = text.originalStart(span[0]);
            int end = text.originalEnd(span[1]);
            int[] last = original.isEmpty() ? null : original.get(original.size() - 1);
            if (last != null && start < last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                original.add(new int[] {start, end});
            }
        }
        return original;
    }

    /**
     * Words and whole spans (sorted, non-overlapping) in order; a word across the edge of a whole
     * span keeps what lies outside it (售后服务 across the term 售后 leaves 服务), so no character is lost;
     * a word inside one gives way to it.
     */
    private static List<int[]> mergeWhole(List<int[]> words, List<int[]> whole) {
        List<int[]> pieces = new ArrayList<>(words.size());
        int t = 0;
        for (int[] word : words) {
            int start = word[0];
            int end = word[1];
            while (t < whole.size() && whole.get(t)[1] <= start) t++;
            for (int k = t; start < end && k < whole.size() && whole.get(k)[0] < end; k++) {
                int[] span = whole.get(k);
                if (span[0] > start) pieces.add(new int[] {start, span[0]});
                start = Math.max(start, span[1]);
            }
            if (start < end) pieces.add(new int[] {start, end});
        }
        List<int[]> merged = new ArrayList<>(pieces.size() + whole.size());
        int p = 0;
        for (int[] span : whole) {
            while (p < pieces.size() && pieces.get(p)[0] < span[0]) merged.add(pieces.get(p++));
            merged.add(span);
        }
        while (p < pieces.size()) merged.add(pieces.get(p++));
        return merged;
    }

    /**
     * Non-overlapping spans of terms kept whole, in order; of overlapping ones the leftmost, then
     * the longest. A configured term (a brand's name, keyword or crisis term) is always whole; a
     * term of the built-in lexicon only where the segmenter fell back to single characters (离|谱 →
     * 离谱), never where it would cut a word (新|品种 keeps 品种), join words (停业|整顿) or sit inside a
     * longer one (行政诉讼, 售后服务): there the segmenter's dictionary knows better.
     */
    private static List<int[]> wholeTermSpans(List<Hit> hits, List<int[]> words) {
        List<int[]> spans = new ArrayList<>();
        for (Hit hit : hits) {
            if (WHOLE.contains(hit.meaning().kind())
                    && (hit.meaning().brand() != null
                            || madeOfSingleCharacters(words, hit.start(), hit.end()))) {
                spans.add(new int[] {hit.start(), hit.end()});
            }
        }
        spans.sort(
                (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        List<int[]> chosen = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            if (chosen.isEmpty() || span[0] >= chosen.get(chosen.size() - 1)[1]) {
                chosen.add(span);
            }
        }
        return chosen;
    }

    private static void keywords(NormalizedText text, List<Hit> hits, TextAnalysis a) {
        List<KeywordHit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Hit hit : hits) {
            Kind kind = hit.meaning().kind();
            if (REPORTED.contains(kind)
                    && seen.add(
                            kind
                                    + "|"
                                    + hit.meaning().brand()
                                    + "|"
                                    + hit.start()
                                    + "|"
                                    + hit.end())) {
                int start = text.originalStart(hit.start());
                int end = text.originalEnd(hit.end());
                out.add(
                        new KeywordHit(
                                text.original().substring(start, end),
                                kind.name(),
                                hit.meaning().brand(),
                                start,
                                end));
            }
        }
        a.keywords = out.toArray(KeywordHit[]::new);
    }

    private String[] matchedRules(List<Hit> hits) {
        if (rules.isEmpty()) {
            return new String[0];
        }
        Map<String, List<int[]>> found = new HashMap<>();
        for (Hit hit : hits) {
            found.computeIfAbsent(hit.term(), t -> new ArrayList<>())
                    .add(new int[] {hit.start(), hit.end()});
        }
        List<String> matched = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.matches(found)) {
                matched.add(rule.brand + ":" + rule.id);
            }
        }
        return matched.toArray(String[]::new);
    }

    private static long duplicateKey(String masked, SocialMarkup markup) {
        int ownLetters = 0;
        for (int i = 0; i < markup.ownTextEnd && ownLetters < MIN_OWN_CONTENT; i++) {
            if (Character.isLetterOrDigit(masked.charAt(i))) {
                ownLetters++;
            }
        }
        if (ownLetters >= MIN_OWN_CONTENT || !markup.isRepostChain()) {
            return DuplicateKey.simHash(masked, 0, markup.ownTextEnd);
        }
        // A bare repost: the key of the innermost reposted content, after the last "//@name:".
        int last = masked.lastIndexOf(':', masked.length() - 1);
        int start = last >= markup.ownTextEnd ? last + 1 : markup.ownTextEnd;
        return DuplicateKey.simHash(masked, start, masked.length());
    }

    private static boolean hasChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isIdeographic(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String[] originals(NormalizedText text, List<int[]> spans) {
        String[] out = new String[spans.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.originalSpan(spans.get(i)[0], spans.get(i)[1]);
        }
        return out;
    }

    @Override
    public void close() {
        segmenter.close();
    }

    /** A keyword rule with its terms normalized. */
    private static final class CompiledRule {
        final String brand;
        final String id;
        final List<String> allOf;
        final List<String> anyOf;
        final List<String> noneOf;
        final String nearA;
        final String nearB;
        final int within;

        CompiledRule(String brand, KeywordRule rule, TextNormalizer n) {
            this.brand = brand;
            this.id = rule.id;
            this.allOf = rule.allOf.stream().map(n::normalize).toList();
            this.anyOf = rule.anyOf.stream().map(n::normalize).toList();
            this.noneOf = rule.noneOf.stream().map(n::normalize).toList();
            boolean near = rule.near != null && rule.near.terms.size() == 2;
            this.nearA = near ? n.normalize(rule.near.terms.get(0)) : null;
            this.nearB = near ? n.normalize(rule.near.terms.get(1)) : null;
            this.within = near ? rule.near.within : 0;
        }

        boolean matches(Map<String, List<int[]>> found) {
            if (!allOf.stream().allMatch(found::containsKey)) {
                return false;
            }
            if (!anyOf.isEmpty() && anyOf.stream().noneMatch(found::containsKey)) {
                return false;
            }
            if (noneOf.stream().anyMatch(found::containsKey)) {
                return false;
            }
            return nearA == null || near(found.get(nearA), found.get(nearB));
        }

        private boolean near(List<int[]> as, List<int[]> bs) {
            if (as == null || bs == null) {
                return false;
            }
            for (int[] a : as) {
                for (int[] b : bs) {
                    int gap = a[0] < b[0] ? b[0] - a[1] : a[0] - b[1];
                    if (gap <= within) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * The sentiment model is read-only: one per JVM, shared by every analyzer, loaded on first use.
     */
    private static final class SharedModel {
        static final SentimentModel INSTANCE = SentimentModel.loadDefault();
    }
}
