package io.brandpulse.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/chaos crash} as an operator runs it, small: the TaskManager of the real local
 * cluster is killed with SIGKILL while a replay runs, and the output topics, read read_committed,
 * must equal what scripts/run-file writes for the same input. An at-least-once sink, a lost
 * checkpoint or state that does not survive the crash shows up as missing or unexpected records.
 */
class ChaosCrashITCase {
    @TempDir Path dir;

    @Test
    void aKilledTaskManagerLosesAndDuplicatesNothing() throws Exception {
        Scripts scripts = Scripts.withFreePorts(dir, Scripts.CHAOS_PORTS);
        Scripts.Result r =
                scripts.run(
                        Duration.ofMinutes(15),
                        "chaos",
                        "crash",
                        "--mentions",
                        "3000",
                        "--rate",
                        "100",
                        "--kills",
                        "1",
                        "--data",
                        TestConfigs.ROOT.resolve("../shared/data").toString());
        String out = r.output();
        assertEquals(0, r.exitCode(), out);
        assertTrue(out.contains("chaos crash: PASS"), out);
        for (String topic :
                new String[] {
                    "mentions-enriched",
                    "mentions-dlq",
                    "alerts",
                    "brand-metrics",
                    "customer-engagement"
                }) {
            Matcher row =
                    Pattern.compile(
                                    "(?m)^"
                                            + topic
                                            + " .*?(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+same$")
                            .matcher(out);
            assertTrue(row.find(), topic + " compared and the same:\n" + out);
            assertTrue(
                    Long.parseLong(row.group(1)) > 0, topic + " had records to compare:\n" + out);
        }
        Matcher restarts = Pattern.compile("\"restarts\":(\\d+)").matcher(out);
        assertTrue(
                restarts.find() && Integer.parseInt(restarts.group(1)) >= 1,
                "the job really failed and recovered:\n" + out);
    }
}
