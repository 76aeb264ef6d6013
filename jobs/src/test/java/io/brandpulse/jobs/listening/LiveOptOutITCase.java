package io.brandpulse.jobs.listening;

import static io.brandpulse.jobs.testing.Mentions.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.connectors.KafkaConnectors;
import io.brandpulse.jobs.testing.EmbeddedKafka;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.jobs.testing.OutputTopics;
import io.brandpulse.jobs.testing.OutputTopics.Keyed;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.OptOut;
import io.brandpulse.model.RawRecord;
import io.brandpulse.privacy.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An opt-out arriving on the compacted opt-out topic while the job runs: the customer's engagement
 * record is erased by a tombstone, and nothing of theirs comes out afterwards.
 */
class LiveOptOutITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void aLiveOptOutErasesTheCustomerAndSilencesThem() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            kafka.createTopics(
                    1,
                    "mentions",
                    "mentions-enriched",
                    "mentions-dlq",
                    "brand-metrics",
                    "alerts",
                    "customer-engagement",
                    "privacy-optouts");
            ListeningConfig config =
                    TestConfigs.demo(
                            "kafka.bootstrapServers=" + kafka.bootstrapServers(),
                            "kafka.groupId=it-optout",
                            "kafka.transactionalIdPrefix=it-optout",
                            "kafka.transactionTimeout=2m",
                            "job.checkpointInterval=500ms");
            String fan = new Pseudonymizer(TestConfigs.PSEUDONYM_KEY).customerKey("weibo", "fan");

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobEnvironment.configureStreaming(env, config.job);
            env.setParallelism(2);
            DataStream<RawRecord> mentions =
                    env.fromSource(
                                    KafkaConnectors.mentionsSource(config.kafka),
                                    WatermarkStrategy.noWatermarks(),
                                    "mentions")
                            .uid(Uids.MENTIONS_SOURCE.uid());
            DataStream<OptOut> optOuts =
                    env.fromSource(
                                    KafkaConnectors.optOutsSource(config.kafka),
                                    WatermarkStrategy.noWatermarks(),
                                    "opt-outs")
                            .uid(Uids.OPT_OUTS_SOURCE.uid());
            ListeningWorkflow.defineWorkflow(
                    config, mentions, optOuts, KafkaConnectors.listeningSinks(config.kafka));
            JobClient job = env.executeAsync("live opt-out");
            try {
                kafka.produce(
                        "mentions",
                        List.of(
                                Mentions.line(
                                                "f1",
                                                "fan",
                                                "青柠咖啡的海盐焦糖拿铁喝了两年了，奶味和咸味的平衡做得很好，建议冬天出个热饮限定版，一定支持",
                                                T0)
                                        .getBytes(StandardCharsets.UTF_8),
                                // event time moves on past the watermark delay: the fan's
                                // mention is scored once the watermark passes it
                                Mentions.line("o0", "other", "北岸茶饮的外卖今天送得挺快", T0 + 10 * 60_000)
                                        .getBytes(StandardCharsets.UTF_8)));
                List<Keyed> before =
                        OutputTopics.readCommittedKeyed(
                                kafka.bootstrapServers(),
                                "customer-engagement",
                                r -> r.stream().anyMatch(k -> fan.equals(k.key())),
                                Duration.ofSeconds(90));
                assertTrue(
                        before.stream().anyMatch(k -> fan.equals(k.key()) && k.value() != null),
                        "the fan was scored: " + before);

                kafka.produceKeyed("privacy-optouts", "weibo:fan", "opted out 2026-03-01");
                List<Keyed> erased =
                        OutputTopics.readCommittedKeyed(
                                kafka.bootstrapServers(),
                                "customer-engagement",
                                r ->
                                        r.stream()
                                                .anyMatch(
                                                        k ->
                                                                fan.equals(k.key())
                                                                        && k.value() == null),
                                Duration.ofSeconds(90));
                assertTrue(
                        erased.stream().anyMatch(k -> fan.equals(k.key()) && k.value() == null),
                        "a tombstone for the fan: " + erased);

                kafka.produce(
                        "mentions",
                        List.of(
                                Mentions.line("f2", "fan", "青柠咖啡今天又去了，还是很好喝", T0 + 60_000)
                                        .getBytes(StandardCharsets.UTF_8),
                                Mentions.line("o1", "other", "青柠咖啡的燕麦拿铁不错", T0 + 61_000)
                                        .getBytes(StandardCharsets.UTF_8)));
                List<String> enriched =
                        kafka.readCommitted(
                                "mentions-enriched",
                                v -> v.stream().anyMatch(s -> s.contains("\"o1\"")),
                                Duration.ofSeconds(90),
                                Duration.ofSeconds(3));
                assertTrue(
                        enriched.stream().anyMatch(s -> s.contains("\"o1\"")),
                        "later mentions still flow");
                assertFalse(
                        enriched.stream().anyMatch(s -> s.contains("\"f2\"")),
                        "the fan's mention after the opt-out is dropped");
                List<Keyed> after =
                        OutputTopics.readCommittedKeyed(
                                kafka.bootstrapServers(),
                                "customer-engagement",
                                r -> false,
                                Duration.ofSeconds(3));
                int tombstone =
                        after.indexOf(
                                after.stream()
                                        .filter(k -> fan.equals(k.key()) && k.value() == null)
                                        .findFirst()
                                        .orElseThrow());
                assertEquals(
                        0,
                        after.subList(tombstone + 1, after.size()).stream()
                                .filter(k -> fan.equals(k.key()))
                                .count(),
                        "nothing about the fan after the tombstone");
            } finally {
                job.cancel().get();
            }
        }
    }
}
