package io.brandpulse.tools.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.KafkaSettings;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code scripts/replay FILE.jsonl}: produces each line of a file, byte for byte (bad lines too:
 * the job must see them to dead-letter them), keyed by mention id, with a progress bar on stderr
 * and optional rate control.
 */
public final class ReplayTool {
    private static final String USAGE =
            """
            usage: scripts/replay FILE.jsonl [--topic TOPIC] [--rate N] [--quiet] [--config FILE] [--bootstrap-servers HOST:PORT]
              --topic TOPIC            the topic to produce to (default: the config's mentions topic, else mentions)
              --quiet                  no progress bar
              --rate N                 at most N records per second (default: as fast as the broker takes them)
              --config FILE            take the topic, bootstrap servers and client properties (SASL/SSL) from a config
              --bootstrap-servers H:P  default 127.0.0.1:9092\
            """;

    private ReplayTool() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a =
                ToolArguments.parse(
                        args,
                        Set.of("--topic", "--rate", "--config", "--bootstrap-servers"),
                        Set.of("--quiet"));
        if (a.help || a.positional.size() != 1) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        Path file = Path.of(a.positional.get(0));
        if (!Files.isRegularFile(file)) {
            System.err.println("error: " + file + ": no such file");
            System.exit(2);
        }
        KafkaSettings kafka = KafkaClientSettings.from(a);
        String topic = a.get("--topic", kafka.topics.mentions);
        double rate = Double.parseDouble(a.get("--rate", "0"));

        Properties p = KafkaClientSettings.clientProperties(kafka);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        // Ride out a broker outage (a restart, a failover) of up to ten minutes instead of dropping
        // records:
        // sends block while the broker is away, then go out in order (idempotent producer).
        p.putIfAbsent("max.block.ms", "600000");
        p.putIfAbsent("delivery.timeout.ms", "600000");
        ObjectMapper mapper = new ObjectMapper();
        AtomicLong failed = new AtomicLong();
        Map<String, Long> failures = new TreeMap<>();
        long sent = 0;
        long totalBytes = Files.size(file);
        long readBytes = 0;
        long started = System.nanoTime();
        Progress progress = new Progress(totalBytes, !a.has("--quiet"));
        try (KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(
                                p, new ByteArraySerializer(), new ByteArraySerializer());
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] line;
            while ((line = readLine(in)) != null) {
                readBytes += line.length + 1;
                if (line.length == 0) {
                    continue;
                }
                byte[] key = keyOf(mapper, line);
                producer.send(
                        new ProducerRecord<>(topic, key, line),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                                synchronized (failures) {
                                    failures.merge(
                                            error.getClass().getSimpleName()
                                                    + ": "
                                                    + error.getMessage(),
                                            1L,
                                            Long::sum);
                                }
                            }
                        });
                sent++;
                if (rate > 0) {
                    long due = started + (long) (sent / rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                progress.update(readBytes, sent, started);
            }
            producer.flush();
        }
        progress.done(sent, started);
        System.err.printf(
                "replayed %d records from %s to topic %s (%d failed)%n",
                sent - failed.get(), file, topic, failed.get());
        failures.forEach((reason, count) -> System.err.printf("  %d x %s%n", count, reason));
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    /**
     * The mention id, as the contract keys the topic; null when the line is not a JSON object with
     * an id.
     */
    private static byte[] keyOf(ObjectMapper mapper, byte[] line) {
        try {
            JsonNode id = mapper.readTree(line).path("id");
            return id.isValueNode() ? id.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            return Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }

    /** A one-line progress bar on stderr, redrawn at most ten times a second. */
    private static final class Progress {
        private final long total;
        private final boolean enabled;
        private long lastDraw;

        Progress(long total, boolean enabled) {
            this.total = Math.max(total, 1);
            this.enabled = enabled;
        }

        void update(long done, long records, long started) {
            long now = System.nanoTime();
            if (!enabled || now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * Math.min(1.0, (double) done / total));
            double seconds = Math.max((now - started) / 1e9, 1e-3);
            System.err.printf(
                    "\r[%s%s] %3d%%  %,d records  %,.0f/s ",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    100 * done / total,
                    records,
                    records / seconds);
        }

        void done(long records, long started) {
            if (enabled) {
                lastDraw = 0;
                update(total, records, started);
                System.err.println();
            }
        }
    }
}
