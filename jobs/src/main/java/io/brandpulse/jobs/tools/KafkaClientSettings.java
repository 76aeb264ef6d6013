package io.brandpulse.jobs.tools;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.KafkaSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Client settings for the tools: from a deployment's config file when {@code --config} is given (so SASL/SSL
 * properties apply), else defaults; {@code --bootstrap-servers} wins over both.
 */
final class KafkaClientSettings {
    private KafkaClientSettings() {}

    static KafkaSettings from(ToolArguments a) {
        KafkaSettings kafka = a.has("--config")
                ? new ConfigLoader().load(Path.of(a.get("--config", null)), List.of()).kafka
                : new KafkaSettings();
        if (a.has("--bootstrap-servers")) {
            kafka.bootstrapServers = a.get("--bootstrap-servers", null);
        }
        return kafka;
    }

    static Properties clientProperties(KafkaSettings kafka) {
        Properties p = new Properties();
        p.putAll(kafka.properties);
        p.put("bootstrap.servers", kafka.bootstrapServers);
        return p;
    }
}
