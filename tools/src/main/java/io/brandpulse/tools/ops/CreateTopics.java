package io.brandpulse.tools.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * {@code scripts/kafka topics}: creates topics that do not exist yet, in one admin call. {@code
 * --command-config FILE} (Kafka client properties, as for Kafka's own tools) carries SASL/SSL
 * settings: the broker {@code scripts/kafka} starts in SASL mode wants them for its own admin user.
 */
public final class CreateTopics {
    private CreateTopics() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a =
                ToolArguments.parse(
                        args,
                        Set.of("--bootstrap-servers", "--command-config", "--partitions"),
                        Set.of());
        if (a.help || a.positional.isEmpty()) {
            System.err.println(
                    "usage: CreateTopics --bootstrap-servers HOST:PORT [--command-config FILE]"
                            + " [--partitions N] TOPIC...");
            System.exit(a.help ? 0 : 2);
        }
        int partitions = Integer.parseInt(a.get("--partitions", "2"));
        Properties p = new Properties();
        if (a.has("--command-config")) {
            p.putAll(clientProperties(Path.of(a.get("--command-config", null))));
        }
        p.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                a.get("--bootstrap-servers", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : a.positional) {
                if (!existing.contains(topic)) {
                    missing.add(
                            new NewTopic(topic, partitionsFor(topic, partitions), (short) 1)
                                    .configs(configFor(topic)));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            System.err.println(
                    "topics: "
                            + String.join(", ", a.positional)
                            + (missing.isEmpty()
                                    ? " (all existed)"
                                    : " (created " + missing.size() + ")"));
        }
    }

    private static Properties clientProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /**
     * The customer-engagement topic keeps the last score per customer: compacted, so opt-out
     * tombstones erase. The opt-out topic is the current list of opt-outs, the control topic the
     * current definitions: compacted too.
     */
    private static Map<String, String> configFor(String topic) {
        return topic.contains("customer-engagement")
                        || topic.contains("optouts")
                        || topic.contains("control")
                ? Map.of("cleanup.policy", "compact")
                : Map.of();
    }

    /**
     * The control topic has one partition: its records apply in the order they were written (a
     * brand defined before another names it as a competitor).
     */
    private static int partitionsFor(String topic, int partitions) {
        return topic.contains("control") ? 1 : partitions;
    }
}
