package io.brandpulse.engagement;

import io.brandpulse.config.EngagementSettings;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.EnrichedMention;
import java.util.Arrays;

/**
 * Folds a customer's interactions into their {@link CustomerState} and scores it. The score (0–100)
 * is 80% the quality of the best recent interactions (a weighted top 5, decayed by the half-life:
 * forty low-effort comments average a low-effort comment, one excellent review counts as half of
 * five) and 20% consistency (days with a meaningful interaction over the last two months).
 * Sentiment does not lower the score: a detailed complaint is valuable engagement; it decides the
 * tier instead.
 */
public final class EngagementScorer {
    static final int TOP = 5;

    /** Weights of the best, second best... interactions. */
    static final double[] TOP_WEIGHTS = {1, 0.5, 0.25, 0.125, 0.0625};

    static final double TOP_WEIGHT_SUM = 1.9375;

    /**
     * An interaction of at least this quality is meaningful (counts for consistency and the engaged
     * history).
     */
    static final double MEANINGFUL = 25;

    /** Active days for full consistency. */
    static final int CONSISTENT_DAYS = 6;

    static final int REMEMBERED_CONTENTS = 4;

    /** Quality points an interaction gains when the brand replied to it. */
    static final double REPLY_BONUS = 10;

    static final long DAY = 86_400_000L;
    static final double FAST = 0.5;
    static final double SLOW = 0.1;

    /** How far below the slow average the fast one must fall after one negative post. */
    static final double LOYAL_TURN = 0.45;

    public static final String ADVOCATE = "ADVOCATE";
    public static final String ENGAGED = "ENGAGED";
    public static final String CASUAL = "CASUAL";
    public static final String AT_RISK = "AT_RISK";
    public static final String DORMANT = "DORMANT";

    private final long halfLife;
    private final long dormantAfter;

    public EngagementScorer(EngagementSettings settings) {
        this.halfLife = settings.halfLife.toMillis();
        this.dormantAfter = settings.dormantAfter.toMillis();
    }

    /** Adds an interaction (the customer's own mention about the brand). */
    public void add(CustomerState s, EnrichedMention m) {
        long t = m.createdAt;
        s.interactions++;
        s.firstInteractionAt = s.interactions == 1 ? t : Math.min(s.firstInteractionAt, t);
        s.lastInteractionAt = Math.max(s.lastInteractionAt, t);
        double quality = InteractionQuality.of(m).total();
        if (repeatsContent(s, m.analysis.duplicateKey)) {
            quality = 0; // the same post again is not a second interaction's worth
        }
        if (m.analysis.spam || quality == 0) {
            return;
        }
        keepIfAmongBest(s, (float) quality, t);
        if (m.analysis.sentimentConfidence > 0) {
            float sentiment = (float) Math.max(-1, Math.min(1, m.analysis.sentimentScore));
            if (!s.sentimentSeen) {
                s.sentimentSeen = true;
                s.fastSentiment = sentiment;
                s.slowSentiment = sentiment;
            } else {
                s.fastSentiment += (float) (FAST * (sentiment - s.fastSentiment));
                s.slowSentiment += (float) (SLOW * (sentiment - s.slowSentiment));
            }
        }
        if (quality >= MEANINGFUL) {
            s.meaningfulInteractions++;
            markActiveDay(s, Math.floorDiv(t, DAY));
            s.negativeStreak =
                    "negative".equals(m.analysis.sentimentLabel) ? s.negativeStreak + 1 : 0;
        }
    }

    /** The customer's record as of event time {@code now}. */
    public CustomerEngagement score(String customerKey, String brand, CustomerState s, long now) {
        double quality = 0;
        double[] decayed = new double[s.topQuality.length];
        for (int i = 0; i < decayed.length; i++) {
            decayed[i] =
                    s.topQuality[i]
                            * Math.pow(2, -(double) Math.max(0, now - s.topTime[i]) / halfLife);
        }
        Arrays.sort(decayed);
        for (int i = 0; i < decayed.length; i++) {
            quality += TOP_WEIGHTS[i] * decayed[decayed.length - 1 - i];
        }
        quality /= TOP_WEIGHT_SUM;
        double consistency =
                Math.min(
                        1.0,
                        (double) Long.bitCount(activeDaysAsOf(s, Math.floorDiv(now, DAY)))
                                / CONSISTENT_DAYS);
        double recency = Math.pow(2, -(double) Math.max(0, now - s.lastInteractionAt) / halfLife);
        double score = Math.min(100, 0.8 * quality + 20 * consistency);
        double trend = s.fastSentiment - s.slowSentiment;

        CustomerEngagement e = new CustomerEngagement();
        e.customerKey = customerKey;
        e.brand = brand;
        e.score = round(score);
        e.quality = round(quality);
        e.consistency = round(100 * consistency);
        e.recency = round(100 * recency);
        e.sentiment = round(s.slowSentiment);
        e.sentimentTrend = round(trend);
        e.interactions = s.interactions;
        e.meaningfulInteractions = s.meaningfulInteractions;
        e.brandRepliesReceived = s.repliesReceived;
        e.firstInteractionAt = s.firstInteractionAt;
        e.lastInteractionAt = s.lastInteractionAt;
        e.asOf = now;
        e.tier = tier(s, score, now);
        e.churnRisk =
                round(
                        Math.min(
                                1,
                                Math.max(
                                        e.tier.equals(AT_RISK) ? 0.5 : 0,
                                        0.6 * Math.max(0, -trend) + 0.4 * (1 - recency))));
        e.scoreChange = s.emittedScore < 0 ? e.score : round(e.score - s.emittedScore);
        return e;
    }

