package io.brandpulse.alerts;

import java.util.Arrays;

/**
 * One severe term's life for one brand: how often it usually comes up (per hour, over the baseline
 * days, every use counted, including slang and old scandals in a positive or neutral mention), and
 * the recent non-positive uses (time, author, mention, engagement) within the detector's span.
 * Flink POJO, kept per (brand, term) in map state.
 */
public class CrisisTermWatch {
    static final long HOUR = 3_600_000L;

    /**
     * Recent uses kept: enough to count a few distinct authors and pick samples, bounded whatever
     * the storm.
     */
    static final int MAX_RECENT = 64;

    /** Hour numbers (epoch ms / 1 h) and uses per hour, a ring over the baseline days. */
    public long[] hours;

    public int[] uses;

    public long[] recentTimes = new long[0];
    public String[] recentAuthors = new String[0];
    public String[] recentIds = new String[0];
    public long[] recentEngagement = new long[0];
    public boolean[] recentReposts = new boolean[0];

    /** Severity ordinal of the complaint in each recent use, -1 when it was not a complaint. */
    public int[] recentSeverity = new int[0];

    /** Latest event time seen for this term. */
    public long latest = Long.MIN_VALUE;

    public CrisisTermWatch() {}

    public CrisisTermWatch(int baselineDays) {
        hours = new long[baselineDays * 24];
        Arrays.fill(hours, -1);
        uses = new int[baselineDays * 24];
    }

    void countUse(long time) {
        long hour = Math.floorDiv(time, HOUR);
        int i = (int) Math.floorMod(hour, (long) hours.length);
        if (hours[i] != hour) {
            if (hours[i] > hour) {
                return; // older than the ring remembers
            }
            hours[i] = hour;
            uses[i] = 0;
        }
        uses[i]++;
    }

    /** Uses in the hours [fromHour, toHour), 0 for hours with none. */
    long usesBetween(long fromHour, long toHour) {
        long sum = 0;
        for (int i = 0; i < hours.length; i++) {
            if (hours[i] >= fromHour && hours[i] < toHour) {
                sum += uses[i];
            }
        }
        return sum;
    }

    void addRecent(
            long time, String author, String id, long engagement, boolean repost, int severity) {
        int n = recentTimes.length;
        int drop = n >= MAX_RECENT ? 1 : 0; // the oldest goes
        recentTimes = append(Arrays.copyOfRange(recentTimes, drop, n), time);
        recentAuthors = append(Arrays.copyOfRange(recentAuthors, drop, n), author);
        recentIds = append(Arrays.copyOfRange(recentIds, drop, n), id);
        recentEngagement = append(Arrays.copyOfRange(recentEngagement, drop, n), engagement);
        boolean[] reposts = Arrays.copyOf(Arrays.copyOfRange(recentReposts, drop, n), n - drop + 1);
        reposts[n - drop] = repost;
        recentReposts = reposts;
        int[] severities = Arrays.copyOf(Arrays.copyOfRange(recentSeverity, drop, n), n - drop + 1);
        severities[n - drop] = severity;
        recentSeverity = severities;
    }

    /** Forgets recent uses older than {@code since}. */
    void forgetBefore(long since) {
        int keep = 0;
        for (long t : recentTimes) {
            if (t >= since) {
                keep++;
            }
        }
        if (keep == recentTimes.length) {
            return;
        }
        long[] times = new long[keep];
        String[] authors = new String[keep];
        String[] ids = new String[keep];
        long[] engagement = new long[keep];
        boolean[] reposts = new boolean[keep];
        int[] severity = new int[keep];
        int j = 0;
        for (int i = 0; i < recentTimes.length; i++) {
            if (recentTimes[i] >= since) {
                times[j] = recentTimes[i];
                authors[j] = recentAuthors[i];
                ids[j] = recentIds[i];
                engagement[j] = recentEngagement[i];
                reposts[j] = recentReposts[i];
                severity[j] = recentSeverity[i];
                j++;
            }
        }
        recentTimes = times;
        recentAuthors = authors;
        recentIds = ids;
        recentEngagement = engagement;
        recentReposts = reposts;
        recentSeverity = severity;
    }

    /** True when no use is remembered any more: the state can go. */
    boolean forgotten(long now) {
        long hour = Math.floorDiv(now, HOUR);
        for (long h : hours) {
            if (h >= 0 && hour - h < hours.length) {
                return false;
            }
        }
        return recentTimes.length == 0;
    }

    private static long[] append(long[] a, long v) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private static String[] append(String[] a, String v) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
