package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * {@link FastSegmenter} must return exactly smartcn's tokens: the same offsets in the same order as
 * {@link HMMChineseTokenizer}, on the SIGHAN 2005 test inputs, the development sets' texts and
 * random strings of everything smartcn treats differently (Hanzi runs from real text, digits,
 * Latin, full-width forms, punctuation, whitespace and line breaks, surrogates, other scripts),
 * long enough to cross smartcn's 1024-char windows.
 *
 * <p>The random strings use a fixed seed, then a fresh one that a failure reports; {@code
 * -DfastSegmenter.seed=N} replays one.
 */
class FastSegmenterDifferentialTest {
    private static final Path SIGHAN = Path.of("../../shared/data/sighan2005_pku_msr");
    private static final Path ANALYSIS_DEV = Path.of("../tools/src/test/resources/analysis-dev");
    private static final long FIXED_SEED = 0x5eed_2005_c0ffeeL;
    private static final int MAX_REPORTED = 5;

    private final HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
    private final OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
    private final FastSegmenter fast = new FastSegmenter();

    @Test
    void sighanTestInputs() throws IOException {
        assumeTrue(
                Files.isDirectory(SIGHAN),
                "no SIGHAN 2005 data at " + SIGHAN.toAbsolutePath() + "; skipped");
        List<String> texts = new ArrayList<>();
        for (String name :
                List.of(
                        "pku_test.utf8",
                        "msr_test.utf8",
                        // the gold files: the same text with spaces between words, read across
                        "pku_test_gold.utf8",
                        "msr_test_gold.utf8")) {
            Path file = SIGHAN.resolve(name);
            if (Files.exists(file)) {
                // lines with their CRLF ends, then each file whole (longer than a window)
                String all = Files.readString(file, StandardCharsets.UTF_8);
                texts.addAll(List.of(all.split("(?<=\n)")));
                texts.add(all.substring(0, Math.min(all.length(), 200_000)));
            }
        }
        assumeTrue(!texts.isEmpty(), "no SIGHAN test files in " + SIGHAN.toAbsolutePath());
        assertSame("SIGHAN", texts);
    }

