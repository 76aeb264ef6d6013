package io.brandpulse.jobs.listening;

import io.brandpulse.alerts.Severity;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.WebhookSettings;
import io.brandpulse.jobs.connectors.SingleWriterSink;
import io.brandpulse.jobs.operators.AggregateBrandMetrics;
import io.brandpulse.jobs.operators.AggregateResponses;
import io.brandpulse.jobs.operators.ApplyAlertControls;
import io.brandpulse.jobs.operators.BrandsInForce;
import io.brandpulse.jobs.operators.CompleteBrandMetrics;
import io.brandpulse.jobs.operators.CompleteBrandWindow;
import io.brandpulse.jobs.operators.CompleteResponseWindow;
import io.brandpulse.jobs.operators.CountLateMentions;
import io.brandpulse.jobs.operators.DeadLetters;
import io.brandpulse.jobs.operators.DetectIncidents;
import io.brandpulse.jobs.operators.DropDuplicateMentions;
import io.brandpulse.jobs.operators.EnrichMentions;
import io.brandpulse.jobs.operators.GateUnansweredAlerts;
import io.brandpulse.jobs.operators.MentionTimestamps;
import io.brandpulse.jobs.operators.NameVersions;
import io.brandpulse.jobs.operators.OptOutWatermarks;
import io.brandpulse.jobs.operators.ParseMentions;
import io.brandpulse.jobs.operators.PseudonymizeOptOuts;
import io.brandpulse.jobs.operators.ScoreCustomers;
import io.brandpulse.jobs.operators.TrackResponses;
import io.brandpulse.jobs.operators.TrimForKeyedStages;
import io.brandpulse.jobs.webhook.DeliverToWebhook;
import io.brandpulse.jobs.webhook.UndeliveredAlerts;
import io.brandpulse.model.Alert;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Mention;
import io.brandpulse.model.OptOut;
import io.brandpulse.model.RawRecord;
import io.brandpulse.model.ResponseEvent;
import io.brandpulse.model.ResponseStats;
import io.brandpulse.model.Versioned;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;

/**
 * The listening job's dataflow, independent of where records come from and go to: the Kafka job,
 * the file runner and the tests all build this same graph.
 *
 * <pre>
 * raw records ─► parse ─► watermarks ─► drop duplicates ─► enrich ──┬─► enriched mentions
 *                  └──────────(dead letters)──────┘          ▲      └─► trim for keyed stages ─┬─► brand metrics windows ─┬─► complete brand metrics ─► brand metrics
 *                                                            │                                 │                          └─► detect incidents (below)
 *                                                            │                                 ├─► severe terms ─► detect incidents ──────┬─► alerts
 *                                                            │                                 ├─► track response deadlines ─► gate ──────┤
 *                                                            │                                 │              │                           └─► webhook (async) ─► undelivered ─► dead letters
 *                                                            │                                 │              └─► response metrics windows ─► complete brand metrics (above)
 *                                                            │                                 └─► customer interactions ─► score customers ─► customer engagement
 *   opt-outs ─► pseudonymize ─────────(drop opted-out)───────┘                                                                ▲
 *                    └────────────────────────(erase the customer)────────────────────────────────────────────────────────────┘
 *   dead letters (and alerts the webhook refused) ─► dead letters
 * </pre>
 *
 * The branches after enrichment get the mention without its output-only fields ({@link
 * TrimForKeyedStages}). Brand metrics, alerts and engagement scores name the rules and analysis
 * versions in force last, just before they leave ({@link NameVersions}). Every stage takes its name
 * and uid from one {@link Uids} constant; its builder method here is named after it.
 */
public final class ListeningWorkflow {
    private ListeningWorkflow() {}

