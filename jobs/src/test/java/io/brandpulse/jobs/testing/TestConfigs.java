package io.brandpulse.jobs.testing;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import java.nio.file.Path;
import java.util.List;

/** The demo configuration (config/demo.yaml), as the tests use it. */
public final class TestConfigs {
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path DEMO_CONFIG = ROOT.resolve("config/demo.yaml");
    public static final Path DEMO_SAMPLE = ROOT.resolve("config/samples/demo-mentions.jsonl");
    public static final String PSEUDONYM_KEY = "test-pseudonym-key-0123456789";

    private TestConfigs() {}

    public static ListeningConfig demo(String... overrides) {
        return new ConfigLoader(
                        name -> name.equals("BRANDPULSE_PSEUDONYM_KEY") ? PSEUDONYM_KEY : null)
                .load(DEMO_CONFIG, List.of(overrides));
    }
}
