package io.brandpulse.tools.e2e;

import static io.brandpulse.jobs.testing.Mentions.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brandpulse.jobs.listening.ListeningJob;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka SASL/PLAIN end to end: {@code scripts/kafka start} with {@code KAFKA_SASL_USERS_FILE}
 * brings up a broker whose only client listener wants SASL/PLAIN; the listening job ({@link
 * ListeningJob#main}, on a MiniCluster) reads and writes through it with a password that its
 * configuration file names as {@code ${file:...}}. Clients without credentials or with a wrong
 * password are refused, and the password shows up neither in what the web UI shows of the job, nor
 * in the log and standard output of the job, nor in anything the script writes or prints.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSaslITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "brandpulse-job";

    /** Random per run, so that finding it anywhere means it leaked. */
    private static final String PASSWORD = "sasl-it-" + UUID.randomUUID();

    private static final int MENTIONS = 20;

    @TempDir static Path runDir;

    private static Path secrets;
    private static Scripts scripts;
    private static String bootstrap;
    private static String startOutput;

    @BeforeAll
    static void startBroker() throws Exception {
        // The secrets live outside the run directory the script writes to, as a deployment would
        // keep them.
        secrets = Files.createDirectories(runDir.resolve("secrets"));
        Path users = secrets.resolve("kafka-users.properties");
        Files.writeString(
                users,
                "# name=password, one a line\n"
                        + USER
                        + "="
                        + PASSWORD
                        + "\nanalyst="
                        + UUID.randomUUID()
                        + "\n");
        Files.writeString(secrets.resolve("kafka-password"), PASSWORD + "\n");
        for (Path p : List.of(users, secrets.resolve("kafka-password"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        int[] ports = Scripts.freePorts(2);
        scripts =
                new Scripts(runDir.resolve("run"))
                        .with("KAFKA_PORT", Integer.toString(ports[0]))
                        .with("KAFKA_CONTROLLER_PORT", Integer.toString(ports[1]))
                        .with("KAFKA_SASL_USERS_FILE", users.toString());
        bootstrap = "127.0.0.1:" + ports[0];
        startOutput = scripts.runOk(Duration.ofMinutes(3), "kafka", "start");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (scripts != null) {
            scripts.runOk(Duration.ofMinutes(1), "kafka", "stop");
        }
    }

    private static Properties sasl(String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user
                        + "\" password=\""
                        + password
                        + "\";");
        return p;
    }

    @Test
    void theScriptStartsASaslBrokerAndCreatedTheTopicsAuthenticated() throws Exception {
        assertTrue(startOutput.contains("(SASL/PLAIN)"), startOutput);
        assertTrue(
                startOutput.contains("topics: mentions"),
                "CreateTopics authenticated:\n" + startOutput);
        try (Admin admin = Admin.create(sasl(USER, PASSWORD))) {
            assertTrue(
                    admin.listTopics()
                            .names()
                            .get(30, TimeUnit.SECONDS)
                            .containsAll(
                                    Set.of(
                                            "mentions",
                                            "mentions-enriched",
                                            "mentions-dlq",
                                            "privacy-optouts")));
        }
        assertTrue(
                scripts.runOk(Duration.ofMinutes(1), "kafka", "status").contains("(SASL/PLAIN)"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAuthenticationError() {
        Properties wrong = sasl(USER, PASSWORD + "-wrong");
        wrong.put("default.api.timeout.ms", "30000");
        long start = System.nanoTime();
        try (Admin admin = Admin.create(wrong)) {
            ExecutionException e =
                    assertThrows(
                            ExecutionException.class,
                            () -> admin.listTopics().names().get(60, TimeUnit.SECONDS));
            assertInstanceOf(
                    SaslAuthenticationException.class,
                    e.getCause(),
                    () -> "not an authentication error: " + e);
            assertFalse(e.getCause().getMessage().contains(PASSWORD), e.getCause().getMessage());
        }
        assertTrue(
                System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20),
                "refused at once, not after a timeout");
    }

    @Test
    void aClientWithoutSaslGetsNothing() {
        Properties plain = new Properties();
        plain.put("bootstrap.servers", bootstrap);
        plain.put("default.api.timeout.ms", "5000");
        plain.put("request.timeout.ms", "4000");
        try (Admin admin = Admin.create(plain)) {
            assertThrows(
                    ExecutionException.class,
                    () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theJobReadsAndWritesWithSaslAndKeepsThePasswordToItself(
            @InjectClusterClient RestClusterClient<?> flink, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        // The deployment's configuration: the demo's, with SASL client properties whose password is
        // a file reference.
        ObjectNode yaml = (ObjectNode) new YAMLMapper().readTree(TestConfigs.DEMO_CONFIG.toFile());
        ObjectNode kafkaProperties = ((ObjectNode) yaml.get("kafka")).putObject("properties");
        kafkaProperties.put("security.protocol", "SASL_PLAINTEXT");
        kafkaProperties.put("sasl.mechanism", "PLAIN");
        kafkaProperties.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USER
                        + "\" password=\"${file:"
                        + secrets.resolve("kafka-password")
                        + "}\";");
        Path config = runDir.resolve("sasl.yaml");
        new YAMLMapper().writeValue(config.toFile(), yaml);
        assertFalse(
                Files.readString(config).contains(PASSWORD),
                "the configuration file holds a reference, not the password");

        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        sasl(USER, PASSWORD),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (int i = 0; i < MENTIONS; i++) {
                producer.send(
                                new ProducerRecord<>(
                                        "mentions",
                                        Mentions.line(
                                                        "sasl" + i,
                                                        "author" + (i % 5),
                                                        "青柠咖啡 第" + i + "条",
                                                        T0 + i * 1000L)
                                                .getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }

        LogCapture log = LogCapture.start();
        JobID jobId = null;
        Thread main = null;
        try {
            String[] args = {
                "--config",
                config.toString(),
                "--bootstrap-servers",
                bootstrap,
                "--set",
                "job.parallelism=1",
                "--set",
                "job.checkpointInterval=1s",
                "--set",
                "kafka.groupId=sasl-it",
                "--set",
                "kafka.transactionalIdPrefix=sasl-it"
            };
            main =
                    new Thread(
                            () -> {
                                try {
                                    ListeningJob.main(args);
                                } catch (Exception e) {
                                    // Cancelling the job at the end of the test ends execute() with
                                    // an exception.
                                }
                            },
                            "listening-job-main");
            main.setDaemon(true);
            main.start();
            jobId = runningJob(flink, Duration.ofMinutes(1));

            List<String> enriched =
                    readCommitted("mentions-enriched", MENTIONS, Duration.ofMinutes(2));
            assertEquals(
                    MENTIONS,
                    enriched.size(),
                    "every mention enriched and committed once: " + enriched);
            assertEquals(
                    Set.of("qingning"),
                    enriched.stream().map(e -> field(e, "brand")).collect(Collectors.toSet()),
                    enriched.get(0));
            assertEquals(MENTIONS, enriched.stream().map(e -> field(e, "id")).distinct().count());

            // What the web UI shows of the job: its configuration (with the global job parameters),
            // plan and cluster configuration.
            String web = flink.getWebInterfaceURL();
            for (String path :
                    List.of(
                            "/jobs/" + jobId + "/config",
                            "/jobs/" + jobId + "/plan",
                            "/jobs/" + jobId + "/jobmanager/config",
                            "/jobmanager/config",
                            "/jobs/" + jobId)) {
                String body = get(web + path);
                assertTrue(body.startsWith("{") || body.startsWith("["), path + ": " + body);
                assertFalse(body.contains(PASSWORD), "the password shows in the web UI at " + path);
            }
            // The web UI masks values of keys like sasl.jaas.config; the job's own parameters must
            // not hold them at all.
            Map<String, String> parameters =
                    cluster.getExecutionGraph(jobId)
                            .get(30, TimeUnit.SECONDS)
                            .getArchivedExecutionConfig()
                            .getGlobalJobParameters();
            assertTrue(
                    parameters.entrySet().stream()
                            .noneMatch(
                                    e ->
                                            e.getKey().startsWith("sasl.")
                                                    || e.getValue().contains(PASSWORD)),
                    "Kafka settings are no job parameters: " + parameters.keySet());
            String jobConfig = get(web + "/jobs/" + jobId + "/config");
            assertFalse(
                    jobConfig.contains("sasl.jaas.config"),
                    "Kafka settings are no job parameters: " + jobConfig);
        } finally {
            if (jobId != null) {
                flink.cancel(jobId).get(1, TimeUnit.MINUTES);
            }
            if (main != null) {
                main.join(TimeUnit.MINUTES.toMillis(1));
            }
            log.stop();
        }
        assertTrue(
                log.text().contains("sasl.jaas.config = [hidden]"),
                "the capture saw the Kafka clients log their settings");
        assertFalse(
                log.text().contains(PASSWORD),
                "the password is in the job's log or standard output");
    }

    /** Last, so that the broker has logged the refused clients and the job's connections by now. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theScriptNeitherPrintsNorCopiesThePasswords() throws Exception {
        assertFalse(startOutput.contains(PASSWORD), startOutput);
        // Everything but the broker's data (the records themselves, which the live broker keeps
        // rewriting).
        Path data = runDir.resolve("run/kafka/data");
        List<Path> leaks = new ArrayList<>();
        Files.walkFileTree(
                runDir.resolve("run"),
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(
                            Path dir, BasicFileAttributes attributes) {
                        return dir.equals(data)
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                            throws IOException {
                        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                                .contains(PASSWORD)) {
                            leaks.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        assertTrue(
                leaks.isEmpty(),
                "files of the run directory holding the password (broker log, properties, script"
                        + " output): "
                        + leaks);
        assertTrue(
                Files.readString(runDir.resolve("run/kafka/broker.log")).contains("SASL_PLAINTEXT"),
                "the broker log was read");
        String server = Files.readString(runDir.resolve("run/kafka/server.properties"));
        assertTrue(
                server.contains(
                        "\nlisteners=SASL_PLAINTEXT://127.0.0.1:"
                                + scripts.env("KAFKA_PORT")
                                + ",CONTROLLER://127.0.0.1:"),
                server);
        assertEquals(
                List.of(),
                server.lines()
                        .filter(l -> l.contains("://"))
                        .flatMap(l -> Stream.of(l.split(",")))
                        .filter(listener -> !listener.contains("://127.0.0.1:"))
                        .toList(),
                "loopback only");
    }

    private static JobID runningJob(RestClusterClient<?> flink, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Collection<JobStatusMessage> jobs = flink.listJobs().get(30, TimeUnit.SECONDS);
            for (JobStatusMessage job : jobs) {
                if (job.getJobState() == JobStatus.RUNNING) {
                    return job.getJobId();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not start in " + timeout);
    }

    /**
     * Reads a topic from the beginning, read_committed and authenticated, until {@code count}
     * values or the timeout.
     */
    private static List<String> readCommitted(String topic, int count, Duration timeout) {
        Properties p = sasl(USER, PASSWORD);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            // Read on for a few seconds after the last expected value: a duplicate would show up
            // there.
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                if (settle == Long.MAX_VALUE && values.size() >= count) {
                    settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                }
            }
        }
        return values;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * Everything logged at INFO and above in this JVM (where the MiniCluster runs the job), and
     * everything written to standard output and error, while it runs; the console keeps showing
     * errors only, as before.
     */
    private static final class LogCapture {
        private final StringBuffer text = new StringBuffer();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private Appender appender;
        private Level rootLevel;

        static LogCapture start() {
            LogCapture c = new LogCapture();
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            LoggerConfig root = context.getConfiguration().getRootLogger();
            c.rootLevel = root.getLevel();
            for (Appender existing : List.copyOf(root.getAppenders().values())) {
                root.removeAppender(existing.getName());
                root.addAppender(existing, c.rootLevel, null);
            }
            c.appender =
                    new AbstractAppender(
                            "sasl-it-capture", null, null, true, Property.EMPTY_ARRAY) {
                        @Override
                        public void append(LogEvent event) {
                            c.text.append(event.getLevel())
                                    .append(' ')
                                    .append(event.getLoggerName())
                                    .append(" - ")
                                    .append(event.getMessage().getFormattedMessage())
                                    .append('\n');
                            if (event.getThrown() != null) {
                                StringWriter trace = new StringWriter();
                                event.getThrown().printStackTrace(new PrintWriter(trace));
                                c.text.append(trace);
                            }
                        }
                    };
            c.appender.start();
            context.getConfiguration().addAppender(c.appender);
            root.addAppender(c.appender, Level.INFO, null);
            root.setLevel(Level.INFO);
            context.updateLoggers();
            System.setOut(new PrintStream(c.tee(c.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(c.tee(c.err), true, StandardCharsets.UTF_8));
            return c;
        }

        private OutputStream tee(PrintStream original) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            return new OutputStream() {
                @Override
                public synchronized void write(int b) {
                    original.write(b);
                    buffer.write(b);
                }

                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    buffer.write(b, off, len);
                }

                @Override
                public synchronized void flush() {
                    original.flush();
                    text.append(buffer.toString(StandardCharsets.UTF_8));
                    buffer.reset();
                }
            };
        }

        void stop() {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            LoggerConfig root = context.getConfiguration().getRootLogger();
            root.removeAppender(appender.getName());
            root.setLevel(rootLevel);
            context.updateLoggers();
            appender.stop();
        }

        String text() {
            return text.toString();
        }
    }
}