    /** The workflow's output streams, before they are written anywhere. */
    public record Outputs(
            DataStream<EnrichedMention> enrichedMentions,
            DataStream<DeadLetter> deadLetters,
            DataStream<BrandWindowMetrics> brandMetrics,
            DataStream<Alert> alerts,
            DataStream<CustomerEngagement> customerEngagement) {
        /** These outputs with other dead letters. */
        public Outputs withDeadLetters(DataStream<DeadLetter> others) {
            return new Outputs(enrichedMentions, others, brandMetrics, alerts, customerEngagement);
        }

        public void writeTo(ListeningSinks sinks) {
            write(enrichedMentions, sinks.enrichedMentions(), Uids.ENRICHED_MENTIONS_SINK);
            write(deadLetters, sinks.deadLetters(), Uids.DEAD_LETTER_SINK);
            write(brandMetrics, sinks.brandMetrics(), Uids.BRAND_METRICS_SINK);
            write(alerts, sinks.alerts(), Uids.ALERTS_SINK);
            write(customerEngagement, sinks.customerEngagement(), Uids.CUSTOMER_ENGAGEMENT_SINK);
        }

        private static <T> void write(DataStream<T> stream, Sink<T> sink, Uids.Stage stage) {
            boolean file = sink instanceof SingleWriterSink;
            DataStreamSink<T> written =
                    stream.sinkTo(sink)
                            .name(stage.name())
                            .uid(file ? stage.uid() + Uids.FileRuns.SINK_SUFFIX : stage.uid());
            if (file) {
                written.setParallelism(1); // one file, whatever the job's parallelism
            }
        }
    }

    /** Mentions that came later than the metrics windows allow. */
    static final OutputTag<EnrichedMention> TOO_LATE_FOR_METRICS =
            new OutputTag<>("too-late-for-metrics") {};

    public static void defineWorkflow(
            ListeningConfig config,
            DataStream<RawRecord> rawRecords,
            DataStream<OptOut> optOuts,
            ListeningSinks sinks) {
        define(config, rawRecords, optOuts).writeTo(sinks);
    }

    /** The whole workflow with the live control topic (the Kafka job). */
    public static void defineWorkflow(
            ListeningConfig config,
            DataStream<RawRecord> rawRecords,
            DataStream<OptOut> optOuts,
            DataStream<ControlRecord> control,
            ListeningSinks sinks) {
        define(config, rawRecords, optOuts, control).writeTo(sinks);
    }

    /** The workflow without live opt-outs (only those of {@code privacy.optOut} apply). */
    public static Outputs define(ListeningConfig config, DataStream<RawRecord> rawRecords) {
        return define(config, rawRecords, noOptOuts(rawRecords.getExecutionEnvironment()));
    }

    /** An empty opt-out stream, for runs without the opt-out topic (files, tests). */
    public static DataStream<OptOut> noOptOuts(StreamExecutionEnvironment env) {
        // One placeholder without an account (dropped at pseudonymization): Flink's fromData fails
        // on an empty list.
        return env.fromData(List.of(new OptOut(null, false)), TypeInformation.of(OptOut.class))
                .name(Uids.FileRuns.NO_OPT_OUTS.name())
                .uid(Uids.FileRuns.NO_OPT_OUTS.uid())
                .setDescription("no live opt-outs");
    }

    /** An empty control stream, for runs without the control topic (files, tests). */
    public static DataStream<ControlRecord> noControl(StreamExecutionEnvironment env) {
        // Flink's fromData fails on an empty list: one placeholder, dropped at once.
        return env.fromData(List.of(new ControlRecord()), TypeInformation.of(ControlRecord.class))
                .name(Uids.FileRuns.NO_CONTROL.name())
                .uid(Uids.FileRuns.NO_CONTROL.uid())
                .setDescription("no control topic")
                .filter(record -> false)
                .name(Uids.FileRuns.NO_CONTROL_PLACEHOLDER.name())
                .uid(Uids.FileRuns.NO_CONTROL_PLACEHOLDER.uid());
    }

    /** The workflow without the control topic: the configuration file's brands only. */
    public static Outputs define(
            ListeningConfig config, DataStream<RawRecord> rawRecords, DataStream<OptOut> optOuts) {
        return define(config, rawRecords, optOuts, noControl(rawRecords.getExecutionEnvironment()));
    }

