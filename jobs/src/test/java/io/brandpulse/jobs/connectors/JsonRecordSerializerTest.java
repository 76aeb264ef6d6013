package io.brandpulse.jobs.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonRecordSerializerTest {

    @Test
    void keysAndValuesTheRecordButLeavesItsTimestampToTheProducer() {
        JsonRecordSerializer<String> serializer =
                new JsonRecordSerializer<>(
                        "brand-metrics",
                        s -> "k-" + s,
                        s -> ("{\"v\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8));
        long lastMonth = 1_772_323_200_000L;
        ProducerRecord<byte[], byte[]> record = serializer.serialize("x", null, lastMonth);
        assertEquals("brand-metrics", record.topic());
        assertArrayEquals("k-x".getBytes(StandardCharsets.UTF_8), record.key());
        assertArrayEquals("{\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8), record.value());
        // Event time as the record timestamp makes brokers delete a replay's output by retention
        // within minutes.
        assertNull(record.timestamp());
    }

    @Test
    void aRecordWithoutKeyHasANullKey() {
        JsonRecordSerializer<String> serializer =
                new JsonRecordSerializer<>("t", s -> null, s -> new byte[] {'1'});
        assertNull(serializer.serialize("x", null, 1L).key());
    }
}
