package io.brandpulse.tools.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brandpulse.config.Acknowledgement;
import io.brandpulse.config.BrandDefinitions;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ControlLog;
import io.brandpulse.config.ControlState;
import io.brandpulse.config.Durations;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.Silence;
import io.brandpulse.model.ControlRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code scripts/control}: what the job listens for, changed while it runs. Reads the control topic
 * as the job does (every record in order, the ones that do not apply left out) and checks a change
 * with the job's own rules before writing it, so a change the job would refuse is refused here,
 * with the same error.
 */
public final class ControlTool {
    static final String USAGE =
            """
            usage: scripts/control brand put FILE | brand get ID | brand list | brand delete ID
                                   | silence BRAND --for DURATION --reason TEXT [--type T] [--term W] [--by NAME]
                                   | silence list | silence lift ID | ack INCIDENT [--note TEXT] | log [--jsonl]
                                   [--config FILE] [--bootstrap-servers HOST:PORT] [--by NAME]
              brand put FILE     define a brand (FILE: one brands[] entry, YAML or JSON); replaces the definition in force,
                                 from now, or from its effectiveFrom (an ISO-8601 instant, in the mentions' event time)
              brand get ID       print the brand's definition in force, as JSON, and where it comes from
              brand list         every brand in force: id, where its definition comes from, rulesVersion
              brand delete ID    remove the brand (refused while another brand names it as a competitor)
              silence BRAND      alerts of BRAND (of type T, naming the term W, when given) detected in the next
                                 DURATION (2h, 30m, ...) are still written to alerts, marked silenced, but not
                                 sent to the webhook; prints the silence's id
              silence list       the silences in force
              silence lift ID    end the silence now (a tombstone)
              ack INCIDENT       acknowledge an incident (its incidentId): its next alerts name you, and its
                                 UPDATEs reach the webhook only when its severity rises; --note says why
              log                every change on the topic, oldest first: when, what, by whom (--by when written,
                                 default the user's name), and whether the job applies it; with --jsonl, the records
                                 themselves, one JSON per line, for scripts/run-file --control
              --by NAME          who makes the change (default: the user's name)
              --config FILE      the job's configuration: its brands, detectors and Kafka settings
                                 (default config/demo.yaml)\
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Kafka header naming who wrote a control record. */
    static final String BY_HEADER = "by";

    private ControlTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ToolArguments a;
        try {
            a =
                    ToolArguments.parse(
                            args,
                            Set.of(
                                    "--config",
                                    "--bootstrap-servers",
                                    "--type",
                                    "--term",
                                    "--for",
                                    "--reason",
                                    "--by",
                                    "--note"),
                            Set.of("--jsonl"));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<String> words = a.positional;
        if (a.help) {
            out.println(USAGE);
            return 0;
        }
        boolean log = words.size() == 1 && words.get(0).equals("log");
        if (!log
                && (words.size() < 2
                        || !List.of("brand", "silence", "ack").contains(words.get(0)))) {
            err.println(USAGE);
            return 2;
        }
        try {
            ListeningConfig deployment =
                    ConfigLoader.withoutSecrets()
                            .load(Path.of(a.get("--config", "config/demo.yaml")), List.of());
            if (a.has("--bootstrap-servers")) {
                deployment.kafka.bootstrapServers = a.get("--bootstrap-servers", null);
            }
            Control control =
                    new Control(
                            deployment, a.get("--by", System.getProperty("user.name", "unknown")));
            if (log) {
                return control.log(out, a.has("--jsonl"));
            }
            if (words.get(0).equals("ack")) {
                need(words, 2, "ack INCIDENT [--note TEXT]");
                Map<String, String> ack = new LinkedHashMap<>();
                ack.put("by", control.by);
                if (a.has("--note")) ack.put("note", a.get("--note", null));
                return control.acknowledge(words.get(1), JSON.writeValueAsString(ack), out);
            }
            if (words.get(0).equals("silence")) {
                return silence(control, words, a, out);
            }
            String command = words.get(1);
            return switch (command) {
                case "put" -> {
                    need(words, 3, "brand put FILE");
                    yield control.put(Path.of(words.get(2)), out);
                }
                case "get" -> {
                    need(words, 3, "brand get ID");
                    yield control.get(words.get(2), out, err);
                }
                case "list" -> control.list(out);
                case "delete" -> {
                    need(words, 3, "brand delete ID");
                    yield control.delete(words.get(2), out);
                }
                default -> throw new IllegalArgumentException("unknown command brand " + command);
            };
        } catch (ConfigException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int silence(
            Control control, List<String> words, ToolArguments a, PrintStream out)
            throws IOException {
        if (words.get(1).equals("list")) {
            return control.silences(out);
        }
        if (words.get(1).equals("lift")) {
            need(words, 3, "silence lift ID");
            return control.lift(words.get(2), out);
        }
        need(words, 2, "silence BRAND --for DURATION --reason TEXT [--type T] [--term W]");
        if (!a.has("--for") || !a.has("--reason")) {
            throw new IllegalArgumentException(
                    "silence BRAND needs --for DURATION and --reason TEXT");
        }
        Instant until = Instant.now().plus(Durations.parse(a.get("--for", null)));
        Map<String, String> silence = new LinkedHashMap<>();
        silence.put("brand", words.get(1));
        silence.put("type", a.get("--type", Silence.ANY));
        if (a.has("--term")) silence.put("match", a.get("--term", null));
        silence.put("until", until.truncatedTo(ChronoUnit.SECONDS).toString());
        silence.put("reason", a.get("--reason", null));
        silence.put("by", control.by);
        String id = "s" + Long.toString(System.currentTimeMillis(), 36);
        return control.silence(id, JSON.writeValueAsString(silence), out);
    }

    private static void need(List<String> words, int n, String usage) {
        if (words.size() != n)
            throw new IllegalArgumentException("usage: scripts/control " + usage);
    }

    /** The control topic of one deployment. */
    static final class Control {
        private final ListeningConfig deployment;
        private final ConfigLoader loader = new ConfigLoader(name -> null);
        private final Properties client;
        final String by;

        Control(ListeningConfig deployment, String by) {
            this.deployment = deployment;
            this.by = by;
            this.client = KafkaClientSettings.clientProperties(deployment.kafka);
        }

        int put(Path file, PrintStream out) throws IOException {
            JsonNode definition = new YAMLMapper().readTree(Files.readString(file));
            if (definition == null
                    || !definition.isObject()
                    || !definition.path("id").isTextual()) {
                throw new IllegalArgumentException(file + ": one brand, a mapping with an id");
            }
            String id = definition.path("id").asText();
            String key = BrandDefinitions.BRAND_KEY + id;
            String json = JSON.writeValueAsString(definition);
            ControlState next = checkAndWrite(key, json);
            BrandSettings brand = brand(next.latestDefinitions(), id);
            out.println(key + " written (rulesVersion " + brand.rulesVersion() + ")");
            return 0;
        }

        int delete(String id, PrintStream out) throws IOException {
            String key = BrandDefinitions.BRAND_KEY + id;
            if (brand(definitionsInForce(), id) == null) {
                throw new IllegalArgumentException("no brand " + id + " in force");
            }
            checkAndWrite(key, null);
            out.println(key + " removed (a tombstone written)");
            return 0;
        }

        int get(String id, PrintStream out, PrintStream err) throws IOException {
            Map<String, String> definitions = definitionsInForce();
            BrandSettings brand = brand(definitions, id);
            if (brand == null) {
                err.println("no brand " + id + " in force");
                return 1;
            }
            out.println(
                    JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(
                                    new YAMLMapper().readTree(definitionOf(definitions, brand))));
            out.println(
                    "# from " + origin(definitions, id) + ", rulesVersion " + brand.rulesVersion());
            return 0;
        }

        int list(PrintStream out) throws IOException {
            Map<String, String> definitions = definitionsInForce();
            for (BrandSettings b : BrandDefinitions.inForce(deployment, definitions, loader)) {
                out.printf("%-20s %-14s %s%n", b.id, origin(definitions, b.id), b.rulesVersion());
            }
            return 0;
        }

        /**
         * Every record of the topic, oldest first, replayed as the job replays them: when it was
         * written, by whom, what it did, or why the job does not apply it.
         */
        int log(PrintStream out, boolean jsonLines) {
            ControlState state = ControlState.empty();
            for (ConsumerRecord<String, String> r : readAll()) {
                Header who = r.headers().lastHeader(BY_HEADER);
                String by = who == null ? null : new String(who.value(), StandardCharsets.UTF_8);
                if (jsonLines) {
                    out.println(ControlLog.line(r.key(), r.value(), by, r.timestamp()));
                    continue;
                }
                String what;
                try {
                    state = state.after(deployment, asRecord(r), loader);
                    what = describe(r.key(), r.value());
                } catch (ConfigException e) {
                    what = "NOT APPLIED: " + e.getMessage();
                }
                out.printf(
                        "%s  %-24s %-12s %s%n",
                        Instant.ofEpochMilli(r.timestamp()), r.key(), by == null ? "-" : by, what);
            }
            return 0;
        }

        private static String describe(String key, String value) {
            if (key.startsWith(Acknowledgement.KEY)) {
                return value == null ? "acknowledgement withdrawn" : "incident acknowledged";
            }
            if (key.startsWith(Silence.KEY)) {
                return value == null ? "silence lifted" : "silence set";
            }
            return value == null ? "brand removed" : "brand defined";
        }

        int acknowledge(String incident, String json, PrintStream out) {
            Acknowledgement ack = Acknowledgement.parse(Acknowledgement.KEY + incident, json);
            checkAndWrite(Acknowledgement.KEY + incident, json);
            out.println("incident " + incident + " acknowledged by " + ack.by());
            return 0;
        }

        int silence(String id, String json, PrintStream out) {
            checkAndWrite(Silence.KEY + id, json);
            Silence s = Silence.read(Silence.KEY + id, json);
            out.println(
                    "silence "
                            + id
                            + " set: "
                            + s.brand
                            + " "
                            + s.type
                            + (s.match == null ? "" : " naming " + s.match)
                            + " until "
                            + Instant.ofEpochMilli(s.until));
            return 0;
        }

        int lift(String id, PrintStream out) {
            if (!silencesInForce().containsKey(id)) {
                throw new IllegalArgumentException("no silence " + id + " in force");
            }
            write(Silence.KEY + id, null);
            out.println("silence " + id + " lifted (a tombstone written)");
            return 0;
        }

        int silences(PrintStream out) {
            for (Silence s : silencesInForce().values()) {
                out.printf(
                        "%-14s %-12s %-20s %-10s until %s  by %s: %s%n",
                        s.id,
                        s.brand,
                        s.type,
                        s.match == null ? "-" : s.match,
                        Instant.ofEpochMilli(s.until),
                        s.by,
                        s.reason);
            }
            return 0;
        }

        /** The silences on the topic that still hold and have not expired, by id. */
        Map<String, Silence> silencesInForce() {
            Map<String, Silence> silences = new TreeMap<>();
            long now = System.currentTimeMillis();
            for (Silence s : inForce().silencesInForce()) {
                if (s.until > now) silences.put(s.id, s);
            }
            return silences;
        }

        private BrandSettings brand(Map<String, String> definitions, String id) {
            for (BrandSettings b : BrandDefinitions.inForce(deployment, definitions, loader)) {
                if (b.id.equals(id)) return b;
            }
            return null;
        }

        private String origin(Map<String, String> definitions, String id) {
            return definitions.containsKey(id) ? "control topic" : "config file";
        }

        /** As written on the topic; a file brand as the file defines it. */
        private String definitionOf(Map<String, String> definitions, BrandSettings brand)
                throws IOException {
            String written = definitions.get(brand.id);
            if (written != null) return written;
            return JSON.writeValueAsString(
                    Map.of(
                            "id", brand.id,
                            "names", brand.names,
                            "officialAccounts", brand.officialAccounts,
                            "competitors", brand.competitors,
                            "keywords", brand.keywords,
                            "crisisTerms", brand.crisisTerms));
        }

        /**
         * What the job holds: every record of the topic in order, those that do not apply left out,
         * as the job leaves them out.
         */
        ControlState inForce() {
            ControlState state = ControlState.empty();
            for (ConsumerRecord<String, String> r : readAll()) {
                try {
                    state = state.after(deployment, asRecord(r), loader);
                } catch (ConfigException e) {
                    // dead-lettered by the job as INVALID_CONTROL
                }
            }
            return state;
        }

        /** The brand definitions the job holds, planned ones (effectiveFrom) included. */
        Map<String, String> definitionsInForce() {
            return inForce().latestDefinitions();
        }

        /**
         * Checks a record as the job will, against what the topic holds, then writes it.
         *
         * @return what is in force once the job has read it
         * @throws ConfigException with the job's error, and nothing is written
         */
        private ControlState checkAndWrite(String key, String value) {
            ControlState next =
                    inForce()
                            .after(
                                    deployment,
                                    new ControlRecord(
                                            key, value, deployment.kafka.topics.control, 0, 0),
                                    loader);
            write(key, value);
            return next;
        }

        private static ControlRecord asRecord(ConsumerRecord<String, String> r) {
            return new ControlRecord(r.key(), r.value(), r.topic(), r.partition(), r.offset());
        }

        private List<ConsumerRecord<String, String>> readAll() {
            Properties p = new Properties();
            p.putAll(client);
            p.put("enable.auto.commit", "false");
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions =
                        consumer
                                .partitionsFor(
                                        deployment.kafka.topics.control, Duration.ofSeconds(30))
                                .stream()
                                .map(i -> new TopicPartition(i.topic(), i.partition()))
                                .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                }
            }
            return records;
        }

        private void write(String key, String value) {
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(deployment.kafka.topics.control, key, value);
                record.headers().add(BY_HEADER, by.getBytes(StandardCharsets.UTF_8));
                producer.send(record).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot write to "
                                + deployment.kafka.topics.control
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
