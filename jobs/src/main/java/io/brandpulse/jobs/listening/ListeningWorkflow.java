package io.brandpulse.jobs.listening;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.operators.AggregateResponses;
import io.brandpulse.jobs.operators.CompleteBrandMetrics;
import io.brandpulse.jobs.operators.CompleteResponseWindow;
import io.brandpulse.jobs.operators.TrackResponses;
import io.brandpulse.model.ResponseEvent;
import io.brandpulse.model.ResponseStats;
import io.brandpulse.jobs.operators.AggregateBrandMetrics;
import io.brandpulse.jobs.operators.CountLateMentions;
import io.brandpulse.alerts.Severity;
import io.brandpulse.config.WebhookSettings;
import io.brandpulse.jobs.operators.CompleteBrandWindow;
import io.brandpulse.jobs.operators.DetectIncidents;
import io.brandpulse.jobs.operators.GateUnansweredAlerts;
import io.brandpulse.jobs.operators.ScoreCustomers;
import io.brandpulse.jobs.operators.TrimForKeyedStages;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.OptOut;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import io.brandpulse.jobs.connectors.SingleWriterSink;
import io.brandpulse.jobs.operators.OptOutWatermarks;
import io.brandpulse.jobs.operators.PseudonymizeOptOuts;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import io.brandpulse.jobs.webhook.DeliverToWebhook;
import io.brandpulse.jobs.webhook.UndeliveredAlerts;
import io.brandpulse.model.Alert;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.jobs.operators.DeadLetters;
import io.brandpulse.jobs.operators.DropDuplicateMentions;
import io.brandpulse.jobs.operators.EnrichMentions;
import io.brandpulse.jobs.operators.MentionTimestamps;
import io.brandpulse.jobs.operators.ParseMentions;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import io.brandpulse.model.RawRecord;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The listening job's dataflow, independent of where records come from and go to: the Kafka job, the file runner
 * and the tests all build this same graph.
 *
 * <pre>
 * raw records ─► parse ─► watermarks ─► drop duplicates ─► enrich ─┬─► enriched mentions
 *                  └──────────(dead letters)──────┘                 ├─► per-brand event-time windows ─┬─► brand metrics
 *                                                                   │                                 ▼
 *                                                                   ├─► severe-term mentions ─► detect incidents ─► alerts
 *                                                                   ├─► complaints, questions, brand replies per thread ─► deadlines ─► alerts
 *                                                                   │                                     └─► response metrics ─► brand metrics
 *                                                                   └─► per customer ─► engagement quality ─► customer engagement
 *                                                                                                      └─► webhook (async)
 *   dead letters (and alerts the webhook refused) ─► dead letters
 * </pre>
 *
 * The branches after enrichment get the mention without its output-only fields ({@link TrimForKeyedStages}).
 */
public final class ListeningWorkflow {
    private ListeningWorkflow() {}

    /** The workflow's output streams, before they are written anywhere. */
    public record Outputs(DataStream<EnrichedMention> enrichedMentions, DataStream<DeadLetter> deadLetters,
            DataStream<BrandWindowMetrics> brandMetrics, DataStream<Alert> alerts, DataStream<CustomerEngagement> customerEngagement) {
        public void writeTo(ListeningSinks sinks) {
            write(enrichedMentions, sinks.enrichedMentions(), "enriched mentions sink", Uids.ENRICHED_SINK);
            write(deadLetters, sinks.deadLetters(), "dead letter sink", Uids.DEAD_LETTER_SINK);
            write(brandMetrics, sinks.brandMetrics(), "brand metrics sink", Uids.BRAND_METRICS_SINK);
            write(alerts, sinks.alerts(), "alerts sink", Uids.ALERTS_SINK);
            write(customerEngagement, sinks.customerEngagement(), "customer engagement sink", Uids.ENGAGEMENT_SINK);
        }

        private static <T> void write(DataStream<T> stream, Sink<T> sink, String name, String uid) {
            DataStreamSink<T> written = stream.sinkTo(sink).name(name).uid(uid);
            if (sink instanceof SingleWriterSink) {
                written.setParallelism(1); // one file, whatever the job's parallelism
            }
        }
    }

    /** Mentions that came later than the metrics windows allow. */
    static final OutputTag<EnrichedMention> TOO_LATE_FOR_METRICS = new OutputTag<>("too-late-for-metrics") {};

