package io.brandpulse.jobs.listening;

import io.brandpulse.config.JobSettings;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Applies {@code job.*} settings: exactly-once checkpoints retained on cancel and compressed, state
 * backend, parallelism.
 */
public final class JobEnvironment {
    private JobEnvironment() {}

    /**
     * How records travel. Every type on the wire is a Flink POJO or a basic type; a type that would
     * fall back to Kryo (slow, and not evolvable across savepoints) fails the job at submission
     * instead of slipping in.
     *
     * <p>Chained operators get a record without a copy (object reuse): without it Flink deep-copies
     * the enriched mention once for each of the six operators chained after enrichment, on the
     * busiest thread. This is safe because no operator changes a record it is given, and the ones
     * that keep records in state (deadlines, engagement, the unanswered gate) get them from a
     * network exchange, freshly deserialized. Keep it so.
     */
    public static void configureRecords(StreamExecutionEnvironment env) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(conf);
    }

    public static void configureStreaming(StreamExecutionEnvironment env, JobSettings job) {
        configureRecords(env);
        Configuration conf = new Configuration();
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // Full snapshots (every hashmap checkpoint, every savepoint) are compressed: customer state
        // is mostly the
        // 64-hex-digit pseudonym repeated per key and per timer, and small numbers. Restoring reads
        // either kind.
        conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        if (job.checkpointDirectory != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, job.checkpointDirectory);
        }
        if (job.stateBackend != null) {
            conf.set(StateBackendOptions.STATE_BACKEND, job.stateBackend.toString());
        }
        env.configure(conf);
        env.enableCheckpointing(job.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        if (job.parallelism != null) {
            env.setParallelism(job.parallelism);
        }
    }
}
