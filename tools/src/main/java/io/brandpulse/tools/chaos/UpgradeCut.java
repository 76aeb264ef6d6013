package io.brandpulse.tools.chaos;

import io.brandpulse.config.KafkaSettings;
import io.brandpulse.tools.ops.KafkaClientSettings;
import io.brandpulse.tools.ops.ToolArguments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Where {@code scripts/chaos upgrade} cut the stream, read once the previous release has stopped
 * with its savepoint: where each output topic ended. Records before those offsets are the previous
 * release's, the rest this release's; {@link CompareOutputs} compares each part with the reference
 * of the release that wrote it. The input lines the previous release consumed are given: the script
 * replays them and waits until the job has read them all before it takes the savepoint (the
 * consumer group's committed offset cannot tell: the Kafka source commits it at checkpoints, not
 * with a savepoint, and was found 285 lines behind). One partition per topic (parallelism 1): with
 * more, the input cut is not one line number.
 *
 * <p>Writes a properties file: {@code input=N} and {@code <topic>=<offset>} per output topic.
 */
public final class UpgradeCut {
    private static final String USAGE =
            """
            usage: UpgradeCut --config FILE --input-lines N --out FILE [--bootstrap-servers HOST:PORT]
              --config FILE      the job's configuration: its topics
              --input-lines N    the input lines the previous release consumed before its savepoint
              --out FILE         where the cut is written (input=N, <topic>=<offset>)\
            """;

    private UpgradeCut() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a =
                ToolArguments.parse(
                        args,
                        Set.of("--config", "--input-lines", "--out", "--bootstrap-servers"),
                        Set.of());
        if (a.help || !a.has("--config") || !a.has("--input-lines") || !a.has("--out")) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        KafkaSettings kafka = KafkaClientSettings.from(a);
        Properties cut = outputEnds(kafka);
        cut.setProperty("input", Long.toString(Long.parseLong(a.get("--input-lines", null))));
        try (var out =
                Files.newBufferedWriter(Path.of(a.get("--out", null)), StandardCharsets.UTF_8)) {
            cut.store(out, "scripts/chaos upgrade: where the previous release stopped");
        }
        System.out.println("upgrade cut: " + cut);
    }

    /** The end offset of each output topic's partition 0. */
    static Properties outputEnds(KafkaSettings kafka) throws Exception {
        Properties cut = new Properties();
        try (Admin admin = Admin.create(KafkaClientSettings.clientProperties(kafka))) {
            List<String> outputs = outputTopics(kafka.topics);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : outputs)
                latest.put(new TopicPartition(topic, 0), OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (String topic : outputs) {
                cut.setProperty(
                        topic, Long.toString(ends.get(new TopicPartition(topic, 0)).offset()));
            }
        }
        return cut;
    }

    static List<String> outputTopics(KafkaSettings.Topics t) {
        return List.of(
                t.enrichedMentions, t.deadLetters, t.brandMetrics, t.alerts, t.customerEngagement);
    }
}