    public static void defineWorkflow(ListeningConfig config, DataStream<RawRecord> rawRecords, DataStream<OptOut> optOuts,
            ListeningSinks sinks) {
        define(config, rawRecords, optOuts).writeTo(sinks);
    }

    /** The workflow without live opt-outs (only those of {@code privacy.optOut} apply). */
    public static Outputs define(ListeningConfig config, DataStream<RawRecord> rawRecords) {
        return define(config, rawRecords, noOptOuts(rawRecords.getExecutionEnvironment()));
    }

    /** An empty opt-out stream, for runs without the opt-out topic (files, tests). */
    public static DataStream<OptOut> noOptOuts(StreamExecutionEnvironment env) {
        // One placeholder without an account (dropped at pseudonymization): Flink's fromData fails on an empty list.
        return env.fromData(java.util.List.of(new OptOut(null, false)), TypeInformation.of(OptOut.class))
                .name("no live opt-outs").uid(Uids.OPT_OUTS_SOURCE);
    }

    /**
     * @param optOuts the live opt-out topic's records (account, opted out or back in), read from the beginning
     */
    public static Outputs define(ListeningConfig config, DataStream<RawRecord> rawRecords, DataStream<OptOut> optOuts) {
        // Opt-outs are not event-time data: they must never hold back the watermark of the operators they join.
        DataStream<OptOut> pseudonymousOptOuts = optOuts
                .flatMap(new PseudonymizeOptOuts(config.privacy))
                .name("pseudonymize opt-outs")
                .uid(Uids.OPT_OUTS)
                .assignTimestampsAndWatermarks(OptOutWatermarks.neverHoldBack())
                .name("opt-outs do not hold back event time")
                .uid(Uids.OPT_OUTS + "-watermarks");
        SingleOutputStreamOperator<Mention> parsed = rawRecords
                .process(new ParseMentions(config.ingestion))
                .name("parse mentions")
                .uid(Uids.PARSE);

        SingleOutputStreamOperator<Mention> unique = parsed
                .assignTimestampsAndWatermarks(MentionTimestamps.watermarks(config.ingestion))
                .name("event time")
                .uid(Uids.WATERMARKS)
                .keyBy(DropDuplicateMentions::key)
                .process(new DropDuplicateMentions(config.ingestion.deduplicationWindow))
                .name("drop duplicate mentions")
                .uid(Uids.DEDUPLICATE);

        SingleOutputStreamOperator<EnrichedMention> enriched = unique
                .connect(pseudonymousOptOuts.broadcast(EnrichMentions.OPTED_OUT))
                .process(new EnrichMentions(config))
                .name("enrich mentions")
                .uid(Uids.ENRICH);

        DataStream<EnrichedMention> forKeyedStages = enriched
                .map(new TrimForKeyedStages())
                .name("trim for keyed stages")
                .uid(Uids.ENRICH + "-trim");
        DataStream<BrandWindowMetrics> windows = brandMetrics(config, forKeyedStages);
        SingleOutputStreamOperator<Alert> unanswered = responseDeadlines(config, forKeyedStages);
        DataStream<Alert> alerts = alerts(config, windows, forKeyedStages).union(onlyWithVisibleReplies(unanswered, forKeyedStages));
        DataStream<BrandWindowMetrics> metrics = windows
                .keyBy(new WindowStartKey())
                .connect(responseStats(config, unanswered.getSideOutput(TrackResponses.EVENTS)).keyBy(new StatsWindowStartKey()))
                .process(new CompleteBrandMetrics(config))
                .name("share of voice and responses")
                .uid(Uids.SHARE_OF_VOICE);
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(DeadLetters.TAG).union(unique.getSideOutput(DeadLetters.TAG));
        if (config.alerts.webhook.enabled()) {
            deadLetters = deadLetters.union(undeliveredToWebhook(config, alerts));
        }
        DataStream<CustomerSignal> customerSignals = pseudonymousOptOuts
                .map(new OptOutAsSignal())
                .name("opt-outs as customer signals")
                .uid(Uids.OPT_OUTS + "-signals")
                .union(unanswered.getSideOutput(TrackResponses.REPLIES));
        return new Outputs(enriched, deadLetters, metrics, alerts, customerEngagement(config, forKeyedStages, customerSignals));
    }

