package io.brandpulse.jobs.connectors;

import io.brandpulse.model.ControlRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the control topic as it is: key, value (null for a tombstone) and where it was read. Every
 * record goes on, even one without a key: enrichment decides whether it applies and dead-letters it
 * with the reason when it does not.
 */
public class ControlDeserializer implements KafkaRecordDeserializationSchema<ControlRecord> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlRecord> out) {
        out.collect(
                new ControlRecord(
                        record.key() == null
                                ? null
                                : new String(record.key(), StandardCharsets.UTF_8).strip(),
                        record.value() == null
                                ? null
                                : new String(record.value(), StandardCharsets.UTF_8),
                        record.topic(),
                        record.partition(),
                        record.offset()));
    }

    @Override
    public TypeInformation<ControlRecord> getProducedType() {
        return TypeInformation.of(ControlRecord.class);
    }
}
