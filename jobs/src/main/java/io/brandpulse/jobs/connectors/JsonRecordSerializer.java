package io.brandpulse.jobs.connectors;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes one JSON record per element to a fixed topic, keyed as the contract says.
 *
 * <p>The Kafka record timestamp is left to the producer (the time of writing), not set to the
 * element's event time: brokers roll and delete log segments by record timestamp, so output of a
 * replay of last month's mentions would otherwise be deleted minutes after it was written. Event
 * time is in the payload.
 */
public class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, byte[]> json;

    public JsonRecordSerializer(
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, byte[]> json) {
        this.topic = topic;
        this.key = key;
        this.json = json;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        String k = key.apply(element);
        return new ProducerRecord<>(
                topic,
                null,
                null,
                k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                json.apply(element));
    }
}
