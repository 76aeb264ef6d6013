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
 * {@code scripts/chaos upgrade} as an operator runs it, small, on the real local broker and
 * cluster: a job reads the first half of the replay, is stopped with a savepoint, and a job resumed
 * from it reads the rest. The "previous release" is this build's jar (the test must not build an
 * old commit), so this checks the machinery: the cut, {@code run-file --from-savepoint} as the
 * reference of the resumed job, and the comparison of each part with its own reference. A state
 * that does not survive the savepoint, or a record lost or repeated at the cut, fails it.
 */
class ChaosUpgradeITCase {
    @TempDir Path dir;

    @Test
    void aJobResumedFromASavepointWritesWhatAFileRunFromTheSameSavepointWrites() throws Exception {
        Scripts scripts = Scripts.withFreePorts(dir, Scripts.CHAOS_PORTS);
        Scripts.Result r =
                scripts.run(
                        Duration.ofMinutes(15),
                        "chaos",
                        "upgrade",
                        "--mentions",
                        "3000",
                        "--rate",
                        "100",
                        "--old-jar",
                        TestConfigs.ROOT.resolve("jobs/target/brandpulse-jobs.jar").toString(),
                        "--data",
                        TestConfigs.ROOT.resolve("../shared/data").toString());
        String out = r.output();
        assertEquals(0, r.exitCode(), out);
        assertTrue(out.contains("chaos upgrade: PASS"), out);
        for (String topic :
                new String[] {
                    "mentions-enriched", "alerts", "brand-metrics", "customer-engagement"
                }) {
            for (String part : new String[] {"previous", "upgraded"}) {
                Matcher row =
                        Pattern.compile(
                                        "(?m)^"
                                                + topic
                                                + " \\("
                                                + part
                                                + "\\) .*?(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+same$")
                                .matcher(out);
                assertTrue(row.find(), topic + " " + part + " compared and the same:\n" + out);
                assertTrue(
                        Long.parseLong(row.group(1)) > 0,
                        topic + " " + part + " had records to compare:\n" + out);
            }
        }
    }
}