    /**
     * Response deadlines per (brand, thread): UNANSWERED_COMPLAINT alerts, and response events on a side output for
     * the brand's response metrics.
     */
    static SingleOutputStreamOperator<Alert> responseDeadlines(ListeningConfig config, DataStream<EnrichedMention> enriched) {
        return enriched
                .filter(new OpensOrClosesCases(config.responses.enabled))
                .name("complaints, questions and brand replies")
                .uid(Uids.RESPONSES + "-filter")
                .keyBy(new ThreadKey())
                .process(new TrackResponses(config))
                .name("track response deadlines")
                .uid(Uids.RESPONSES);
    }

    /** Unanswered-complaint alerts of brands whose replies are seen in the stream (see GateUnansweredAlerts). */
    static DataStream<Alert> onlyWithVisibleReplies(DataStream<Alert> unanswered, DataStream<EnrichedMention> enriched) {
        DataStream<String> repliedBrands = enriched
                .filter(new IsBrandReply())
                .name("brand replies")
                .uid(Uids.RESPONSES + "-replies")
                .map(new RepliedBrand()) // the gate needs the brand, not the whole reply on the wire
                .name("brands that replied")
                .uid(Uids.RESPONSES + "-replied-brands");
        return unanswered.keyBy(new AlertBrandKey())
                .connect(repliedBrands.keyBy(new SameBrand()))
                .process(new GateUnansweredAlerts())
                .name("unanswered alerts of brands whose replies are visible")
                .uid(Uids.RESPONSES + "-gate");
    }

    /** Response events per brand and window: openings, answers (first-response times), missed deadlines. */
    static DataStream<ResponseStats> responseStats(ListeningConfig config, DataStream<ResponseEvent> events) {
        return events
                .keyBy(new ResponseBrandKey())
                .window(TumblingEventTimeWindows.of(config.metrics.window))
                .allowedLateness(config.metrics.allowedLateness)
                .aggregate(new AggregateResponses(), new CompleteResponseWindow())
                .name("response metrics windows")
                .uid(Uids.RESPONSE_METRICS);
    }

    /** Per-customer engagement quality, keyed by the pseudonymous customer; brand replies are not customers. */
    static DataStream<CustomerEngagement> customerEngagement(ListeningConfig config, DataStream<EnrichedMention> enriched,
            DataStream<CustomerSignal> signals) {
        return enriched
                .filter(new IsCustomerInteraction(config.engagement.enabled))
                .name("customer interactions")
                .uid(Uids.ENGAGEMENT + "-filter")
                .keyBy(new CustomerKey())
                .connect(signals.keyBy(new SignalCustomerKey()))
                .process(new ScoreCustomers(config.engagement))
                .name("score customers")
                .uid(Uids.ENGAGEMENT);
    }

    /**
     * The brand's detectors and incident lifecycle, over its closed windows and, as they arrive, the mentions that
     * carry severe terms (so a crisis does not wait for its window to close).
     */
    static DataStream<Alert> alerts(ListeningConfig config, DataStream<BrandWindowMetrics> metrics, DataStream<EnrichedMention> enriched) {
        DataStream<EnrichedMention> crisisEvidence = enriched
                .filter(new IsCrisisEvidence())
                .name("mentions with severe terms")
                .uid(Uids.ALERTS + "-crisis-filter");
        return metrics.keyBy(new MetricsBrandKey())
                .connect(crisisEvidence.keyBy(new BrandKey()))
                .process(new DetectIncidents(config))
                .name("detect incidents")
                .uid(Uids.ALERTS);
    }

    /**
     * Alerts at or above the webhook's severity go to the webhook asynchronously, with retries; the ones it never
     * accepts come back as dead letters.
     */
    static DataStream<DeadLetter> undeliveredToWebhook(ListeningConfig config, DataStream<Alert> alerts) {
        WebhookSettings webhook = config.alerts.webhook;
        DataStream<Alert> toSend = alerts
                .filter(new AtLeastSeverity(webhook.minSeverity))
                .name("alerts for the webhook")
                .uid(Uids.WEBHOOK + "-filter");
        return AsyncDataStream.unorderedWait(toSend, new DeliverToWebhook(webhook),
                        DeliverToWebhook.totalTimeoutMillis(webhook), TimeUnit.MILLISECONDS, webhook.maxInFlight)
                .name("deliver to webhook")
                .uid(Uids.WEBHOOK)
                .flatMap(new UndeliveredAlerts())
                .name("undelivered alerts")
                .uid(Uids.WEBHOOK + "-undelivered");
    }

