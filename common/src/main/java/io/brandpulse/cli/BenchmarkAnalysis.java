package io.brandpulse.cli;

import com.ibm.icu.text.Transliterator;
import io.brandpulse.text.TextAnalyzer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * {@code scripts/bench-analysis}: throughput of the whole text analysis against bare smartcn
 * {@link HMMChineseTokenizer} on the same realistic texts, one core, in one run (rounds alternate so that machine
 * noise hits both alike). Texts: real reviews from the development sets, of every length, a quarter turned into
 * Traditional script, with Weibo emoticons, @mentions, links and reposts mixed in.
 */
public final class BenchmarkAnalysis {
    private static volatile long sink;

    private BenchmarkAnalysis() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> texts = realisticTexts(data, 4000);
        long chars = texts.stream().mapToLong(String::length).sum();
        try (TextAnalyzer analyzer = new TextAnalyzer(List.of())) {
            HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
            Runnable bare = () -> {
                for (String t : texts) {
                    sink += tokenize(tokenizer, t);
                }
            };
            Runnable whole = () -> {
                for (String t : texts) {
                    sink += analyzer.analyze(t).tokens.length;
                }
            };
            for (int i = 0; i < 3; i++) { // warm-up: JIT, dictionaries, the normalizer's table
                bare.run();
                whole.run();
            }
            double[] bareRate = new double[2];
            double[] wholeRate = new double[2];
            long deadline = System.nanoTime() + (long) (seconds * 2e9);
            while (System.nanoTime() < deadline) {
                time(bare, bareRate);
                time(whole, wholeRate);
            }
            double bareTextsPerSecond = bareRate[0] / bareRate[1] * texts.size();
            double wholeTextsPerSecond = wholeRate[0] / wholeRate[1] * texts.size();
            double averageChars = (double) chars / texts.size();
            System.out.printf(Locale.ROOT, "%d texts, %.1f chars on average, one thread%n", texts.size(), averageChars);
            System.out.printf(Locale.ROOT, "%-36s %14s %14s%n", "", "mentions/s", "chars/s");
            System.out.printf(Locale.ROOT, "%-36s %14.0f %14.0f%n", "bare HMMChineseTokenizer", bareTextsPerSecond, bareTextsPerSecond * averageChars);
            System.out.printf(Locale.ROOT, "%-36s %14.0f %14.0f%n", "whole analysis (TextAnalyzer)", wholeTextsPerSecond, wholeTextsPerSecond * averageChars);
            double ratio = wholeTextsPerSecond / bareTextsPerSecond;
            System.out.printf(Locale.ROOT, "ratio whole / bare: %.3f (target >= 0.75)%n", ratio);
            System.out.printf(Locale.ROOT, "{\"bareCharsPerSecond\":%.0f,\"analysisCharsPerSecond\":%.0f,\"analysisMentionsPerSecond\":%.0f,\"ratio\":%.3f}%n",
                    bareTextsPerSecond * averageChars, wholeTextsPerSecond * averageChars, wholeTextsPerSecond, ratio);
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

    /**
     * Weibo-like texts: the 12,000 ChnSentiCorp reviews shuffled (each used once before any repeats), some cut to
     * short comments, a quarter in Traditional script, emoticons, repost chains, @mentions and links; and one
     * in ten a verbatim copy of a recent text (copy-paste campaigns, reposts without own words). Seeded.
     */
    public static List<String> realisticTexts(Path data, int count) throws IOException {
        List<String> reviews = reviews(data);
        Random random = new Random(42);
        Collections.shuffle(reviews, random);
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        String[] emoticons = {"[哈哈]", "[怒]", "[泪]", "[赞]", "[doge]", "😂", "👍"};
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(10) == 0) {
                texts.add(texts.get(Math.max(0, i - 1 - random.nextInt(1000))));
                continue;
            }
            String text = reviews.get(i % reviews.size());
            if (random.nextInt(3) == 0 && text.length() > 40) {
                text = text.substring(0, 10 + random.nextInt(30)); // short comments
            }
            if (random.nextInt(4) == 0) {
                text = toTraditional.transliterate(text);
            }
            if (random.nextInt(3) == 0) {
                text = text + emoticons[random.nextInt(emoticons.length)];
            }
            if (random.nextInt(10) == 0) {
                text = "转发微博//@用户" + random.nextInt(1000) + ": " + text;
            }
            if (random.nextInt(10) == 0) {
                text = "@小王 " + text + " http://t.cn/A" + random.nextInt(100000);
            }
            texts.add(text);
        }
        return texts;
    }

    /** The ChnSentiCorp review texts, in file order. */
    private static List<String> reviews(Path data) throws IOException {
        List<String> reviews = new ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            for (String line : Files.readAllLines(data.resolve("chnsenticorp_bert_split/" + split + ".tsv"), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("label")) {
                    reviews.add(line.substring(tab + 1));
                }
            }
        }
        return reviews;
    }
}
