package io.brandpulse.metrics;

import io.brandpulse.model.ResponseEvent;
import io.brandpulse.model.ResponseStats;
import java.util.Arrays;

/**
 * A brand's response events of one window, pre-aggregated; response times kept (bounded) for
 * percentiles.
 */
public class ResponseAccumulator {
    /**
     * Response times kept per window for the percentiles: beyond, the window's percentiles use the
     * first ones.
     */
    static final int MAX_TIMES = 10_000;

    public long opened;
    public long answered;
    public long answeredWithinDeadline;
    public long overdue;
    public long expired;
    public long[] responseMillis = new long[0];

    public ResponseAccumulator() {}

    public void add(ResponseEvent e) {
        switch (e.kind) {
            case ResponseEvent.OPENED -> opened++;
            case ResponseEvent.ANSWERED -> {
                answered++;
                answeredWithinDeadline += e.withinDeadline ? 1 : 0;
                if (responseMillis.length < MAX_TIMES) {
                    responseMillis = Arrays.copyOf(responseMillis, responseMillis.length + 1);
                    responseMillis[responseMillis.length - 1] = e.responseMillis;
                }
            }
            case ResponseEvent.OVERDUE -> overdue++;
            default -> expired++;
        }
    }

    public ResponseAccumulator merge(ResponseAccumulator other) {
        opened += other.opened;
        answered += other.answered;
        answeredWithinDeadline += other.answeredWithinDeadline;
        overdue += other.overdue;
        expired += other.expired;
        int room = Math.max(0, MAX_TIMES - responseMillis.length);
        long[] merged =
                Arrays.copyOf(
                        responseMillis,
                        responseMillis.length + Math.min(room, other.responseMillis.length));
        System.arraycopy(
                other.responseMillis,
                0,
                merged,
                responseMillis.length,
                merged.length - responseMillis.length);
        responseMillis = merged;
        return this;
    }

    /** The window's stats; {@code openCases} is left to the caller, who keeps the running count. */
    public ResponseStats stats() {
        ResponseStats s = new ResponseStats();
        s.opened = opened;
        s.answered = answered;
        s.answeredWithinDeadline = answeredWithinDeadline;
        s.overdue = overdue;
        if (responseMillis.length > 0) {
            long[] sorted = responseMillis.clone();
            Arrays.sort(sorted);
            s.p50Minutes = percentile(sorted, 0.5) / 60_000.0;
            s.p90Minutes = percentile(sorted, 0.9) / 60_000.0;
        }
        return s;
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
