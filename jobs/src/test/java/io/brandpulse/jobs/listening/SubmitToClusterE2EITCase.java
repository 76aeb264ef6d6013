package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.OutputTopics;
import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data engineer's path, end to end with real parts: {@code scripts/kafka} starts a broker,
 * {@code scripts/flink-cluster} a standalone session cluster (JobManager and TaskManager JVMs),
 * {@code scripts/submit} runs {@code flink run} with the shaded jar, {@code scripts/replay} produces the sample
 * stream, and the committed output topics hold what the job made of it.
 */
class SubmitToClusterE2EITCase {
    private static Scripts scripts;
    private static String bootstrap;

    @BeforeAll
    static void startServices() throws Exception {
        Path runDir = TestConfigs.ROOT.resolve("jobs/target/e2e-run");
        // A fresh broker and cluster state every time: topics left over from an earlier run would be read again.
        if (Files.exists(runDir)) {
            try (var paths = Files.walk(runDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int[] ports = Scripts.freePorts(4);
        scripts = new Scripts(runDir)
                .with("KAFKA_PORT", Integer.toString(ports[0]))
                .with("KAFKA_CONTROLLER_PORT", Integer.toString(ports[1]))
                .with("FLINK_REST_PORT", Integer.toString(ports[2]))
                .with("FLINK_RPC_PORT", Integer.toString(ports[3]));
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
        String submitted = scripts.runOk(Duration.ofMinutes(3), "submit", "--config", TestConfigs.DEMO_CONFIG.toString(),
                "--", "--bootstrap-servers", bootstrap, "--set", "kafka.groupId=e2e", "--set", "kafka.transactionalIdPrefix=e2e");
        assertTrue(submitted.contains("Job has been submitted with JobID"), submitted);

        String replayed = scripts.runOk(Duration.ofMinutes(2), "replay", TestConfigs.DEMO_SAMPLE.toString(), "--bootstrap-servers", bootstrap);
        assertTrue(replayed.contains("replayed 33 records"), replayed);

        List<String> enriched = OutputTopics.readCommitted(bootstrap, "mentions-enriched", v -> v.size() >= 26, Duration.ofMinutes(2), Duration.ofSeconds(3));
        List<String> deadLetters = OutputTopics.readCommitted(bootstrap, "mentions-dlq", v -> v.size() >= 6, Duration.ofMinutes(1), Duration.ofSeconds(1));
        assertEquals(26, enriched.size(), "33 sample records: 26 valid, 6 bad or duplicate, 1 opted out");
        assertEquals(6, deadLetters.size());
        assertTrue(enriched.stream().noneMatch(e -> e.contains("u_1001")), "no raw author id leaves the system");

        String jobs = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + scripts.env("FLINK_REST_PORT") + "/jobs/overview")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(jobs.contains("\"state\":\"RUNNING\"") && jobs.contains("brandpulse-listening-demo"), jobs);
    }
}
