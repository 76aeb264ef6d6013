package io.brandpulse.tools.ops;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.KafkaSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Client settings for the tools: from a deployment's config file when {@code --config} is given (so
 * SASL/SSL properties apply), else defaults; {@code --bootstrap-servers} wins over both.
 */
public final class KafkaClientSettings {
    private KafkaClientSettings() {}

    public static KafkaSettings from(ToolArguments a) {
        KafkaSettings kafka =
                a.has("--config")
                        ? new ConfigLoader().load(Path.of(a.get("--config", null)), List.of()).kafka
                        : new KafkaSettings();
        if (a.has("--bootstrap-servers")) {
            kafka.bootstrapServers = a.get("--bootstrap-servers", null);
        }
        return kafka;
    }

    /** A client of the job's broker, with the job's client settings ({@code kafka.properties}). */
    public static Properties clientProperties(KafkaSettings kafka) {
        Properties p = new Properties();
        p.putAll(kafka.properties);
        p.put("bootstrap.servers", kafka.bootstrapServers);
        return p;
    }

    /**
     * A consumer that reads what the job's outputs committed: the sinks write in transactions
     * committed at each checkpoint, so an uncommitted (possibly aborted) record must never be read.
     * It commits no offsets of its own.
     */
    public static Properties committedReader(KafkaSettings kafka) {
        Properties p = clientProperties(kafka);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        return p;
    }

    /** {@link #committedReader} of a broker with default client settings. */
    public static Properties committedReader(String bootstrapServers) {
        KafkaSettings kafka = new KafkaSettings();
        kafka.bootstrapServers = bootstrapServers;
        return committedReader(kafka);
    }
}