    /**
     * @param optOuts the live opt-out topic's records (account, opted out or back in), read from
     *     the beginning
     * @param control the control topic's records (brand definitions), read from the beginning
     */
    public static Outputs define(
            ListeningConfig config,
            DataStream<RawRecord> rawRecords,
            DataStream<OptOut> optOuts,
            DataStream<ControlRecord> control) {
        // Opt-outs are not event-time data: they must never hold back the watermark of the
        // operators they join.
        DataStream<OptOut> pseudonymousOptOuts =
                optOuts.flatMap(new PseudonymizeOptOuts(config.privacy))
                        .name(Uids.PSEUDONYMIZE_OPT_OUTS.name())
                        .uid(Uids.PSEUDONYMIZE_OPT_OUTS.uid())
                        .assignTimestampsAndWatermarks(OptOutWatermarks.neverHoldBack())
                        .name(Uids.OPT_OUT_WATERMARKS.name())
                        .uid(Uids.OPT_OUT_WATERMARKS.uid());
        SingleOutputStreamOperator<Mention> parsed =
                rawRecords
                        .process(new ParseMentions(config.ingestion))
                        .name(Uids.PARSE_MENTIONS.name())
                        .uid(Uids.PARSE_MENTIONS.uid());

        SingleOutputStreamOperator<Mention> unique =
                parsed.assignTimestampsAndWatermarks(MentionTimestamps.watermarks(config.ingestion))
                        .name(Uids.MENTION_WATERMARKS.name())
                        .uid(Uids.MENTION_WATERMARKS.uid())
                        .keyBy(DropDuplicateMentions::key)
                        .process(new DropDuplicateMentions(config.ingestion.deduplicationWindow))
                        .name(Uids.DROP_DUPLICATE_MENTIONS.name())
                        .uid(Uids.DROP_DUPLICATE_MENTIONS.uid());

        // Opt-outs and control records reach every instance of the operators that apply them.
        DataStream<ListeningChange> changes =
                pseudonymousOptOuts
                        .map(new OptOutAsChange())
                        .name(Uids.OPT_OUTS_AS_CHANGES.name())
                        .uid(Uids.OPT_OUTS_AS_CHANGES.uid())
                        .union(
                                control.assignTimestampsAndWatermarks(
                                                OptOutWatermarks.<ControlRecord>neverHoldBack())
                                        .name(Uids.CONTROL_WATERMARKS.name())
                                        .uid(Uids.CONTROL_WATERMARKS.uid())
                                        .map(new ControlAsChange())
                                        .name(Uids.CONTROL_AS_CHANGES.name())
                                        .uid(Uids.CONTROL_AS_CHANGES.uid()));

        SingleOutputStreamOperator<EnrichedMention> enriched =
                unique.connect(changes.broadcast(EnrichMentions.OPTED_OUT, BrandsInForce.CONTROL))
                        .process(new EnrichMentions(config))
                        .name(Uids.ENRICH_MENTIONS.name())
                        .uid(Uids.ENRICH_MENTIONS.uid());

        DataStream<EnrichedMention> forKeyedStages =
                enriched.map(new TrimForKeyedStages())
                        .name(Uids.TRIM_FOR_KEYED_STAGES.name())
                        .uid(Uids.TRIM_FOR_KEYED_STAGES.uid());
        DataStream<BrandWindowMetrics> windows = brandMetricsWindows(config, forKeyedStages);
        SingleOutputStreamOperator<Alert> unanswered = trackResponses(config, forKeyedStages);
        DataStream<Alert> alerts =
                applyAlertControls(
                        config,
                        changes,
                        nameVersions(
                                config,
                                changes,
                                detectIncidents(config, windows, forKeyedStages, changes)
                                        .union(gateUnansweredAlerts(unanswered, forKeyedStages)),
                                Uids.NAME_ALERT_VERSIONS));
        DataStream<BrandWindowMetrics> metrics =
                nameVersions(
                        config,
                        changes,
                        completeBrandMetrics(
                                config,
                                windows,
                                responseMetricsWindows(
                                        config, unanswered.getSideOutput(TrackResponses.EVENTS)),
                                changes),
                        Uids.NAME_BRAND_METRICS_VERSIONS);
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(DeadLetters.TAG)
                        .union(
                                unique.getSideOutput(DeadLetters.TAG),
                                enriched.getSideOutput(DeadLetters.TAG));
        if (config.alerts.webhook.enabled()) {
            deadLetters = deadLetters.union(deliverToWebhook(config, alerts));
        }
        DataStream<CustomerSignal> customerSignals =
                pseudonymousOptOuts
                        .map(new OptOutAsSignal())
                        .name(Uids.OPT_OUTS_AS_CUSTOMER_SIGNALS.name())
                        .uid(Uids.OPT_OUTS_AS_CUSTOMER_SIGNALS.uid())
                        .union(unanswered.getSideOutput(TrackResponses.REPLIES));
        return new Outputs(
                enriched,
                deadLetters,
                metrics,
                alerts,
                nameVersions(
                        config,
                        changes,
                        scoreCustomers(config, forKeyedStages, customerSignals),
                        Uids.NAME_ENGAGEMENT_VERSIONS));
    }

