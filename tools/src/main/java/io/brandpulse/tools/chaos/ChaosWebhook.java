package io.brandpulse.tools.chaos;

import com.sun.net.httpserver.HttpServer;
import io.brandpulse.tools.ops.ToolArguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/chaos webhook}: a crisis team's endpoint at its worst, on 127.0.0.1. {@code slow}
 * takes {@code --delay-ms} to accept each alert; {@code flaky} also answers every other request
 * with 503. Each accepted alert's {@code Idempotency-Key} is appended to {@code --received FILE},
 * so the scenario can check that every alert was delivered or dead-lettered. Runs until killed.
 */
public final class ChaosWebhook {
    private static final String USAGE =
            """
            usage: ChaosWebhook --port N --received FILE [--mode slow|flaky] [--delay-ms MS]\
            """;

    private ChaosWebhook() {}

    public static void main(String[] args) throws IOException {
        ToolArguments a =
                ToolArguments.parse(
                        args, Set.of("--port", "--received", "--mode", "--delay-ms"), Set.of());
        if (a.help || !a.has("--port") || !a.has("--received")) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        int port = Integer.parseInt(a.get("--port", null));
        long delayMillis = Long.parseLong(a.get("--delay-ms", "1000"));
        boolean flaky = a.get("--mode", "slow").equals("flaky");
        Path received = Path.of(a.get("--received", null));
        Files.writeString(received, "");
        PrintWriter log =
                new PrintWriter(
                        Files.newBufferedWriter(
                                received, StandardCharsets.UTF_8, StandardOpenOption.APPEND),
                        true);
        AtomicLong requests = new AtomicLong();

        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext(
                "/",
                exchange -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        body.readAllBytes();
                        Thread.sleep(delayMillis);
                        if (flaky && requests.incrementAndGet() % 2 == 0) {
                            exchange.sendResponseHeaders(503, -1);
                            return;
                        }
                        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                        synchronized (log) {
                            log.println(key);
                        }
                        exchange.sendResponseHeaders(200, -1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        exchange.sendResponseHeaders(503, -1);
                    } finally {
                        exchange.close();
                    }
                });
        server.start();
        System.err.printf(
                "chaos webhook (%s, %d ms per request) on http://127.0.0.1:%d/%n",
                flaky ? "flaky" : "slow", delayMillis, port);
    }
}