    String tier(CustomerState s, double score, long now) {
        if (now - s.lastInteractionAt >= dormantAfter) {
            return DORMANT;
        }
        boolean engagedHistory = s.meaningfulInteractions >= 3;
        double turn = s.slowSentiment - s.fastSentiment;
        // An engaged customer whose latest detailed posts turned negative; or a loyal one (the long
        // average still positive) whose latest detailed post alone is clearly negative: with the
        // averages' rates, a turn of 0.45 is a post at least 1.1 below the customer's history
        // (+0.8 then -0.35), so the crisis team hears of it at the first angry post, not the
        // second.
        boolean turnedTwice = s.negativeStreak >= 2 && turn >= 0.3;
        boolean loyalTurnedOnce =
                s.negativeStreak >= 1 && s.slowSentiment >= 0.2 && turn >= LOYAL_TURN;
        if (engagedHistory && (turnedTwice || loyalTurnedOnce)) {
            return AT_RISK;
        }
        if (score >= 55 && s.slowSentiment >= 0.2 && s.meaningfulInteractions >= 2) {
            return ADVOCATE;
        }
        return score >= 30 ? ENGAGED : CASUAL;
    }

    /**
     * The brand answered one of the customer's mentions (a complaint or a question): that
     * interaction was worth answering, and counts {@link #REPLY_BONUS} points more if it is among
     * the customer's best.
     */
    public void replyReceived(CustomerState s, long interactionAt) {
        s.repliesReceived++;
        for (int i = 0; i < s.topTime.length; i++) {
            if (s.topTime[i] == interactionAt) {
                s.topQuality[i] = (float) Math.min(100, s.topQuality[i] + REPLY_BONUS);
                return;
            }
        }
    }

    /** When the customer becomes DORMANT if nothing happens. */
    public long dormantAt(CustomerState s) {
        return s.lastInteractionAt + dormantAfter;
    }

    private void keepIfAmongBest(CustomerState s, float quality, long t) {
        double rank = rank(quality, t);
        int n = s.topQuality.length;
        int worst = -1;
        double worstRank = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = rank(s.topQuality[i], s.topTime[i]);
            if (r < worstRank) {
                worstRank = r;
                worst = i;
            }
        }
        if (n < TOP) {
            s.topQuality = Arrays.copyOf(s.topQuality, n + 1);
            s.topTime = Arrays.copyOf(s.topTime, n + 1);
            s.topQuality[n] = quality;
            s.topTime[n] = t;
        } else if (rank > worstRank) {
            s.topQuality[worst] = quality;
            s.topTime[worst] = t;
        }
    }

    /**
     * Decayed value at any later time is 2^(rank - now / halfLife): the order of ranks never
     * changes.
     */
    private double rank(double quality, long t) {
        return Math.log(quality) / Math.log(2) + (double) t / halfLife;
    }

    private static boolean repeatsContent(CustomerState s, String duplicateKey) {
        if (duplicateKey == null) {
            return false;
        }
        long key = Long.parseUnsignedLong(duplicateKey, 16);
        for (long seen : s.recentContent) {
            if (seen == key) {
                return true;
            }
        }
        int n = Math.min(s.recentContent.length, REMEMBERED_CONTENTS - 1);
        long[] kept = new long[n + 1];
        System.arraycopy(s.recentContent, s.recentContent.length - n, kept, 0, n);
        kept[n] = key;
        s.recentContent = kept;
        return false;
    }

    private static void markActiveDay(CustomerState s, long day) {
        if (s.lastDay == Long.MIN_VALUE) {
            s.lastDay = day;
            s.activeDays = 1;
        } else if (day > s.lastDay) {
            long shift = day - s.lastDay;
            s.activeDays = shift >= 64 ? 1 : (s.activeDays << shift) | 1;
            s.lastDay = day;
        } else if (s.lastDay - day < 64) {
            s.activeDays |= 1L << (s.lastDay - day);
        }
    }

    private static long activeDaysAsOf(CustomerState s, long today) {
        if (s.lastDay == Long.MIN_VALUE) {
            return 0;
        }
        long shift = today - s.lastDay;
        return shift <= 0 ? s.activeDays : shift >= 64 ? 0 : s.activeDays << shift;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
