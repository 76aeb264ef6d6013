package io.brandpulse.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.model.BrandWindowMetrics;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandHistoryTest {
    private static final long WINDOW = 15 * 60_000L;
    private static final long T = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

    private static BrandWindowMetrics window(
            long start, long volume, long negative, Map<String, Long> complaints) {
        BrandWindowMetrics w = new BrandWindowMetrics();
        w.windowStart = start;
        w.windowEnd = start + WINDOW;
        w.volume = volume;
        w.negative = negative;
        w.complaintCategories.putAll(complaints);
        return w;
    }

    private static int category(String name) {
        return Arrays.asList(BrandHistory.CATEGORIES).indexOf(name);
    }

    @Test
    void aNewHistoryIsEmptyAndKnowsNothing() {
        BrandHistory h = new BrandHistory(WINDOW, 7);
        assertTrue(h.isEmpty());
        assertEquals(0, h.windowsBefore(h.slotOf(T)));
        assertEquals(BrandHistory.UNKNOWN, h.volume(h.slotOf(T)));
        assertEquals(96, h.slotsPerDay());
        assertEquals(4, h.slotsIn(3_600_000L));
    }

    @Test
    void recordedWindowsReadBackAndAWindowWithoutMentionsReadsZero() {
        BrandHistory h = new BrandHistory(WINDOW, 7);
        h.record(window(T, 10, 3, Map.of("SERVICE", 2L)));
        h.record(window(T + 2 * WINDOW, 20, 6, Map.of("SAFETY_LEGAL", 1L)));
        long s = h.slotOf(T);

        assertEquals(10, h.volume(s));
        assertEquals(3, h.negative(s));
        assertEquals(2, h.complaints(s, category("SERVICE")));
        assertEquals(0, h.complaints(s, category("PRICE")));
        assertEquals(0, h.volume(s + 1), "no mention in that window: 0, not unknown");
        assertEquals(0, h.negative(s + 1));
        assertEquals(0, h.complaints(s + 1, category("SERVICE")));
        assertEquals(20, h.volume(s + 2));
        assertEquals(1, h.complaints(s + 2, category("SAFETY_LEGAL")));
        assertEquals(BrandHistory.UNKNOWN, h.volume(s - 1), "before the brand was first seen");
        assertEquals(BrandHistory.UNKNOWN, h.complaints(s - 1, 0));
        assertEquals(2, h.windowsBefore(s + 2));
    }

    @Test
    void aReEmittedWindowReplacesItsValues() {
        BrandHistory h = new BrandHistory(WINDOW, 7);
        h.record(window(T, 10, 3, Map.of("SERVICE", 2L, "PRICE", 1L)));
        h.record(window(T + WINDOW, 5, 1, Map.of()));
        h.record(window(T, 12, 4, Map.of("SERVICE", 3L)));
        long s = h.slotOf(T);

        assertEquals(12, h.volume(s), "the latest emission of a window counts, it is not added");
        assertEquals(4, h.negative(s));
        assertEquals(3, h.complaints(s, category("SERVICE")));
        assertEquals(0, h.complaints(s, category("PRICE")));
        assertEquals(s + 1, h.lastSlot);
    }

    @Test
    void theRingForgetsWhatIsOlderThanItsDays() {
        BrandHistory h = new BrandHistory(WINDOW, 1);
        int capacity = h.slots.length;
        long first = h.slotOf(T);
        for (int i = 0; i < 3 * capacity; i++) {
            h.record(window(T + i * WINDOW, i + 1, 0, Map.of()));
        }
        long last = first + 3 * capacity - 1;
        assertEquals(last, h.lastSlot);
        assertEquals(3 * capacity, h.volume(last));
        assertEquals(3 * capacity - 95, h.volume(last - 95), "a day ago is remembered");
        assertEquals(
                BrandHistory.UNKNOWN,
                h.volume(last - capacity),
                "beyond the ring is unknown, never a wrong value");
        assertEquals(BrandHistory.UNKNOWN, h.volume(first));
        assertFalse(h.known(first));
        assertEquals(
                3L * capacity - 1,
                h.windowsBefore(last),
                "history started at the first window, even if forgotten");
    }
}
