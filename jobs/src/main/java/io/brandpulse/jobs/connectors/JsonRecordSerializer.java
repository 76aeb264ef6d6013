package io.brandpulse.jobs.connectors;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes one JSON record per element to a fixed topic, keyed as the contract says. */
public class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, byte[]> json;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> key, SerializableFunction<T, byte[]> json) {
        this.topic = topic;
        this.key = key;
        this.json = json;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k = key.apply(element);
        return new ProducerRecord<>(topic, null, timestamp, k == null ? null : k.getBytes(StandardCharsets.UTF_8), json.apply(element));
    }
}
