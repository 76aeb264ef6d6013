package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.brandpulse.alerts.webhook.WebhookRequest;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts POSTed to a real local HTTP server (the JDK's): signed, with the alert id as idempotency
 * key, retried through failures, and dead-lettered, never failing the job, when the webhook does
 * not accept them.
 */
class WebhookITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_KEY = "webhook-signing-key-for-tests";

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir Path dir;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByAlert = new ConcurrentHashMap<>();

    record Received(String idempotencyKey, String signature, byte[] body) {}

    /**
     * Starts a server that fails the first {@code failures} attempts of each alert with {@code
     * status}, then accepts.
     */
    private String serve(int failures, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String key =
                            exchange.getRequestHeaders()
                                    .getFirst(WebhookRequest.IDEMPOTENCY_HEADER);
                    int attempt =
                            attemptsByAlert
                                    .computeIfAbsent(key, k -> new AtomicInteger())
                                    .incrementAndGet();
                    int code = attempt <= failures ? status : 200;
                    if (code == 200) {
                        received.add(
                                new Received(
                                        key,
                                        exchange.getRequestHeaders()
                                                .getFirst(WebhookRequest.SIGNATURE_HEADER),
                                        body));
                    }
                    exchange.sendResponseHeaders(code, -1);
                    exchange.close();
                });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * Eight authors writing about food poisoning at a brand new to it: a CRISIS_KEYWORD incident.
     */
    private Path crisisInput() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(
                    Mentions.line(
                            "c" + i,
                            "victim" + i,
                            "青柠咖啡的三明治吃了食物中毒，孩子住院了",
                            Mentions.T0 + i * 60_000L));
        }
        return Files.write(dir.resolve("crisis.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private Map<String, List<JsonNode>> run(String url, int maxAttempts) throws Exception {
        ListeningConfig config =
                TestConfigs.demo(
                        "alerts.webhook.url=" + url,
                        "alerts.webhook.signingKey=" + SIGNING_KEY,
                        "alerts.webhook.template=generic",
                        "alerts.webhook.maxAttempts=" + maxAttempts,
                        "alerts.webhook.initialBackoff=100ms",
                        "alerts.webhook.maxBackoff=200ms",
                        "alerts.webhook.requestTimeout=2s");
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        RunFileJob.defineFileWorkflow(env, config, crisisInput(), out);
        env.execute("webhook test");
        Map<String, List<JsonNode>> topics = new HashMap<>();
        for (String topic : List.of("alerts", "mentions-dlq")) {
            List<JsonNode> records = new ArrayList<>();
            for (String line :
                    Files.readAllLines(out.resolve(topic + ".jsonl"), StandardCharsets.UTF_8)) {
                records.add(JSON.readTree(line));
            }
            topics.put(topic, records);
        }
        return topics;
    }

    @Test
    void everyAlertArrivesSignedAndOnceAcceptedAfterRetries() throws Exception {
        Map<String, List<JsonNode>> out = run(serve(2, 503), 4);
        List<JsonNode> alerts = out.get("alerts");
        assertFalse(alerts.isEmpty(), "the crisis raised no alert");
        assertEquals(alerts.size(), received.size(), "each alert accepted once");
        for (Received r : received) {
            assertEquals(
                    3,
                    attemptsByAlert.get(r.idempotencyKey()).get(),
                    "two failures, then accepted");
            assertEquals("sha256=" + WebhookRequest.sign(SIGNING_KEY, r.body()), r.signature());
            JsonNode body = JSON.readTree(r.body());
            assertEquals(
                    r.idempotencyKey(), body.get("alertId").asText(), "idempotency key = alertId");
        }
        assertTrue(alerts.stream().anyMatch(a -> a.get("type").asText().equals("CRISIS_KEYWORD")));
        assertTrue(
                out.get("mentions-dlq").isEmpty(),
                () -> "delivered alerts are no dead letters: " + out.get("mentions-dlq"));
    }

    @Test
    void alertsTheWebhookNeverAcceptsBecomeDeadLettersAndTheJobCarriesOn() throws Exception {
        Map<String, List<JsonNode>> out = run(serve(Integer.MAX_VALUE, 500), 3);
        List<JsonNode> alerts = out.get("alerts");
        assertFalse(alerts.isEmpty());
        List<JsonNode> undelivered =
                out.get("mentions-dlq").stream()
                        .filter(d -> d.get("reason").asText().equals("WEBHOOK_UNDELIVERED"))
                        .toList();
        assertEquals(alerts.size(), undelivered.size(), "every undelivered alert is recorded");
        for (JsonNode d : undelivered) {
            JsonNode alert = JSON.readTree(d.get("payload").asText());
            assertEquals(
                    3,
                    attemptsByAlert.get(alert.get("alertId").asText()).get(),
                    "retried up to maxAttempts");
            assertTrue(d.get("detail").asText().contains("HTTP 500"), d.toString());
        }
    }

    @Test
    void aWebhookThatIsNotThereAtAllDoesNotFailTheJob() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, List<JsonNode>> out = run("http://127.0.0.1:" + closedPort + "/hook", 2);
        assertFalse(out.get("alerts").isEmpty(), "alerts still reach the alerts topic");
        assertEquals(
                out.get("alerts").size(),
                out.get("mentions-dlq").stream()
                        .filter(d -> d.get("reason").asText().equals("WEBHOOK_UNDELIVERED"))
                        .count());
    }
}
