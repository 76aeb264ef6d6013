package io.brandpulse.jobs.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code scripts/tail TOPIC}: prints a topic's records, committed ones only ({@code read_committed}: what a
 * consumer of our exactly-once output sees), one JSON per line or pretty-printed.
 */
public final class TailTool {
    private static final String USAGE = """
            usage: scripts/tail TOPIC [--from-beginning] [--max N] [--idle-timeout SECONDS] [--pretty] [--with-key]
                                [--config FILE] [--bootstrap-servers HOST:PORT]
              --from-beginning         read the whole topic (default: only new records)
              --max N                  stop after N records
              --idle-timeout SECONDS   stop when nothing arrives for this long (default: never)""";

    private TailTool() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a = ToolArguments.parse(args, Set.of("--max", "--idle-timeout", "--config", "--bootstrap-servers"),
                Set.of("--from-beginning", "--pretty", "--with-key"));
        if (a.help || a.positional.size() != 1) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        String topic = a.positional.get(0);
        long max = Long.parseLong(a.get("--max", "-1"));
        long idleMillis = (long) (Double.parseDouble(a.get("--idle-timeout", "-1")) * 1000);
        KafkaSettings kafka = KafkaClientSettings.from(a);
        Properties p = KafkaClientSettings.clientProperties(kafka);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        ObjectMapper mapper = new ObjectMapper();
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            if (a.has("--from-beginning")) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long lastRecord = System.currentTimeMillis();
            while (max < 0 || count < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    print(mapper, r, a.has("--pretty"), a.has("--with-key"));
                    lastRecord = System.currentTimeMillis();
                    if (++count == max) {
                        break;
                    }
                }
                if (idleMillis >= 0 && System.currentTimeMillis() - lastRecord > idleMillis) {
                    break;
                }
            }
        }
        System.out.flush();
    }

    private static void print(ObjectMapper mapper, ConsumerRecord<byte[], byte[]> r, boolean pretty, boolean withKey) {
        String value = r.value() == null ? "null (tombstone)" : new String(r.value(), StandardCharsets.UTF_8);
        if (pretty && r.value() != null) {
            try {
                value = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(r.value()));
            } catch (Exception e) {
                // not JSON: print as it is
            }
        }
        String key = r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8);
        System.out.println(withKey ? key + "\t" + value : value);
    }
}