    /**
     * Silences and acknowledgements of the control topic, per incident ({@link
     * ApplyAlertControls}): they decide which alerts the webhook is told of.
     */
    private static DataStream<Alert> applyAlertControls(
            ListeningConfig config, DataStream<ListeningChange> changes, DataStream<Alert> alerts) {
        return alerts.keyBy(ApplyAlertControls::incidentOf)
                .connect(changes.broadcast(BrandsInForce.CONTROL))
                .process(new ApplyAlertControls(config))
                .name(Uids.APPLY_ALERT_CONTROLS.name())
                .uid(Uids.APPLY_ALERT_CONTROLS.uid());
    }

    /** Names on each record the rules and analysis versions in force ({@link NameVersions}). */
    private static <T extends Versioned> DataStream<T> nameVersions(
            ListeningConfig config,
            DataStream<ListeningChange> changes,
            DataStream<T> records,
            Uids.Stage stage) {
        return records.connect(changes.broadcast(BrandsInForce.CONTROL))
                .process(new NameVersions<T>(config), records.getType())
                .name(stage.name())
                .uid(stage.uid());
    }

    /**
     * Response deadlines per (brand, thread): UNANSWERED_COMPLAINT alerts, and response events on a
     * side output for the brand's response metrics.
     */
    static SingleOutputStreamOperator<Alert> trackResponses(
            ListeningConfig config, DataStream<EnrichedMention> enriched) {
        return enriched.filter(new OpensOrClosesCases(config.responses.enabled))
                .name(Uids.COMPLAINTS_QUESTIONS_AND_BRAND_REPLIES.name())
                .uid(Uids.COMPLAINTS_QUESTIONS_AND_BRAND_REPLIES.uid())
                .keyBy(TrackResponses::threadKey)
                .process(new TrackResponses(config))
                .name(Uids.TRACK_RESPONSES.name())
                .uid(Uids.TRACK_RESPONSES.uid());
    }

    /**
     * Unanswered-complaint alerts of brands whose replies are seen in the stream (see
     * GateUnansweredAlerts).
     */
    static DataStream<Alert> gateUnansweredAlerts(
            DataStream<Alert> unanswered, DataStream<EnrichedMention> enriched) {
        DataStream<String> repliedBrands =
                enriched.filter(new IsBrandReply())
                        .name(Uids.BRAND_REPLIES.name())
                        .uid(Uids.BRAND_REPLIES.uid())
                        .map(new RepliedBrand()) // the gate needs the brand, not the whole reply
                        // on the wire
                        .name(Uids.BRANDS_THAT_REPLIED.name())
                        .uid(Uids.BRANDS_THAT_REPLIED.uid());
        return unanswered
                .keyBy(alert -> alert.brand)
                .connect(repliedBrands.keyBy(brand -> brand))
                .process(new GateUnansweredAlerts())
                .name(Uids.GATE_UNANSWERED_ALERTS.name())
                .uid(Uids.GATE_UNANSWERED_ALERTS.uid());
    }

    /**
     * Response events per brand and window: openings, answers (first-response times), missed
     * deadlines.
     */
    static DataStream<ResponseStats> responseMetricsWindows(
            ListeningConfig config, DataStream<ResponseEvent> events) {
        return events.keyBy(event -> event.brand)
                .window(TumblingEventTimeWindows.of(config.metrics.window))
                .allowedLateness(config.metrics.allowedLateness)
                .aggregate(new AggregateResponses(), new CompleteResponseWindow())
                .name(Uids.RESPONSE_METRICS_WINDOWS.name())
                .uid(Uids.RESPONSE_METRICS_WINDOWS.uid());
    }

    /**
     * Per-customer engagement quality, keyed by the pseudonymous customer; brand replies are not
     * customers.
     */
    static DataStream<CustomerEngagement> scoreCustomers(
            ListeningConfig config,
            DataStream<EnrichedMention> enriched,
            DataStream<CustomerSignal> signals) {
        return enriched.filter(new IsCustomerInteraction(config.engagement.enabled))
                .name(Uids.CUSTOMER_INTERACTIONS.name())
                .uid(Uids.CUSTOMER_INTERACTIONS.uid())
                .keyBy(mention -> mention.customerKey)
                .connect(signals.keyBy(signal -> signal.customerKey))
                .process(new ScoreCustomers(config.engagement))
                .name(Uids.SCORE_CUSTOMERS.name())
                .uid(Uids.SCORE_CUSTOMERS.uid());
    }

