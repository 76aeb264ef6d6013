package org.apache.flink.metrics.prometheus;

import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import org.apache.flink.util.PortRange;

/**
 * {@link PrometheusReporter} with its HTTP server bound to 127.0.0.1 instead of the wildcard
 * address (see {@code io.brandpulse.metrics.LoopbackPrometheusReporterFactory}). It lives in
 * Flink's package because the registry it serves, {@code AbstractPrometheusReporter.registry}, is
 * package-private: extending the abstract reporter keeps Flink's translation of metrics, scopes and
 * labels exactly, and a Flink upgrade that changes the field fails this module's build rather than
 * the cluster at run time.
 */
public class LoopbackPrometheusReporter extends AbstractPrometheusReporter {
    private final HTTPServer httpServer;
    private final int port;

    public LoopbackPrometheusReporter(PortRange ports) {
        InetAddress loopback = loopback();
        HTTPServer server = null;
        int bound = -1;
        for (Iterator<Integer> it = ports.getPortsIterator(); server == null && it.hasNext(); ) {
            int candidate = it.next();
            try {
                server = new HTTPServer(new InetSocketAddress(loopback, candidate), registry);
                bound = server.getPort();
            } catch (IOException e) {
                log.debug(
                        "Could not start the Prometheus HTTP server on {}:{}.",
                        loopback.getHostAddress(),
                        candidate,
                        e);
            }
        }
        if (server == null) {
            throw new RuntimeException(
                    "Could not start the Prometheus HTTP server on "
                            + loopback.getHostAddress()
                            + " at any port in "
                            + ports);
        }
        httpServer = server;
        port = bound;
        log.info("Started the Prometheus HTTP server on {}:{}.", loopback.getHostAddress(), port);
    }

    /**
     * 127.0.0.1 like every other local service (not {@code getLoopbackAddress()}, which may be
     * ::1).
     */
    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for an address of the wrong length
        }
    }

    public int getPort() {
        return port;
    }

    @Override
    public void close() {
        httpServer.stop();
        super.close();
    }
}
