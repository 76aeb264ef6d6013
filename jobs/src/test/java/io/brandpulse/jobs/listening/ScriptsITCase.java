package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands as a new user runs them: {@code scripts/demo} and {@code scripts/run-file}. */
class ScriptsITCase {
    @TempDir
    Path dir;

    @Test
    void demoRunsByItselfAndShowsMentionsAndDeadLetters() throws Exception {
        Scripts scripts = new Scripts(dir)
                .with("DEMO_KAFKA_PORT", Integer.toString(Scripts.freePort()))
                .with("DEMO_KAFKA_CONTROLLER_PORT", Integer.toString(Scripts.freePort()));
        String output = scripts.runOk(Duration.ofMinutes(5), "demo");
        assertTrue(output.contains("demo ok: 19 enriched mentions, 6 dead letters from 26 records"), output);
        assertTrue(output.contains("[brand reply]") && output.contains("INVALID_JSON"), output);
        assertTrue(output.contains("kafka stopped"), "the demo stops what it started:\n" + output);
    }

    @Test
    void runFileWritesEveryOutputStreamAsJsonLines() throws Exception {
        Path out = dir.resolve("out");
        new Scripts(dir).runOk(Duration.ofMinutes(3), "run-file", "--config", TestConfigs.DEMO_CONFIG.toString(),
                "--input", TestConfigs.DEMO_SAMPLE.toString(), "--out", out.toString());
        assertEquals(19, Files.readAllLines(out.resolve("mentions-enriched.jsonl")).size());
        assertEquals(6, Files.readAllLines(out.resolve("mentions-dlq.jsonl")).size());
    }

    @Test
    void aBadConfigurationIsAClearErrorNamingTheKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "privacy:\n  pseudonymKey: a-long-enough-pseudonym-key\nkafka:\n  bootstrapServer: x:1\n");
        Scripts.Result r = new Scripts(dir).run(Duration.ofMinutes(2), "run-file", "--config", config.toString(),
                "--input", TestConfigs.DEMO_SAMPLE.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("unknown key 'kafka.bootstrapServer'"), r.output());
    }
}
