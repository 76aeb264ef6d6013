package io.brandpulse.metrics;

/**
 * A brand's running count of open response cases, across windows (once per window, even when
 * re-emitted).
 */
public class OpenCases {
    public long open;
    public long lastWindowStart = Long.MIN_VALUE;

    public OpenCases() {}

    public long after(long windowStart, ResponseAccumulator window) {
        if (windowStart > lastWindowStart) {
            open = Math.max(0, open + window.opened - window.answered - window.expired);
            lastWindowStart = windowStart;
        }
        return open;
    }
}
