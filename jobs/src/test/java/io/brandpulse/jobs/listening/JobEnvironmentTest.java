package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.JobSettings;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {
    @Test
    void theListeningJobCheckpointsExactlyOnceCompressedWithTheConfiguredBackend() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings job = new JobSettings();
        job.stateBackend = JobSettings.StateBackend.ROCKSDB;
        JobEnvironment.configureStreaming(env, job);
        assertTrue(
                env.getConfiguration().get(ExecutionOptions.SNAPSHOT_COMPRESSION),
                "full snapshots are compressed");
        assertEquals("rocksdb", env.getConfiguration().get(StateBackendOptions.STATE_BACKEND));
        assertEquals(
                CheckpointingMode.EXACTLY_ONCE,
                env.getCheckpointConfig().getCheckpointingConsistencyMode());
        assertTrue(env.getConfiguration().get(PipelineOptions.OBJECT_REUSE));
    }
}
