package io.brandpulse.text.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a normalized text into hashed features: character n-grams (orders 1..{@link #maxOrder})
 * plus a few marked features for the phenomena plain n-grams see badly. The trainer and the runtime
 * call this same code, so the features the model was trained on are the features it scores.
 *
 * <ul>
 *   <li><b>Negation scope</b>: after a negator (不 没 无 非 未 别 莫 勿 甭, minus the words where they do
 *       not negate, e.g. 不过 非常 特别 无论), the next few characters of the clause also emit
 *       negation-marked unigrams and bigrams; a second negator inside the scope closes it (double
 *       negation).
 *   <li><b>Double negation</b> (不是不, 没有不, 并非不, 不得不, 无不, …): the cue is dropped from the character
 *       stream, so {@code 不是不好} is read like {@code 好}.
 *   <li><b>Degree adverbs</b> (很 非常 太 特别 十分 极其 超 有点 …): the next characters of the clause also emit
 *       degree-marked unigrams and bigrams, so an intensified word shares evidence across adverbs.
 *   <li><b>Contrast</b> (但 但是 可是 却 然而 …): the rest of the sentence also emits contrast-marked
 *       unigrams and bigrams (what follows "but" usually carries the verdict).
 *   <li><b>Repeated characters</b> (when {@link #REPEATS} is set): a one-character degree adverb
 *       said over and over (太太太, 超超, 巨巨巨) is read once, so it opens its degree scope as the plain
 *       adverb does instead of making rare n-grams (太太 alone stays: it is "wife"); any other
 *       character repeated more than three times (哈哈哈哈哈, 啊啊啊啊, !!!!!) is read three times, so one
 *       long run and another share their n-grams.
 *   <li>Text boundaries are n-gram characters too (a sentence-final {@code 差} or {@code !} is its
 *       own feature); exclamation and question marks are ordinary characters, so {@code !!} and
 *       {@code ?} are n-grams.
 * </ul>
 *
 * <p>Whitespace runs fold to one space, ASCII digits to {@code 0} (when {@link #FOLD_DIGITS} is
 * set), and format characters (variation selectors, joiners) are skipped. No allocation per call,
 * no regular expressions; the cue tables are static. Immutable and thread-safe.
 */
public final class SentimentFeatures {
    /** Called once per feature occurrence with a bucket in [0, 2^bits). */
    public interface Sink {
        void feature(int bucket);

        /**
         * A feature that counts in full whatever the text's length (a Weibo emoticon): the model
         * adds its weight to the margin instead of to the sum scaled by 1/sqrt(features).
         */
        default void unscaledFeature(int bucket) {
            feature(bucket);
        }
    }

    public static final int NEGATION = 1;
    public static final int DEGREE = 2;
    public static final int DOUBLE_NEGATION = 4;
    public static final int CONTRAST = 8;
    public static final int BOUNDARIES = 16;
    public static final int FOLD_DIGITS = 32;
    public static final int SKIP_BIGRAMS = 64;
    public static final int LAST_SENTENCE = 128;

    /** Word unigrams and bigrams from a segmentation (smartcn), with negation-scope marks. */
    public static final int WORDS = 256;

    /**
     * Each Weibo bracket emoticon ({@code [泪]}) as one whole feature, unscaled: on Weibo one
     * emoticon often carries a long repost chain's mood, which a sum scaled by the text's length
     * dilutes.
     */
    public static final int EMOTICONS = 512;

    /** Repeated characters folded: see the class comment. */
    public static final int REPEATS = 1024;

    /** The longest run of one character that is read as written (without {@link #REPEATS}: any). */
    static final int RUN_KEPT = 3;

    /**
     * One-character degree adverbs that are read once however often they are repeated. 太 only from
     * three on: 太太 is a word.
     */
    private static final String DEGREE_REPEATABLE = "很太极超挺蛮真最更巨贼忒狂";

    static final int MAX_ORDER_LIMIT = 6;

    /**
     * Ring buffer of the last kept characters: a power of two above MAX_ORDER_LIMIT, so indexes are
     * masks.
     */
    private static final int RING = 8;

    private static final int NEG_SALT = 0x5bd1e995;
    private static final int DEG_SALT = 0x1b873593;
    private static final int CON_SALT = 0x68e31da4;
    private static final int SKIP_SALT = 0x2f3a9b71;
    private static final int LAST_SALT = 0x7a4c1e53;
    private static final int NEG_SCOPE = 4;
    private static final int DEG_SCOPE = 3;
    private static final char BOS = '\u0002';
    private static final char EOS = '\u0003';

    final int bits;
    final int mask;
    final int maxOrder;
    public final int flags;

    public SentimentFeatures(int bits, int maxOrder, int flags) {
        if (bits < 10 || bits > 26)
            throw new IllegalArgumentException("bits out of [10, 26]: " + bits);
        if (maxOrder < 1 || maxOrder > MAX_ORDER_LIMIT) {
            throw new IllegalArgumentException(
                    "maxOrder out of [1, " + MAX_ORDER_LIMIT + "]: " + maxOrder);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.maxOrder = maxOrder;
        this.flags = flags;
    }

    public int buckets() {
        return 1 << bits;
    }

    /** Emits the features of {@code text} to {@code sink}; returns how many it emitted. */
    public int extract(CharSequence text, Sink sink) {
        final int len = text.length();
        final int order = maxOrder;
        final int[] ring = new int[RING]; // small, scalar-replaced by the JIT in practice
        final boolean negation = (flags & NEGATION) != 0;
        final boolean degree = (flags & DEGREE) != 0;
        final boolean doubleNegation = (flags & DOUBLE_NEGATION) != 0;
        final boolean contrast = (flags & CONTRAST) != 0;
        final boolean foldDigits = (flags & FOLD_DIGITS) != 0;
        final boolean skipBigrams = (flags & SKIP_BIGRAMS) != 0;
        final boolean repeats = (flags & REPEATS) != 0;
        final int lastStart =
                (flags & LAST_SENTENCE) != 0 ? lastSentenceStart(text) : Integer.MAX_VALUE;
        int kept = 0; // characters pushed so far
        int emitted = 0;
        int negLeft = 0; // characters left in a negation scope
        int degLeft = 0;
        boolean inContrast = false;
        boolean prevNeg = false; // was the previous kept character inside a negation scope
        boolean prevDeg = false;
        boolean prevCon = false;
        boolean lastSpace = true; // drops leading whitespace and folds runs
        if ((flags & BOUNDARIES) != 0) {
            ring[0] = BOS;
            kept = 1;
        }
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            int fold = repeats && c > ' ' ? repeatsToSkip(text, i, c) : 0;
            int skip = 0; // characters of a double-negation cue to drop from the stream
            byte kind = c < CUE_KIND.length ? CUE_KIND[c] : 0;
            if (kind != 0) {
                if (doubleNegation && (kind & K_DNEG) != 0) {
                    skip = matchDoubleNegation(text, i);
                }
                if (skip == 0) {
                    if (negation && (kind & K_NEG) != 0 && isNegator(text, i)) {
                        if (negLeft > 0) {
                            negLeft = 0; // a negator inside a negation scope cancels it
                        } else {
                            negLeft = NEG_SCOPE + 1; // +1: the negator itself is not in its scope
                        }
                    }
                    if (degree && (kind & K_DEG) != 0) {
                        int w = matchWord(DEGREE_BY_FIRST, text, i);
                        if (w > 0 && !isExcluded(DEGREE_NOT, text, i)) degLeft = DEG_SCOPE + w;
                    }
                    if (contrast
                            && (kind & K_CON) != 0
                            && matchWord(CONTRAST_BY_FIRST, text, i) > 0) {
                        inContrast = true;
                    }
                }
            }
            if (skip > 0) {
                i += skip;
                negLeft = 0;
                continue;
            }
            i++;
            int ch;
            if (c <= ' ' || c >= '\u0085' && isSpace(c)) {
                if (lastSpace) continue;
                lastSpace = true;
                ch = ' ';
            } else if (c >= '\ufe00' && c <= '\ufe0f'
                    || c == '\u200d'
                    || c == '\u200b'
                    || c == '\ufeff') {
                continue; // variation selectors, joiners, BOM
            } else {
                lastSpace = false;
                ch = foldDigits && c >= '0' && c <= '9' ? '0' : c;
            }
            if (isClauseEnd(ch)) {
                negLeft = 0;
                degLeft = 0;
                if (isSentenceEnd(ch)) inContrast = false;
            }
            ring[kept & (RING - 1)] = ch;
            kept++;
            boolean inNeg = negLeft > 0 && negLeft <= NEG_SCOPE;
            boolean inDeg = degLeft > 0 && degLeft <= DEG_SCOPE;
            emitted += emitGrams(ring, kept, order, true, sink);
            if (skipBigrams && kept >= 3) {
                sink.feature(finish(step(step(SKIP_SALT, ch), ring[(kept - 3) & (RING - 1)]), 2));
                emitted++;
            }
            if (i > lastStart) {
                int h1 = step(LAST_SALT, ch);
                sink.feature(finish(h1, 1));
                emitted++;
                if (kept >= 2 && i - 1 > lastStart) {
                    sink.feature(finish(step(h1, ring[(kept - 2) & (RING - 1)]), 2));
                    emitted++;
                }
            }
            if (inNeg || inDeg || inContrast) {
                int h1 = step(SEED, ch);
                int h2 = kept >= 2 ? step(h1, ring[(kept - 2) & (RING - 1)]) : 0;
                if (inNeg) {
                    sink.feature(finish(h1 ^ NEG_SALT, 1));
                    emitted++;
                    if (prevNeg) {
                        sink.feature(finish(h2 ^ NEG_SALT, 2));
                        emitted++;
                    }
                }
                if (inDeg) {
                    sink.feature(finish(h1 ^ DEG_SALT, 1));
                    emitted++;
                    if (prevDeg) {
                        sink.feature(finish(h2 ^ DEG_SALT, 2));
                        emitted++;
                    }
                }
                if (inContrast) {
                    sink.feature(finish(h1 ^ CON_SALT, 1));
                    emitted++;
                    if (prevCon) {
                        sink.feature(finish(h2 ^ CON_SALT, 2));
                        emitted++;
                    }
                }
            }
            prevNeg = inNeg;
            prevDeg = inDeg;
            prevCon = inContrast;
            if (negLeft > 0) negLeft--;
            if (degLeft > 0) degLeft--;
            i += fold;
        }
        if ((flags & BOUNDARIES) != 0 && kept > 1) {
            ring[kept & (RING - 1)] = EOS;
            kept++;
            emitted += emitGrams(ring, kept, order, false, sink);
        }
        if ((flags & EMOTICONS) != 0) emitEmoticons(text, sink);
        return emitted;
    }

    /**
     * How many of the characters after {@code text[i] == c} the {@link #REPEATS} fold drops: the
     * rest of a run of a repeatable degree adverb, or what a run of another character has beyond
     * {@link #RUN_KEPT}, counted at the run's first character only.
     */
    static int repeatsToSkip(CharSequence text, int i, char c) {
        if (i > 0 && text.charAt(i - 1) == c) return 0; // inside a run: its first character decided
        int end = i + 1;
        while (end < text.length() && text.charAt(end) == c) end++;
        int run = end - i;
        if (run == 1) return 0; // almost every character: no table lookup
        if (DEGREE_REPEATABLE.indexOf(c) >= 0 && run >= (c == '太' ? 3 : 2)) return run - 1;
        return Math.max(0, run - RUN_KEPT);
    }

    private static final int EMOTICON_SALT = 0x6a09e667;

    /**
     * One unscaled feature per bracket emoticon occurrence: {@code [} then 1 to 10 characters
     * without brackets then {@code ]}, as {@link EmoticonPolarity} reads them. Not counted in what
     * {@link #extract} returns (they do not scale the others).
     */
    private void emitEmoticons(CharSequence text, Sink sink) {
        int len = text.length();
        for (int i = 0; i < len; i++) {
            if (text.charAt(i) != '[') continue;
            int h = EMOTICON_SALT;
            for (int j = i + 1, max = Math.min(len, i + 12); j < max; j++) {
                char c = text.charAt(j);
                if (c == '[') break;
                if (c == ']') {
                    if (j > i + 1) {
                        sink.unscaledFeature(finish(h, 10));
                        i = j;
                    }
                    break;
                }
                h = step(h, c);
            }
        }
    }

    private static final int WORD_SEED = 0x3c6ef372;
    private static final int WORD_NEG_SALT = 0x4f1bbcdc;
    private static final int WORD_NEG_SCOPE = 2;

    /**
     * Emits the word features of {@code text} given its words as spans (start inclusive, end
     * exclusive, in order, as {@code io.brandpulse.text.ChineseSegmenter#segment(String,
     * ChineseSegmenter.WordConsumer)} reports them): word unigrams, and word bigrams of neighbours
     * not separated by clause punctuation; after a negating word (不, 没有, 别, ... and words that
     * start with a negator, minus the exclusions of the character features) the next {@value
     * #WORD_NEG_SCOPE} words of the clause also emit negation-marked unigrams. Returns how many it
     * emitted.
     */
    public int extractWords(CharSequence text, int[] starts, int[] ends, int n, Sink sink) {
        if ((flags & WORDS) == 0 || n == 0) return 0;
        final boolean foldDigits = (flags & FOLD_DIGITS) != 0;
        int emitted = 0;
        int prevHash = 0;
        boolean havePrev = false;
        int negLeft = 0;
        int prevEnd = 0;
        final int len = text.length();
        for (int t = 0; t < n; t++) {
            int s = starts[t];
            int e = ends[t];
            if (s < prevEnd || s < 0 || e > len || e <= s) continue; // not in order or out of range
            for (int k = prevEnd; k < s; k++) {
                if (isClauseEnd(text.charAt(k)) && text.charAt(k) != ' ') {
                    havePrev = false;
                    negLeft = 0;
                    break;
                }
            }
            prevEnd = e;
            int h = WORD_SEED;
            for (int k = s; k < e; k++) {
                char c = text.charAt(k);
                h = step(h, foldDigits && c >= '0' && c <= '9' ? '0' : c);
            }
            sink.feature(finish(h, 7));
            emitted++;
            if (havePrev) {
                sink.feature(finish(step(h, prevHash), 8));
                emitted++;
            }
            if (negLeft > 0) {
                sink.feature(finish(h ^ WORD_NEG_SALT, 9));
                emitted++;
                negLeft--;
            }
            boolean negWord = NEGATORS.indexOf(text.charAt(s)) >= 0 && isNegator(text, s);
            if (negWord) negLeft = WORD_NEG_SCOPE;
            prevHash = h;
            havePrev = true;
        }
        return emitted;
    }

    private int emitGrams(int[] ring, int kept, int order, boolean unigram, Sink sink) {
        int n = Math.min(order, kept);
        int h = SEED;
        int emitted = 0;
        for (int k = 1; k <= n; k++) {
            h = step(h, ring[(kept - k) & (RING - 1)]);
            if (k == 1 && !unigram) continue;
            sink.feature(finish(h, k));
            emitted++;
        }
        return emitted;
    }

    private static final int SEED = 0x2545f491;

    private static int step(int h, int c) {
        int k = c * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    private int finish(int h, int n) {
        h ^= n;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** Index of the first character of the text's last sentence (0 when it has one sentence). */
    private static int lastSentenceStart(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && (isClauseEnd(text.charAt(i)) || text.charAt(i) <= ' ')) i--;
        while (i >= 0 && !isSentenceEnd(text.charAt(i))) i--;
        return i + 1;
    }

    private static boolean isSpace(char c) {
        return c == '\u3000'
                || c == '\u00a0'
                || c == '\u0085'
                || c >= '\u2000' && c <= '\u200a'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202f'
                || c == '\u205f'
                || c == '\u1680';
    }

    private static boolean isClauseEnd(int c) {
        switch (c) {
            case ',':
            case '.':
            case '!':
            case '?':
            case ';':
            case ':':
            case ' ':
            case '~':
            case '。':
            case '、':
            case '…':
            case '\n':
                return true;
            default:
                return false;
        }
    }

    private static boolean isSentenceEnd(int c) {
        return c == '.' || c == '!' || c == '?' || c == '。' || c == '\n';
    }

    // ---- cue tables (written for this project: common Chinese function words) ----

    private static final byte K_NEG = 1;
    private static final byte K_DEG = 2;
    private static final byte K_DNEG = 4;
    private static final byte K_CON = 8;

    private static final String NEGATORS = "不没无非未别莫勿甭";

    /**
     * Words in which a negator character does not negate what follows; the int is the negator's
     * offset.
     */
    private static final String[] NEGATOR_NOT = {
        "不过", "不仅", "不但", "不断", "不管", "不论", "不久", "不少", "不错", "不如", "不禁", "不免", "不愧", "不光", "不只",
        "不止", "不单", "不时", "不料", "不妨", "不然", "不住", "不二", "差不多", "对不起", "了不起", "非常", "非得", "非凡", "除非",
        "是非", "莫非", "无论", "无比", "无限", "无敌", "无聊", "无语", "无奈", "无非", "无数", "无线", "无疑", "无辜", "未来",
        "别人", "别的", "别墅", "别处", "别样", "别致", "别克", "特别", "区别", "分别", "级别", "类别", "告别", "识别", "个别",
        "差别", "性别", "辨别", "鉴别", "离别", "派别", "送别", "道别", "判别", "临别", "惜别", "甄别", "没想到", "莫名",
    };

    private static final String[] DOUBLE_NEGATIONS = {
        "不是不", "并不是不", "并非不", "没有不", "没有不是", "不会不", "不能不", "不得不", "无不", "未必不", "不可能不", "不可不", "没法不",
        "不敢不", "莫不",
    };

    private static final String[] DEGREE_WORDS = {
        "很", "非常", "太", "特别", "十分", "极其", "极为", "极度", "极", "超级", "超", "相当", "挺", "蛮", "真是", "真的",
        "真", "最", "更加", "更", "比较", "较为", "有点儿", "有点", "有些", "稍微", "稍", "略微", "略", "格外", "尤其", "实在",
        "确实", "异常", "巨", "贼", "忒", "好不", "过于", "过分", "越来越", "一点也", "一点都", "一点儿也", "完全", "根本", "绝对",
        "简直", "特", "狂", "倍儿",
    };

    /** Words that start like a degree adverb but are not one. */
    private static final String[] DEGREE_NOT = {
        "真相", "真实", "真正", "真心", "最后", "最近", "最初", "最终", "更新", "更换", "更改", "特价", "特色", "特点", "特意",
        "超市", "超过", "超出", "巨大", "相当于",
    };

    private static final String[] CONTRAST_WORDS = {"但是", "但", "可是", "却", "然而", "只是", "不过", "可惜"};

    private static final byte[] CUE_KIND = new byte[0xA000];

    /**
     * The cue words by their first character: a cue character is checked against its few words, not
     * all of them.
     */
    private static final Map<Character, String[]> DEGREE_BY_FIRST = byFirstChar(DEGREE_WORDS);

    private static final Map<Character, String[]> CONTRAST_BY_FIRST = byFirstChar(CONTRAST_WORDS);
    private static final Map<Character, String[]> DOUBLE_NEGATIONS_BY_FIRST =
            byFirstChar(DOUBLE_NEGATIONS);
    private static final String[][] NEG_EXCLUSIONS_BY_CHAR = new String[NEGATORS.length()][];
    private static final int[][] NEG_EXCLUSION_OFFSETS = new int[NEGATORS.length()][];

    static {
        for (int k = 0; k < NEGATORS.length(); k++) {
            char n = NEGATORS.charAt(k);
            CUE_KIND[n] |= K_NEG;
            List<String> words = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            for (String w : NEGATOR_NOT) {
                for (int o = w.indexOf(n); o >= 0; o = w.indexOf(n, o + 1)) {
                    words.add(w);
                    offsets.add(o);
                }
            }
            NEG_EXCLUSIONS_BY_CHAR[k] = words.toArray(new String[0]);
            NEG_EXCLUSION_OFFSETS[k] = offsets.stream().mapToInt(Integer::intValue).toArray();
        }
        for (String w : DOUBLE_NEGATIONS) CUE_KIND[w.charAt(0)] |= K_DNEG;
        for (String w : DEGREE_WORDS) CUE_KIND[w.charAt(0)] |= K_DEG;
        for (String w : CONTRAST_WORDS) CUE_KIND[w.charAt(0)] |= K_CON;
    }

    private static boolean isNegator(CharSequence text, int i) {
        int k = NEGATORS.indexOf(text.charAt(i));
        if (k < 0) return false;
        String[] words = NEG_EXCLUSIONS_BY_CHAR[k];
        int[] offsets = NEG_EXCLUSION_OFFSETS[k];
        for (int j = 0; j < words.length; j++) {
            if (regionMatches(text, i - offsets[j], words[j])) return false;
        }
        return true;
    }

    /**
     * Length of the double-negation cue at {@code i}, or 0. {@code 是不是不好} is a question, not a cue.
     */
    private static int matchDoubleNegation(CharSequence text, int i) {
        int w = matchWord(DOUBLE_NEGATIONS_BY_FIRST, text, i);
        if (w == 0) return 0;
        if (i > 0 && text.charAt(i - 1) == '是' && text.charAt(i) == '不') return 0;
        return w;
    }

    private static boolean isExcluded(String[] words, CharSequence text, int i) {
        for (String w : words) {
            if (regionMatches(text, i, w)) return true;
        }
        return false;
    }

    private static Map<Character, String[]> byFirstChar(String[] words) {
        Map<Character, List<String>> lists = new HashMap<>();
        for (String w : words) {
            lists.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        Map<Character, String[]> index = new HashMap<>();
        lists.forEach((c, list) -> index.put(c, list.toArray(new String[0])));
        return index;
    }

    /**
     * Length of the longest word of {@code words} (indexed by first character) that starts at
     * {@code i}, or 0.
     */
    private static int matchWord(Map<Character, String[]> wordsByFirst, CharSequence text, int i) {
        String[] words = wordsByFirst.get(text.charAt(i));
        if (words == null) return 0;
        int best = 0;
        for (String w : words) {
            if (w.length() > best && regionMatches(text, i, w)) best = w.length();
        }
        return best;
    }

    private static boolean regionMatches(CharSequence text, int from, String word) {
        if (from < 0 || from + word.length() > text.length()) return false;
        for (int j = 0; j < word.length(); j++) {
            if (text.charAt(from + j) != word.charAt(j)) return false;
        }
        return true;
    }
}