    /**
     * The brand's detectors and incident lifecycle, over its closed windows and, as they arrive,
     * the mentions that carry severe terms (so a crisis does not wait for its window to close),
     * with the detector settings the control topic keeps in force.
     */
    static DataStream<Alert> detectIncidents(
            ListeningConfig config,
            DataStream<BrandWindowMetrics> metrics,
            DataStream<EnrichedMention> enriched,
            DataStream<ListeningChange> changes) {
        DataStream<EnrichedMention> crisisEvidence =
                enriched.filter(new IsCrisisEvidence())
                        .name(Uids.MENTIONS_WITH_SEVERE_TERMS.name())
                        .uid(Uids.MENTIONS_WITH_SEVERE_TERMS.uid());
        return merged(
                        metrics,
                        Uids.WINDOWS_FOR_DETECTORS,
                        crisisEvidence,
                        Uids.SEVERE_MENTIONS_FOR_DETECTORS)
                .keyBy(new BrandOfDetectorInput())
                .connect(changes.broadcast(BrandsInForce.CONTROL))
                .process(new DetectIncidents(config))
                .name(Uids.DETECT_INCIDENTS.name())
                .uid(Uids.DETECT_INCIDENTS.uid());
    }

    /**
     * Each window's brands together: share of voice against the competitors in force, and response
     * stats.
     */
    static DataStream<BrandWindowMetrics> completeBrandMetrics(
            ListeningConfig config,
            DataStream<BrandWindowMetrics> windows,
            DataStream<ResponseStats> responses,
            DataStream<ListeningChange> changes) {
        return merged(windows, Uids.WINDOWS_TO_COMPLETE, responses, Uids.RESPONSES_TO_COMPLETE)
                .keyBy(new WindowOfMetricsInput())
                .connect(changes.broadcast(BrandsInForce.CONTROL))
                .process(new CompleteBrandMetrics(config))
                .name(Uids.COMPLETE_BRAND_METRICS.name())
                .uid(Uids.COMPLETE_BRAND_METRICS.uid());
    }

    /**
     * Two streams as one, each record on its side of an {@link Either}: one input of a keyed
     * operator whose other input is the control topic's broadcast.
     */
    static <L, R> DataStream<Either<L, R>> merged(
            DataStream<L> left, Uids.Stage leftStage, DataStream<R> right, Uids.Stage rightStage) {
        TypeInformation<Either<L, R>> type = Types.EITHER(left.getType(), right.getType());
        return left.map(new AsLeft<L, R>())
                .returns(type)
                .name(leftStage.name())
                .uid(leftStage.uid())
                .union(
                        right.map(new AsRight<L, R>())
                                .returns(type)
                                .name(rightStage.name())
                                .uid(rightStage.uid()));
    }

    /** One of two streams merged into one input of a keyed operator. */
    static final class AsLeft<L, R> implements MapFunction<L, Either<L, R>> {
        @Override
        public Either<L, R> map(L value) {
            return Either.Left(value);
        }
    }

    /** The other of two streams merged into one input of a keyed operator. */
    static final class AsRight<L, R> implements MapFunction<R, Either<L, R>> {
        @Override
        public Either<L, R> map(R value) {
            return Either.Right(value);
        }
    }

    static final class BrandOfDetectorInput
            implements KeySelector<Either<BrandWindowMetrics, EnrichedMention>, String> {
        @Override
        public String getKey(Either<BrandWindowMetrics, EnrichedMention> input) {
            return input.isLeft() ? input.left().brand : input.right().brand;
        }
    }

    static final class WindowOfMetricsInput
            implements KeySelector<Either<BrandWindowMetrics, ResponseStats>, Long> {
        @Override
        public Long getKey(Either<BrandWindowMetrics, ResponseStats> input) {
            return input.isLeft() ? input.left().windowStart : input.right().windowStart;
        }
    }

    /**
     * Alerts at or above the webhook's severity go to the webhook asynchronously, with retries; the
     * ones it never accepts come back as dead letters.
     */
    static DataStream<DeadLetter> deliverToWebhook(
            ListeningConfig config, DataStream<Alert> alerts) {
        WebhookSettings webhook = config.alerts.webhook;
        DataStream<Alert> toSend =
                alerts.filter(new ForTheWebhook(webhook.minSeverity))
                        .name(Uids.ALERTS_FOR_THE_WEBHOOK.name())
                        .uid(Uids.ALERTS_FOR_THE_WEBHOOK.uid());
        return AsyncDataStream.unorderedWait(
                        toSend,
                        new DeliverToWebhook(webhook),
                        DeliverToWebhook.totalTimeoutMillis(webhook),
                        TimeUnit.MILLISECONDS,
                        webhook.maxInFlight)
                .name(Uids.DELIVER_TO_WEBHOOK.name())
                .uid(Uids.DELIVER_TO_WEBHOOK.uid())
                .flatMap(new UndeliveredAlerts())
                .name(Uids.UNDELIVERED_ALERTS.name())
                .uid(Uids.UNDELIVERED_ALERTS.uid());
    }

