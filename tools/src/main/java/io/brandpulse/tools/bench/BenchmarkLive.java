package io.brandpulse.tools.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brandpulse.config.Durations;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.listening.Uids;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.tools.ops.KafkaClientSettings;
import io.brandpulse.tools.ops.ToolArguments;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/bench-live}: the listening job measured on the live path, a real broker and a real
 * cluster. The script starts the services and submits the job; this tool does the parts in between,
 * one sub-command each, every one writing its figures as JSON into the run's work directory, and
 * {@code report} prints the table:
 *
 * <ul>
 *   <li>{@code prepare}: the benchmark's day of mentions (as {@code scripts/bench}) to pre-load,
 *       the job's configuration with the benchmark's brands, and the bare segmentation ceiling on
 *       the same texts;
 *   <li>{@code span}: throughput from the record timestamps of the enriched-mentions topic;
 *   <li>{@code burst}: the same, while a burst of brand definitions is written to the control
 *       topic: throughput during the burst over throughput just before it;
 *   <li>{@code live}: mentions sent at a rate with the wall clock as event time, bursts and
 *       complaint threads in it, and every alert received with its receipt time;
 *   <li>{@code state}: a full checkpoint triggered through the REST API and its state sizes per
 *       vertex;
 *   <li>{@code report}: percentiles, the latency target, state per brand and per customer, table
 *       and JSON line.
 * </ul>
 */
