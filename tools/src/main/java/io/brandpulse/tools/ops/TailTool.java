package io.brandpulse.tools.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code scripts/tail TOPIC}: prints a topic's records, committed ones only ({@code
 * read_committed}: what a consumer of our exactly-once output sees), one JSON per line or
 * pretty-printed.
 */
public final class TailTool {
    private static final String USAGE =
            """
            usage: scripts/tail TOPIC [--from-beginning] [--max N] [--wait SECONDS] [--idle-timeout SECONDS]
                                [--brief | --pretty] [--with-key] [--config FILE] [--bootstrap-servers HOST:PORT]
              --from-beginning         read the whole topic (default: only new records)
              --max N                  stop after N records
              --wait SECONDS           give up when no first record arrives in this time (default: never)
              --idle-timeout SECONDS   stop when nothing more arrives for this long after a record (default: never)
              --brief                  one short readable line per record instead of its JSON
              --pretty                 indented JSON
              --with-key               print each record's key before it (key TAB value)
              --config FILE            take the bootstrap servers and client properties (SASL/SSL) from a config
              --bootstrap-servers H:P  default 127.0.0.1:9092\
            """;

    private TailTool() {}

    public static void main(String[] args) throws Exception {
        ToolArguments a =
                ToolArguments.parse(
                        args,
                        Set.of(
                                "--max",
                                "--wait",
                                "--idle-timeout",
                                "--config",
                                "--bootstrap-servers"),
                        Set.of("--from-beginning", "--pretty", "--brief", "--with-key"));
        if (a.help || a.positional.size() != 1) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        String topic = a.positional.get(0);
        long max = Long.parseLong(a.get("--max", "-1"));
        long idleMillis = (long) (Double.parseDouble(a.get("--idle-timeout", "-1")) * 1000);
        long waitMillis = (long) (Double.parseDouble(a.get("--wait", "-1")) * 1000);
        Format format =
                a.has("--brief") ? Format.BRIEF : a.has("--pretty") ? Format.PRETTY : Format.JSON;
        KafkaSettings kafka = KafkaClientSettings.from(a);
        Properties p = KafkaClientSettings.committedReader(kafka);
        ObjectMapper mapper = new ObjectMapper();
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            if (a.has("--from-beginning")) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long started = System.currentTimeMillis();
            long lastRecord = -1;
            while (max < 0 || count < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    print(mapper, r, format, a.has("--with-key"));
                    lastRecord = System.currentTimeMillis();
                    if (++count == max) {
                        break;
                    }
                }
                long now = System.currentTimeMillis();
                if (lastRecord < 0 && waitMillis >= 0 && now - started > waitMillis) {
                    break;
                }
                if (lastRecord >= 0 && idleMillis >= 0 && now - lastRecord > idleMillis) {
                    break;
                }
            }
        }
        System.out.flush();
    }

    private enum Format {
        JSON,
        PRETTY,
        BRIEF
    }

    private static void print(
            ObjectMapper mapper, ConsumerRecord<byte[], byte[]> r, Format format, boolean withKey) {
        String value =
                r.value() == null
                        ? "null (tombstone)"
                        : new String(r.value(), StandardCharsets.UTF_8);
        if (format != Format.JSON && r.value() != null) {
            try {
                JsonNode json = mapper.readTree(r.value());
                value =
                        format == Format.PRETTY
                                ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                                : brief(json, value);
            } catch (Exception e) {
                // not JSON: print it as it is
            }
        }
        String key = r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8);
        System.out.println(withKey ? key + "\t" + value : value);
    }

    /**
     * On a terminal, severities in color (CRITICAL red, HIGH orange-ish, MEDIUM yellow); piped,
     * plain text.
     */
    private static final boolean COLOR =
            System.console() != null && System.getenv("NO_COLOR") == null;

    private static String colored(String severity) {
        String padded = String.format("%-8s", severity);
        if (!COLOR) {
            return padded;
        }
        String code =
                switch (severity) {
                    case "CRITICAL" -> "\u001b[1;31m";
                    case "HIGH" -> "\u001b[31m";
                    case "MEDIUM" -> "\u001b[33m";
                    default -> "\u001b[2m";
                };
        return code + padded + "\u001b[0m";
    }

    /** Words of a term list ({@code [{term, count, lift}]}), as "word×count". */
    private static String terms(JsonNode list, int limit) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(limit, list.size()); i++) {
            out.append(i == 0 ? "" : " ")
                    .append(list.get(i).path("term").asText())
                    .append('×')
                    .append(list.get(i).path("count").asLong());
        }
        return out.toString();
    }

    /**
     * One readable line: a dead letter's reason, a mention's time, brand and text, a window's
     * counts, an alert's severity, type, status and summary; other records as JSON.
     */
    private static String brief(JsonNode json, String raw) {
        if (json.has("reason") && json.has("payload")) {
            return String.format(
                    "%-18s %s  [%s#%s]",
                    json.path("reason").asText(),
                    json.path("detail").asText(),
                    json.path("source").path("name").asText(),
                    json.path("source").path("offset").asText());
        }
        if (json.has("text") && json.has("createdAt")) {
            String text = json.path("text").asText().replace('\n', ' ');
            JsonNode a = json.path("analysis");
            StringBuilder tags = new StringBuilder();
            if (json.path("brandReply").asBoolean()) {
                tags.append("[brand reply] ");
            }
            if (!a.isMissingNode()) {
                tags.append(String.format("%-8s ", a.path("sentiment").path("label").asText()));
                if (a.path("complaint").path("isComplaint").asBoolean()) {
                    tags.append("[complaint ")
                            .append(a.path("complaint").path("category").asText())
                            .append('/')
                            .append(a.path("complaint").path("severity").asText())
                            .append("] ");
                }
                if (a.path("complaint").path("question").asBoolean()) {
                    tags.append("[question] ");
                }
                if (a.path("spam").asBoolean()) {
                    tags.append("[spam] ");
                }
                if (a.path("crisis").asBoolean()) {
                    tags.append("[crisis] ");
                }
            }
            return String.format(
                    "%s  %-10s %-12s %s%s",
                    json.path("createdAt").asText(),
                    json.path("brand").asText("-"),
                    json.path("platform").asText(),
                    tags,
                    text.length() > 50 ? text.substring(0, 50) + "…" : text);
        }
        if (json.has("window") && json.has("volume")) {
            JsonNode s = json.path("sentiment");
            return String.format(
                    "%s..%s  %-10s volume %4d (%d originals, %d authors)  +%d/-%d net %+.2f "
                            + " complaints %d  top %s%s",
                    json.path("window").path("start").asText(),
                    json.path("window").path("end").asText().substring(11),
                    json.path("brand").asText(),
                    json.path("volume").asLong(),
                    json.path("originals").asLong(),
                    json.path("uniqueAuthors").asLong(),
                    s.path("positive").asLong(),
                    s.path("negative").asLong(),
                    s.path("net").asDouble(),
                    json.path("complaints").asLong(),
                    terms(json.path("topTerms"), 5),
                    json.path("driverTerms").isEmpty()
                            ? ""
                            : "  drivers " + terms(json.path("driverTerms"), 5));
        }
        if (json.has("customerKey") && json.has("tier")) {
            return String.format(
                    "%6.2f  %-8s churn %.2f  %-10s customer %s…  %d interactions (%d meaningful),"
                            + " last %s",
                    json.path("score").asDouble(),
                    json.path("tier").asText(),
                    json.path("churnRisk").asDouble(),
                    json.path("brand").asText(),
                    json.path("customerKey").asText().substring(0, 12),
                    json.path("interactions").asLong(),
                    json.path("meaningfulInteractions").asLong(),
                    json.path("lastInteractionAt").asText());
        }
        if (json.has("customerKey") && json.path("deleted").asBoolean()) {
            return "(erased)  "
                    + json.path("brand").asText()
                    + " customer "
                    + json.path("customerKey").asText().substring(0, 12)
                    + "…";
        }
        if (json.has("alertId") && json.has("incidentId")) {
            return String.format(
                    "%s  %s %-15s %-8s %-10s %s  [incident %s]",
                    json.path("detectedAt").asText(),
                    colored(json.path("severity").asText()),
                    json.path("type").asText(),
                    json.path("status").asText(),
                    json.path("brand").asText(),
                    json.path("summary").asText(),
                    json.path("incidentId").asText().substring(0, 8));
        }
        return raw;
    }
}