    @Test
    void developmentSetTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(ANALYSIS_DEV)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] columns = line.split("\t");
                    if (columns.length >= 3) {
                        texts.add(columns[2]);
                        // as the product feeds it
                        texts.add(
                                new String(ChineseSegmenter.withFullWidthPunctuation(columns[2])));
                    }
                }
            }
        }
        assertTrue(texts.size() >= 1000, "development texts read: " + texts.size());
        assertSame("analysis-dev", texts);
    }

    /** What the analysis sees: ChineseSegmenter's words, with either implementation behind it. */
    @Test
    void chineseSegmenterGivesTheSameWordsWithEitherImplementation() {
        List<String> texts = randomTexts(FIXED_SEED + 1, 1500);
        texts.add("青柠咖啡外卖 送晚了,冰美式都化了!问题不大。Xinghe手表 99.9% OK");
        try (ChineseSegmenter fast = new ChineseSegmenter(ChineseSegmenter.Implementation.FAST);
                ChineseSegmenter smartcn =
                        new ChineseSegmenter(ChineseSegmenter.Implementation.SMARTCN)) {
            for (String text : texts) {
                for (boolean punctuation : new boolean[] {false, true}) {
                    List<String> expected = new ArrayList<>();
                    List<String> actual = new ArrayList<>();
                    smartcn.segment(text, punctuation, (s, e) -> expected.add(s + "-" + e));
                    fast.segment(text, punctuation, (s, e) -> actual.add(s + "-" + e));
                    assertEquals(expected, actual, text);
                }
            }
        }
    }

    @Test
    void randomStringsFixedSeed() {
        long seed = Long.getLong("fastSegmenter.seed", FIXED_SEED);
        assertSame("random, seed " + seed, randomTexts(seed, 6000));
    }

    @Test
    void randomStringsFreshSeed() {
        long seed = new Random().nextLong();
        assertSame(
                "random, seed " + seed + " (-DfastSegmenter.seed=" + seed + ")",
                randomTexts(seed, 2000));
    }

    @Test
    void windowEdges() {
        // texts around one and two windows long, with and without line breaks near the edge, so
        // that sentences end at, just before and just after a window's end
        Random random = new Random(FIXED_SEED + 1);
        List<String> texts = new ArrayList<>();
        for (int length :
                new int[] {
                    1000, 1020, 1022, 1023, 1024, 1025, 1026, 1030, 2040, 2047, 2048, 2049, 3100
                }) {
            for (int variant = 0; variant < 12; variant++) {
                StringBuilder sb = new StringBuilder();
                while (sb.length() < length) {
                    piece(random, sb, true);
                }
                sb.setLength(length);
                if (variant % 3 == 1) {
                    sb.setCharAt(random.nextInt(length), '\n');
                } else if (variant % 3 == 2) {
                    int at = Math.max(0, Math.min(length - 1, 1024 - 3 + random.nextInt(6)));
                    sb.setCharAt(at, "\r\n\u0085\u2028\u2029".charAt(random.nextInt(5)));
                }
                if (Character.isHighSurrogate(sb.charAt(length - 1))) {
                    sb.setCharAt(length - 1, '字');
                }
                texts.add(sb.toString());
            }
        }
        assertSame("window edges", texts);
    }

    @Test
    void smartcnOwnSearchesAgree() {
        // the segmenter's shortcuts (a trie for smartcn's binary search, a filter in front of its
        // bigram table) off: smartcn's searches step for step must give the same tokens, and every
        // word table is sorted, so the trie is what runs
        for (int root : SmartcnDictionary.get().hanziRoot) {
            assertTrue(root != SmartcnDictionary.UNSORTED, "a word table is not sorted");
        }
        FastSegmenter slow = new FastSegmenter(true);
        for (String text : randomTexts(FIXED_SEED + 2, 1500)) {
            List<Integer> got = new ArrayList<>();
            slow.segment(
                    text,
                    (s, e) -> {
                        got.add(s);
                        got.add(e);
                    });
            List<Integer> expected = smartcn(text);
            assertTrue(expected.equals(got), () -> mismatch(text, expected, got));
        }
    }

    @Test
    void reusedAcrossTextsAndArrays() {
        // one instance, arrays longer than the text, text at the start of a bigger buffer
        char[] buffer = new char[20_000];
        Random random = new Random(7);
        for (String text : randomTexts(11, 300)) {
            text.getChars(0, text.length(), buffer, 0);
            for (int i = text.length(); i < Math.min(buffer.length, text.length() + 50); i++) {
                buffer[i] = (char) ('a' + random.nextInt(26));
            }
            List<Integer> got = new ArrayList<>();
            fast.segment(
                    buffer,
                    text.length(),
                    (s, e) -> {
                        got.add(s);
                        got.add(e);
                    });
            List<Integer> expected = smartcn(text);
            assertTrue(expected.equals(got), () -> mismatch(text, expected, got));
        }
    }

    private void assertSame(String source, List<String> texts) {
        StringBuilder report = new StringBuilder();
        int mismatches = 0;
        long chars = 0;
        for (String text : texts) {
            chars += text.length();
            List<Integer> expected = smartcn(text);
            List<Integer> got = fast(text);
            if (!expected.equals(got)) {
                if (++mismatches <= MAX_REPORTED) {
                    report.append(mismatch(text, expected, got)).append('\n');
                }
            }
        }
        int failed = mismatches;
        long total = chars;
        assertTrue(
                failed == 0,
                () ->
                        source
                                + ": "
                                + failed
                                + " of "
                                + texts.size()
                                + " texts ("
                                + total
                                + " chars) differ from smartcn; the first:\n"
                                + report);
    }

    private List<Integer> smartcn(String text) {
        List<Integer> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                tokens.add(offsets.startOffset());
                tokens.add(offsets.endOffset());
            }
            tokenizer.end();
            tokenizer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private List<Integer> fast(String text) {
        List<Integer> tokens = new ArrayList<>();
        fast.segment(
                text,
                (s, e) -> {
                    tokens.add(s);
                    tokens.add(e);
                });
        return tokens;
    }

    private static String mismatch(String text, List<Integer> expected, List<Integer> got) {
        int same = 0;
        while (same < expected.size()
                && same < got.size()
                && expected.get(same).equals(got.get(same))) {
            same++;
        }
        return "input ("
                + text.length()
                + " chars): "
                + escape(text)
                + "\n  first difference at token "
                + same / 2
                + "\n  smartcn: "
                + show(text, expected)
                + "\n  fast:    "
                + show(text, got);
    }

    private static String show(String text, List<Integer> tokens) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i + 1 < tokens.size(); i += 2) {
            int s = tokens.get(i);
            int e = tokens.get(i + 1);
            if (i > 0) sb.append(' ');
            sb.append(s).append('-').append(e).append(':');
            sb.append(s >= 0 && e <= text.length() && s <= e ? escape(text.substring(s, e)) : "?");
        }
        return sb.append(']').toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20
                    || Character.isSurrogate(c)
                    || Character.isSpaceChar(c) && c != ' '
                    || c == 0x85) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- random strings ----

    /** Real Chinese text, so that random strings hold dictionary words and their bigrams. */
    private static final String HAN_SAMPLE = hanSample();

    private static String hanSample() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(ANALYSIS_DEV)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] columns = line.split("\t");
                    if (columns.length >= 3) sb.append(columns[2]);
                }
            }
            Path pku = SIGHAN.resolve("pku_test.utf8");
            if (Files.exists(pku)) {
                String text = Files.readString(pku, StandardCharsets.UTF_8);
                sb.append(text, 0, Math.min(text.length(), 100_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static final String PUNCTUATION =
            ",.!?;:()[]{}\"'-_/\\@#$%^&*+=<>|~`，。！？；：、（）【】《》“”‘’…—·￥";
    private static final String SPACES = " \t\r\n\u3000\u0085\u2028\u2029\u00a0\r\n";
    private static final String OTHER = "ぁあアカ한국어Привет©®°±×÷αβγ€™№→★☆♪①②ⅰⅡ";

    static List<String> randomTexts(long seed, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int length;
            int roll = random.nextInt(100);
            if (roll < 60) {
                length = random.nextInt(80);
            } else if (roll < 90) {
                length = 80 + random.nextInt(1000);
            } else {
                length = 1000 + random.nextInt(9000);
            }
            // some texts without line breaks at all, so windows end mid-sentence
            boolean noBreaks = random.nextInt(8) == 0;
            StringBuilder sb = new StringBuilder(length + 16);
            while (sb.length() < length) {
                piece(random, sb, noBreaks);
            }
            texts.add(sb.toString());
        }
        return texts;
    }

    private static void piece(Random random, StringBuilder sb, boolean noBreaks) {
        int kind = random.nextInt(100);
        if (kind < 40) {
            int start = random.nextInt(HAN_SAMPLE.length() - 20);
            sb.append(HAN_SAMPLE, start, start + 1 + random.nextInt(20));
        } else if (kind < 48) {
            for (int i = random.nextInt(4); i >= 0; i--) {
                sb.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00 + 1)));
            }
        } else if (kind < 53) {
            for (int i = random.nextInt(6); i >= 0; i--)
                sb.append((char) ('0' + random.nextInt(10)));
        } else if (kind < 58) {
            String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (int i = random.nextInt(8); i >= 0; i--) {
                sb.append(letters.charAt(random.nextInt(letters.length())));
            }
        } else if (kind < 61) {
            // full-width letters and digits, mixed with half-width
            for (int i = random.nextInt(5); i >= 0; i--) {
                switch (random.nextInt(4)) {
                    case 0 -> sb.append((char) (0xFF21 + random.nextInt(26)));
                    case 1 -> sb.append((char) (0xFF41 + random.nextInt(26)));
                    case 2 -> sb.append((char) (0xFF10 + random.nextInt(10)));
                    default -> sb.append((char) ('0' + random.nextInt(10)));
                }
            }
        } else if (kind < 74) {
            sb.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
        } else if (kind < 84) {
            char space = SPACES.charAt(random.nextInt(SPACES.length()));
            if (noBreaks
                    && (space == '\r'
                            || space == '\n'
                            || space >= 0x85 && space != 0x3000 && space != 0xa0)) {
                space = ' ';
            }
            sb.append(space);
        } else if (kind < 89) {
            // emoji and other supplementary characters, sometimes a lone half
            switch (random.nextInt(6)) {
                case 0 -> sb.append(Character.highSurrogate(0x1F600 + random.nextInt(80)));
                case 1 -> sb.append(Character.lowSurrogate(0x1F600 + random.nextInt(80)));
                case 2 -> sb.appendCodePoint(0x20000 + random.nextInt(0x2A6DF - 0x20000));
                default -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300));
            }
        } else if (kind < 93) {
            sb.append(OTHER.charAt(random.nextInt(OTHER.length())));
        } else if (kind < 96) {
            // just outside smartcn's Hanzi range, and CJK extension A
            sb.append(
                    (char)
                            (random.nextBoolean()
                                    ? 0x9FA6 + random.nextInt(0x5A)
                                    : 0x3400 + random.nextInt(0x19B5)));
        } else {
            // any BMP character at all
            sb.append((char) random.nextInt(0x10000));
        }
    }
}
