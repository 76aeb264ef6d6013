package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference is generated from the classes; every key must have a meaning in
 * example.yaml.
 */
class ConfigReferenceTest {
    private static final Path EXAMPLE = Path.of("../config/example.yaml");

    @Test
    void everyKeyOfTheConfigurationClassesIsExplainedInTheExample() throws IOException {
        List<ConfigReference.Key> keys =
                ConfigReference.keys(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        assertTrue(keys.size() > 60, "all sections walked: " + keys.size());
        List<String> unexplained =
                keys.stream()
                        .filter(k -> k.meaning() == null)
                        .map(ConfigReference.Key::path)
                        .toList();
        assertEquals(List.of(), unexplained, "keys without a comment in config/example.yaml");
    }

    @Test
    void defaultsComeFromTheClassesAndMeaningsFromTheirLine() throws IOException {
        List<ConfigReference.Key> keys =
                ConfigReference.keys(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        ConfigReference.Key window =
                keys.stream()
                        .filter(k -> k.path().equals("metrics.window"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("15m", window.defaultValue(), "as people write it, not PT15M");
        assertTrue(window.meaning().contains("tumbling"), window.meaning());
        ConfigReference.Key minShare =
                keys.stream()
                        .filter(k -> k.path().equals("alerts.detectors.negativeSurge.minShare"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("0.45", minShare.defaultValue());
        assertTrue(
                keys.stream().anyMatch(k -> k.path().equals("brands[].rules[].near.within")),
                "lists of sections are walked");
    }

    /**
     * Typed defaults print as people write them: the reference reads the same as before durations
     * were typed.
     */
    @Test
    void typedDefaultsArePrintedInTheUsersNotation() throws IOException {
        Map<String, String> defaults =
                ConfigReference.keys(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8)).stream()
                        .collect(
                                Collectors.toMap(
                                        ConfigReference.Key::path,
                                        ConfigReference.Key::defaultValue));
        assertEquals("10s", defaults.get("job.checkpointInterval"));
        assertEquals("15m", defaults.get("metrics.window"));
        assertEquals(
                "24h",
                defaults.get("responses.medium"),
                "24h and 1d are the same Duration; each as the example writes it");
        assertEquals("1d", defaults.get("responses.waitForLateComplaint"));
        assertEquals("180d", defaults.get("engagement.forgetAfter"));
        assertEquals("1h", defaults.get("alerts.detectors.negativeSurge.span"));
        assertEquals("LOW", defaults.get("alerts.webhook.minSeverity"));
        assertEquals("generic", defaults.get("alerts.webhook.template"));
        assertEquals("earliest", defaults.get("kafka.startingOffsets"));
        assertEquals("", defaults.get("job.stateBackend"), "no default: the cluster's");
        assertEquals("", defaults.get("brands[].detectors"));
        List<String> iso =
                defaults.entrySet().stream()
                        .filter(e -> e.getValue().matches("P\\d*T?.*\\d.*"))
                        .map(Map.Entry::getKey)
                        .toList();
        assertEquals(List.of(), iso, "defaults printed in ISO-8601");
    }

    @Test
    void withoutTheExampleDurationsArePrintedInTheirLargestWholeUnit() {
        Map<String, String> defaults =
                ConfigReference.keys(List.of()).stream()
                        .collect(
                                Collectors.toMap(
                                        ConfigReference.Key::path,
                                        ConfigReference.Key::defaultValue));
        assertEquals("15m", defaults.get("metrics.window"));
        assertEquals("1d", defaults.get("responses.medium"));
        assertEquals("1d", defaults.get("responses.waitForLateComplaint"));
    }

    /**
     * The loader walks a file as read with the same walk: list elements by index, a brand's
     * detectors inside.
     */
    @Test
    void theWalkOverAFileAsReadNamesListElementsByIndex() throws IOException {
        JsonNode tree =
                new YAMLMapper()
                        .readTree(
                                """
                                brands:
                                  - id: a
                                  - id: b
                                    detectors: {crisisKeyword: {span: 2h}}
                                """);
        Map<String, Object> leaves = new LinkedHashMap<>();
        ConfigReference.walk(tree, (path, field, value) -> leaves.put(path, value));
        assertEquals("a", ((JsonNode) leaves.get("brands[0].id")).asText());
        assertTrue(
                leaves.containsKey("brands[0].detectors")
                        && leaves.get("brands[0].detectors") == null,
                "absent: one key");
        assertEquals(
                "2h", ((JsonNode) leaves.get("brands[1].detectors.crisisKeyword.span")).asText());
        assertEquals(
                new MetricsSettings().window,
                leaves.get("metrics.window"),
                "a section the file leaves out: its defaults");
        assertFalse(
                leaves.keySet().stream().anyMatch(p -> p.startsWith("brands[]")),
                "no element-type paths when the list has elements");
    }
}
