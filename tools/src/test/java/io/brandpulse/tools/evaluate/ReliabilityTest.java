package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
    @Test
    void aCalibratedModelHasNoGapAndAnOverconfidentOneIsMeasured() {
        Reliability calibrated = new Reliability();
        for (int i = 0; i < 10; i++) calibrated.add(0.8, i < 8); // says 0.8, right 8 times in 10
        for (int i = 0; i < 4; i++) calibrated.add(0.55, i < 2); // 0.55 said, right half the time
        assertEquals(0.8, calibrated.accuracyAt(0.8), 1e-12);
        // ECE: (10 * |0.8 - 0.8| + 4 * |0.55 - 0.5|) / 14
        assertEquals(4 * 0.05 / 14, calibrated.expectedCalibrationError(), 1e-12);

        Reliability overconfident = new Reliability();
        for (int i = 0; i < 10; i++) overconfident.add(0.95, i < 6);
        assertEquals(0.35, overconfident.expectedCalibrationError(), 1e-12);
    }

    @Test
    void theEdgesFallIntoTheirBinsAndEmptyBinsAreLeftOut() {
        Reliability r = new Reliability();
        r.add(1.0, true);
        r.add(0.0, false);
        r.add(1.7, true); // out of range: clamped to 1
        assertEquals(3, r.size());
        assertEquals(1.0, r.accuracyAt(0.95), 1e-12);
        assertEquals(0.0, r.accuracyAt(0.05), 1e-12);
        assertTrue(Double.isNaN(r.accuracyAt(0.5)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "t");
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("0.9 - 1.0") && table.contains("0.0 - 0.1"), table);
        assertTrue(!table.contains("0.5 - 0.6"), "no row for an empty bin: " + table);
        assertTrue(r.json().startsWith("{\"bins\":[{\"from\":0.0,\"texts\":1"), r.json());
    }
}
