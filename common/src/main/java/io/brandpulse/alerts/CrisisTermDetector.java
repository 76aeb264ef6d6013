package io.brandpulse.alerts;

import io.brandpulse.config.DetectorSettings;
import io.brandpulse.config.Durations;
import io.brandpulse.model.AlertEvidence;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code CRISIS_KEYWORD}: a severe term fires on a few distinct authors, not on a rate, judged
 * against the term's own history for the brand. A term new to the brand fires on {@code minAuthors}
 * authors writing it in non-positive mentions within the span; a term that is everyday chatter for
 * the brand (an old scandal, slang such as 中毒 for "hooked") needs {@code burstRatio} times its
 * usual count on top. Before a day of history the usual count is unknown, so {@code warmUpFactor}
 * times more authors are needed.
 */
public final class CrisisTermDetector {
    private CrisisTermDetector() {}

    /**
     * One use of a severe term in a mention about the brand (spam and the brand's own posts never
     * get here).
     */
    public record Use(
            String term,
            long time,
            String author,
            String mentionId,
            long engagement,
            boolean repost,
            boolean positive,
            String complaintSeverity) {}

    /**
     * Counts the use and says whether the term now fires.
     *
     * @param brandSince event time the brand was first seen (its history starts there), or
     *     Long.MAX_VALUE if never
     * @return the detection, or null
     */
    public static Detection observe(
            CrisisTermWatch watch,
            Use use,
            long brandSince,
            long windowMillis,
            DetectorSettings settings) {
        DetectorSettings.CrisisKeyword s = settings.crisisKeyword;
        long span = s.span.toMillis();
        watch.countUse(use.time());
        if (use.positive()) {
            return null; // "好喝到中毒": part of the baseline, never evidence of a crisis
        }
        int severity =
                use.complaintSeverity() == null
                        ? -1
                        : Severity.of(use.complaintSeverity()).ordinal();
        watch.addRecent(
                use.time(),
                use.author(),
                use.mentionId(),
                use.engagement(),
                use.repost(),
                severity);
        watch.latest = Math.max(watch.latest, use.time());
        watch.forgetBefore(watch.latest - span);
        if (!s.enabled || use.time() < watch.latest - span) {
            return null;
        }
        Set<String> authors = new HashSet<>(Arrays.asList(watch.recentAuthors));
        int observed = authors.size();

        long nowHour = Math.floorDiv(watch.latest, CrisisTermWatch.HOUR);
        long spanHours = Math.max(1, (span + CrisisTermWatch.HOUR - 1) / CrisisTermWatch.HOUR);
        long baselineEnd = nowHour - spanHours; // the burst itself is never part of its baseline
        long since =
                brandSince == Long.MAX_VALUE
                        ? nowHour
                        : Math.floorDiv(brandSince, CrisisTermWatch.HOUR);
        long baselineStart =
                Math.max(
                        since,
                        nowHour
                                - watch.hours.length
                                + 1); // the ring holds hours.length hours, the current one included
        long historyHours = Math.max(0, baselineEnd - baselineStart);
        double expected =
                historyHours == 0
                        ? 0
                        : (double) watch.usesBetween(baselineStart, baselineEnd)
                                / historyHours
                                * spanHours;
        double threshold = s.minAuthors + s.burstRatio * expected;
        boolean warmingUp =
                watch.latest - (brandSince == Long.MAX_VALUE ? watch.latest : brandSince)
                        < 24 * CrisisTermWatch.HOUR;
        if (warmingUp) {
            threshold = Math.max(threshold, s.minAuthors * s.warmUpFactor);
        }
        if (observed < threshold) {
            return null;
        }
        Severity level = Severity.MEDIUM;
        int reposts = 0;
        for (int i = 0; i < watch.recentTimes.length; i++) {
            if (watch.recentSeverity[i] >= 0) {
                level = level.atLeast(Severity.values()[watch.recentSeverity[i]]);
            }
            reposts += watch.recentReposts[i] ? 1 : 0;
        }
        if (observed >= 2 * threshold) {
            level = level.atLeast(Severity.HIGH);
        }
        if (observed >= 5 * threshold) {
            level = Severity.CRITICAL;
        }
        double score = (observed - expected) / Math.sqrt(Math.max(expected, 1));
        AlertEvidence evidence = new AlertEvidence();
        evidence.keywords = new String[] {use.term()};
        evidence.driverTerms = new String[0];
        evidence.sampleMentionIds = mostEngaged(watch, 5);
        evidence.mentions = watch.recentTimes.length;
        evidence.uniqueAuthors = observed;
        evidence.repostShare = Stats.round((double) reposts / watch.recentTimes.length);
        evidence.negativeShare = 1.0;
        String spanText = Durations.format(s.span); // formatted only when the term fires
        String summary =
                String.format(
                        Locale.ROOT,
                        "'%s' in non-positive mentions by %d authors within %s; usually %.2f uses"
                                + " in %s for this brand (threshold %.1f%s)",
                        use.term(),
                        observed,
                        spanText,
                        expected,
                        spanText,
                        threshold,
                        warmingUp ? ", history under a day" : "");
        long windowStart = Math.floorDiv(use.time(), windowMillis) * windowMillis;
        return new Detection(
                AlertType.CRISIS_KEYWORD,
                level,
                windowStart,
                windowStart + windowMillis,
                use.time(),
                observed,
                Stats.round(expected),
                Stats.round(score),
                Stats.round(threshold),
                summary,
                evidence);
    }

    private static String[] mostEngaged(CrisisTermWatch w, int limit) {
        Integer[] order = new Integer[w.recentIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) ->
                        w.recentEngagement[a] != w.recentEngagement[b]
                                ? Long.compare(w.recentEngagement[b], w.recentEngagement[a])
                                : w.recentIds[a].compareTo(w.recentIds[b]));
        return Arrays.stream(order)
                .limit(limit)
                .map(i -> w.recentIds[i])
                .distinct()
                .toArray(String[]::new);
    }
}
