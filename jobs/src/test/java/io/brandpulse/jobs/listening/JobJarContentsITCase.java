package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar data engineers submit carries the job only: the tools people run around it
 * (benchmarks, chaos, training, evaluation, replay and tail) live in tools/ and never ship to a
 * cluster. Runs after {@code package}.
 */
class JobJarContentsITCase {
    private static final Path JOB_JAR = TestConfigs.ROOT.resolve("jobs/target/brandpulse-jobs.jar");
    private static final Pattern TOOL_CLASS =
            Pattern.compile(
                    "io/brandpulse/.*/(Benchmark|Chaos|Train|Evaluate|Compare)[^/]*\\.class");

    @Test
    void theJobJarHoldsNoToolClass() throws IOException {
        assertTrue(
                Files.isRegularFile(JOB_JAR), "no job jar at " + JOB_JAR + " (run after package)");
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            List<String> ours =
                    jar.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith("io/brandpulse/") && n.endsWith(".class"))
                            .toList();
            assertTrue(
                    ours.stream()
                            .anyMatch(
                                    n ->
                                            n.equals(
                                                    "io/brandpulse/jobs/listening/ListeningJob.class")),
                    "the job's main class is in the jar");
            assertEquals(
                    List.of(),
                    ours.stream()
                            .filter(
                                    n ->
                                            TOOL_CLASS.matcher(n).matches()
                                                    || n.startsWith("io/brandpulse/tools/")
                                                    || n.startsWith("io/brandpulse/jobs/testing/"))
                            .toList());
            assertEquals(
                    "io.brandpulse.jobs.listening.ListeningJob",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }
}
