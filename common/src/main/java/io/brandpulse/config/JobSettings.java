package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/** How the job runs on Flink. */
public class JobSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public String name = "brandpulse-listening";

    /** Exactly-once output is committed at each checkpoint, so this is also the output latency. */
    public Duration checkpointInterval = Duration.ofSeconds(10);

    /**
     * Optional checkpoint directory (e.g. file:///data/checkpoints); the cluster's default
     * otherwise.
     */
    public String checkpointDirectory;

    /** Optional default parallelism; the cluster's or {@code flink run -p} otherwise. */
    public Integer parallelism;

    /** {@code hashmap} (heap) or {@code rocksdb}; the cluster's default when absent. */
    public StateBackend stateBackend;

    /** Flink's state backends, written as Flink names them ({@code state.backend.type}). */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
