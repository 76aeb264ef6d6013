package io.brandpulse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.flink.metrics.prometheus.LoopbackPrometheusReporter;
import org.junit.jupiter.api.Test;

/** The reporter answers on 127.0.0.1 and on none of the machine's other addresses. */
class LoopbackPrometheusReporterFactoryTest {

    @Test
    void servesMetricsOnLoopbackOnly() throws Exception {
        Properties config = new Properties();
        config.put("port", 0); // a number, as YAML may hand it over; 0: any free port
        LoopbackPrometheusReporter reporter =
                new LoopbackPrometheusReporterFactory().createMetricReporter(config);
        try {
            int port = reporter.getPort();
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            for (InetAddress address : otherAddresses()) {
                assertThrows(
                        IOException.class,
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(address, port), 2000);
                            }
                        },
                        "the reporter must not answer on " + address);
            }
        } finally {
            reporter.close();
        }
    }

    /**
     * The machine's addresses that are not loopback (none on an isolated machine: then only the
     * above is checked).
     */
    static List<InetAddress> otherAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(
                        a ->
                                !a.isLoopbackAddress()
                                        && !a.isLinkLocalAddress()
                                        && a instanceof Inet4Address)
                .toList();
    }

    @Test
    void takesTheNextPortOfTheRangeWhenOneIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Properties config = new Properties();
            config.put(
                    "port",
                    taken.getLocalPort()
                            + ",0"); // a list, as the JobManager and a TaskManager share one
            LoopbackPrometheusReporter reporter =
                    new LoopbackPrometheusReporterFactory().createMetricReporter(config);
            try {
                assertNotEquals(taken.getLocalPort(), reporter.getPort());
            } finally {
                reporter.close();
            }
        }
    }
}
