package io.brandpulse.jobs.listening;

/**
 * Every stage of the listening job, each with the one name it shows (web UI, logs, task threads,
 * the {@code operator_name} of its metrics) and its stable uid; the workflow takes both from the
 * same constant. A stage with an operator class of its own is named after it ({@code
 * DetectIncidents}: {@link #DETECT_INCIDENTS}, "detect incidents"); a filter or map of the workflow
 * after what it lets through; a source or sink after its stream.
 *
 * <p>Savepoints map state to the uid strings: never change one that has shipped, or the state of
 * that operator is lost on upgrade. A uid may be older than its stage's name and keep the old
 * string (complete brand metrics began as share of voice; the filters were named after the stage
 * they feed). {@code OperatorUidsTest} compares the job's uids with {@code
 * jobs/src/test/resources/operator-uids.txt}, so a changed uid fails the build.
 */
public final class Uids {
    /** One stage of the job: the name it shows and the uid its state is saved under. */
    public record Stage(String name, String uid) {}

    public static final Stage MENTIONS_SOURCE = new Stage("mentions", "mentions-source");

    public static final Stage PARSE_MENTIONS = new Stage("parse mentions", "parse-mentions");

    /** {@link io.brandpulse.jobs.operators.MentionTimestamps}: event time starts here. */
    public static final Stage MENTION_WATERMARKS =
            new Stage("mention watermarks", "mention-watermarks");

    public static final Stage DROP_DUPLICATE_MENTIONS =
            new Stage("drop duplicate mentions", "drop-duplicate-mentions");
    public static final Stage ENRICH_MENTIONS = new Stage("enrich mentions", "enrich-mentions");
    public static final Stage ENRICHED_MENTIONS_SINK =
            new Stage("enriched mentions sink", "enriched-mentions-sink");
    public static final Stage TRIM_FOR_KEYED_STAGES =
            new Stage("trim for keyed stages", "enrich-mentions-trim");
    public static final Stage DEAD_LETTER_SINK = new Stage("dead letter sink", "dead-letter-sink");

    public static final Stage MENTIONS_WITH_A_BRAND =
            new Stage("mentions with a brand", "brand-metrics-windows-filter");

    /**
     * {@link io.brandpulse.jobs.operators.AggregateBrandMetrics} and {@link
     * io.brandpulse.jobs.operators.CompleteBrandWindow}.
     */
    public static final Stage BRAND_METRICS_WINDOWS =
            new Stage("brand metrics windows", "brand-metrics-windows");

    public static final Stage COUNT_LATE_MENTIONS =
            new Stage("count late mentions", "late-mentions-counter");
    public static final Stage WINDOWS_TO_COMPLETE =
            new Stage("windows to complete", "share-of-voice-windows");
    public static final Stage RESPONSES_TO_COMPLETE =
            new Stage("response stats to complete", "share-of-voice-responses");
    public static final Stage COMPLETE_BRAND_METRICS =
            new Stage("complete brand metrics (share of voice, responses)", "share-of-voice");
    public static final Stage BRAND_METRICS_SINK =
            new Stage("brand metrics sink", "brand-metrics-sink");

    public static final Stage MENTIONS_WITH_SEVERE_TERMS =
            new Stage("mentions with severe terms", "detect-incidents-crisis-filter");
    public static final Stage WINDOWS_FOR_DETECTORS =
            new Stage("windows for the detectors", "detect-incidents-windows");
    public static final Stage SEVERE_MENTIONS_FOR_DETECTORS =
            new Stage("severe mentions for the detectors", "detect-incidents-severe-mentions");
    public static final Stage DETECT_INCIDENTS = new Stage("detect incidents", "detect-incidents");
    public static final Stage ALERTS_SINK = new Stage("alerts sink", "alerts-sink");

    /** {@link io.brandpulse.jobs.operators.ApplyAlertControls}. */
    public static final Stage APPLY_ALERT_CONTROLS =
            new Stage("apply silences and acknowledgements", "alerts-controls");

    public static final Stage ALERTS_FOR_THE_WEBHOOK =
            new Stage("alerts for the webhook", "webhook-delivery-filter");
    public static final Stage DELIVER_TO_WEBHOOK =
            new Stage("deliver to webhook", "webhook-delivery");
    public static final Stage UNDELIVERED_ALERTS =
            new Stage("undelivered alerts", "webhook-delivery-undelivered");

