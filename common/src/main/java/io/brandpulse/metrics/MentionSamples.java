package io.brandpulse.metrics;

import java.util.Arrays;

/**
 * The few most engaged mentions of a window (likes + reposts + comments; ties by id, so replays
 * agree), kept in a fixed-size array so that a window's state does not grow with its volume.
 */
public class MentionSamples {
    public static final int SIZE = 5;

    public String[] ids = new String[0];
    public long[] engagement = new long[0];

    public MentionSamples() {}

    public void offer(String id, long score) {
        int n = ids.length;
        int at = n;
        while (at > 0 && better(score, id, engagement[at - 1], ids[at - 1])) {
            at--;
        }
        if (at >= SIZE) {
            return;
        }
        int size = Math.min(SIZE, n + 1);
        String[] newIds = new String[size];
        long[] newScores = new long[size];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(engagement, 0, newScores, 0, at);
        newIds[at] = id;
        newScores[at] = score;
        System.arraycopy(ids, at, newIds, at + 1, size - at - 1);
        System.arraycopy(engagement, at, newScores, at + 1, size - at - 1);
        ids = newIds;
        engagement = newScores;
    }

    public void offerAll(MentionSamples other) {
        for (int i = 0; i < other.ids.length; i++) {
            offer(other.ids[i], other.engagement[i]);
        }
    }

    public String[] ids() {
        return Arrays.copyOf(ids, ids.length);
    }

    private static boolean better(long score, String id, long otherScore, String otherId) {
        return score > otherScore || (score == otherScore && id.compareTo(otherId) < 0);
    }
}
