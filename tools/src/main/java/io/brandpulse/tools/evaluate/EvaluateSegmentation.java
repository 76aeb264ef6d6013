package io.brandpulse.tools.evaluate;

import io.brandpulse.text.TextAnalyzer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * {@code scripts/evaluate-segmentation}: word F1 of our segmentation (what {@code scripts/segment}
 * prints) against the SIGHAN 2005 PKU and MSR gold standards. Words are compared as spans (start,
 * end) of the sentence without spaces: P = correct / predicted, R = correct / gold, F = 2PR / (P +
 * R).
 */
public final class EvaluateSegmentation {
    private EvaluateSegmentation() {}

    private static final String USAGE =
            "usage: scripts/evaluate-segmentation [SIGHAN_DIR]  (default"
                    + " ../shared/data/sighan2005_pku_msr)";

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/sighan2005_pku_msr");
        if (!Files.isDirectory(data)) {
            System.err.println(USAGE);
            System.exit(2);
        }
        StringBuilder json = new StringBuilder("{");
        System.out.printf(
                "%-6s %-8s %9s %9s %9s %8s %12s %8s%n",
                "set", "chain", "precision", "recall", "F1", "OOV-rec", "sentences", "changed");
        try (TextAnalyzer analyzer = new TextAnalyzer(List.of())) {
            Map<String, Segmenter> chains = new LinkedHashMap<>();
            chains.put("ours", sentence -> ours(analyzer, sentence));
            chains.put("smartcn", EvaluateSegmentation::bareSmartcn);
            for (String set : List.of("pku", "msr")) {
                for (Map.Entry<String, Segmenter> chain : chains.entrySet()) {
                    Scores s =
                            evaluate(
                                    chain.getValue(),
                                    data.resolve(set + "_test_gold.utf8"),
                                    data.resolve(set + "_training_words.utf8"));
                    System.out.printf(
                            Locale.ROOT,
                            "%-6s %-8s %9.4f %9.4f %9.4f %8.4f %12d %8d%n",
                            set,
                            chain.getKey(),
                            s.precision(),
                            s.recall(),
                            s.f1(),
                            s.oovRecall(),
                            s.sentences,
                            s.changed);
                    String name = chain.getKey().equals("ours") ? set : set + "_smartcn";
                    json.append(json.length() > 1 ? "," : "")
                            .append(
                                    String.format(
                                            Locale.ROOT,
                                            "\"%s_f1\":%.4f,\"%s_changed\":%d",
                                            name,
                                            s.f1(),
                                            name,
                                            s.changed));
                }
            }
        }
        System.out.println(json.append("}"));
    }

    /** A segmentation: the words as spans of the sentence, or null when characters changed. */
    @FunctionalInterface
    interface Segmenter {
        Set<Long> spans(String sentence) throws IOException;
    }

    /**
     * What {@code scripts/segment} prints, as spans; null when the words joined are not the
     * sentence (a changed character: no word of that line can count as correct).
     */
    static Set<Long> ours(TextAnalyzer analyzer, String sentence) {
        List<String> words = analyzer.segmentForDisplay(sentence);
        return String.join("", words).equals(sentence) ? spans(words) : null;
    }

    /** smartcn's tokenizer alone, on the sentence as it is: its offsets are the words. */
    static Set<Long> bareSmartcn(String sentence) throws IOException {
        Set<Long> spans = new HashSet<>();
        try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
            OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(sentence));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                spans.add(((long) offsets.startOffset() << 32) | offsets.endOffset());
            }
            tokenizer.end();
        }
        return spans;
    }

    static final class Scores {
        long correct;
        long predicted;
        long gold;
        long oov;
        long oovCorrect;
        long sentences;
        long changed;

        double precision() {
            return (double) correct / predicted;
        }

        double recall() {
            return (double) correct / gold;
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        double oovRecall() {
            return oov == 0 ? 0 : (double) oovCorrect / oov;
        }
    }

    static Scores evaluate(Segmenter segmenter, Path goldFile, Path trainingWords)
            throws IOException {
        Set<String> known =
                new HashSet<>(
                        Files.readAllLines(trainingWords, StandardCharsets.UTF_8).stream()
                                .map(String::strip)
                                .toList());
        Scores s = new Scores();
        for (String line : Files.readAllLines(goldFile, StandardCharsets.UTF_8)) {
            String[] goldWords = line.strip().split("\\s+");
            if (line.isBlank()) {
                continue;
            }
            String sentence = String.join("", goldWords);
            Set<Long> goldSpans = spans(List.of(goldWords));
            Set<Long> predictedSpans = segmenter.spans(sentence);
            s.sentences++;
            if (predictedSpans == null) { // characters changed: nothing on this line is right
                s.changed++;
                s.gold += goldSpans.size();
                s.predicted += goldSpans.size();
                continue;
            }
            s.gold += goldSpans.size();
            s.predicted += predictedSpans.size();
            int start = 0;
            for (String w : goldWords) {
                long span = ((long) start << 32) | (start + w.length());
                boolean hit = predictedSpans.contains(span);
                if (hit) {
                    s.correct++;
                }
                if (!known.contains(w)) {
                    s.oov++;
                    if (hit) {
                        s.oovCorrect++;
                    }
                }
                start += w.length();
            }
        }
        return s;
    }

    /** Words as spans of the sentence without spaces; words are split on inner whitespace first. */
    private static Set<Long> spans(List<String> words) {
        Set<Long> spans = new HashSet<>();
        int start = 0;
        for (String word : words) {
            for (String w : word.split("\\s+")) {
                if (!w.isEmpty()) {
                    spans.add(((long) start << 32) | (start + w.length()));
                    start += w.length();
                }
            }
        }
        return spans;
    }
}
