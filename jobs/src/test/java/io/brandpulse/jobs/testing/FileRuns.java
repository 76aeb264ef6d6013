package io.brandpulse.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.listening.RunFileJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the file workflow (what scripts/run-file runs) on the test's MiniCluster, and reads what it
 * wrote.
 */
public final class FileRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileRuns() {}

    /**
     * Runs the workflow over {@code input} at parallelism 1, writing DIR/<topic>.jsonl into {@code
     * out}.
     */
    public static Path run(ListeningConfig config, Path input, Path out, String jobName)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        RunFileJob.defineFileWorkflow(env, config, input, out);
        env.execute(jobName);
        return out;
    }

    /** The records of a JSON-lines output file. */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }
}
