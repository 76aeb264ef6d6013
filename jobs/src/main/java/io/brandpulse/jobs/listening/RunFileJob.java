package io.brandpulse.jobs.listening;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ControlLog;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.contract.OutputJson;
import io.brandpulse.jobs.cli.JobArguments;
import io.brandpulse.jobs.connectors.JsonLinesFileSink;
import io.brandpulse.jobs.connectors.RawLineFormat;
import io.brandpulse.jobs.operators.DeadLetters;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code scripts/run-file}: the listening workflow over a JSON-lines file, on an embedded Flink, in
 * event time, writing each output stream to {@code DIR/<topic>.jsonl}. One parallel instance, so
 * the same input and configuration always give the same output, line for line; this is also how
 * analysts backfill history.
 */
public final class RunFileJob {
    static final String USAGE =
            """
            usage: scripts/run-file --config FILE --input MENTIONS.jsonl --out DIR [--set key.path=value ...] [--bootstrap-servers H:P]
                                    [--from-savepoint PATH] [--control CONTROL.jsonl]
              --set key.path=value     override one configuration key, e.g. --set metrics.window=5m
              --bootstrap-servers H:P  shortcut for --set kafka.bootstrapServers=H:P (not read by a file run)
              --from-savepoint PATH    start from a savepoint of the listening job (its windows, baselines, incidents,
                                       scores, open cases, duplicate ids), as if the file's mentions came next on Kafka
              --control CONTROL.jsonl  the control topic's records to start from (scripts/control log --jsonl writes them):
                                       brands, silences, acknowledgements, each from its effectiveFrom (event time) or
                                       from the start; a record the job would refuse goes to mentions-dlq.jsonl
              writes DIR/<topic>.jsonl for every output topic: mentions-enriched.jsonl, mentions-dlq.jsonl, brand-metrics.jsonl, alerts.jsonl,
              customer-engagement.jsonl\
            """;

    private RunFileJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parseOrExit(args, true, USAGE);
        ListeningConfig config = arguments.config();
        Configuration restore = new Configuration();
        if (arguments.fromSavepoint != null) {
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, arguments.fromSavepoint);
            // the Kafka sources' and sinks' state stays unclaimed: a file run has its own
            restore.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(restore);
        env.setParallelism(1);
        // Streaming mode over a bounded source: the same event-time semantics (watermarks, timers)
        // as on a cluster.
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        defineFileWorkflow(env, config, arguments.input, arguments.control, arguments.out);
        env.execute("brandpulse run-file " + arguments.input.getFileName());
    }

    public static void defineFileWorkflow(
            StreamExecutionEnvironment env, ListeningConfig config, Path input, Path outDir) {
        defineFileWorkflow(env, config, input, null, outDir);
    }

    /**
     * @param control a log of the control topic ({@link ControlLog}), replayed before the first
     *     mention as the job applies the topic's records; null for none
     */
    public static void defineFileWorkflow(
            StreamExecutionEnvironment env,
            ListeningConfig config,
            Path input,
            Path control,
            Path outDir) {
        JobEnvironment.configureRecords(env);
        List<DeadLetter> refused = new ArrayList<>();
        if (control != null) {
            config =
                    config.withControl(
                            ControlLog.replay(
                                    config,
                                    ControlLog.read(control),
                                    new ConfigLoader(),
                                    (record, reason) ->
                                            refused.add(
                                                    DeadLetters.invalidControl(record, reason))));
        }
        FileSource<RawRecord> lines =
                FileSource.forRecordStreamFormat(
                                new RawLineFormat(
                                        input.getFileName().toString(),
                                        config.ingestion.maxRecordBytes),
                                new org.apache.flink.core.fs.Path(input.toAbsolutePath().toUri()))
                        .build();
        DataStream<RawRecord> raw =
                env.fromSource(
                                lines,
                                WatermarkStrategy.noWatermarks(),
                                Uids.FileRuns.MENTIONS_SOURCE.name())
                        .uid(Uids.FileRuns.MENTIONS_SOURCE.uid())
                        .setDescription("file: " + input.getFileName());
        ListeningWorkflow.Outputs outputs =
                ListeningWorkflow.define(config, raw, ListeningWorkflow.noOptOuts(env));
        if (!refused.isEmpty()) {
            outputs =
                    outputs.withDeadLetters(
                            outputs.deadLetters()
                                    .union(
                                            env.fromData(
                                                            refused,
                                                            TypeInformation.of(DeadLetter.class))
                                                    .name(Uids.FileRuns.REFUSED_CONTROL.name())
                                                    .uid(Uids.FileRuns.REFUSED_CONTROL.uid())));
        }
        outputs.writeTo(
                new ListeningSinks(
                        new JsonLinesFileSink<>(
                                outDir.resolve(config.kafka.topics.enrichedMentions + ".jsonl"),
                                OutputJson::enrichedMention),
                        new JsonLinesFileSink<>(
                                outDir.resolve(config.kafka.topics.deadLetters + ".jsonl"),
                                OutputJson::deadLetter),
                        new JsonLinesFileSink<>(
                                outDir.resolve(config.kafka.topics.brandMetrics + ".jsonl"),
                                OutputJson::brandMetrics),
                        new JsonLinesFileSink<>(
                                outDir.resolve(config.kafka.topics.alerts + ".jsonl"),
                                OutputJson::alert),
                        new JsonLinesFileSink<>(
                                outDir.resolve(config.kafka.topics.customerEngagement + ".jsonl"),
                                OutputJson::customerEngagement)));
    }
}