public final class BenchmarkLive {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkLive.class);
    private static final String USAGE =
            """
            usage: BenchmarkLive prepare --data DIR --mentions N --out DIR
                   BenchmarkLive stream --data DIR --mentions N --out DIR   (the mentions only)
                   BenchmarkLive span --bootstrap-servers H:P --topic T --expected N --out FILE [--quiet-seconds S]
                   BenchmarkLive burst --bootstrap-servers H:P --topic T --control-topic C --dlq-topic D --config FILE --expected N
                                       --changes K --rate R --out FILE [--null-burst-ms MS: a null run, nothing written]
                                      [--decoy-topic T: a decoy run, the bursts written to T, which the job does not read]
                                      [--refused: a refused run, records of a key the job does not know]
                   BenchmarkLive live --bootstrap-servers H:P --data DIR --rate R --minutes M --drain-seconds S --out DIR
                   BenchmarkLive state --rest-port P --job ID --out FILE
                   BenchmarkLive report --work DIR --window DURATION --out-of-order DURATION --checkpoint-interval DURATION\
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The vertices whose state is per brand: every operator keyed by brand (complete brand metrics
     * holds per-brand metrics keyed by window).
     */
    static final List<String> BRAND_OPERATORS =
            List.of(
                    Uids.BRAND_METRICS_WINDOWS.name(),
                    Uids.DETECT_INCIDENTS.name(),
                    Uids.COMPLETE_BRAND_METRICS.name(),
                    Uids.GATE_UNANSWERED_ALERTS.name(),
                    Uids.RESPONSE_METRICS_WINDOWS.name());

    /** The vertex whose state is per customer. */
    static final List<String> CUSTOMER_OPERATORS = List.of(Uids.SCORE_CUSTOMERS.name());

    private BenchmarkLive() {}

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        ToolArguments a =
                ToolArguments.parse(
                        Arrays.copyOfRange(args, Math.min(1, args.length), args.length),
                        Set.of(
                                "--data",
                                "--mentions",
                                "--out",
                                "--bootstrap-servers",
                                "--topic",
                                "--expected",
                                "--quiet-seconds",
                                "--rate",
                                "--minutes",
                                "--drain-seconds",
                                "--rest-port",
                                "--job",
                                "--work",
                                "--window",
                                "--out-of-order",
                                "--checkpoint-interval",
                                "--control-topic",
                                "--config",
                                "--changes",
                                "--null-burst-ms",
                                "--dlq-topic",
                                "--job-pid",
                                "--warm-up-topic",
                                "--decoy-topic",
                                "--warm-up-seconds",
                                "--checkpoints"),
                        Set.of("--refused"));
        switch (command) {
            case "stream" -> {
                Path out = Path.of(a.get("--out", null));
                Files.createDirectories(out);
                MentionStreams.writeDayOfMentions(
                        MentionStreams.realisticTexts(
                                Path.of(a.get("--data", null)),
                                Integer.parseInt(a.get("--mentions", "30000"))),
                        out.resolve("mentions.jsonl"));
            }
            case "prepare" ->
                    prepare(
                            Path.of(a.get("--data", null)),
                            Integer.parseInt(a.get("--mentions", "30000")),
                            Path.of(a.get("--out", null)));
            case "span" ->
                    span(
                            a.get("--bootstrap-servers", null),
                            a.get("--topic", null),
                            Long.parseLong(a.get("--expected", "0")),
                            Integer.parseInt(a.get("--quiet-seconds", "120")),
                            Path.of(a.get("--out", null)));
            case "burst" ->
                    new ControlBurst(
                                    a.get("--bootstrap-servers", null),
                                    a.get("--control-topic", null),
                                    Path.of(a.get("--config", null)),
                                    Integer.parseInt(a.get("--changes", "100")),
                                    Double.parseDouble(a.get("--rate", "50")),
                                    Long.parseLong(a.get("--null-burst-ms", "0")),
                                    Long.parseLong(a.get("--job-pid", "0")),
                                    a.get("--warm-up-topic", null),
                                    a.get("--decoy-topic", null),
                                    a.has("--refused"),
                                    a.get("--checkpoints", null),
                                    1000
                                            * Long.parseLong(
                                                    a.get(
                                                            "--warm-up-seconds",
                                                            String.valueOf(
                                                                    ControlBurst.DEFAULT_WARM_UP_MS
                                                                            / 1000))))
                            .measure(
                                    a.get("--topic", null),
                                    a.get("--dlq-topic", null),
                                    Long.parseLong(a.get("--expected", "0")),
                                    Path.of(a.get("--out", null)));
            case "live" ->
                    new LiveStream(
                                    a.get("--bootstrap-servers", null),
                                    Double.parseDouble(a.get("--rate", "100")),
                                    Double.parseDouble(a.get("--minutes", "5")),
                                    Integer.parseInt(a.get("--drain-seconds", "20")))
                            .run(Path.of(a.get("--data", null)), Path.of(a.get("--out", null)));
            case "state" ->
                    state(
                            Integer.parseInt(a.get("--rest-port", null)),
                            a.get("--job", null),
                            Path.of(a.get("--out", null)));
            case "report" ->
                    report(
                            Path.of(a.get("--work", null)),
                            Durations.parse(a.get("--window", "1m")).toMillis(),
                            Durations.parse(a.get("--out-of-order", "5s")).toMillis(),
                            a.get("--checkpoint-interval", "?"));
            default -> {
                System.err.println(USAGE);
                System.exit(a.help ? 0 : 2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- prepare

    /**
     * The pre-loaded day (scripts/bench's generator), the job's configuration, and the segmentation
     * ceiling.
     */
    static void prepare(Path data, int count, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> texts = MentionStreams.realisticTexts(data, count);
        long chars = MentionStreams.writeDayOfMentions(texts, out.resolve("mentions.jsonl"));
        Files.writeString(out.resolve("bench-live.yaml"), configYaml(BenchmarkPipeline.config()));
        // Measured in this run, on this machine's current load, so the ratios compare like with
        // like.
        BenchmarkPipeline.bareSegmentation(texts, 3); // warm-up
        double bare = BenchmarkPipeline.bareSegmentation(texts, 3);
        ObjectNode figures =
                JSON.createObjectNode()
                        .put("mentions", count)
                        .put("charsPerMention", (double) chars / count)
                        .put("segmentationMentionsPerSecond", bare);
        JSON.writeValue(out.resolve("segmentation.json").toFile(), figures);
        LOG.info("prepared {} mentions; bare segmentation {} mentions/s", count, Math.round(bare));
    }

    /**
     * The benchmark's configuration as the YAML the job reads: only what {@link
     * BenchmarkPipeline#config()} sets (job name, pseudonym key, brands); everything else keeps the
     * job's defaults or comes from {@code --set}.
     */
    static String configYaml(ListeningConfig c) throws IOException {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("job", Map.of("name", "brandpulse-bench-live"));
        yaml.put("privacy", Map.of("pseudonymKey", c.privacy.pseudonymKey));
        List<Map<String, Object>> brands = new ArrayList<>();
        for (var b : c.brands) {
            brands.add(
                    Map.of("id", b.id, "names", b.names, "officialAccounts", b.officialAccounts));
        }
        yaml.put("brands", brands);
        return "# Generated by scripts/bench-live (BenchmarkLive prepare): the benchmark's"
                + " brands.\n"
                + YAMLMapper.builder()
                        .serializationInclusion(JsonInclude.Include.NON_NULL)
                        .build()
                        .writeValueAsString(yaml);
    }

    // ------------------------------------------------------------------------------------------------------- span

    /**
     * Throughput from the Kafka timestamps of the job's enriched mentions: count / (last − first
     * timestamp). The sink leaves the timestamp to its producer, so it is the time each mention was
     * written out. From the first output, not from the job's start: the start (scheduling,
     * deploying, loading the segmenter and the sentiment model in every subtask) is a fixed cost
     * that {@code scripts/bench} excludes too (net runtime), and the first output follows the start
     * of processing by one mention's latency. The input was pre-loaded, so the producer does not
     * set the pace; the span ends with the last mention written, before the checkpoint that commits
     * it.
     */
    static void span(String bootstrap, String topic, long expected, int quietSeconds, Path out)
            throws IOException {
        long count = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap, topic)) {
            long lastProgress = System.currentTimeMillis();
            // Committed output becomes visible a checkpoint at a time; stop at the expected count,
            // or when nothing
            // new has come for quietSeconds (some mentions may be dead letters, not enriched ones).
            while (count < expected
                    && System.currentTimeMillis() - lastProgress < quietSeconds * 1000L) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    first = Math.min(first, r.timestamp());
                    last = Math.max(last, r.timestamp());
                    lastProgress = System.currentTimeMillis();
                }
            }
        }
        if (count < 2) {
            throw new IllegalStateException(
                    "only "
                            + count
                            + " enriched mentions on "
                            + topic
                            + ": the job did not process the pre-loaded input");
        }
        double rate = count / ((last - first) / 1000.0);
        JSON.writeValue(
                out.toFile(),
                JSON.createObjectNode()
                        .put("topic", topic)
                        .put("enriched", count)
                        .put("expected", expected)
                        .put("firstTimestamp", first)
                        .put("lastTimestamp", last)
                        .put("mentionsPerSecond", rate));
        LOG.info(
                "{}: {} enriched mentions in {} ms: {} mentions/s",
                topic,
                count,
                last - first,
                Math.round(rate));
    }

    /**
     * Bursts of changes to the control topic while the job works through a pre-loaded input: {@link
     * #BURSTS} times, K definitions of the benchmark's first brand (each adds a crisis term, so
     * each one changes the term automaton) written at R per second; the first {@code
     * --warm-up-seconds} (default {@link #DEFAULT_WARM_UP_MS}) after the first enriched mention was
     * written (a fresh TaskManager's JIT compiled for most of each second for three minutes when
     * the TaskManager had one core to itself; unmeasured bursts come before, {@link
     * #WARM_UP_BURSTS}), the next ones at least {@link #BURST_EVERY_MS} apart. Throughput is read
     * from the enriched mentions' record timestamps, as {@code span} reads it: the mentions written
     * during each burst (from its first change to a second after its last), against those written
     * in two quiet stretches as long, one checkpoint cycle before the burst and one after it (the
     * cycles read from the REST API, {@code --checkpoints}; without it, {@link
     * #CHECKPOINT_CYCLE_MS}); the figure is during over quiet, pooled over the bursts. The job's
     * checkpoints dip its throughput for one to three seconds each, as much as the bursts are meant
     * to show: a quiet stretch a whole cycle away sits at the same phase of it as its burst, so
     * each burst is weighed against stretches with the same dips, and one before and one after it
     * cancel the JIT's and the machine's slow drift. (Quiet stretches half-way between bursts 12 s
     * apart, at other phases of the cycle, cancelled the dips only on average over the five bursts:
     * one burst's ratio swung from 0.4 to 2.2, and whole runs of the same kind by 0.15.)
     */
    static final class ControlBurst {
        static final int BURSTS = 5;
        static final long SETTLE_MS = 1_000;
        static final long DEFAULT_WARM_UP_MS = 180_000;

        /**
         * The job's checkpoint interval in the burst run (the default, 10 s), which its quiet
         * stretches are that far from its bursts.
         */
        static final long CHECKPOINT_CYCLE_MS = 10_000;

        /**
         * Where in a checkpoint's cycle bursts and quiet stretches start: after its synchronous
         * part (the barriers' alignment, which holds the control input back too, and the
         * copy-on-write snapshot), which dips throughput for one to two seconds.
         */
        static final long PHASE_MS = 3_000;

        /**
         * Bursts written, not measured, while the job warms up ({@link #WARM_UP_BURSTS_FROM_MS}
         * after its first output, {@link #BURST_EVERY_MS} apart): steady state is a job that has
         * applied changes before. The first changes a TaskManager applies cost it more than later
         * ones: records of a second type on the sources' and record writers' paths deoptimized the
         * mentions' compiled code (47 class-check deoptimizations in the first burst of a pinned
         * run), and the control path is compiled with C2 only after thousands of calls, for seconds
         * of the job's core each (0.59 to 0.75 in the first measured bursts of fresh TaskManagers).
         */
        static final int WARM_UP_BURSTS = 5;

        static final long WARM_UP_BURSTS_FROM_MS = 30_000;

        /** Two cycles: a burst, a quiet stretch a cycle later, the next burst a cycle after. */
        static final long BURST_EVERY_MS = 2 * CHECKPOINT_CYCLE_MS;

        /** The shortest {@code --warm-up-seconds}: the unmeasured bursts and a cycle after them. */
        static final long MIN_WARM_UP_MS =
                WARM_UP_BURSTS_FROM_MS + (WARM_UP_BURSTS + 1) * BURST_EVERY_MS;

        private final String bootstrap;
        private final String controlTopic;
        private final Path config;
        private final int changes;
        private final double perSecond;
        private final long[] starts = new long[BURSTS];
        private final long[] ends = new long[BURSTS];

        /**
         * When above 0, a null run: the same windows, each this long, with nothing written. How far
         * its ratio strays from 1 is how much of a burst's figure is the job's own swings.
         */
        private final long nullBurstMillis;

        /**
         * The TaskManager's process (0: not known). On this machine of two cores the writer and the
         * broker run beside the job, and during a burst they take 0.1 to 0.5 of a core from it (a
         * writer alone, 50 records a second: 0.07 to 0.24 of a core; the broker taking them: about
         * 0.1 more), which a real deployment does not put on the job's cores. So the instrument
         * also reads the TaskManager's CPU and gives mentions per CPU-second of the job, during
         * against quiet: what applying the changes costs the job itself.
         */
        private final long jobPid;

        /**
         * Where the writer warms up before the first burst (null: it does not): a cold producer
         * took twice the CPU of a warm one in the first bursts, on the job's cores.
         */
        private final String warmUpTopic;

        /**
         * Where a decoy run writes its bursts (null: a real run, to the control topic): a topic the
         * job does not read, so the writer and the broker do the same work beside the job and the
         * job none. A real run's figure over a decoy run's is what applying the changes costs the
         * job itself, whatever its neighbours take from its cores (which, on a machine of two,
         * slows it by more than their own CPU: they share its caches too).
         */
        private final String decoyTopic;

        /**
         * A refused run: the bursts' records carry a key the job does not know, so every operator
         * that follows the topic refuses each at once and enrichment dead-letters it. What such a
         * run costs is the records' way through the job, without applying or rebuilding anything.
         */
        private final boolean refusedRun;

        /** From the first enriched mention to the first burst. */
        private final long warmUpMillis;

        /**
         * The job's checkpoints on Flink's REST API ({@code
         * http://host:port/jobs/<id>/checkpoints}; null: assume they come every {@link
         * #CHECKPOINT_CYCLE_MS}). Each burst then starts {@link #PHASE_MS} after a checkpoint was
         * triggered and each quiet stretch as long after the one before and the one after: the same
         * phase of the cycle, whatever the cycle's length.
         */
        private final String checkpointsUrl;

        private final long[] burstTriggers = new long[BURSTS];
        private final CheckpointTriggers triggers;

        ControlBurst(
                String bootstrap,
                String controlTopic,
                Path config,
                int changes,
                double perSecond,
                long nullBurstMillis,
                long jobPid,
                String warmUpTopic,
                String decoyTopic,
                boolean refusedRun,
                String checkpointsUrl,
                long warmUpMillis) {
            this.bootstrap = bootstrap;
            this.controlTopic = controlTopic;
            this.config = config;
            this.changes = changes;
            this.perSecond = perSecond;
            this.nullBurstMillis = nullBurstMillis;
            this.jobPid = jobPid;
            this.warmUpTopic = warmUpTopic;
            this.decoyTopic = decoyTopic;
            this.refusedRun = refusedRun;
            if (warmUpMillis < MIN_WARM_UP_MS) {
                throw new IllegalArgumentException(
                        "--warm-up-seconds: at least "
                                + MIN_WARM_UP_MS / 1000
                                + " (the unmeasured bursts come first)");
            }
            this.warmUpMillis = warmUpMillis;
            this.checkpointsUrl = checkpointsUrl;
            this.triggers = checkpointsUrl == null ? null : new CheckpointTriggers(checkpointsUrl);
        }

        /**
         * A process's CPU time, read every 200 ms while the bursts run: {@link #cpuMillisAt}
         * interpolates between the readings.
         */
        static final class CpuReadings {
            private final List<long[]> readings = Collections.synchronizedList(new ArrayList<>());
            private final AtomicBoolean stopped = new AtomicBoolean();

            static CpuReadings of(long pid) {
                CpuReadings r = new CpuReadings();
                Thread t =
                        new Thread(
                                () -> {
                                    while (!r.stopped.get()) {
                                        ProcessHandle.of(pid)
                                                .flatMap(h -> h.info().totalCpuDuration())
                                                .ifPresent(
                                                        cpu ->
                                                                r.readings.add(
                                                                        new long[] {
                                                                            System
                                                                                    .currentTimeMillis(),
                                                                            cpu.toMillis()
                                                                        }));
                                        try {
                                            Thread.sleep(200);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                },
                                "job-cpu");
                t.setDaemon(true);
                t.start();
                return r;
            }

            void stop() {
                stopped.set(true);
            }

            /** CPU milliseconds the process had used by this wall time, interpolated. */
            double cpuMillisAt(long wallMillis) {
                synchronized (readings) {
                    long[] before = null;
                    for (long[] r : readings) {
                        if (r[0] >= wallMillis) {
                            if (before == null) return r[1];
                            double f = (wallMillis - before[0]) / (double) (r[0] - before[0]);
                            return before[1] + f * (r[1] - before[1]);
                        }
                        before = r;
                    }
                    return before == null ? 0 : before[1];
                }
            }

            double cpuMillis(long from, long to) {
                return cpuMillisAt(to) - cpuMillisAt(from);
            }

            boolean isEmpty() {
                return readings.isEmpty();
            }
        }

        /** The trigger times of the job's checkpoints, read from Flink's REST API as they come. */
        static final class CheckpointTriggers {
            private final NavigableSet<Long> at = new ConcurrentSkipListSet<>();
            private final Thread poller;
            private volatile boolean stopped;

            CheckpointTriggers(String url) {
                HttpClient http = HttpClient.newHttpClient();
                poller =
                        new Thread(
                                () -> {
                                    while (!stopped) {
                                        try {
                                            // the history holds the last ten, in progress too
                                            for (JsonNode c : get(http, url).path("history")) {
                                                long t = c.path("trigger_timestamp").asLong(0);
                                                if (t > 0) at.add(t);
                                            }
                                        } catch (IOException e) {
                                            LOG.debug("checkpoints not read: {}", e.getMessage());
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                        try {
                                            Thread.sleep(100);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                },
                                "checkpoint-triggers");
                poller.setDaemon(true);
            }

            void start() {
                poller.start();
            }

            void stop() {
                stopped = true;
                poller.interrupt();
            }

            /** The first trigger after {@code t}, waited for (at most two minutes). */
            long next(long t) throws InterruptedException {
                long deadline = System.currentTimeMillis() + 120_000;
                Long found;
                while ((found = at.higher(t)) == null) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException(
                                "no checkpoint triggered for two minutes: the burst run needs"
                                        + " checkpoints");
                    }
                    Thread.sleep(50);
                }
                return found;
            }

            Long before(long t) {
                return at.lower(t);
            }

            Long after(long t) {
                return at.higher(t);
            }
        }

        void measure(String topic, String dlqTopic, long expected, Path out) throws Exception {
            JsonNode brand = new YAMLMapper().readTree(config.toFile()).path("brands").path(0);
            if (!brand.isObject()) {
                throw new IllegalArgumentException(config + ": no brand to change");
            }
            // The instrument stays out of the job's way while it is measured: live, it only waits
            // for the first enriched mention (the bursts are timed from it) and then watches the
            // topic's end offsets; every record's timestamp is read after the job drained the
            // input. Reading and decoding the records as they came took up to half a core during
            // the bursts, on a machine of two.
            long first = firstRecordTimestamp(topic);
            ObjectNode definition = (ObjectNode) brand;
            CpuReadings jobCpu = jobPid > 0 ? CpuReadings.of(jobPid) : null;
            if (triggers != null) triggers.start();
            Thread writer = new Thread(() -> writeBursts(definition, first), "control-burst");
            writer.start();
            waitUntilDrained(topic, writer);
            writer.join();
            if (jobCpu != null) jobCpu.stop();
            if (triggers != null) triggers.stop();
            List<Long> timestamps = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap, topic)) {
                long lastProgress = System.currentTimeMillis();
                while (timestamps.size() < expected
                        && System.currentTimeMillis() - lastProgress < 10_000) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        timestamps.add(r.timestamp());
                        keys.add(r.key());
                        lastProgress = System.currentTimeMillis();
                    }
                }
            }
            if (timestamps.isEmpty()) {
                throw new IllegalStateException("no enriched mentions: no burst written");
            }
            if (keys.size() != timestamps.size()) {
                throw new IllegalStateException(
                        (timestamps.size() - keys.size())
                                + " mentions enriched twice while the changes were applied");
            }
            long refused = invalidControl(dlqTopic);
            long written = (long) (BURSTS + WARM_UP_BURSTS) * changes;
            if (refusedRun && refused != written) {
                throw new IllegalStateException(
                        refused
                                + " records of the bursts dead-lettered, not all "
                                + written
                                + ": the refused run did not measure what it says");
            }
            if (!refusedRun && refused > 0) {
                throw new IllegalStateException(
                        refused
                                + " changes of the bursts refused (INVALID_CONTROL on "
                                + dlqTopic
                                + ")");
            }
            Collections.sort(timestamps);
            long last = timestamps.get(timestamps.size() - 1);
            long during = 0;
            long duringMs = 0;
            long quiet = 0;
            long quietMs = 0;
            double duringCpuMs = 0;
            double quietCpuMs = 0;
            boolean cpuKnown = jobCpu != null && !jobCpu.isEmpty();
            ArrayNode each = JSON.createArrayNode();
            ArrayNode eachPerCpu = JSON.createArrayNode();
            for (int i = 0; i < BURSTS; i++) {
                long from = starts[i];
                long to = ends[i] + SETTLE_MS;
                long length = to - from;
                long before = from - CHECKPOINT_CYCLE_MS;
                long after = from + CHECKPOINT_CYCLE_MS;
                boolean withinCycles = length < CHECKPOINT_CYCLE_MS;
                if (triggers != null) {
                    // the same phase of the cycle before and of the cycle after the burst's
                    long trigger = burstTriggers[i];
                    Long previous = triggers.before(trigger);
                    Long next = triggers.after(trigger);
                    Long nextButOne = next == null ? null : triggers.after(next);
                    withinCycles =
                            previous != null
                                    && next != null
                                    && to <= next
                                    && previous + (from - trigger) + length <= trigger
                                    && (nextButOne == null
                                            || next + (from - trigger) + length <= nextButOne);
                    if (withinCycles) {
                        before = previous + (from - trigger);
                        after = next + (from - trigger);
                    }
                }
                if (last < after + length || !withinCycles) {
                    LOG.warn(
                            "burst {} left out: the input ran out or the burst did not fit in a"
                                    + " checkpoint cycle ({} ms after it, {} ms long)",
                            i + 1,
                            last - to,
                            length);
                    continue;
                }
                long d = count(timestamps, from, to);
                long q =
                        count(timestamps, before, before + length)
                                + count(timestamps, after, after + length);
                during += d;
                duringMs += length;
                quiet += q;
                quietMs += 2 * length;
                each.add(round3(q == 0 ? 0 : 2.0 * d / q));
                if (cpuKnown) {
                    double dc = jobCpu.cpuMillis(from, to);
                    double qc =
                            jobCpu.cpuMillis(before, before + length)
                                    + jobCpu.cpuMillis(after, after + length);
                    duringCpuMs += dc;
                    quietCpuMs += qc;
                    eachPerCpu.add(round3(q == 0 || dc == 0 ? 0 : (d / dc) / (q / qc)));
                }
            }
            if (each.isEmpty()) {
                throw new IllegalStateException(
                        "the input ran out before the first burst's quiet stretch: pre-load more");
            }
            double duringRate = during / (duringMs / 1000.0);
            double quietRate = quiet / (quietMs / 1000.0);
            ObjectNode figures =
                    JSON.createObjectNode()
                            .put("bursts", each.size())
                            .put("nullRun", nullBurstMillis > 0)
                            .put("decoyRun", decoyTopic != null)
                            .put("refusedRun", refusedRun)
                            .put("changes", changes)
                            .put("enriched", timestamps.size())
                            .put("changesPerSecond", perSecond)
                            .put("burstMillis", (ends[0] - starts[0]))
                            .put("warmUpSeconds", warmUpMillis / 1000)
                            .put(
                                    "quietStretches",
                                    triggers != null
                                            ? "the same phase of the checkpoint cycles before and"
                                                    + " after, "
                                                    + PHASE_MS
                                                    + " ms after their triggers"
                                            : CHECKPOINT_CYCLE_MS + " ms before and after")
                            .put("quietMentionsPerSecond", quietRate)
                            .put("burstMentionsPerSecond", duringRate)
                            .put("ratio", duringRate / quietRate);
            figures.set("ratioPerBurst", each);
            if (cpuKnown && duringCpuMs > 0 && quietCpuMs > 0) {
                figures.put("jobCoresDuring", round3(duringCpuMs / duringMs))
                        .put("jobCoresQuiet", round3(quietCpuMs / quietMs))
                        .put(
                                "ratioPerJobCpuSecond",
                                round3((during / duringCpuMs) / (quiet / quietCpuMs)));
                figures.set("ratioPerJobCpuSecondPerBurst", eachPerCpu);
            }
            // mentions written per second, from 10 s before the first burst to 10 s after the last,
            // and when the bursts were: to tell the bursts' cost from the machine's own swings
            ArrayNode perSecond = JSON.createArrayNode();
            long timelineFrom = starts[0] - 10_000;
            for (long t = timelineFrom; t < ends[BURSTS - 1] + 10_000 && t < last; t += 1_000) {
                perSecond.add(count(timestamps, t, t + 1_000));
            }
            figures.set("mentionsPerSecondTimeline", perSecond);
            ArrayNode at = JSON.createArrayNode();
            for (int i = 0; i < BURSTS; i++) {
                at.add(
                        JSON.createArrayNode()
                                .add((starts[i] - timelineFrom) / 1000.0)
                                .add((ends[i] - timelineFrom) / 1000.0));
            }
            figures.set("burstsAtSeconds", at);
            JSON.writeValue(out.toFile(), figures);
            LOG.info(
                    "{} bursts of {} changes: {} mentions/s during, {} in the quiet stretches ({};"
                            + " each {})",
                    each.size(),
                    changes,
                    Math.round(duringRate),
                    Math.round(quietRate),
                    round3(duringRate / quietRate),
                    each);
        }

        /** The timestamp of the first enriched mention, waited for (at most two minutes). */
        private long firstRecordTimestamp(String topic) {
            try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap, topic)) {
                long deadline = System.currentTimeMillis() + 120_000;
                while (System.currentTimeMillis() < deadline) {
                    long first = Long.MAX_VALUE;
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        first = Math.min(first, r.timestamp());
                    }
                    if (first != Long.MAX_VALUE) {
                        return first;
                    }
                }
            }
            throw new IllegalStateException(
                    "no enriched mentions in two minutes: no burst written");
        }

        /**
         * Waits until the bursts are written and the topic's end offsets (its last committed
         * transaction) have not moved for 25 seconds, longer than two checkpoints apart: the job
         * drained its input. At most two minutes without progress while the bursts are written.
         */
        private void waitUntilDrained(String topic, Thread writer) throws InterruptedException {
            try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap, topic)) {
                long lastEnd = -1;
                long lastMove = System.currentTimeMillis();
                while (true) {
                    Thread.sleep(2_000);
                    long end =
                            consumer.endOffsets(consumer.assignment()).values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum();
                    long now = System.currentTimeMillis();
                    if (end != lastEnd) {
                        lastEnd = end;
                        lastMove = now;
                    } else if (now - lastMove > (writer.isAlive() ? 120_000 : 25_000)) {
                        return;
                    }
                }
            }
        }

        private void writeBursts(ObjectNode brand, long firstWritten) {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("linger.ms", "0");
            String key = (refusedRun ? "unknown:" : "brand:") + brand.path("id").asText();
            int n = 0;
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                if (warmUpTopic != null) {
                    // During the job's own warm-up, long before the first burst and its quiet
                    // stretch: the producer's path compiled, as a tool that writes all day has it.
                    for (int i = 0; i < 3_000; i++) {
                        ObjectNode definition = brand.deepCopy();
                        definition.putArray("crisisTerms").add("warm-up-" + i);
                        producer.send(
                                new ProducerRecord<>(warmUpTopic, key, definition.toString()));
                        if (i % 100 == 99) Thread.sleep(20);
                    }
                    producer.flush();
                }
                String topic = decoyTopic != null ? decoyTopic : controlTopic;
                for (int k = 0; k < WARM_UP_BURSTS && nullBurstMillis == 0; k++) {
                    long at = firstWritten + WARM_UP_BURSTS_FROM_MS + k * BURST_EVERY_MS;
                    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                    n = writeBurst(producer, topic, key, brand, System.currentTimeMillis(), n);
                }
                for (int burst = 0; burst < BURSTS; burst++) {
                    long at = firstWritten + warmUpMillis + burst * BURST_EVERY_MS;
                    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                    if (triggers != null) {
                        // a cycle between two bursts at least: it holds the quiet stretch after
                        // the one and before the other
                        long notBefore = burst == 0 ? at : triggers.next(burstTriggers[burst - 1]);
                        burstTriggers[burst] = triggers.next(Math.max(at, notBefore));
                        Thread.sleep(
                                Math.max(
                                        0,
                                        burstTriggers[burst]
                                                + PHASE_MS
                                                - System.currentTimeMillis()));
                    }
                    starts[burst] = System.currentTimeMillis();
                    if (nullBurstMillis > 0) {
                        Thread.sleep(nullBurstMillis);
                        ends[burst] = System.currentTimeMillis();
                        continue;
                    }
                    n = writeBurst(producer, topic, key, brand, starts[burst], n);
                    ends[burst] = System.currentTimeMillis();
                }
            } catch (Exception e) {
                throw new IllegalStateException("writing the bursts failed: " + e.getMessage(), e);
            }
        }

        /**
         * One burst from {@code start}: {@link #changes} definitions, each adding crisis terms
         * numbered from {@code n}, paced by the clock, not by each write's acknowledgement (which
         * took about 20 ms on a busy machine and stretched a burst to twice its length).
         *
         * @return the next number
         */
        private int writeBurst(
                KafkaProducer<String, String> producer,
                String topic,
                String key,
                ObjectNode brand,
                long start,
                int n)
                throws Exception {
            long pause = Math.round(1000 / perSecond);
            AtomicReference<Exception> failed = new AtomicReference<>();
            for (int i = 0; i < changes; i++, n++) {
                Thread.sleep(Math.max(0, start + i * pause - System.currentTimeMillis()));
                ObjectNode definition = brand.deepCopy();
                definition.putArray("crisisTerms").add("临时词" + n).add("burst-term-" + n);
                producer.send(
                        new ProducerRecord<>(topic, key, definition.toString()),
                        (metadata, e) -> {
                            if (e != null) failed.compareAndSet(null, e);
                        });
            }
            producer.flush();
            if (failed.get() != null) throw failed.get();
            return n;
        }

        private static long count(List<Long> sorted, long from, long to) {
            return sorted.stream().filter(t -> t >= from && t < to).count();
        }

        /** How many control records the job dead-lettered. */
        private long invalidControl(String dlqTopic) {
            long n = 0;
            try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrap, dlqTopic)) {
                Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
                long deadline = System.currentTimeMillis() + 60_000;
                while (end.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                        && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.value().contains("INVALID_CONTROL")) n++;
                    }
                }
            }
            return n;
        }
    }

    /** A read-committed consumer of every partition of the topic, from its first record. */
    static KafkaConsumer<String, String> fromTheBeginning(String bootstrap, String topic) {
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        consumerProperties(bootstrap),
                        new StringDeserializer(),
                        new StringDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    static Properties consumerProperties(String bootstrap) {
        Properties p = KafkaClientSettings.committedReader(bootstrap);
        p.put("auto.offset.reset", "earliest");
        return p;
    }

    // ------------------------------------------------------------------------------------------------------- live

    /**
     * The live phase: a producer that sends mentions at a rate with {@code createdAt} = the wall
     * clock at sending, and a consumer that records every alert with its receipt time. The stream
     * is the benchmark's chatter with, every {@link #BURST_EVERY_MS} for {@link #BURST_LENGTH_MS},
     * a burst of crisis complaints for one brand (in turn), and a complaint thread every two
     * seconds, two in three answered by the brand before the deadline. The last minute is chatter
     * only, so event time passes the last windows and deadlines while the job still gets mentions.
     */
    static final class LiveStream {
        static final long BURST_EVERY_MS = 15_000;
        static final long BURST_LENGTH_MS = 10_000;

        /**
         * Share of the rate that is burst complaints while a burst lasts: enough to lift the
         * brand's negative share.
         */
        static final double BURST_SHARE = 0.3;

        static final int BURST_AUTHORS = 40;
        static final long THREAD_EVERY_MS = 2_000;
        static final long QUIET_TAIL_MS = 60_000;

        private final String bootstrap;
        private final double rate;
        private final long sendMillis;
        private final int drainSeconds;
        private final Random random = new Random(17);

        /** Replies and follow-ups due later, by due time. */
        private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>();

        private final Set<String> brandsSeen = new HashSet<>();
        private final Set<String> customersSeen = new HashSet<>();

        /**
         * A customer's engagement state holds an entry per brand they mention: (author, brand)
         * pairs.
         */
        private final Set<String> customerBrandsSeen = new HashSet<>();

        private long sent;
        private int bursts;
        private int threads;

        LiveStream(String bootstrap, double rate, double minutes, int drainSeconds) {
            if (minutes * 60_000 < QUIET_TAIL_MS + BURST_EVERY_MS) {
                throw new IllegalArgumentException(
                        "--minutes must be at least 1.5: the last minute is quiet, the first burst"
                                + " comes after 20 s");
            }
            this.bootstrap = bootstrap;
            this.rate = rate;
            this.sendMillis = (long) (minutes * 60_000);
            this.drainSeconds = drainSeconds;
        }

        private record Scheduled(long due, ObjectNode mention) implements Comparable<Scheduled> {
            @Override
            public int compareTo(Scheduled o) {
                return Long.compare(due, o.due);
            }
        }

        void run(Path data, Path out) throws Exception {
            Files.createDirectories(out);
            List<ObjectNode> chatter =
                    MentionStreams.dayOfMentions(
                            MentionStreams.realisticTexts(
                                    data,
                                    (int)
                                            Math.min(
                                                    100_000,
                                                    Math.max(1_000, rate * sendMillis / 1000))));
            AlertCollector alerts = new AlertCollector(bootstrap);
            Thread consumer = new Thread(alerts, "bench-live-alerts");
            consumer.start();
            alerts.awaitAssigned();
            long started = System.currentTimeMillis();
            produce(chatter, started);
            LOG.info(
                    "sent {} mentions in {} s ({} bursts, {} complaint threads); draining alerts"
                            + " for {} s",
                    sent,
                    (System.currentTimeMillis() - started) / 1000,
                    bursts,
                    threads,
                    drainSeconds);
            Thread.sleep(drainSeconds * 1000L);
            alerts.stop();
            consumer.join();
            alerts.write(out.resolve("alerts.jsonl"));
            JSON.writeValue(
                    out.resolve("live.json").toFile(),
                    JSON.createObjectNode()
                            .put("sent", sent)
                            .put("seconds", sendMillis / 1000.0)
                            .put("rate", rate)
                            .put("bursts", bursts)
                            .put("threads", threads)
                            .put("brands", brandsSeen.size())
                            .put("customers", customersSeen.size())
                            .put("customerBrands", customerBrandsSeen.size())
                            .put("alerts", alerts.count()));
        }

        private void produce(List<ObjectNode> chatter, long started) throws Exception {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("acks", "all");
            p.put("linger.ms", "5");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                long nextThread = started;
                for (long now = started;
                        now - started < sendMillis;
                        now = System.currentTimeMillis()) {
                    long elapsed = now - started;
                    while (!scheduled.isEmpty() && scheduled.peek().due() <= now) {
                        send(producer, scheduled.poll().mention());
                    }
                    boolean active = elapsed < sendMillis - QUIET_TAIL_MS;
                    if (active && now >= nextThread) {
                        startThread(producer, now);
                        nextThread += THREAD_EVERY_MS;
                    }
                    long due = (long) (elapsed * rate / 1000);
                    while (sent < due) {
                        int burst = active ? burstOf(elapsed) : -1;
                        boolean burstNow = burst >= 0 && random.nextDouble() < BURST_SHARE;
                        send(producer, burstNow ? burstComplaint(burst) : chatter(chatter));
                    }
                    Thread.sleep(5);
                }
                producer.flush();
            }
        }

        /**
         * The number of the burst under way at {@code elapsed}, or −1 between bursts (the first
         * starts after 20 s).
         */
        private int burstOf(long elapsed) {
            long n = elapsed / BURST_EVERY_MS - 1;
            if (n < 0 || elapsed % BURST_EVERY_MS >= BURST_LENGTH_MS) {
                return -1;
            }
            bursts = Math.max(bursts, (int) n + 1);
            return (int) n;
        }

        private ObjectNode chatter(List<ObjectNode> pool) {
            ObjectNode m = pool.get((int) (sent % pool.size())).deepCopy();
            m.put("id", "live" + sent); // unique: the job drops repeated ids as duplicates
            return m;
        }

        /**
         * A crisis complaint about the burst's brand (brands in turn) from one of many distinct
         * authors.
         */
        private ObjectNode burstComplaint(int burst) {
            int b = burst % MentionStreams.BRANDS;
            String text =
                    String.format(
                            MentionStreams.OUTRAGE_TEXTS[
                                    random.nextInt(MentionStreams.OUTRAGE_TEXTS.length)],
                            MentionStreams.BRAND_NAMES[b]);
            return Mentions.mention(
                    "burst" + burst + "-" + sent,
                    "victim" + burst + "-" + random.nextInt(BURST_AUTHORS),
                    text,
                    0);
        }

        /**
         * A complaint thread: two in three answered by the brand within 5–20 s (before the 30 s
         * deadline the script sets), the rest unanswered (UNANSWERED_COMPLAINT); half of those get
         * a follow-up, a sixth a late answer.
         */
        private void startThread(KafkaProducer<String, String> producer, long now)
                throws Exception {
            int i = threads++;
            int b = random.nextInt(MentionStreams.BRANDS);
            String id = "live-case" + i;
            String author = "asker" + i;
            send(producer, MentionStreams.complaint(id, author, b, 0));
            if (i % 3 != 0) {
                scheduled.add(
                        new Scheduled(
                                now + 5_000 + random.nextInt(15_000),
                                MentionStreams.officialReply(id, author, b, 0)));
            } else if (i % 2 == 0) {
                scheduled.add(
                        new Scheduled(now + 10_000, MentionStreams.followUp(id, author, b, 0)));
            } else {
                scheduled.add(
                        new Scheduled(
                                now + 50_000, MentionStreams.officialReply(id, author, b, 0)));
            }
        }

        /** Sends with createdAt = now: event time is the wall clock, as on a live stream. */
        private void send(KafkaProducer<String, String> producer, ObjectNode m) {
            m.put("createdAt", System.currentTimeMillis());
            String author = m.path("author").path("id").asText();
            boolean customer = !author.startsWith("official");
            if (customer) {
                customersSeen.add(author);
            }
            for (String name : MentionStreams.BRAND_NAMES) {
                if (m.path("text").asText().contains(name)) {
                    brandsSeen.add(name);
                    if (customer) {
                        customerBrandsSeen.add(author + '\n' + name);
                    }
                }
            }
            producer.send(new ProducerRecord<>("mentions", m.path("id").asText(), m.toString()));
            sent++;
        }
    }

    /**
     * One alert as received: its payload's times, its Kafka timestamp and the wall clock at
     * receipt.
     */
    record ReceivedAlert(
            String type,
            String status,
            String brand,
            long detectedAt,
            long windowStart,
            long windowEnd,
            long timestamp,
            long receivedAt) {
        /**
         * The times of an alert as the contract writes it ({@code OutputJson.alertNode}: {@code
         * detectedAtMillis}, {@code window.startMillis/endMillis}, the model's {@code
         * detectedAt}/{@code windowStart}/{@code windowEnd}).
         */
        static ReceivedAlert of(JsonNode alert, long timestamp, long receivedAt) {
            JsonNode detectedAt = alert.path("detectedAtMillis");
            JsonNode window = alert.path("window");
            if (detectedAt.isMissingNode() || window.path("endMillis").isMissingNode()) {
                throw new IllegalArgumentException("not an alert of the contract: " + alert);
            }
            return new ReceivedAlert(
                    alert.path("type").asText(),
                    alert.path("status").asText(),
                    alert.path("brand").asText(),
                    detectedAt.asLong(),
                    window.path("startMillis").asLong(),
                    window.path("endMillis").asLong(),
                    timestamp,
                    receivedAt);
        }

        /**
         * A window alert fired at the close of its window (crisis terms fire on arrival, unanswered
         * at a deadline).
         */
        boolean atWindowClose() {
            return detectedAt == windowEnd;
        }
    }

    /** Reads the alerts topic read_committed from the start, recording each alert's receipt. */
    static final class AlertCollector implements Runnable {
        private final KafkaConsumer<String, String> consumer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final List<ReceivedAlert> received =
                Collections.synchronizedList(new ArrayList<>());

        AlertCollector(String bootstrap) {
            consumer =
                    new KafkaConsumer<>(
                            consumerProperties(bootstrap),
                            new StringDeserializer(),
                            new StringDeserializer());
        }

        void awaitAssigned() throws InterruptedException {
            assigned.await();
        }

        @Override
        public void run() {
            try {
                List<TopicPartition> partitions =
                        consumer.partitionsFor("alerts").stream()
                                .map(info -> new TopicPartition("alerts", info.partition()))
                                .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                consumer.position(
                        partitions.get(0)); // resolve the positions before the producer starts
                assigned.countDown();
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long receivedAt = System.currentTimeMillis();
                    for (ConsumerRecord<String, String> r : records) {
                        received.add(
                                ReceivedAlert.of(
                                        JSON.readTree(r.value()), r.timestamp(), receivedAt));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("an alert that is not an Alert", e);
            } finally {
                assigned.countDown();
                consumer.close();
            }
        }

        void stop() {
            running.set(false);
        }

        int count() {
            return received.size();
        }

        void write(Path file) throws IOException {
            List<String> lines = new ArrayList<>();
            for (ReceivedAlert a : received) {
                lines.add(JSON.writeValueAsString(a));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------------ state

    /**
     * Triggers a full checkpoint (REST {@code POST /jobs/:id/checkpoints}, Flink 1.17+), waits for
     * it, and writes the checkpointed state size of each vertex (from {@code
     * /jobs/:id/checkpoints/details/:cid}) with its name.
     */
    static void state(int restPort, String job, Path out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + restPort + "/jobs/" + job;
        JsonNode trigger = post(http, base + "/checkpoints", "{\"checkpointType\":\"FULL\"}");
        String triggerId = trigger.path("request-id").asText();
        if (triggerId.isEmpty()) {
            throw new IllegalStateException(
                    "the cluster refused to trigger a checkpoint: " + trigger);
        }
        long checkpointId = -1;
        for (int i = 0; i < 600 && checkpointId < 0; i++) {
            JsonNode status = get(http, base + "/checkpoints/" + triggerId);
            if (status.path("operation").has("failure-cause")) {
                throw new IllegalStateException(
                        "the checkpoint failed: " + status.path("operation").path("failure-cause"));
            }
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                checkpointId = status.path("operation").path("checkpointId").asLong();
            } else {
                Thread.sleep(500);
            }
        }
        if (checkpointId < 0) {
            throw new IllegalStateException("no checkpoint after 5 minutes");
        }
        JsonNode details = get(http, base + "/checkpoints/details/" + checkpointId);
        JsonNode vertices = get(http, base);
        requireLiveEventTime(http, base, vertices);
        Files.writeString(out.resolveSibling("checkpoint-details.json"), details.toString());
        Files.writeString(out.resolveSibling("job-vertices.json"), vertices.toString());
        ObjectNode sizes = JSON.createObjectNode().put("checkpointId", checkpointId);
        ObjectNode perVertex = sizes.putObject("vertices");
        stateSizes(vertices, details).forEach(perVertex::put);
        JSON.writeValue(out.toFile(), sizes);
        LOG.info("checkpoint {}: {}", checkpointId, perVertex);
    }

    /**
     * Fails when event time has run to the end of time: the brand windows then drop every mention
     * as late and the latency figures would describe a broken job. It happened, before the opt-out
     * input declared itself idle (OptOutWatermarks), whenever the mentions input of "enrich
     * mentions" stayed quiet longer than {@code ingestion.idleness}; kept as a guard.
     */
    private static void requireLiveEventTime(HttpClient http, String base, JsonNode job)
            throws IOException, InterruptedException {
        for (JsonNode v : job.path("vertices")) {
            if (!v.path("name").asText().contains(Uids.BRAND_METRICS_WINDOWS.name())) {
                continue;
            }
            for (JsonNode w :
                    get(http, base + "/vertices/" + v.path("id").asText() + "/watermarks")) {
                if (w.path("value").asLong() == Long.MAX_VALUE) {
                    throw new IllegalStateException(
                            "event time of '"
                                    + v.path("name").asText()
                                    + "' is at the end of time (Long.MAX_VALUE): every"
                                    + " mention was late, the window figures mean nothing");
                }
            }
        }
    }

    /**
     * Checkpointed state bytes per vertex name, from the job's details and a checkpoint's details.
     */
    static Map<String, Long> stateSizes(JsonNode job, JsonNode checkpoint) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode v : job.path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        Map<String, Long> sizes = new TreeMap<>();
        checkpoint
                .path("tasks")
                .fields()
                .forEachRemaining(
                        task -> {
                            // state_size is the full size of the checkpoint's state
                            // (checkpointed_size only what it added); with the
                            // hashmap backend every checkpoint is a full snapshot and they are
                            // equal.
                            sizes.put(
                                    names.getOrDefault(task.getKey(), task.getKey()),
                                    task.getValue().path("state_size").asLong());
                        });
        return sizes;
    }

    /** The vertices whose name contains one of the operators' names, and their state bytes. */
    static Map<String, Long> attribute(Map<String, Long> sizes, List<String> operators) {
        Map<String, Long> picked = new TreeMap<>();
        sizes.forEach(
                (vertex, bytes) -> {
                    if (operators.stream().anyMatch(vertex::contains)) {
                        picked.put(vertex, bytes);
                    }
                });
        return picked;
    }

    static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static JsonNode post(HttpClient http, String url, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    // ----------------------------------------------------------------------------------------------------- report

    /**
     * p50, p90, p99 and max of a sample (nearest rank: the smallest value with at least p% of the
     * sample at or below it).
     */
    static long[] percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return new long[0];
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new long[] {
            rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted.get(sorted.size() - 1)
        };
    }

    private static long rank(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    static void report(
            Path work, long windowMillis, long outOfOrderMillis, String checkpointInterval)
            throws IOException {
        JsonNode seg = JSON.readTree(work.resolve("segmentation.json").toFile());
        JsonNode p1 = JSON.readTree(work.resolve("span-p1.json").toFile());
        JsonNode p2 = JSON.readTree(work.resolve("span-p2.json").toFile());
        JsonNode live = JSON.readTree(work.resolve("live/live.json").toFile());
        JsonNode state = JSON.readTree(work.resolve("state.json").toFile());
        List<ReceivedAlert> alerts = new ArrayList<>();
        for (String line :
                Files.readAllLines(work.resolve("live/alerts.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                alerts.add(JSON.readValue(line, ReceivedAlert.class));
            }
        }
        double bare = seg.path("segmentationMentionsPerSecond").asDouble();
        double r1 = p1.path("mentionsPerSecond").asDouble();
        double r2 = p2.path("mentionsPerSecond").asDouble();
        ObjectNode result = JSON.createObjectNode();
        System.out.printf(
                Locale.ROOT,
                "throughput through Kafka (%d mentions pre-loaded; span of the enriched output's"
                        + " record timestamps)%n",
                seg.path("mentions").asLong());
        System.out.printf(Locale.ROOT, "  %-50s %12s%n", "", "mentions/s");
        System.out.printf(
                Locale.ROOT, "  %-50s %12.0f%n", "bare HMMChineseTokenizer, one thread", bare);
        System.out.printf(
                Locale.ROOT,
                "  %-50s %12.0f   (%d enriched)%n",
                "Kafka -> cluster -> Kafka, parallelism 1",
                r1,
                p1.path("enriched").asLong());
        System.out.printf(
                Locale.ROOT,
                "  %-50s %12.0f   (%d enriched)%n",
                "Kafka -> cluster -> Kafka, parallelism 2",
                r2,
                p2.path("enriched").asLong());
        System.out.printf(
                Locale.ROOT,
                "  p1 / segmentation ceiling: %.3f   p2 / p1: %.3f%n",
                r1 / bare,
                r2 / r1);
        result.put("mentions", seg.path("mentions").asLong())
                .put("segmentationMentionsPerSecond", Math.round(bare))
                .put("liveP1MentionsPerSecond", Math.round(r1))
                .put("liveP2MentionsPerSecond", Math.round(r2))
                .put("ratioToSegmentation", round3(r1 / bare))
                .put("scaling", round3(r2 / r1));

        Path burstFile = work.resolve("burst.json");
        if (Files.exists(burstFile)) {
            JsonNode burst = JSON.readTree(burstFile.toFile());
            System.out.printf(
                    Locale.ROOT,
                    "%nchanges applied live (parallelism 2): %d brand definitions in %.1f s, each"
                            + " adding a crisis term%n",
                    burst.path("changes").asLong(),
                    burst.path("burstMillis").asLong() / 1000.0);
            System.out.printf(
                    Locale.ROOT,
                    "  %-50s %12.0f%n  %-50s %12.0f%n  during / quiet: %.3f   (target >= 0.9;"
                            + " each burst %s)%n",
                    "mentions/s in as long quiet stretches between",
                    burst.path("quietMentionsPerSecond").asDouble(),
                    "mentions/s during the bursts (+1 s)",
                    burst.path("burstMentionsPerSecond").asDouble(),
                    burst.path("ratio").asDouble(),
                    burst.path("ratioPerBurst"));
            result.put("controlBurstChanges", burst.path("changes").asLong())
                    .put("controlBurstRatio", round3(burst.path("ratio").asDouble()));
            if (burst.has("ratioPerJobCpuSecond")) {
                System.out.printf(
                        Locale.ROOT,
                        "  the job's own cost: mentions per TaskManager CPU-second, during / quiet:"
                            + " %.3f (each burst %s); the TaskManager used %.2f cores during, %.2f"
                            + " quiet (the writer and the broker share its two cores)%n",
                        burst.path("ratioPerJobCpuSecond").asDouble(),
                        burst.path("ratioPerJobCpuSecondPerBurst"),
                        burst.path("jobCoresDuring").asDouble(),
                        burst.path("jobCoresQuiet").asDouble());
                result.put(
                        "controlBurstRatioPerJobCpuSecond",
                        round3(burst.path("ratioPerJobCpuSecond").asDouble()));
            }
        }
        latencyReport(alerts, live, windowMillis, outOfOrderMillis, checkpointInterval, result);
        stateReport(state, live, "at the end of the live phase", result);
        // Why per brand is large here: with 1-minute windows a brand's history (detect incidents)
        // holds baselineDays x 1,440 window slots, and its metrics windows stay open for
        // allowedLateness (10 min) = 11 windows; with the default 15-minute windows both are 15
        // times fewer.
        System.out.println(
                "  (per brand with 1-minute windows: history slots and windows kept for"
                        + " allowedLateness scale with 1/window)");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        System.out.println(result);
    }

    private static void latencyReport(
            List<ReceivedAlert> alerts,
            JsonNode live,
            long windowMillis,
            long outOfOrderMillis,
            String checkpointInterval,
            ObjectNode result) {
        System.out.printf(
                Locale.ROOT,
                "%nalert latency (live: %d mentions at %.0f/s for %.0f s, event time = wall clock"
                    + " at sending; window %d s, watermark delay %d s, checkpoint interval %s; %d"
                    + " bursts, %d complaint threads)%n",
                live.path("sent").asLong(),
                live.path("rate").asDouble(),
                live.path("seconds").asDouble(),
                windowMillis / 1000,
                outOfOrderMillis / 1000,
                checkpointInterval,
                live.path("bursts").asInt(),
                live.path("threads").asInt());
        System.out.printf(
                Locale.ROOT,
                "  %-34s %6s   %-31s   %-31s%n",
                "",
                "",
                "emit = record ts - detectedAt (ms)",
                "visible = receipt - detectedAt (ms)");
        System.out.printf(
                Locale.ROOT,
                "  %-34s %6s   %7s %7s %7s %7s   %7s %7s %7s %7s%n",
                "type",
                "alerts",
                "p50",
                "p90",
                "p99",
                "max",
                "p50",
                "p90",
                "p99",
                "max");
        Map<String, List<ReceivedAlert>> byType =
                alerts.stream()
                        .collect(
                                Collectors.groupingBy(
                                        ReceivedAlert::type, TreeMap::new, Collectors.toList()));
        ObjectNode latency = result.putObject("alertLatencyMs");
        for (var e : byType.entrySet()) {
            latencyRow(
                    e.getKey(),
                    e.getValue(),
                    r -> r.timestamp() - r.detectedAt(),
                    r -> r.receivedAt() - r.detectedAt(),
                    latency);
        }
        latencyRow(
                "all",
                alerts,
                r -> r.timestamp() - r.detectedAt(),
                r -> r.receivedAt() - r.detectedAt(),
                latency);
        for (String type :
                List.of(
                        "VOLUME_SPIKE",
                        "NEGATIVE_SURGE",
                        "COMPLAINT_BURST",
                        "CRISIS_KEYWORD",
                        "UNANSWERED_COMPLAINT")) {
            if (!byType.containsKey(type)) {
                System.out.printf("  %s: none fired%n", type);
            }
        }
        List<ReceivedAlert> windowAlerts =
                alerts.stream().filter(ReceivedAlert::atWindowClose).toList();
        long target = outOfOrderMillis + 5_000;
        System.out.printf(
                Locale.ROOT,
                "  target: alerts fired at a window's close, from the window's END, p99 <="
                    + " watermark delay + 5 s = %d ms (i.e. from its start <= window + watermark"
                    + " delay + 5 s = %d ms)%n",
                target,
                windowMillis + target);
        latencyRow(
                "window alerts, from window end",
                windowAlerts,
                r -> r.timestamp() - r.windowEnd(),
                r -> r.receivedAt() - r.windowEnd(),
                latency);
        long[] emit =
                percentiles(windowAlerts.stream().map(r -> r.timestamp() - r.windowEnd()).toList());
        long[] visible =
                percentiles(
                        windowAlerts.stream().map(r -> r.receivedAt() - r.windowEnd()).toList());
        String emitVerdict = emit.length == 0 ? "NO DATA" : emit[2] <= target ? "MET" : "MISSED";
        String visibleVerdict =
                visible.length == 0 ? "NO DATA" : visible[2] <= target ? "MET" : "MISSED";
        System.out.printf(
                Locale.ROOT,
                "  target on emit (written to Kafka): %s; on visible (read_committed, after the"
                        + " checkpoint commits): %s%n",
                emitVerdict,
                visibleVerdict);
        result.put("alerts", alerts.size())
                .put("windowAlerts", windowAlerts.size())
                .put("latencyTargetMs", target)
                .put("latencyTargetEmit", emitVerdict)
                .put("latencyTargetVisible", visibleVerdict);
    }

    private static void latencyRow(
            String label,
            List<ReceivedAlert> alerts,
            ToLongFunction<ReceivedAlert> emit,
            ToLongFunction<ReceivedAlert> visible,
            ObjectNode out) {
        long[] e = percentiles(alerts.stream().map(emit::applyAsLong).toList());
        long[] v = percentiles(alerts.stream().map(visible::applyAsLong).toList());
        if (e.length == 0) {
            System.out.printf(Locale.ROOT, "  %-34s %6d   (none)%n", label, 0);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "  %-34s %6d   %7d %7d %7d %7d   %7d %7d %7d %7d%n",
                label,
                alerts.size(),
                e[0],
                e[1],
                e[2],
                e[3],
                v[0],
                v[1],
                v[2],
                v[3]);
        ObjectNode row = out.putObject(label);
        row.put("n", alerts.size())
                .put("emitP50", e[0])
                .put("emitP90", e[1])
                .put("emitP99", e[2])
                .put("emitMax", e[3])
                .put("visibleP50", v[0])
                .put("visibleP90", v[1])
                .put("visibleP99", v[2])
                .put("visibleMax", v[3]);
    }

    /**
     * Prints a checkpoint's state per vertex, marking the brand and customer vertices, and puts
     * {@code stateBytesPerBrand}, {@code stateBytesPerCustomer} and {@code
     * stateBytesPerCustomerBrand} into {@code result}.
     *
     * @param state what {@link #state} wrote
     * @param live the brands, customers and (customer, brand) pairs the input held: {@code brands},
     *     {@code customers}, {@code customerBrands}
     * @param when when the checkpoint was taken, for the heading
     */
    static void stateReport(JsonNode state, JsonNode live, String when, ObjectNode result) {
        Map<String, Long> sizes = new TreeMap<>();
        state.path("vertices")
                .fields()
                .forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> brand = attribute(sizes, BRAND_OPERATORS);
        Map<String, Long> customer = attribute(sizes, CUSTOMER_OPERATORS);
        long brands = live.path("brands").asLong();
        long customers = live.path("customers").asLong();
        long customerBrands = live.path("customerBrands").asLong();
        long brandBytes = brand.values().stream().mapToLong(Long::longValue).sum();
        long customerBytes = customer.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%nstate (full checkpoint %d, hashmap backend, %s)%n",
                state.path("checkpointId").asLong(),
                when);
        sizes.forEach(
                (vertex, bytes) ->
                        System.out.printf(
                                Locale.ROOT,
                                "  %10d B  %s%s%n",
                                bytes,
                                brand.containsKey(vertex)
                                        ? "[brand] "
                                        : customer.containsKey(vertex) ? "[customer] " : "",
                                vertex));
        double perBrand = brands == 0 ? Double.NaN : (double) brandBytes / brands;
        double perCustomer = customers == 0 ? Double.NaN : (double) customerBytes / customers;
        System.out.printf(
                Locale.ROOT,
                "  per brand:    %d B over %d brands seen = %.0f B (vertices marked [brand])%n",
                brandBytes,
                brands,
                perBrand);
        double perCustomerBrand =
                customerBrands == 0 ? Double.NaN : (double) customerBytes / customerBrands;
        System.out.printf(
                Locale.ROOT,
                "  per customer: %d B over %d customers seen = %.0f B (vertices marked [customer]);"
                        + " over %d (customer, brand) pairs = %.0f B%n",
                customerBytes,
                customers,
                perCustomer,
                customerBrands,
                perCustomerBrand);
        result.put("stateBytesPerBrand", Math.round(perBrand))
                .put("stateBytesPerCustomer", Math.round(perCustomer))
                .put("stateBytesPerCustomerBrand", Math.round(perCustomerBrand))
                .put("brandsSeen", brands)
                .put("customersSeen", customers)
                .put("customerBrandsSeen", customerBrands);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
