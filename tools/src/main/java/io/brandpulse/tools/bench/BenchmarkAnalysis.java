package io.brandpulse.tools.bench;

import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.text.ChineseSegmenter;
import io.brandpulse.text.TextAnalyzer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * {@code scripts/bench-analysis}: throughput of the whole text analysis against bare smartcn {@link
 * HMMChineseTokenizer} on the same realistic texts, one core, in one run (rounds alternate so that
 * machine noise hits all sides alike). The analysis runs twice: with the default segmenter ({@code
 * fast}, the same words) and with smartcn's own tokenizer, so the cost of the rest of the analysis
 * stays visible. Texts: {@link MentionStreams#realisticTexts}.
 */
public final class BenchmarkAnalysis {
    private static volatile long sink;

    private BenchmarkAnalysis() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> texts = MentionStreams.realisticTexts(data, 4000);
        long chars = texts.stream().mapToLong(String::length).sum();
        try (TextAnalyzer analyzer = new TextAnalyzer(List.of());
                TextAnalyzer withSmartcn =
                        new TextAnalyzer(List.of(), ChineseSegmenter.Implementation.SMARTCN)) {
            HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
            Runnable bare =
                    () -> {
                        for (String t : texts) {
                            sink += tokenize(tokenizer, t);
                        }
                    };
            Runnable whole =
                    () -> {
                        for (String t : texts) {
                            sink += analyzer.analyze(t).tokens.length;
                        }
                    };
            Runnable wholeSmartcn =
                    () -> {
                        for (String t : texts) {
                            sink += withSmartcn.analyze(t).tokens.length;
                        }
                    };
            for (int i = 0; i < 3; i++) { // warm-up: JIT, dictionaries, the normalizer's table
                bare.run();
                whole.run();
                wholeSmartcn.run();
            }
            double[] bareRate = new double[2];
            double[] wholeRate = new double[2];
            double[] smartcnRate = new double[2];
            long deadline = System.nanoTime() + (long) (seconds * 3e9);
            while (System.nanoTime() < deadline) {
                time(bare, bareRate);
                time(whole, wholeRate);
                time(wholeSmartcn, smartcnRate);
            }
            double bareTextsPerSecond = bareRate[0] / bareRate[1] * texts.size();
            double wholeTextsPerSecond = wholeRate[0] / wholeRate[1] * texts.size();
            double smartcnTextsPerSecond = smartcnRate[0] / smartcnRate[1] * texts.size();
            double averageChars = (double) chars / texts.size();
            System.out.printf(
                    Locale.ROOT,
                    "%d texts, %.1f chars on average, one thread%n",
                    texts.size(),
                    averageChars);
            System.out.printf(Locale.ROOT, "%-36s %14s %14s%n", "", "mentions/s", "chars/s");
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %14.0f %14.0f%n",
                    "bare HMMChineseTokenizer",
                    bareTextsPerSecond,
                    bareTextsPerSecond * averageChars);
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %14.0f %14.0f%n",
                    "whole analysis (TextAnalyzer, fast)",
                    wholeTextsPerSecond,
                    wholeTextsPerSecond * averageChars);
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %14.0f %14.0f%n",
                    "whole analysis, smartcn segmenter",
                    smartcnTextsPerSecond,
                    smartcnTextsPerSecond * averageChars);
            double ratio = wholeTextsPerSecond / bareTextsPerSecond;
            double ratioSmartcn = smartcnTextsPerSecond / bareTextsPerSecond;
            System.out.printf(Locale.ROOT, "ratio whole / bare: %.3f (target >= 0.75)%n", ratio);
            System.out.printf(
                    Locale.ROOT,
                    "ratio whole with smartcn / bare: %.3f (the rest of the analysis costs %.0f%%"
                            + " of a segmentation)%n",
                    ratioSmartcn,
                    100 * (1 / ratioSmartcn - 1));
            System.out.printf(
                    Locale.ROOT,
                    "{\"bareCharsPerSecond\":%.0f,\"analysisCharsPerSecond\":%.0f,\"analysisMentionsPerSecond\":%.0f,\"ratio\":%.3f,\"ratioWithSmartcn\":%.3f}%n",
                    bareTextsPerSecond * averageChars,
                    wholeTextsPerSecond * averageChars,
                    wholeTextsPerSecond,
                    ratio,
                    ratioSmartcn);
        }
    }

    /** Adds one timed pass to {passes, seconds}. */
    private static void time(Runnable pass, double[] totals) {
        long start = System.nanoTime();
        pass.run();
        totals[0] += 1;
        totals[1] += (System.nanoTime() - start) / 1e9;
    }

    public static int tokenize(HMMChineseTokenizer tokenizer, String text) {
        int n = 0;
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                n++;
            }
            tokenizer.end();
            tokenizer.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }
}
