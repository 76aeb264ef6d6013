package io.brandpulse.jobs.listening;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.cli.JobArguments;
import io.brandpulse.jobs.connectors.KafkaConnectors;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.OptOut;
import io.brandpulse.model.RawRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The listening job on a cluster (or on an embedded local Flink when run as a plain Java program):
 * Kafka {@code mentions} and the live {@code privacy-optouts} in; {@code mentions-enriched}, {@code
 * mentions-dlq}, {@code brand-metrics}, {@code alerts} and {@code customer-engagement} out, exactly
 * once.
 */
public final class ListeningJob {
    static final String USAGE =
            """
            usage: flink run brandpulse-jobs.jar --config FILE [--set key.path=value ...] [--bootstrap-servers HOST:PORT]
              --config FILE            deployment configuration (YAML), see config/example.yaml
              --set key.path=value     override one configuration key, e.g. --set job.checkpointInterval=5s
              --bootstrap-servers H:P  shortcut for --set kafka.bootstrapServers=H:P\
            """;

    private ListeningJob() {}

    public static void main(String[] args) throws Exception {
        ListeningConfig config = JobArguments.parseOrExit(args, false, USAGE).config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configureStreaming(env, config.job);
        defineJob(env, config);
        env.execute(config.job.name);
    }

    /**
     * The job's whole graph, Kafka sources and sinks included, without running it (OperatorUidsTest
     * reads it).
     */
    static void defineJob(StreamExecutionEnvironment env, ListeningConfig config) {
        DataStream<RawRecord> mentions =
                env.fromSource(
                                KafkaConnectors.mentionsSource(config.kafka),
                                WatermarkStrategy.noWatermarks(),
                                Uids.MENTIONS_SOURCE.name())
                        .uid(Uids.MENTIONS_SOURCE.uid())
                        .setDescription("kafka: " + config.kafka.topics.mentions);
        DataStream<OptOut> optOuts =
                env.fromSource(
                                KafkaConnectors.optOutsSource(config.kafka),
                                WatermarkStrategy.noWatermarks(),
                                Uids.OPT_OUTS_SOURCE.name())
                        .uid(Uids.OPT_OUTS_SOURCE.uid())
                        .setDescription("kafka: " + config.kafka.topics.optOuts);
        DataStream<ControlRecord> control =
                env.fromSource(
                                KafkaConnectors.controlSource(config.kafka),
                                WatermarkStrategy.noWatermarks(),
                                Uids.CONTROL_SOURCE.name())
                        .uid(Uids.CONTROL_SOURCE.uid())
                        .setDescription("kafka: " + config.kafka.topics.control);
        ListeningWorkflow.defineWorkflow(
                config, mentions, optOuts, control, KafkaConnectors.listeningSinks(config.kafka));
    }
}
