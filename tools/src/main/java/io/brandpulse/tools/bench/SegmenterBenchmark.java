package io.brandpulse.tools.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.text.ChineseSegmenter;
import io.brandpulse.text.FastSegmenter;
import io.brandpulse.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * smartcn's {@link HMMChineseTokenizer} against {@link FastSegmenter} (the same tokens, checked by
 * FastSegmenterDifferentialTest) on the same texts, one thread, by JMH; Java jieba and HanLP's
 * portable build beside them as peers (their own words, speed only). An operation is one pass over
 * all texts; {@link #main} turns passes per second into chars per second and prints the ratio.
 *
 * <p>Corpora: {@code realistic} ({@link MentionStreams#realisticTexts}: ChnSentiCorp reviews made
 * Weibo-like, normalized and with full-width punctuation as ChineseSegmenter feeds them) or {@code
 * sighan} (the SIGHAN 2005 PKU and MSR test inputs, one text per line).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 4)
public class SegmenterBenchmark {
    @Param("../shared/data")
    public String data;

    @Param({"realistic", "sighan"})
    public String corpus;

    private List<String> texts;
    private final HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
    private final OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
    private FastSegmenter fast;
    private JiebaSegmenter jieba;
    private Segment hanlp;
    private final Sum sum = new Sum();

    /** Adds up the offsets, so that no token can be optimized away. */
    private static final class Sum implements ChineseSegmenter.WordConsumer {
        long value;

        @Override
        public void word(int start, int end) {
            value += start + end;
        }
    }

    @Setup
    public void setUp() {
        texts = texts(Path.of(data), corpus);
        fast = new FastSegmenter();
        jieba = new JiebaSegmenter();
        hanlp = HanLP.newSegment();
    }

    @Benchmark
    public long smartcn() throws IOException {
        long value = 0;
        for (String text : texts) {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                value += offsets.startOffset() + offsets.endOffset();
            }
            tokenizer.end();
            tokenizer.close();
        }
        return value;
    }

    /** Peer: Java jieba (com.huaban:jieba-analysis), search mode, its own words. */
    @Benchmark
    public long jieba() {
        long value = 0;
        for (String text : texts) {
            for (SegToken token : jieba.process(text, JiebaSegmenter.SegMode.SEARCH)) {
                value += token.startOffset + token.endOffset;
            }
        }
        return value;
    }

    /** Peer: HanLP's portable build, its standard segmenter, its own words. */
    @Benchmark
    public long hanlp() {
        long value = 0;
        for (String text : texts) {
            for (Term term : hanlp.seg(text)) {
                value += term.offset + term.length();
            }
        }
        return value;
    }

    @Benchmark
    public long fast() {
        sum.value = 0;
        for (String text : texts) {
            fast.segment(text, sum);
        }
        return sum.value;
    }

    static List<String> texts(Path data, String corpus) {
        try {
            return switch (corpus) {
                case "realistic" -> {
                    TextNormalizer normalizer = new TextNormalizer();
                    List<String> texts = new ArrayList<>();
                    for (String text : MentionStreams.realisticTexts(data, 4000)) {
                        texts.add(fullWidthPunctuation(normalizer.normalize(text)));
                    }
                    yield texts;
                }
                case "sighan" -> {
                    List<String> texts = new ArrayList<>();
                    for (String file : List.of("pku_test.utf8", "msr_test.utf8")) {
                        texts.addAll(
                                Files.readAllLines(
                                        data.resolve("sighan2005_pku_msr").resolve(file),
                                        StandardCharsets.UTF_8));
                    }
                    yield texts;
                }
                default -> throw new IllegalArgumentException("corpus: realistic or sighan");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ChineseSegmenter's input: the normalizer's ASCII punctuation back to full width. */
    private static String fullWidthPunctuation(String text) {
        return new String(ChineseSegmenter.withFullWidthPunctuation(text));
    }

    /**
     * {@code SegmenterBenchmark [DATA_DIR] [CORPUS]}: runs both benchmarks (forked, warmed up) and
     * prints chars/s of each and their ratio.
     */
    public static void main(String[] args) throws RunnerException {
        String data = args.length > 0 ? args[0] : "../shared/data";
        String corpus = args.length > 1 ? args[1] : "realistic";
        List<String> texts = texts(Path.of(data), corpus);
        long chars = texts.stream().mapToLong(String::length).sum();
        Options options =
                new OptionsBuilder()
                        .include(SegmenterBenchmark.class.getName() + "\\.")
                        .param("data", data)
                        .param("corpus", corpus)
                        .warmupIterations(Integer.getInteger("bench.warmups", 5))
                        .measurementIterations(Integer.getInteger("bench.iterations", 5))
                        .measurementTime(TimeValue.seconds(Integer.getInteger("bench.seconds", 4)))
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        double smartcn = 0;
        double fast = 0;
        double jieba = 0;
        double hanlp = 0;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            double passes = result.getPrimaryResult().getScore();
            if (method.endsWith(".smartcn")) {
                smartcn = passes;
            } else if (method.endsWith(".fast")) {
                fast = passes;
            } else if (method.endsWith(".jieba")) {
                jieba = passes;
            } else if (method.endsWith(".hanlp")) {
                hanlp = passes;
            }
        }
        System.out.printf(
                Locale.ROOT, "%n%s: %d texts, %d chars, one thread%n", corpus, texts.size(), chars);
        System.out.printf(
                Locale.ROOT, "%-22s %14.0f chars/s%n", "HMMChineseTokenizer", smartcn * chars);
        System.out.printf(Locale.ROOT, "%-22s %14.0f chars/s%n", "FastSegmenter", fast * chars);
        System.out.printf(
                Locale.ROOT,
                "%-22s %14.0f chars/s (peer, its own words)%n",
                "jieba (search mode)",
                jieba * chars);
        System.out.printf(
                Locale.ROOT,
                "%-22s %14.0f chars/s (peer, its own words)%n",
                "HanLP portable",
                hanlp * chars);
        System.out.printf(
                Locale.ROOT, "ratio fast / smartcn: %.2f (target >= 3)%n", fast / smartcn);
        System.out.printf(
                Locale.ROOT,
                "{\"corpus\":\"%s\",\"smartcnCharsPerSecond\":%.0f,\"fastCharsPerSecond\":%.0f,\"ratio\":%.3f,"
                    + "\"jiebaCharsPerSecond\":%.0f,\"hanlpCharsPerSecond\":%.0f}%n",
                corpus,
                smartcn * chars,
                fast * chars,
                fast / smartcn,
                jieba * chars,
                hanlp * chars);
    }
}