    /**
     * Tumbling event-time windows per brand, pre-aggregated; too-late mentions are counted, not
     * silently lost.
     */
    static DataStream<BrandWindowMetrics> brandMetricsWindows(
            ListeningConfig config, DataStream<EnrichedMention> enriched) {
        SingleOutputStreamOperator<BrandWindowMetrics> metrics =
                enriched.filter(new HasBrand())
                        .name(Uids.MENTIONS_WITH_A_BRAND.name())
                        .uid(Uids.MENTIONS_WITH_A_BRAND.uid())
                        .keyBy(mention -> mention.brand)
                        .window(TumblingEventTimeWindows.of(config.metrics.window))
                        .allowedLateness(config.metrics.allowedLateness)
                        .sideOutputLateData(TOO_LATE_FOR_METRICS)
                        .aggregate(new AggregateBrandMetrics(), new CompleteBrandWindow())
                        .name(Uids.BRAND_METRICS_WINDOWS.name())
                        .uid(Uids.BRAND_METRICS_WINDOWS.uid());
        metrics.getSideOutput(TOO_LATE_FOR_METRICS)
                .flatMap(new CountLateMentions())
                .name(Uids.COUNT_LATE_MENTIONS.name())
                .uid(Uids.COUNT_LATE_MENTIONS.uid());
        return metrics;
    }

    /**
     * Only mentions about a brand (configured or named by the collector) have per-brand metrics.
     */
    static final class HasBrand implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return mention.brand != null;
        }
    }

    static final class IsCustomerInteraction implements FilterFunction<EnrichedMention> {
        private final boolean enabled;

        IsCustomerInteraction(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean filter(EnrichedMention mention) {
            return enabled
                    && mention.brand != null
                    && !mention.isBrandReply()
                    && mention.customerKey != null;
        }
    }

    static final class OptOutAsSignal implements MapFunction<OptOut, CustomerSignal> {
        @Override
        public CustomerSignal map(OptOut optOut) {
            return new CustomerSignal(
                    optOut.customerKey,
                    optOut.optedOut ? CustomerSignal.OPTED_OUT : CustomerSignal.OPTED_IN,
                    null,
                    0);
        }
    }

    static final class OptOutAsChange implements MapFunction<OptOut, ListeningChange> {
        @Override
        public ListeningChange map(OptOut optOut) {
            return ListeningChange.of(optOut);
        }
    }

    static final class ControlAsChange implements MapFunction<ControlRecord, ListeningChange> {
        @Override
        public ListeningChange map(ControlRecord control) {
            return ListeningChange.of(control);
        }
    }

    static final class OpensOrClosesCases implements FilterFunction<EnrichedMention> {
        private final boolean enabled;

        OpensOrClosesCases(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean filter(EnrichedMention mention) {
            return enabled && TrackResponses.matters(mention);
        }
    }

    static final class IsBrandReply implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return mention.brand != null
                    && mention.isBrandReply()
                    && mention.officialAccountOf.equals(mention.brand);
        }
    }

    static final class RepliedBrand implements MapFunction<EnrichedMention, String> {
        @Override
        public String map(EnrichedMention brandReply) {
            return brandReply.brand;
        }
    }

    static final class IsCrisisEvidence implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return DetectIncidents.isCrisisEvidence(mention);
        }
    }

    /**
     * At least the webhook's minimum severity, and to be told ({@link ApplyAlertControls}: not
     * silenced, not a quiet update of an acknowledged incident).
     */
    static final class ForTheWebhook implements FilterFunction<Alert> {
        private final Severity minimum;

        ForTheWebhook(Severity minimum) {
            this.minimum = minimum;
        }

        @Override
        public boolean filter(Alert alert) {
            return alert.notifyWebhook && Severity.of(alert.severity).compareTo(minimum) >= 0;
        }
    }
}
