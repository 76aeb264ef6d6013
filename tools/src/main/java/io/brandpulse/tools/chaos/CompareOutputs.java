package io.brandpulse.tools.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.KafkaSettings;
import io.brandpulse.tools.ops.KafkaClientSettings;
import io.brandpulse.tools.ops.ToolArguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code scripts/chaos}' verdict: do the output topics, read as consumers must read them ({@code
 * read_committed}), hold what {@code scripts/run-file} wrote for the same input? Per output:
 *
 * <ul>
 *   <li>{@code mentions-enriched}, {@code alerts}: the same records, each exactly once (a multiset
 *       comparison);
 *   <li>{@code mentions-dlq}: the same dead letters, each once, apart from where they were read
 *       ({@code source}: a file line there, a partition and offset here);
 *   <li>{@code brand-metrics}: the same latest record per (brand, window), as the contract says to
 *       read it;
 *   <li>{@code customer-engagement}: the same latest record per (customer, brand): the same final
 *       scores.
 * </ul>
 *
 * A live job may still be catching up, so the topics are read again until they match or {@code
 * --timeout} passes. Prints a table and a final JSON line; exits 0 when everything matches, 1
 * otherwise.
 */
public final class CompareOutputs {
    private static final String USAGE =
            """
            usage: CompareOutputs --expected DIR [--dump DIR] [--timeout SECONDS] [--ignore-dead-letter REASON] [--config FILE]
                                  [--bootstrap-servers HOST:PORT]
              --expected DIR             what scripts/run-file wrote (DIR/<topic>.jsonl)
              --dump DIR                 write what was read from each topic to DIR/<topic>.jsonl, for a post-mortem
              --timeout SECONDS          keep reading until the topics match, at most this long (default 180)
              --ignore-dead-letter R     leave dead letters with reason R out of the comparison (e.g. WEBHOOK_UNDELIVERED)
              --webhook-received FILE    the alert ids a webhook accepted, one a line: every alert on the topic must be
                                         among them or dead-lettered as WEBHOOK_UNDELIVERED
              --cut FILE                 an upgrade (UpgradeCut's file): records before the cut are the previous
                                         release's, compared with --previous; the rest this release's, compared with
                                         --expected (scripts/run-file --from-savepoint over the input after the cut)
              --previous DIR             what the previous release's scripts/run-file wrote for the whole --input
              --input FILE               the mentions replayed (the previous release's share is its first lines)\
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompareOutputs() {}

    /**
     * One output stream and how it is compared: records are reduced to comparable entries (key →
     * value).
     */
    record Output(String topic, String rule, Function<List<Record>, Map<String, Long>> view) {}

    /**
     * A record as read: the Kafka key (null in files), the value (null for a tombstone) and its
     * offset in the topic's partition (its line index in a file).
     */
    record Record(String key, String value, long offset) {
        Record(String key, String value) {
            this(key, value, -1);
        }
    }

    /** The comparison of one output. */
    record Verdict(
            String topic, String rule, long expected, long actual, long missing, long unexpected) {
        boolean ok() {
            return missing == 0 && unexpected == 0;
        }
    }

    public static void main(String[] args) throws Exception {
        ToolArguments a =
                ToolArguments.parse(
                        args,
                        Set.of(
                                "--expected",
                                "--dump",
                                "--timeout",
                                "--ignore-dead-letter",
                                "--webhook-received",
                                "--config",
                                "--bootstrap-servers",
                                "--cut",
                                "--previous",
                                "--input"),
                        Set.of());
        if (a.help || !a.has("--expected")) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        Path expectedDir = Path.of(a.get("--expected", null));
        KafkaSettings kafka = KafkaClientSettings.from(a);
        long deadline =
                System.nanoTime() + (long) (Double.parseDouble(a.get("--timeout", "180")) * 1e9);
        List<Output> outputs = outputs(kafka.topics, a.get("--ignore-dead-letter", ""));

        Map<String, Map<String, Long>> expected = new HashMap<>();
        for (Output o : outputs) {
            expected.put(
                    o.topic(), o.view().apply(readFile(expectedDir.resolve(o.topic() + ".jsonl"))));
        }
        UpgradeComparison upgrade =
                a.has("--cut")
                        ? UpgradeComparison.read(
                                Path.of(a.get("--cut", null)),
                                Path.of(a.get("--previous", null)),
                                Path.of(a.get("--input", null)),
                                kafka.topics)
                        : null;
        List<Verdict> verdicts;
        Map<String, List<Record>> topics;
        int reads = 0;
        while (true) {
            reads++;
            topics = readTopics(kafka, outputs.stream().map(Output::topic).toList());
            verdicts = new ArrayList<>();
            for (Output o : outputs) {
                List<Record> actual = topics.get(o.topic());
                if (upgrade == null) {
                    verdicts.add(compare(o, expected.get(o.topic()), o.view().apply(actual)));
                } else {
                    verdicts.addAll(upgrade.compare(o, expected.get(o.topic()), actual));
                }
            }
            if (a.has("--webhook-received")) {
                verdicts.add(
                        webhookAccounting(
                                topics.get(kafka.topics.alerts),
                                topics.get(kafka.topics.deadLetters),
                                Files.readAllLines(
                                        Path.of(a.get("--webhook-received", null)),
                                        StandardCharsets.UTF_8)));
            }
            if (verdicts.stream().allMatch(Verdict::ok) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(5_000);
        }
        print(verdicts, reads);
        if (a.has("--dump")) {
            dump(topics, Path.of(a.get("--dump", null)));
        }
        System.exit(verdicts.stream().allMatch(Verdict::ok) ? 0 : 1);
    }

    static List<Output> outputs(KafkaSettings.Topics topics, String ignoredDeadLetterReason) {
        return List.of(
                new Output(
                        topics.enrichedMentions,
                        "every record once",
                        records -> countValues(records, v -> v)),
                new Output(
                        topics.deadLetters,
                        "every record once (source aside)",
                        records ->
                                countValues(
                                        records,
                                        v -> {
                                            ObjectNode d = (ObjectNode) parse(v);
                                            if (d.path("reason")
                                                    .asText()
                                                    .equals(ignoredDeadLetterReason)) {
                                                return null;
                                            }
                                            d.remove("source");
                                            return d.toString();
                                        })),
                new Output(
                        topics.alerts,
                        "every record once",
                        records -> countValues(records, v -> v)),
                new Output(
                        topics.brandMetrics,
                        "latest per (brand, window)",
                        records ->
                                latest(
                                        records,
                                        (key, v) -> {
                                            JsonNode m = parse(v);
                                            return m.path("brand").asText()
                                                    + " "
                                                    + m.path("window");
                                        })),
                new Output(
                        topics.customerEngagement,
                        "latest per (customer, brand)",
                        CompareOutputs::latestScores));
    }

    /**
     * How many times each value occurs: a record written twice counts twice. Values mapped to null
     * are left out.
     */
    static Map<String, Long> countValues(
            List<Record> records, Function<String, String> comparable) {
        Map<String, Long> counts = new HashMap<>();
        for (Record r : records) {
            String v = r.value() == null ? null : comparable.apply(r.value());
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }

    static Map<String, Long> latest(
            List<Record> records, BiFunction<String, String, String> identity) {
        Map<String, String> last = new HashMap<>();
        for (Record r : records) {
            last.put(identity.apply(r.key(), r.value()), r.value());
        }
        return countValues(last.values().stream().map(v -> new Record(null, v)).toList(), v -> v);
    }

    /**
     * The latest record per (customer, brand). A tombstone (a null value on Kafka, a {@code
     * deleted} record in a file) erases every record of its customer.
     */
    static Map<String, Long> latestScores(List<Record> records) {
        Map<String, Map<String, String>> byCustomer = new HashMap<>();
        for (Record r : records) {
            JsonNode e = r.value() == null ? null : parse(r.value());
            String customer = e == null ? r.key() : e.path("customerKey").asText();
            if (e == null || e.path("deleted").asBoolean(false)) {
                byCustomer.remove(customer);
            } else {
                byCustomer
                        .computeIfAbsent(customer, c -> new HashMap<>())
                        .put(e.path("brand").asText(), r.value());
            }
        }
        return countValues(
                byCustomer.values().stream()
                        .flatMap(m -> m.values().stream())
                        .map(v -> new Record(null, v))
                        .toList(),
                v -> v);
    }

    /**
     * Every alert on the topic reached the webhook or is dead-lettered as undeliverable: none
     * vanished in between. Missing: alerts that are neither; unexpected: deliveries of alerts the
     * topic does not hold.
     */
    static Verdict webhookAccounting(
            List<Record> alerts, List<Record> deadLetters, List<String> received) {
        Set<String> alertIds = new HashSet<>();
        for (Record r : alerts) {
            alertIds.add(parse(r.value()).path("alertId").asText());
        }
        Set<String> accounted = new HashSet<>(received.stream().filter(k -> !k.isBlank()).toList());
        long delivered = accounted.size();
        for (Record r : deadLetters) {
            JsonNode d = parse(r.value());
            if (d.path("reason").asText().equals("WEBHOOK_UNDELIVERED")) {
                accounted.add(parse(d.path("payload").asText()).path("alertId").asText());
            }
        }
        long missing = alertIds.stream().filter(id -> !accounted.contains(id)).count();
        long unexpected = accounted.stream().filter(id -> !alertIds.contains(id)).count();
        return new Verdict(
                "webhook (" + delivered + " delivered)",
                "every alert delivered or dead-lettered",
                alertIds.size(),
                accounted.size(),
                missing,
                unexpected);
    }

    static Verdict compare(Output o, Map<String, Long> expected, Map<String, Long> actual) {
        long missing = 0;
        long unexpected = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            missing += Math.max(0, e.getValue() - actual.getOrDefault(e.getKey(), 0L));
        }
        for (Map.Entry<String, Long> e : actual.entrySet()) {
            unexpected += Math.max(0, e.getValue() - expected.getOrDefault(e.getKey(), 0L));
        }
        return new Verdict(
                o.topic(), o.rule(), total(expected), total(actual), missing, unexpected);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static List<Record> readFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) records.add(new Record(null, lines.get(i), i));
        }
        return records;
    }

    /**
     * Every committed record of each topic, from the beginning to the end offsets of the moment.
     */
    static Map<String, List<Record>> readTopics(KafkaSettings kafka, List<String> topics) {
        Properties p = KafkaClientSettings.committedReader(kafka);
        Map<String, List<Record>> out = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions =
                        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                                .map(info -> new TopicPartition(topic, info.partition()))
                                .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                List<Record> records = new ArrayList<>();
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        records.add(new Record(r.key(), r.value(), r.offset()));
                    }
                }
                out.put(topic, records);
            }
        }
        return out;
    }

    /**
     * Values one per line, as scripts/run-file writes them; a tombstone as its key with {@code
     * "deleted": true}.
     */
    private static void dump(Map<String, List<Record>> topics, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Record>> topic : topics.entrySet()) {
            List<String> lines =
                    topic.getValue().stream()
                            .map(
                                    r ->
                                            r.value() != null
                                                    ? r.value()
                                                    : JSON.createObjectNode()
                                                            .put("key", r.key())
                                                            .put("deleted", true)
                                                            .toString())
                            .toList();
            Files.write(dir.resolve(topic.getKey() + ".jsonl"), lines, StandardCharsets.UTF_8);
        }
    }

    private static void print(List<Verdict> verdicts, int reads) {
        System.out.printf(
                Locale.ROOT,
                "%-34s %-34s %9s %9s %8s %11s  %s%n",
                "output",
                "compared",
                "expected",
                "actual",
                "missing",
                "unexpected",
                "");
        for (Verdict v : verdicts) {
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %-34s %9d %9d %8d %11d  %s%n",
                    v.topic(),
                    v.rule(),
                    v.expected(),
                    v.actual(),
                    v.missing(),
                    v.unexpected(),
                    v.ok() ? "same" : "DIFFERENT");
        }
        boolean ok = verdicts.stream().allMatch(Verdict::ok);
        StringBuilder json =
                new StringBuilder("{\"verdict\":\"")
                        .append(ok ? "PASS" : "FAIL")
                        .append("\",\"reads\":")
                        .append(reads)
                        .append(",\"outputs\":{");
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(v.topic())
                    .append("\":{\"expected\":")
                    .append(v.expected())
                    .append(",\"actual\":")
                    .append(v.actual())
                    .append(",\"missing\":")
                    .append(v.missing())
                    .append(",\"unexpected\":")
                    .append(v.unexpected())
                    .append('}');
        }
        System.out.println(json.append("}}"));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
