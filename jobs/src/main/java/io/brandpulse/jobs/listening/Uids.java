package io.brandpulse.jobs.listening;

/**
 * Stable operator uids of the listening job. Savepoints map state to these strings: never change one that has
 * shipped, or the state of that operator is lost on upgrade.
 */
public final class Uids {
    public static final String MENTIONS_SOURCE = "mentions-source";
    public static final String PARSE = "parse-mentions";
    public static final String WATERMARKS = "mention-watermarks";
    public static final String DEDUPLICATE = "drop-duplicate-mentions";
    public static final String ENRICH = "enrich-mentions";
    public static final String ENRICHED_SINK = "enriched-mentions-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    public static final String BRAND_METRICS = "brand-metrics-windows";
    public static final String LATE_MENTIONS = "late-mentions-counter";
    public static final String BRAND_METRICS_SINK = "brand-metrics-sink";
    public static final String SHARE_OF_VOICE = "share-of-voice";
    public static final String ALERTS = "detect-incidents";
    public static final String RESPONSES = "track-response-deadlines";
    public static final String RESPONSE_METRICS = "response-metrics-windows";
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String WEBHOOK = "webhook-delivery";
    public static final String ENGAGEMENT = "score-customers";
    public static final String OPT_OUTS_SOURCE = "opt-outs-source";
    public static final String OPT_OUTS = "pseudonymize-opt-outs";
    public static final String ENGAGEMENT_SINK = "customer-engagement-sink";

    private Uids() {}
}