    /** Tumbling event-time windows per brand, pre-aggregated; too-late mentions are counted, not silently lost. */
    static DataStream<BrandWindowMetrics> brandMetrics(ListeningConfig config, DataStream<EnrichedMention> enriched) {
        SingleOutputStreamOperator<BrandWindowMetrics> metrics = enriched
                .filter(new HasBrand())
                .name("mentions with a brand")
                .uid(Uids.BRAND_METRICS + "-filter")
                .keyBy(new BrandKey())
                .window(TumblingEventTimeWindows.of(config.metrics.window))
                .allowedLateness(config.metrics.allowedLateness)
                .sideOutputLateData(TOO_LATE_FOR_METRICS)
                .aggregate(new AggregateBrandMetrics(), new CompleteBrandWindow())
                .name("brand metrics windows")
                .uid(Uids.BRAND_METRICS);
        metrics.getSideOutput(TOO_LATE_FOR_METRICS)
                .flatMap(new CountLateMentions())
                .name("count late mentions")
                .uid(Uids.LATE_MENTIONS);
        return metrics;
    }

    /** Only mentions about a brand (configured or named by the collector) have per-brand metrics. */
    static final class HasBrand implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return mention.brand != null;
        }
    }

    static final class BrandKey implements KeySelector<EnrichedMention, String> {
        @Override
        public String getKey(EnrichedMention mention) {
            return mention.brand;
        }
    }

    static final class IsCustomerInteraction implements FilterFunction<EnrichedMention> {
        private final boolean enabled;

        IsCustomerInteraction(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean filter(EnrichedMention mention) {
            return enabled && mention.brand != null && !mention.isBrandReply() && mention.customerKey != null;
        }
    }

    static final class SignalCustomerKey implements KeySelector<CustomerSignal, String> {
        @Override
        public String getKey(CustomerSignal signal) {
            return signal.customerKey;
        }
    }

    static final class OptOutAsSignal implements MapFunction<OptOut, CustomerSignal> {
        @Override
        public CustomerSignal map(OptOut optOut) {
            return new CustomerSignal(optOut.customerKey, optOut.optedOut ? CustomerSignal.OPTED_OUT : CustomerSignal.OPTED_IN, null, 0);
        }
    }

    static final class CustomerKey implements KeySelector<EnrichedMention, String> {
        @Override
        public String getKey(EnrichedMention mention) {
            return mention.customerKey;
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
            return mention.brand != null && mention.isBrandReply() && mention.officialAccountOf.equals(mention.brand);
        }
    }

    static final class RepliedBrand implements MapFunction<EnrichedMention, String> {
        @Override
        public String map(EnrichedMention brandReply) {
            return brandReply.brand;
        }
    }

    static final class SameBrand implements KeySelector<String, String> {
        @Override
        public String getKey(String brand) {
            return brand;
        }
    }

    static final class AlertBrandKey implements KeySelector<Alert, String> {
        @Override
        public String getKey(Alert alert) {
            return alert.brand;
        }
    }

    static final class ThreadKey implements KeySelector<EnrichedMention, String> {
        @Override
        public String getKey(EnrichedMention mention) {
            return TrackResponses.threadKey(mention);
        }
    }

    static final class ResponseBrandKey implements KeySelector<ResponseEvent, String> {
        @Override
        public String getKey(ResponseEvent event) {
            return event.brand;
        }
    }

    static final class StatsWindowStartKey implements KeySelector<ResponseStats, Long> {
        @Override
        public Long getKey(ResponseStats stats) {
            return stats.windowStart;
        }
    }

    static final class WindowStartKey implements KeySelector<BrandWindowMetrics, Long> {
        @Override
        public Long getKey(BrandWindowMetrics metrics) {
            return metrics.windowStart;
        }
    }

    static final class MetricsBrandKey implements KeySelector<BrandWindowMetrics, String> {
        @Override
        public String getKey(BrandWindowMetrics metrics) {
            return metrics.brand;
        }
    }

    static final class IsCrisisEvidence implements FilterFunction<EnrichedMention> {
        @Override
        public boolean filter(EnrichedMention mention) {
            return DetectIncidents.isCrisisEvidence(mention);
        }
    }

    static final class AtLeastSeverity implements FilterFunction<Alert> {
        private final Severity minimum;

        AtLeastSeverity(Severity minimum) {
            this.minimum = minimum;
        }

        @Override
        public boolean filter(Alert alert) {
            return Severity.of(alert.severity).compareTo(minimum) >= 0;
        }
    }
}
