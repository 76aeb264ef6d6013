package io.brandpulse.jobs.listening;

import static io.brandpulse.jobs.testing.Mentions.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.connectors.KafkaConnectors;
import io.brandpulse.jobs.testing.EmbeddedKafka;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka to Kafka through the real connectors and a real broker: valid mentions reach {@code
 * mentions-enriched}, bad records {@code mentions-dlq}, and a task failure in the middle of the
 * stream neither loses nor duplicates committed output (exactly-once sinks, read with {@code
 * read_committed}).
 */
class KafkaListeningITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka();
        kafka.createTopics(
                2,
                "mentions",
                "mentions-enriched",
                "mentions-dlq",
                "brand-metrics",
                "alerts",
                "customer-engagement");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    /**
     * Fails the job once, a few records after the first completed checkpoint, so that a restore
     * must happen.
     */
    static final class FailOnceAfterCheckpoint
            extends RichMapFunction<EnrichedMention, EnrichedMention>
            implements CheckpointListener {
        static final AtomicInteger FAILURES = new AtomicInteger();
        static final AtomicInteger RECORDS_AFTER_CHECKPOINT = new AtomicInteger();
        static volatile boolean checkpointed;

        @Override
        public EnrichedMention map(EnrichedMention value) {
            if (checkpointed
                    && RECORDS_AFTER_CHECKPOINT.incrementAndGet() == 5
                    && FAILURES.getAndIncrement() == 0) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    private static List<byte[]> validMentions(int from, int to) {
        List<byte[]> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(
                    Mentions.line("k" + i, "author" + (i % 7), "青柠咖啡 第" + i + "条", T0 + i * 1000L)
                            .getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void kafkaToKafkaWithDeadLettersAndExactlyOnceAcrossAFailure() throws Exception {
        ListeningConfig config =
                TestConfigs.demo(
                        "kafka.bootstrapServers=" + kafka.bootstrapServers(),
                        "kafka.groupId=it-listening",
                        "kafka.transactionalIdPrefix=it-listening",
                        "kafka.transactionTimeout=2m",
                        "job.checkpointInterval=500ms");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        env.configure(restarts);
        JobEnvironment.configureStreaming(env, config.job);
        env.setParallelism(2);

        DataStream<RawRecord> raw =
                env.fromSource(
                                KafkaConnectors.mentionsSource(config.kafka),
                                WatermarkStrategy.noWatermarks(),
                                "kafka")
                        .uid(Uids.MENTIONS_SOURCE.uid());
        ListeningWorkflow.Outputs outputs = ListeningWorkflow.define(config, raw);
        new ListeningWorkflow.Outputs(
                        outputs.enrichedMentions()
                                .map(new FailOnceAfterCheckpoint())
                                .name("inject failure"),
                        outputs.deadLetters(),
                        outputs.brandMetrics(),
                        outputs.alerts(),
                        outputs.customerEngagement())
                .writeTo(KafkaConnectors.listeningSinks(config.kafka));
        JobClient job = env.executeAsync("kafka it");
        try {
            // First batch, with bad records; wait until it is committed (so a checkpoint has
            // completed).
            List<byte[]> first = new ArrayList<>(validMentions(0, 100));
            first.add("not json".getBytes(StandardCharsets.UTF_8));
            first.add(new byte[] {(byte) 0xFF, (byte) 0xFE});
            first.add("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            kafka.produce("mentions", first);
            kafka.readCommitted(
                    "mentions-enriched",
                    v -> v.size() >= 100,
                    Duration.ofSeconds(90),
                    Duration.ZERO);

            // Second batch: the job fails a few records in, restores from the checkpoint and
            // replays.
            // Among them, eight authors write about food poisoning: one CRISIS_KEYWORD incident.
            List<byte[]> second = new ArrayList<>(validMentions(100, 292));
            for (int i = 292; i < 300; i++) {
                second.add(
                        Mentions.line("k" + i, "victim" + i, "青柠咖啡的三明治吃了食物中毒，孩子住院了", T0 + i * 1000L)
                                .getBytes(StandardCharsets.UTF_8));
            }
            kafka.produce("mentions", second);
            List<String> enriched =
                    kafka.readCommitted(
                            "mentions-enriched",
                            v -> v.size() >= 300,
                            Duration.ofSeconds(120),
                            Duration.ofSeconds(3));
            List<String> alerts =
                    kafka.readCommitted(
                            "alerts",
                            v -> !v.isEmpty(),
                            Duration.ofSeconds(60),
                            Duration.ofSeconds(3));
            List<String> deadLetters =
                    kafka.readCommitted(
                            "mentions-dlq",
                            v -> v.size() >= 3,
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(1));

            assertEquals(
                    1, FailOnceAfterCheckpoint.FAILURES.get(), "the injected failure happened");
            Map<String, Long> countsById =
                    enriched.stream()
                            .map(KafkaListeningITCase::id)
                            .collect(
                                    Collectors.groupingBy(
                                            Function.identity(), Collectors.counting()));
            assertEquals(300, countsById.size(), "no mention lost");
            assertEquals(300, enriched.size(), "no mention duplicated");
            assertEquals(
                    List.of("INVALID_JSON", "INVALID_UTF8", "MISSING_FIELD"),
                    deadLetters.stream().map(d -> field(d, "reason")).sorted().toList());
            assertTrue(deadLetters.stream().allMatch(d -> field(d, "detail").length() > 0));
            assertEquals(
                    List.of("CRISIS_KEYWORD/OPEN"),
                    alerts.stream()
                            .map(a -> field(a, "type") + "/" + field(a, "status"))
                            .distinct()
                            .toList(),
                    "one incident, opened once through the failure: " + alerts);
            assertEquals(
                    alerts.size(),
                    alerts.stream().map(a -> field(a, "alertId")).distinct().count(),
                    "no alert duplicated");
        } finally {
            job.cancel().get();
        }
    }

    private static String id(String json) {
        return field(json, "id");
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.path(name).asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
