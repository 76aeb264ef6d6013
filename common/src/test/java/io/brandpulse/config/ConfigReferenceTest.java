package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration reference is generated from the classes; every key must have a meaning in example.yaml. */
class ConfigReferenceTest {
    private static final Path EXAMPLE = Path.of("../config/example.yaml");

    @Test
    void everyKeyOfTheConfigurationClassesIsExplainedInTheExample() throws IOException {
        List<ConfigReference.Key> keys = ConfigReference.keys(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        assertTrue(keys.size() > 60, "all sections walked: " + keys.size());
        List<String> unexplained = keys.stream().filter(k -> k.meaning() == null).map(ConfigReference.Key::path).toList();
        assertEquals(List.of(), unexplained, "keys without a comment in config/example.yaml");
    }

    @Test
    void defaultsComeFromTheClassesAndMeaningsFromTheirLine() throws IOException {
        List<ConfigReference.Key> keys = ConfigReference.keys(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        ConfigReference.Key window = keys.stream().filter(k -> k.path().equals("metrics.window")).findFirst().orElseThrow();
        assertEquals("15m", window.defaultValue(), "as people write it, not PT15M");
        assertTrue(window.meaning().contains("tumbling"), window.meaning());
        ConfigReference.Key minShare = keys.stream().filter(k -> k.path().equals("alerts.detectors.negativeSurge.minShare")).findFirst().orElseThrow();
        assertEquals("0.45", minShare.defaultValue());
        assertTrue(keys.stream().anyMatch(k -> k.path().equals("brands[].rules[].near.within")), "lists of sections are walked");
    }
}
