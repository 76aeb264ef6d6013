package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code analysisVersion} every output names: what it covers, and that it is stable. */
class AnalysisVersionTest {
    @Test
    void isAShortLowercaseHashAndStable() {
        String v = AnalysisVersion.current();
        assertTrue(v.matches("[0-9a-f]{12}"), v);
        assertEquals(v, AnalysisVersion.compute(), "computed again from the same classpath");
    }

    @Test
    void coversTheAnalysisCodeAndNotTheJobs() {
        TreeMap<String, byte[]> code = AnalysisVersion.codeFiles();
        assertTrue(
                code.containsKey("io/brandpulse/text/TextAnalyzer.class"), code.keySet()::toString);
        assertTrue(code.containsKey("io/brandpulse/text/sentiment/SentimentModel.class"));
        assertTrue(code.containsKey("io/brandpulse/ingest/MentionEnricher.class"));
        assertFalse(code.keySet().stream().anyMatch(n -> n.startsWith("io/brandpulse/config/")));
    }

    @Test
    void anyChangedByteOfAResourceOrClassChangesIt() {
        TreeMap<String, byte[]> resources = map("/sentiment/model.bin", "weights");
        TreeMap<String, byte[]> code = map("io/brandpulse/text/A.class", "code");
        String base = AnalysisVersion.of(resources, code, "10.3.2");

        assertEquals(base, AnalysisVersion.of(resources, code, "10.3.2"));
        assertNotEquals(
                base, AnalysisVersion.of(map("/sentiment/model.bin", "weightz"), code, "10.3.2"));
        assertNotEquals(
                base,
                AnalysisVersion.of(resources, map("io/brandpulse/text/A.class", "codf"), "10.3.2"));
        assertNotEquals(base, AnalysisVersion.of(resources, code, "10.4.0"), "another smartcn");
    }

    @Test
    void bytesMovedFromANameToTheNextDoNotCollide() {
        TreeMap<String, byte[]> a = map("/a", "xy");
        a.put("/b", bytes(""));
        TreeMap<String, byte[]> b = map("/a", "x");
        b.put("/b", bytes("y"));
        TreeMap<String, byte[]> none = new TreeMap<>();
        assertNotEquals(AnalysisVersion.of(a, none, "1"), AnalysisVersion.of(b, none, "1"));
    }

    private static TreeMap<String, byte[]> map(String name, String content) {
        TreeMap<String, byte[]> m = new TreeMap<>();
        m.put(name, bytes(content));
        return m;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
