package io.brandpulse.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads output topics the way a consumer of our exactly-once output must. */
public final class OutputTopics {
    private OutputTopics() {}

    /**
     * Reads a topic from the beginning with {@code read_committed} until {@code done} holds or the
     * timeout passes, then for {@code settle} longer to catch anything extra (a duplicate would
     * show up there).
     */
    /** A record as read: its key, and its value (null for a tombstone). */
    public record Keyed(String key, String value) {}

    /** Like {@link #readCommitted}, with keys, and tombstones as null values. */
    public static List<Keyed> readCommittedKeyed(
            String bootstrapServers, String topic, Predicate<List<Keyed>> done, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<Keyed> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(records)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(
                            new Keyed(
                                    r.key() == null
                                            ? null
                                            : new String(r.key(), StandardCharsets.UTF_8),
                                    r.value() == null
                                            ? null
                                            : new String(r.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return records;
    }

    public static List<String> readCommitted(
            String bootstrapServers,
            String topic,
            Predicate<List<String>> done,
            Duration timeout,
            Duration settle) {
        // Done once the values satisfy `done`, then read on for `settle` to catch what should not
        // be there.
        long[] settleUntil = {Long.MAX_VALUE};
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Keyed> records =
                readCommittedKeyed(
                        bootstrapServers,
                        topic,
                        keyed -> {
                            if (settleUntil[0] == Long.MAX_VALUE && done.test(values(keyed))) {
                                settleUntil[0] = System.nanoTime() + settle.toNanos();
                            }
                            return System.nanoTime() >= Math.min(deadline, settleUntil[0]);
                        },
                        timeout.plus(settle));
        return values(records);
    }

    private static List<String> values(List<Keyed> records) {
        return records.stream()
                .map(Keyed::value)
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
    }
}
