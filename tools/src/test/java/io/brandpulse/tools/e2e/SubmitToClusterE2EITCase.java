package io.brandpulse.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.operators.TrackResponses;
import io.brandpulse.jobs.testing.OutputTopics;
import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data engineer's path, end to end with real parts: {@code scripts/kafka} starts a broker,
 * {@code scripts/flink-cluster} a standalone session cluster (JobManager and TaskManager JVMs),
 * {@code scripts/submit} runs {@code flink run} with the shaded jar, {@code scripts/replay}
 * produces the sample stream, and the committed output topics hold what the job made of it. The
 * TaskManager's Prometheus endpoint shows our metrics, and nothing the scripts started listens
 * beyond 127.0.0.1.
 */
class SubmitToClusterE2EITCase {
    private static Scripts scripts;
    private static String bootstrap;
    private static Path runDirectory;

    @BeforeAll
    static void startServices() throws Exception {
        Path runDir = TestConfigs.ROOT.resolve("tools/target/e2e-run");
        // A fresh broker and cluster state every time: topics left over from an earlier run would
        // be read again.
        if (Files.exists(runDir)) {
            try (var paths = Files.walk(runDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        scripts = Scripts.withFreePorts(runDir, Scripts.SERVICE_PORTS);
        runDirectory = runDir;
        bootstrap = "127.0.0.1:" + scripts.env("KAFKA_PORT");
        scripts.runOk(Duration.ofMinutes(3), "kafka", "start");
        scripts.runOk(Duration.ofMinutes(3), "flink-cluster", "start");
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (scripts != null) {
            scripts.run(Duration.ofMinutes(1), "flink-cluster", "stop");
            scripts.run(Duration.ofMinutes(1), "kafka", "stop");
        }
    }

    @Test
    void aSubmittedJobProcessesReplayedMentions() throws Exception {
        String submitted =
                scripts.runOk(
                        Duration.ofMinutes(3),
                        "submit",
                        "--config",
                        TestConfigs.DEMO_CONFIG.toString(),
                        "--",
                        "--bootstrap-servers",
                        bootstrap,
                        "--set",
                        "kafka.groupId=e2e",
                        "--set",
                        "kafka.transactionalIdPrefix=e2e");
        assertTrue(submitted.contains("Job has been submitted with JobID"), submitted);

        String replayed =
                scripts.runOk(
                        Duration.ofMinutes(2),
                        "replay",
                        TestConfigs.DEMO_SAMPLE.toString(),
                        "--bootstrap-servers",
                        bootstrap);
        assertTrue(replayed.contains("replayed 33 records"), replayed);

        List<String> enriched =
                OutputTopics.readCommitted(
                        bootstrap,
                        "mentions-enriched",
                        v -> v.size() >= 26,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(3));
        List<String> deadLetters =
                OutputTopics.readCommitted(
                        bootstrap,
                        "mentions-dlq",
                        v -> v.size() >= 6,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1));
        assertEquals(
                26,
                enriched.size(),
                "33 sample records: 26 valid, 6 bad or duplicate, 1 opted out");
        assertEquals(6, deadLetters.size());
        assertTrue(
                enriched.stream().noneMatch(e -> e.contains("u_1001")),
                "no raw author id leaves the system");

        String jobs =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + scripts.env("FLINK_REST_PORT")
                                                                + "/jobs/overview"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertTrue(
                jobs.contains("\"state\":\"RUNNING\"")
                        && jobs.contains("brandpulse-listening-demo"),
                jobs);

        assertOurMetricsReachPrometheus();
        assertNothingListensBeyondLoopback();
    }

    /**
     * The TaskManager's reporter serves the job's own metrics, with their labels, once the records
     * went through.
     */
    private static void assertOurMetricsReachPrometheus() throws Exception {
        String metrics = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            metrics = scrape(scripts.env("FLINK_PROMETHEUS_TM_PORT"));
            if (sum(metrics, "mentionRecordsIn", "") == 33) {
                break;
            }
            Thread.sleep(500);
        }
        String ours =
                metrics.lines()
                        .filter(
                                l ->
                                        l.matches(
                                                "flink_taskmanager_job_task_operator_\\w*(mentionRecordsIn|deadLetters|"
                                                        + TrackResponses.OPEN_CASES_METRIC
                                                        + "|alerts)\\{.*"))
                        .collect(Collectors.joining("\n"));
        assertEquals(
                33,
                sum(metrics, "mentionRecordsIn", ""),
                "raw records read, summed over subtasks:\n" + ours);
        assertEquals(
                6,
                sum(metrics, "reason_deadLetters", ""),
                "as many dead letters as mentions-dlq holds:\n" + ours);
        assertTrue(
                sum(metrics, "reason_deadLetters", "reason=\"INVALID_JSON\"") >= 1,
                "deadLetters has a reason label:\n" + ours);
        assertTrue(
                sum(metrics, TrackResponses.OPEN_CASES_METRIC, "") >= 1,
                "the sample's complaints wait for an answer:\n" + ours);
        assertTrue(
                series(metrics, "type_alerts", "type=\"UNANSWERED_COMPLAINT\"").size() >= 1,
                "alerts by type:\n" + ours);
        System.out.println("[e2e] our metrics on the TaskManager's Prometheus endpoint:\n" + ours);
        assertTrue(
                scrape(scripts.env("FLINK_PROMETHEUS_PORT")).contains("flink_jobmanager_"),
                "the JobManager's endpoint");
    }

    private static String scrape(String port) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /**
     * Values of the series of an operator metric whose labels contain {@code labelPart}. Flink
     * names it flink_taskmanager_job_task_operator_NAME, and a metric in a key-value group
     * (addGroup("reason", r)) has the key in its name too:
     * ..._operator_reason_deadLetters{reason="INVALID_JSON",...}.
     */
    private static List<Double> series(String exposition, String name, String labelPart) {
        Matcher m =
                Pattern.compile(
                                "(?m)^flink_taskmanager_job_task_operator_"
                                        + name
                                        + "\\{([^}]*)\\} (\\S+)$")
                        .matcher(exposition);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains(labelPart)) {
                values.add(Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }

    private static long sum(String exposition, String name, String labelPart) {
        return Math.round(
                series(exposition, name, labelPart).stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
    }

    /**
     * Every TCP socket the processes of the scripts (their PID files under the run directory)
     * listen on is bound to a loopback address: their socket inodes (/proc/PID/fd) looked up among
     * the LISTEN entries of /proc/net/tcp and /proc/net/tcp6. Linux only; elsewhere there is
     * nothing to read and the check is skipped.
     */
    private static void assertNothingListensBeyondLoopback() throws Exception {
        if (!Files.isReadable(Paths.get("/proc/net/tcp"))) {
            return;
        }
        Set<String> inodes = new HashSet<>();
        List<Path> pidFiles;
        try (var paths = Files.walk(runDirectory)) {
            pidFiles = paths.filter(p -> p.getFileName().toString().endsWith(".pid")).toList();
        }
        assertTrue(
                pidFiles.size() >= 3, "broker, JobManager and TaskManager PID files: " + pidFiles);
        for (Path pidFile : pidFiles) {
            Path fds = Paths.get("/proc", Files.readString(pidFile).trim(), "fd");
            try (var links = Files.list(fds)) {
                for (Path fd : (Iterable<Path>) links::iterator) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // an fd closed between listing and reading
                    }
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.isReadable(Paths.get(table))) {
                continue;
            }
            List<String> lines = Files.readAllLines(Paths.get(table));
            for (String line : lines.subList(1, lines.size())) { // after the header
                String[] f = line.trim().split("\\s+");
                if (!f[3].equals("0A") || !inodes.contains(f[9])) { // 0A: LISTEN
                    continue;
                }
                String[] local = f[1].split(":");
                InetAddress address = procAddress(local[0]);
                int port = Integer.parseInt(local[1], 16);
                listening.add(address.getHostAddress() + ":" + port);
                assertTrue(
                        address.isLoopbackAddress(),
                        "a script's process listens on " + address.getHostAddress() + ":" + port);
            }
        }
        for (String port :
                List.of(
                        "KAFKA_PORT",
                        "FLINK_REST_PORT",
                        "FLINK_RPC_PORT",
                        "FLINK_PROMETHEUS_PORT",
                        "FLINK_PROMETHEUS_TM_PORT")) {
            assertTrue(
                    listening.contains("127.0.0.1:" + scripts.env(port)),
                    port + " is among the listening sockets found: " + listening);
        }
    }

    /**
     * An address of /proc/net/tcp{,6}: hex, each 32-bit word in host byte order (little-endian on
     * x86 and arm64).
     */
    private static InetAddress procAddress(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
