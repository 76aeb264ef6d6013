package io.brandpulse.jobs.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.cli.BenchmarkAnalysis;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.listening.JobEnvironment;
import io.brandpulse.jobs.connectors.RawLineFormat;
import io.brandpulse.jobs.listening.ListeningSinks;
import io.brandpulse.jobs.listening.ListeningWorkflow;
import io.brandpulse.jobs.listening.RunFileJob;
import io.brandpulse.model.RawRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * {@code scripts/bench}: end-to-end throughput of the whole listening workflow (parse, deduplicate, analyse,
 * brand windows, detectors, response deadlines, engagement scores, all sinks) over a realistic generated stream,
 * at parallelism 1 and 2 on an embedded Flink, against the bare smartcn segmentation of the same texts on one
 * thread. The job's net runtime is measured (cluster start-up excluded). Prints a table and a final JSON line.
 */
public final class BenchmarkPipeline {
    static final int BRANDS = 10;
    static final long STREAM_START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    static final String[] BRAND_NAMES = {"青柠咖啡", "北岸茶饮", "鲜果坊", "云朵洗护", "星河平板", "暖居热水器", "墨香书店", "悦衣坊", "极速电脑", "LimeCafe"};
    private static volatile long sink;

    private BenchmarkPipeline() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000; // long enough for the JIT to settle: a 30,000 run spent 40% of its CPU compiling
        List<String> texts = BenchmarkAnalysis.realisticTexts(data, count);
        Path dir = Files.createTempDirectory("brandpulse-bench");
        try {
            Path input = dir.resolve("mentions.jsonl");
            long chars = writeStream(texts, input);
            ListeningConfig config = config();
            // For profiling: -Dbench.only=1 runs one parallelism; -Dbench.disable=engagement,responses turns branches off.
            for (String part : System.getProperty("bench.disable", "").split(",")) {
                switch (part.strip()) {
                    case "engagement" -> config.engagement.enabled = false;
                    case "responses" -> config.responses.enabled = false;
                    default -> { }
                }
            }
            String only = System.getProperty("bench.only");
            double bare = bareSegmentation(texts);
            if (!"false".equals(System.getProperty("bench.warmup"))) {
                // The ceiling is measured warm (JIT-compiled); so is the pipeline: a long-running job is.
                run(config, input, dir.resolve("warmup"), 1);
            }
            Run run1 = only == null || only.equals("1") ? run(config, input, dir.resolve("p1"), 1) : Run.NONE;
            Run run2 = only == null || only.equals("2") ? run(config, input, dir.resolve("p2"), 2) : Run.NONE;
            double p1 = run1.mentionsPerSecond();
            double p2 = run2.mentionsPerSecond();
            double charsPerMention = (double) chars / count;
            System.out.printf(Locale.ROOT, "%d mentions (%.1f chars each on average; 5%% spam, reposts, Traditional, emoticons), %d brands%n",
                    count, charsPerMention, BRANDS);
            System.out.printf(Locale.ROOT, "%-52s %12s %12s%n", "", "mentions/s", "chars/s");
            System.out.printf(Locale.ROOT, "%-52s %12.0f %12.0f%n", "bare HMMChineseTokenizer, one thread", bare, bare * charsPerMention);
            System.out.printf(Locale.ROOT, "%-52s %12.0f %12.0f%n", "whole workflow, file in/out, parallelism 1", p1, p1 * charsPerMention);
            System.out.printf(Locale.ROOT, "%-52s %12.0f %12.0f%n", "whole workflow, file in/out, parallelism 2", p2, p2 * charsPerMention);
            System.out.printf(Locale.ROOT, "%-52s %12.0f %12.0f%n", "whole workflow per CPU-second, parallelism 1",
                    run1.mentionsPerCpuSecond(), run1.mentionsPerCpuSecond() * charsPerMention);
            System.out.printf(Locale.ROOT, "%-52s %12.0f %12.0f%n", "whole workflow per CPU-second, parallelism 2",
                    run2.mentionsPerCpuSecond(), run2.mentionsPerCpuSecond() * charsPerMention);
            run1.printStages(count, 1);
            run2.printStages(count, 2);
            System.out.printf(Locale.ROOT, "pipeline p1 / segmentation ceiling: %.3f (target >= 0.7)%n", p1 / bare);
            System.out.printf(Locale.ROOT, "pipeline per CPU-second / ceiling:  %.3f at p1, %.3f at p2 (what each core gives)%n",
                    run1.mentionsPerCpuSecond() / bare, run2.mentionsPerCpuSecond() / bare);
            System.out.printf(Locale.ROOT, "parallelism 2 / parallelism 1:      %.3f (target >= 1.7 on 2 cores)%n", p2 / p1);
            System.out.printf(Locale.ROOT, "{\"mentions\":%d,\"segmentationMentionsPerSecond\":%.0f,\"pipelineP1MentionsPerSecond\":%.0f,"
                    + "\"pipelineP2MentionsPerSecond\":%.0f,\"p1MentionsPerCpuSecond\":%.0f,\"p2MentionsPerCpuSecond\":%.0f,"
                    + "\"ratioToSegmentation\":%.3f,\"scaling\":%.3f,\"cores\":%d}%n",
                    count, bare, p1, p2, run1.mentionsPerCpuSecond(), run2.mentionsPerCpuSecond(), p1 / bare, p2 / p1,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes {@link #dayOfMentions} to a file, one JSON per line; returns the number of text characters. */
    static long writeStream(List<String> texts, Path file) throws IOException {
        List<ObjectNode> mentions = dayOfMentions(texts);
        List<String> lines = new ArrayList<>(mentions.size());
        long chars = 0;
        for (ObjectNode m : mentions) {
            chars += m.get("text").asText().length();
            lines.add(m.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return chars;
    }

    /**
     * One mention per text, evenly over the day from {@link #STREAM_START}: ten brands (a copied text keeps its
     * original's), 3,000 customers, 5% gambling ads. Seeded: the same texts give the same mentions.
     */
    static List<ObjectNode> dayOfMentions(List<String> texts) {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);
        List<ObjectNode> mentions = new ArrayList<>(texts.size());
        Map<String, String> brandOfText = new HashMap<>(); // a verbatim copy is about the brand its original was
        for (int i = 0; i < texts.size(); i++) {
            String drawn = BRAND_NAMES[random.nextInt(BRANDS)];
            String brand = brandOfText.computeIfAbsent(texts.get(i), t -> drawn);
            String text = random.nextInt(20) == 0
                    ? brand + "官方合作 澳门葡京线上娱乐城 注册送88元彩金 加微信" + random.nextInt(100000)
                    : brand + " " + texts.get(i);
            ObjectNode m = json.createObjectNode();
            m.put("id", "b" + i);
            m.put("platform", "weibo");
            m.putObject("author").put("id", "u" + random.nextInt(3000)).put("followers", random.nextInt(5000));
            m.put("text", text);
            m.put("createdAt", STREAM_START + (long) i * 86_400_000L / texts.size());
            m.putObject("metrics").put("likes", random.nextInt(100)).put("reposts", random.nextInt(20)).put("comments", random.nextInt(30));
            mentions.add(m);
        }
        return mentions;
    }

    static ListeningConfig config() {
        ListeningConfig c = new ListeningConfig();
        c.privacy.pseudonymKey = "benchmark-pseudonym-key-0001";
        for (int i = 0; i < BRANDS; i++) {
            BrandSettings b = new BrandSettings();
            b.id = "brand" + i;
            b.names = List.of(BRAND_NAMES[i]);
            b.officialAccounts = List.of("weibo:official" + i);
            c.brands.add(b);
        }
        return c;
    }

    /** One measured run: mentions per second of the job's net runtime, and where its CPU went. */
    record Run(double mentionsPerSecond, double mentionsPerCpuSecond, Map<String, Long> cpuByStage) {
        static final Run NONE = new Run(Double.NaN, Double.NaN, Map.of());

        /** The stages that took at least 1% of the CPU, in microseconds per mention. */
        void printStages(int mentions, int parallelism) {
            if (cpuByStage.isEmpty()) {
                return;
            }
            long total = cpuByStage.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "CPU per mention at parallelism %d, by stage: %.0f us in all%n", parallelism, total / 1e3 / mentions);
            cpuByStage.forEach((stage, nanos) -> {
                if (nanos * 100 >= total) {
                    String name = stage.length() > 60 ? stage.substring(0, 57) + "..." : stage;
                    System.out.printf(Locale.ROOT, "  %-62s %6.0f us %4.0f%%%n", name, nanos / 1e3 / mentions, 100.0 * nanos / total);
                }
            });
        }
    }

    static Run run(ListeningConfig config, Path input, Path out, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        JobEnvironment.configureRecords(env);
        if ("discard".equals(System.getProperty("bench.sinks"))) { // profiling: the workflow without writing its output
            FileSource<RawRecord> lines = FileSource.forRecordStreamFormat(new RawLineFormat("bench", config.ingestion.maxRecordBytes),
                    new org.apache.flink.core.fs.Path(input.toAbsolutePath().toUri())).build();
            DataStream<RawRecord> raw = env.fromSource(lines, WatermarkStrategy.noWatermarks(), "file");
            if (Boolean.getBoolean("bench.plainEnrich")) { // parse and enrich chained, no deduplication hop, no broadcast
                raw.process(new io.brandpulse.jobs.operators.ParseMentions(config.ingestion))
                        .map(new PlainEnrich(config)).sinkTo(new DiscardingSink<>());
            } else if (Boolean.getBoolean("bench.sourceOnly")) { // only reading the file
                raw.sinkTo(new DiscardingSink<>());
            } else if (Boolean.getBoolean("bench.enrichOnly")) { // only what enrichment needs: parse, deduplicate, enrich
                ListeningWorkflow.define(config, raw).enrichedMentions().sinkTo(new DiscardingSink<>());
            } else {
                ListeningWorkflow.defineWorkflow(config, raw, ListeningWorkflow.noOptOuts(env), new ListeningSinks(
                        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()));
            }
        } else {
            RunFileJob.defineFileWorkflow(env, config, input, out);
        }
        JobExecutionResult result;
        JobClient job = env.executeAsync("benchmark p" + parallelism); // the local cluster is up: its start-up is not counted
        StageCpu cpu = new StageCpu();
        try (cpu) {
            result = job.getJobExecutionResult().get();
        }
        long lines;
        try (Stream<String> s = Files.lines(input)) {
            lines = s.count();
        }
        return new Run(lines / (result.getNetRuntime() / 1000.0), lines / (cpu.processNanos() / 1e9), cpu.byStage());
    }

    /** Profiling: enrichment as a plain map, chained to parsing. */
    static final class PlainEnrich extends org.apache.flink.api.common.functions.RichMapFunction<io.brandpulse.model.Mention, io.brandpulse.model.EnrichedMention> {
        private final ListeningConfig config;
        private transient io.brandpulse.ingest.MentionEnricher enricher;

        PlainEnrich(ListeningConfig config) {
            this.config = config;
        }

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            enricher = new io.brandpulse.ingest.MentionEnricher(config);
        }

        @Override
        public io.brandpulse.model.EnrichedMention map(io.brandpulse.model.Mention mention) {
            return enricher.enrich(mention);
        }
    }

    /** Bare segmentation of the same texts, one thread, warm: the ceiling. */
    static double bareSegmentation(List<String> texts) {
        HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
        for (int round = 0; round < 3; round++) {
            for (String t : texts) {
                sink += BenchmarkAnalysis.tokenize(tokenizer, t);
            }
        }
        long start = System.nanoTime();
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                sink += BenchmarkAnalysis.tokenize(tokenizer, t);
            }
        }
        return rounds * texts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
