package io.brandpulse.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.JobSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.listening.JobEnvironment;
import io.brandpulse.jobs.listening.ListeningWorkflow;
import io.brandpulse.jobs.listening.Uids;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.model.RawRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.InstantiationUtil;

/**
 * {@code scripts/bench}'s state figures: the stream the throughput runs read, through the same
 * workflow, with a source that keeps listening at the end of its input (a bounded run ends its
 * windows and its state with its input), and a full checkpoint once every mention has gone through.
 * Its state per brand and per customer is what a job that has heard this stream holds. Not timed:
 * it runs after the throughput runs and does not touch their figures.
 */
final class BenchmarkState {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long the job's record counts must stand still before the checkpoint is taken. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private BenchmarkState() {}

    /**
     * Runs the workflow over {@code input}, checkpoints it once it is quiet, and returns {@code
     * stateBytesPerBrand}, {@code stateBytesPerCustomer} and {@code stateBytesPerCustomerBrand}
     * with the counts they are divided by; prints the state of each vertex.
     */
    static ObjectNode measure(ListeningConfig benchmarked, Path input, Path work) throws Exception {
        // Parallelism 1 (state per brand and per customer does not depend on it), and the mentions
        // input never declared idle: at its end it would leave event time to the bounded
        // placeholder inputs of a file run (no control records, no opt-outs), which have finished,
        // and every window would jump to the end of time. A live job's inputs never finish.
        int parallelism = 1;
        ListeningConfig config = InstantiationUtil.clone(benchmarked);
        config.ingestion.idleness = Duration.ofDays(365);
        int restPort = freePort();
        Configuration conf =
                Configuration.fromMap(
                        Map.of(
                                // the REST API the checkpoint is triggered and read through
                                "rest.bind-port",
                                String.valueOf(restPort),
                                // record counts for the quiet test, fresh every half second
                                "metrics.fetcher.update-interval",
                                "500 ms"));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        // As the listening job is configured (compressed full snapshots), with checkpoints on
        // files (beyond the in-memory storage's limit per state handle) and none taken
        // periodically: the coordinator must exist for the one that is triggered.
        JobSettings job = new JobSettings();
        job.checkpointDirectory = work.resolve("checkpoints").toUri().toString();
        job.checkpointInterval = Duration.ofHours(1);
        JobEnvironment.configureStreaming(env, job);
        ListeningWorkflow.defineWorkflow(
                config,
                env.fromSource(
                        BenchmarkPipeline.lines(config, input, true),
                        WatermarkStrategy.<RawRecord>noWatermarks(),
                        "file"),
                ListeningWorkflow.noOptOuts(env),
                BenchmarkPipeline.discardingSinks());
        JobClient running = env.executeAsync("benchmark state p" + parallelism);
        try {
            String jobId = running.getJobID().toHexString();
            ObjectNode heard = heard(input);
            awaitCaughtUp(
                    restPort,
                    jobId,
                    heard.path("lastEventTime").asLong()
                            - config.ingestion.maxOutOfOrderness.toMillis()
                            - 1);
            Path sizes = work.resolve("state.json");
            BenchmarkLive.state(restPort, jobId, sizes);
            ObjectNode result = JSON.createObjectNode();
            BenchmarkLive.stateReport(
                    JSON.readTree(sizes.toFile()),
                    heard,
                    "parallelism " + parallelism + ", once the whole stream has gone through",
                    result);
            return result;
        } finally {
            running.cancel().get();
        }
    }

    /**
     * Waits until the job has caught up with the stream: event time at the brand windows has
     * reached the stream's last mention (less the allowed out-of-orderness), and the records every
     * vertex has read and written stand still for {@link #QUIET}.
     */
    private static void awaitCaughtUp(int restPort, String jobId, long eventTime) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + restPort + "/jobs/" + jobId;
        long last = -1;
        long stillSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            long records = 0;
            long windowsEventTime = Long.MIN_VALUE;
            for (JsonNode v : BenchmarkLive.get(http, url).path("vertices")) {
                records +=
                        v.path("metrics").path("read-records").asLong()
                                + v.path("metrics").path("write-records").asLong();
                if (v.path("name").asText().contains(Uids.BRAND_METRICS_WINDOWS.name())) {
                    windowsEventTime = slowestSubtask(http, url, v.path("id").asText());
                }
            }
            if (records != last || records == 0 || windowsEventTime < eventTime) {
                last = records;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the state run did not catch up in 30 minutes");
    }

    /** The least input watermark among a vertex's subtasks. */
    private static long slowestSubtask(HttpClient http, String job, String vertex)
            throws Exception {
        long least = Long.MAX_VALUE;
        boolean any = false;
        for (JsonNode w : BenchmarkLive.get(http, job + "/vertices/" + vertex + "/watermarks")) {
            if (w.path("id").asText().endsWith("currentInputWatermark")) {
                least = Math.min(least, w.path("value").asLong());
                any = true;
            }
        }
        return any ? least : Long.MIN_VALUE;
    }

    /**
     * The brands, customers and (customer, brand) pairs in the stream, and its last event time
     * ({@link MentionStreams#dayOfMentions}: each text names one brand).
     */
    static ObjectNode heard(Path input) throws IOException {
        Set<String> brands = new HashSet<>();
        Set<String> customers = new HashSet<>();
        Set<String> customerBrands = new HashSet<>();
        long lastEventTime = Long.MIN_VALUE;
        try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode m = JSON.readTree(line);
                String author = m.path("author").path("id").asText();
                customers.add(author);
                lastEventTime = Math.max(lastEventTime, m.path("createdAt").asLong());
                for (String name : MentionStreams.BRAND_NAMES) {
                    if (m.path("text").asText().contains(name)) {
                        brands.add(name);
                        customerBrands.add(author + '\n' + name);
                    }
                }
            }
        }
        return JSON.createObjectNode()
                .put("brands", brands.size())
                .put("customers", customers.size())
                .put("customerBrands", customerBrands.size())
                .put("lastEventTime", lastEventTime);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
