package io.brandpulse.jobs.cli;

import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Command-line arguments shared by the job mains: {@code --config FILE} plus overrides that win
 * over the file ({@code --set key.path=value}, repeatable, and the shortcut {@code
 * --bootstrap-servers HOST:PORT}).
 */
public final class JobArguments {
    public Path config;
    public final List<String> overrides = new ArrayList<>();
    public Path input;
    public Path out;

    /** {@code scripts/run-file --from-savepoint}: the savepoint a file run starts from. */
    public String fromSavepoint;

    /** {@code scripts/run-file --control}: a log of the control topic to start from. */
    public Path control;

    public boolean help;
    private ListeningConfig loaded;

    private JobArguments() {}

    /**
     * Parses {@code args}; {@code fileOptions} says whether {@code --input} and {@code --out} are
     * allowed.
     */
    public static JobArguments parse(String[] args, boolean fileOptions) {
        JobArguments a = new JobArguments();
        Set<String> withValue =
                fileOptions
                        ? Set.of(
                                "--config",
                                "--set",
                                "--bootstrap-servers",
                                "--input",
                                "--out",
                                "--from-savepoint",
                                "--control")
                        : Set.of("--config", "--set", "--bootstrap-servers");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                a.help = true;
                continue;
            }
            if (!withValue.contains(arg)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--config" -> a.config = Path.of(value);
                case "--set" -> a.overrides.add(value);
                case "--bootstrap-servers" -> a.overrides.add("kafka.bootstrapServers=" + value);
                case "--input" -> a.input = Path.of(value);
                case "--out" -> a.out = Path.of(value);
                case "--from-savepoint" -> a.fromSavepoint = value;
                case "--control" -> a.control = Path.of(value);
                default -> throw new IllegalStateException(arg);
            }
        }
        if (!a.help) {
            a.requireFile("--config", a.config);
            if (fileOptions) {
                a.requireFile("--input", a.input);
                if (a.control != null) {
                    a.requireFile("--control", a.control);
                }
                if (a.out == null) {
                    throw new UsageException("--out DIR is required");
                }
            }
        }
        return a;
    }

    /**
     * What a job main does with its command line: parse it and load the configuration, or print the
     * usage and end the process (0 after {@code --help}; 2, with the reason, on a bad option or
     * configuration).
     */
    public static JobArguments parseOrExit(String[] args, boolean fileOptions, String usage) {
        try {
            JobArguments arguments = parse(args, fileOptions);
            if (arguments.help) {
                System.err.println(usage);
                System.exit(0);
            }
            arguments.loaded = arguments.loadConfig();
            return arguments;
        } catch (UsageException | ConfigException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + usage);
            System.exit(2);
            throw e;
        }
    }

    /** The configuration loaded by {@link #parseOrExit}. */
    public ListeningConfig config() {
        return loaded;
    }

    public ListeningConfig loadConfig() {
        return new ConfigLoader().load(config, overrides);
    }

    private void requireFile(String option, Path file) {
        if (file == null) {
            throw new UsageException(option + " FILE is required");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + ": no such file");
        }
    }
}
