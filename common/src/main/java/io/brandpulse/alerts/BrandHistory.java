package io.brandpulse.alerts;

import io.brandpulse.model.BrandWindowMetrics;
import java.util.Arrays;

/**
 * What one brand's recent windows looked like: a ring of the last {@code baselineDays} days of
 * windows (volume, negatives, complaints per category), indexed by window number. A window that had
 * no mention is not stored and reads as 0; a window before the brand was first seen reads as
 * unknown. Flink POJO: kept in keyed state.
 */
public class BrandHistory {
    /** Complaint categories, in the order of {@link #complaints}' columns. */
    public static final String[] CATEGORIES = {
        "PRODUCT_QUALITY", "SERVICE", "COMMUNICATION", "LOGISTICS", "PRICE", "SAFETY_LEGAL", "OTHER"
    };

    public static final long UNKNOWN = -1;

    public long windowMillis;

    /**
     * Window numbers (windowStart / windowMillis) of the first and latest window seen; -1 before
     * any.
     */
    public long firstSlot = -1;

    public long lastSlot = -1;
    public long[] slots;
    public int[] volume;
    public int[] negative;

    /** Row-major: complaints[index * CATEGORIES.length + category]. */
    public int[] complaints;

    public BrandHistory() {}

    public BrandHistory(long windowMillis, int baselineDays) {
        this.windowMillis = windowMillis;
        int capacity = (int) (baselineDays * 86_400_000L / windowMillis) + 8;
        slots = new long[capacity];
        Arrays.fill(slots, -1);
        volume = new int[capacity];
        negative = new int[capacity];
        complaints = new int[capacity * CATEGORIES.length];
    }

    public long slotOf(long windowStart) {
        return Math.floorDiv(windowStart, windowMillis);
    }

    public int slotsPerDay() {
        return (int) Math.max(1, 86_400_000L / windowMillis);
    }

    public int slotsIn(long millis) {
        return (int) Math.max(1, millis / windowMillis);
    }

    public boolean isEmpty() {
        return firstSlot < 0;
    }

    /** Windows of history before {@code slot}. */
    public long windowsBefore(long slot) {
        return isEmpty() ? 0 : Math.max(0, slot - firstSlot);
    }

    /** Stores a window (again, when it is re-emitted with late mentions). */
    public void record(BrandWindowMetrics m) {
        long slot = slotOf(m.windowStart);
        int i = index(slot);
        if (slots[i] != slot) {
            slots[i] = slot;
            Arrays.fill(complaints, i * CATEGORIES.length, (i + 1) * CATEGORIES.length, 0);
        }
        volume[i] = (int) Math.min(Integer.MAX_VALUE, m.volume);
        negative[i] = (int) Math.min(Integer.MAX_VALUE, m.negative);
        for (int c = 0; c < CATEGORIES.length; c++) {
            complaints[i * CATEGORIES.length + c] =
                    m.complaintCategories.getOrDefault(CATEGORIES[c], 0L).intValue();
        }
        firstSlot = firstSlot < 0 ? slot : Math.min(firstSlot, slot);
        lastSlot = Math.max(lastSlot, slot);
    }

    /**
     * True from the brand's first window on, as long as the ring still remembers it; a window after
     * the latest one stored (the quiet hour before the window being judged) is known too, and had
     * no mentions.
     */
    public boolean known(long slot) {
        return !isEmpty() && slot >= firstSlot && lastSlot - slot < slots.length;
    }

    /**
     * Volume of a window, 0 when it had no mentions, {@link #UNKNOWN} before the brand was seen or
     * too long ago.
     */
    public long volume(long slot) {
        return value(slot, volume);
    }

    public long negative(long slot) {
        return value(slot, negative);
    }

    public long complaints(long slot, int category) {
        if (!known(slot)) {
            return UNKNOWN;
        }
        int i = index(slot);
        return slots[i] == slot ? complaints[i * CATEGORIES.length + category] : 0;
    }

    private long value(long slot, int[] column) {
        if (!known(slot)) {
            return UNKNOWN;
        }
        int i = index(slot);
        return slots[i] == slot ? column[i] : 0;
    }

    private int index(long slot) {
        return (int) Math.floorMod(slot, (long) slots.length);
    }
}