    public static final Stage COMPLAINTS_QUESTIONS_AND_BRAND_REPLIES =
            new Stage("complaints, questions and brand replies", "track-response-deadlines-filter");
    public static final Stage TRACK_RESPONSES =
            new Stage("track response deadlines", "track-response-deadlines");
    public static final Stage BRAND_REPLIES =
            new Stage("brand replies", "track-response-deadlines-replies");
    public static final Stage BRANDS_THAT_REPLIED =
            new Stage("brands that replied", "track-response-deadlines-replied-brands");
    public static final Stage GATE_UNANSWERED_ALERTS =
            new Stage(
                    "unanswered alerts of brands whose replies are visible",
                    "track-response-deadlines-gate");

    /**
     * {@link io.brandpulse.jobs.operators.AggregateResponses} and {@link
     * io.brandpulse.jobs.operators.CompleteResponseWindow}.
     */
    public static final Stage RESPONSE_METRICS_WINDOWS =
            new Stage("response metrics windows", "response-metrics-windows");

    public static final Stage OPT_OUTS_SOURCE = new Stage("opt-outs", "opt-outs-source");
    public static final Stage PSEUDONYMIZE_OPT_OUTS =
            new Stage("pseudonymize opt-outs", "pseudonymize-opt-outs");

    /**
     * {@link io.brandpulse.jobs.operators.OptOutWatermarks}: opt-outs never hold back event time.
     */
    public static final Stage OPT_OUT_WATERMARKS =
            new Stage("opt-out watermarks", "pseudonymize-opt-outs-watermarks");

    /** The control topic: brand definitions changed while the job runs. */
    public static final Stage CONTROL_SOURCE = new Stage("listening control", "control-source");

    /** {@link io.brandpulse.jobs.operators.OptOutWatermarks}: control never holds back either. */
    public static final Stage CONTROL_WATERMARKS =
            new Stage("control watermarks", "control-watermarks");

    public static final Stage OPT_OUTS_AS_CHANGES =
            new Stage("opt-outs as listening changes", "opt-outs-as-changes");
    public static final Stage CONTROL_AS_CHANGES =
            new Stage("control records as listening changes", "control-as-changes");

    public static final Stage OPT_OUTS_AS_CUSTOMER_SIGNALS =
            new Stage("opt-outs as customer signals", "pseudonymize-opt-outs-signals");
    public static final Stage CUSTOMER_INTERACTIONS =
            new Stage("customer interactions", "score-customers-filter");
    public static final Stage SCORE_CUSTOMERS = new Stage("score customers", "score-customers");
    public static final Stage CUSTOMER_ENGAGEMENT_SINK =
            new Stage("customer engagement sink", "customer-engagement-sink");

    /** {@link io.brandpulse.jobs.operators.NameVersions}, once per versioned output. */
    public static final Stage NAME_ALERT_VERSIONS =
            new Stage("name rules and analysis versions (alerts)", "alerts-versions");

    public static final Stage NAME_BRAND_METRICS_VERSIONS =
            new Stage("name rules and analysis versions (brand metrics)", "brand-metrics-versions");
    public static final Stage NAME_ENGAGEMENT_VERSIONS =
            new Stage(
                    "name rules and analysis versions (customer engagement)",
                    "customer-engagement-versions");

    /**
     * The file runs' sources and sinks have uids of their own (and are not stages of the Kafka job,
     * so they live here): {@code scripts/run-file --from-savepoint} restores a savepoint of the
     * Kafka job into every stage between them and must leave the Kafka sources' and sinks' state
     * unclaimed, not read it as a file's.
     */
    public static final class FileRuns {
        public static final Stage MENTIONS_SOURCE =
                new Stage("mentions (file)", "mentions-file-source");

        /** The empty opt-out stream of file runs and tests. */
        public static final Stage NO_OPT_OUTS = new Stage("no opt-outs", "opt-outs-none");

        /** The empty control stream of file runs and tests, and the filter that empties it. */
        public static final Stage NO_CONTROL = new Stage("no control records", "control-none");

        public static final Stage NO_CONTROL_PLACEHOLDER =
                new Stage("no control records (placeholder dropped)", "control-none-filter");

        /** {@code run-file --control}: the log's records that are not applied, dead-lettered. */
        public static final Stage REFUSED_CONTROL =
                new Stage("control records not applied", "control-file-refused");

        /** Appended to a sink's uid when it writes a file. */
        public static final String SINK_SUFFIX = "-file";

        private FileRuns() {}
    }

    private Uids() {}
}
