package io.brandpulse.jobs.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's scripts as a user would, with their own environment (ports, run directory).
 */
public final class Scripts {
    private final Map<String, String> environment = new HashMap<>();
    private final Path logDir;

    public Scripts(Path runDir) throws IOException {
        this.logDir = runDir.resolve("script-output");
        Files.createDirectories(logDir);
        environment.put("BRANDPULSE_RUN_DIR", runDir.toString());
    }

    /** The ports of scripts/kafka and scripts/flink-cluster. */
    public static final List<String> SERVICE_PORTS =
            List.of(
                    "KAFKA_PORT",
                    "KAFKA_CONTROLLER_PORT",
                    "FLINK_REST_PORT",
                    "FLINK_RPC_PORT",
                    "FLINK_PROMETHEUS_PORT",
                    "FLINK_PROMETHEUS_TM_PORT");

    /** The same ports as scripts/chaos names them (its services never meet the user's). */
    public static final List<String> CHAOS_PORTS =
            List.of(
                    "CHAOS_KAFKA_PORT",
                    "CHAOS_KAFKA_CONTROLLER_PORT",
                    "CHAOS_FLINK_REST_PORT",
                    "CHAOS_FLINK_RPC_PORT",
                    "CHAOS_PROMETHEUS_PORT",
                    "CHAOS_PROMETHEUS_TM_PORT");

    /**
     * Scripts whose services listen on free ports of their own ({@link #SERVICE_PORTS} or {@link
     * #CHAOS_PORTS}), so a test never meets a user's services or another test's.
     */
    public static Scripts withFreePorts(Path runDir, List<String> portVariables)
            throws IOException {
        // in one call: separate calls can return the same port twice
        int[] ports = freePorts(portVariables.size());
        Scripts scripts = new Scripts(runDir);
        for (int i = 0; i < ports.length; i++) {
            scripts.with(portVariables.get(i), Integer.toString(ports[i]));
        }
        return scripts;
    }

    public Scripts with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public String env(String name) {
        return environment.get(name);
    }

    public record Result(int exitCode, String output) {}

    /** Runs {@code scripts/<name> args...} from the project root; stdout and stderr together. */
    public Result run(Duration timeout, String name, String... args)
            throws IOException, InterruptedException {
        return run(timeout, null, name, args);
    }

    /**
     * Runs a script with a file as its standard input; returns its standard output (stderr is
     * dropped).
     */
    public String pipe(Duration timeout, Path stdin, String name, String... args)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(logDir, name, ".stdout");
        Result r = run(timeout, new Path[] {stdin, stdout}, name, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(
                    "scripts/" + name + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private Result run(Duration timeout, Path[] pipe, String name, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(TestConfigs.ROOT.resolve("scripts").resolve(name).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile(logDir, name, ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(TestConfigs.ROOT.toFile());
        if (pipe == null) {
            pb.redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        } else {
            pb.redirectInput(pipe[0].toFile())
                    .redirectOutput(pipe[1].toFile())
                    .redirectError(output.toFile());
        }
        pb.environment().putAll(environment);
        Process process = pb.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    "scripts/"
                            + name
                            + " did not finish in "
                            + timeout
                            + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Like {@link #run}, and fails the test with the script's output when it does not exit 0. */
    public String runOk(Duration timeout, String name, String... args)
            throws IOException, InterruptedException {
        Result r = run(timeout, name, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(
                    "scripts/"
                            + name
                            + " "
                            + String.join(" ", args)
                            + " exited "
                            + r.exitCode()
                            + ":\n"
                            + r.output());
        }
        return r.output();
    }

    /**
     * {@code count} distinct free loopback ports. The sockets stay open until all are chosen:
     * asking for one port at a time lets the operating system hand out the same port twice (CI once
     * gave Kafka's two listeners one port).
     */
    public static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) s.close();
            }
        }
    }
}
