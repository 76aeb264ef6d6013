package io.brandpulse.jobs.tools;

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

/** {@code scripts/kafka topics}: creates topics that do not exist yet, in one admin call. */
public final class CreateTopics {
    private CreateTopics() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a = ToolArguments.parse(args, Set.of("--bootstrap-servers", "--partitions"), Set.of());
        if (a.help || a.positional.isEmpty()) {
            System.err.println("usage: CreateTopics --bootstrap-servers HOST:PORT [--partitions N] TOPIC...");
            System.exit(a.help ? 0 : 2);
        }
        int partitions = Integer.parseInt(a.get("--partitions", "2"));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("--bootstrap-servers", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : a.positional) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1).configs(configFor(topic)));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            System.err.println("topics: " + String.join(", ", a.positional)
                    + (missing.isEmpty() ? " (all existed)" : " (created " + missing.size() + ")"));
        }
    }

    /**
     * The customer-engagement topic keeps the last score per customer: compacted, so opt-out tombstones erase. The
     * opt-out topic is the current list of opt-outs: compacted too.
     */
    private static Map<String, String> configFor(String topic) {
        return topic.contains("customer-engagement") || topic.contains("optouts") ? Map.of("cleanup.policy", "compact") : Map.of();
    }
}
