package io.brandpulse.jobs.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brandpulse.config.KafkaSettings;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectorsTest {
    @Test
    void exactlyOnceSinksBatchBigByDefault() {
        Properties producer = KafkaConnectors.exactlyOnceProducer(new KafkaSettings());
        assertEquals("50", producer.getProperty("linger.ms"));
        assertEquals("262144", producer.getProperty("batch.size"));
    }

    @Test
    void theOperatorsOwnSettingsWin() {
        KafkaSettings kafka = new KafkaSettings();
        kafka.properties.put("linger.ms", "0");
        kafka.properties.put("security.protocol", "SASL_SSL");
        Properties producer = KafkaConnectors.exactlyOnceProducer(kafka);
        assertEquals("0", producer.getProperty("linger.ms"));
        assertEquals("262144", producer.getProperty("batch.size"));
        assertEquals("SASL_SSL", producer.getProperty("security.protocol"));
    }
}
