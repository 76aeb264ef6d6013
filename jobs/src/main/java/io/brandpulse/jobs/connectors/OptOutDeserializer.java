package io.brandpulse.jobs.connectors;

import io.brandpulse.model.OptOut;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the opt-out topic: key = {@code platform:authorId}; a value means opted out, a tombstone
 * (null value) means opted back in. A record without a key cannot be applied: it is logged (without
 * its content) and skipped rather than failing the job on every restart.
 */
public class OptOutDeserializer implements KafkaRecordDeserializationSchema<OptOut> {
    private static final Logger LOG = LoggerFactory.getLogger(OptOutDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<OptOut> out) {
        if (record.key() == null || record.key().length == 0) {
            LOG.warn(
                    "opt-out record without a key at {}-{}@{} skipped: the key must be"
                            + " platform:authorId",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        out.collect(
                new OptOut(
                        new String(record.key(), StandardCharsets.UTF_8).strip(),
                        record.value() != null));
    }

    @Override
    public TypeInformation<OptOut> getProducedType() {
        return TypeInformation.of(OptOut.class);
    }
}
