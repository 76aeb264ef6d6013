package io.brandpulse.metrics;

import java.util.Properties;
import org.apache.flink.metrics.prometheus.LoopbackPrometheusReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.PortRange;

/**
 * Flink's Prometheus reporter on 127.0.0.1 only, for the local cluster of {@code
 * scripts/flink-cluster}: {@code metrics.reporter.prom.factory.class:
 * io.brandpulse.metrics.LoopbackPrometheusReporterFactory} and {@code metrics.reporter.prom.port:
 * 9249} (or a range, {@code 9249-9250}, as with Flink's own factory).
 *
 * <p>Why not {@code org.apache.flink.metrics.prometheus.PrometheusReporterFactory}: in Flink 2.2.1
 * its reporter starts its HTTP server on {@code new InetSocketAddress(port)}, the wildcard address,
 * on every interface of the machine, and it has no option for the host. Our local services listen
 * on loopback only. On a real cluster, where Prometheus scrapes from another machine, use Flink's
 * factory.
 */
public class LoopbackPrometheusReporterFactory implements MetricReporterFactory {
    static final String ARG_PORT = "port";
    static final String DEFAULT_PORT = "9249";

    @Override
    public LoopbackPrometheusReporter createMetricReporter(Properties properties) {
        // get, not getProperty: a value from config.yaml may arrive as a number rather than a
        // string
        Object port = properties.get(ARG_PORT);
        return new LoopbackPrometheusReporter(
                new PortRange(port == null ? DEFAULT_PORT : port.toString()));
    }
}
