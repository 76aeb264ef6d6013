package io.brandpulse.tools.bench;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.ingest.ParseOutcome;
import io.brandpulse.jobs.listening.JobEnvironment;
import io.brandpulse.jobs.operators.ScoreCustomers;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.RawRecord;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * {@code scripts/bench-heap}: the heap a running job needs for engagement state with the default
 * (hashmap) state backend, where state lives as Java objects: the customers' states in their maps,
 * the keys, and the event-time timers (dormancy, forgetting) in Flink's heap timer queues. The real
 * {@link ScoreCustomers} runs on an embedded Flink; each customer gets three real enriched
 * interactions (from the benchmark's review texts), a day apart, with one brand. The heap is
 * measured after full GCs, with the job running, at a small and at the large customer count: the
 * difference per customer is the figure (the embedded cluster's own heap cancels out). RocksDB
 * keeps the serialized bytes instead (see {@code scripts/bench-state}).
 */
public final class BenchmarkCustomerHeap {
    private static final int INTERACTIONS_PER_CUSTOMER = 3;
    private static final int SMALL = 10_000;

    /**
     * The enriched interactions the synthetic customers reuse; static: the embedded job runs in
     * this JVM.
     */
    private static volatile List<EnrichedMention> pool;

    /** Interactions the operator has taken in; static for the same reason. */
    private static final AtomicLong PROCESSED = new AtomicLong();

    private BenchmarkCustomerHeap() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ListeningConfig config = BenchmarkPipeline.config();
        pool = enrichedPool(config, MentionStreams.realisticTexts(data, 3_000));

        long small = heapWithCustomers(config, SMALL);
        long large = heapWithCustomers(config, customers);
        double perCustomer = (double) (large - small) / (customers - SMALL);
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "engagement state on the heap (hashmap backend), %d interactions per customer, one"
                        + " brand each%n",
                INTERACTIONS_PER_CUSTOMER);
        System.out.printf(Locale.ROOT, "%-44s %14s%n", "", "heap after GC");
        System.out.printf(
                Locale.ROOT,
                "%-44s %11.0f MiB%n",
                String.format(Locale.ROOT, "job running, %,d customers", SMALL),
                small / 1048576.0);
        System.out.printf(
                Locale.ROOT,
                "%-44s %11.0f MiB%n",
                String.format(Locale.ROOT, "job running, %,d customers", customers),
                large / 1048576.0);
        System.out.printf(
                Locale.ROOT,
                "heap per tracked customer: %.0f bytes (state, key and timers; -Xmx %d MiB)%n",
                perCustomer,
                max / 1048576);
        System.out.printf(
                Locale.ROOT,
                "{\"customers\":%d,\"heapBytesAtSmall\":%d,\"heapBytesAtLarge\":%d,\"heapBytesPerCustomer\":%.0f}%n",
                customers,
                small,
                large,
                perCustomer);
    }

    /**
     * Enriched mentions of the benchmark's day that are interactions of a customer with a brand.
     */
    static List<EnrichedMention> enrichedPool(ListeningConfig config, List<String> texts)
            throws Exception {
        MentionParser parser = new MentionParser(config.ingestion, Clock.systemUTC());
        List<EnrichedMention> interactions = new ArrayList<>();
        try (MentionEnricher enricher = new MentionEnricher(config)) {
            for (var json : MentionStreams.dayOfMentions(texts)) {
                ParseOutcome parsed =
                        parser.parse(
                                new RawRecord(
                                        json.toString().getBytes(StandardCharsets.UTF_8),
                                        "bench",
                                        0,
                                        0));
                EnrichedMention m =
                        parsed.mention() == null ? null : enricher.enrich(parsed.mention());
                if (m != null && m.brand != null && m.customerKey != null && !m.isBrandReply()) {
                    interactions.add(m);
                }
            }
        }
        return interactions;
    }

    /**
     * Runs the scorer over {@code customers} customers, waits until it took everything in and event
     * time caught up, and measures the heap. Steady state, as in a live job: the interactions come
     * in event-time order over three days (a day apart per customer) with watermarks, so records
     * held back by the rate limit go out and their timers go; dormancy (60 days) is far off. Both
     * inputs stay open: the end-of-input watermark would fire every timer.
     */
    static long heapWithCustomers(ListeningConfig config, int customers) throws Exception {
        PROCESSED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        JobEnvironment.configureRecords(env);
        long total = (long) customers * INTERACTIONS_PER_CUSTOMER;
        long step = Math.max(1, INTERACTIONS_PER_CUSTOMER * 86_400_000L / total);
        DataStream<EnrichedMention> interactions =
                env.fromSequence(0, Long.MAX_VALUE)
                        .filter(new FirstThenNothing(total))
                        .map(new Interaction(customers, step))
                        .returns(TypeInformation.of(EnrichedMention.class))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<EnrichedMention>forMonotonousTimestamps()
                                        .withTimestampAssigner((m, t) -> m.createdAt));
        // No opt-outs or replies; like the job's opt-out input, it never holds event time back.
        DataStream<CustomerSignal> noSignals =
                env.fromSequence(0, Long.MAX_VALUE)
                        .filter(new FirstThenNothing(0))
                        .map(i -> new CustomerSignal())
                        .returns(TypeInformation.of(CustomerSignal.class))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.forGenerator(ctx -> new NeverHoldBack()));
        interactions
                .keyBy(m -> m.customerKey)
                .connect(noSignals.keyBy(s -> s.customerKey))
                .process(new CountingScoreCustomers(config))
                .returns(TypeInformation.of(CustomerEngagement.class))
                .sinkTo(new DiscardingSink<>());
        JobClient job =
                env.executeAsync("engagement state on the heap, " + customers + " customers");
        try {
            while (PROCESSED.get() < total) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // the last watermarks, and the rate-limit timers they fire
            return heapAfterGc();
        } finally {
            job.cancel().get();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used =
                    Math.min(
                            used,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * Interaction {@code i}: customer {@code i % customers} (with the brand of their first pooled
     * mention), the text and analysis of a pooled enriched mention, at event time {@code i * step}:
     * a day apart per customer.
     */
    static final class Interaction implements MapFunction<Long, EnrichedMention> {
        private static final long START = 1_772_409_600_000L; // 2026-03-02
        private final int customers;
        private final long step;

        Interaction(int customers, long step) {
            this.customers = customers;
            this.step = step;
        }

        @Override
        public EnrichedMention map(Long i) {
            List<EnrichedMention> mentions = pool;
            long customer = i % customers;
            EnrichedMention m = mentions.get((int) (i % mentions.size()));
            EnrichedMention copy = new EnrichedMention();
            copy.id = m.id;
            copy.platform = m.platform;
            copy.brand = mentions.get((int) (customer % mentions.size())).brand;
            copy.text = m.text;
            copy.analysis = m.analysis;
            copy.media = m.media;
            copy.metrics = m.metrics;
            copy.repostOfId = m.repostOfId;
            copy.customerKey = String.format(Locale.ROOT, "%064x", customer);
            copy.createdAt = START + i * step;
            return copy;
        }
    }

    /**
     * Passes the first {@code count} numbers, then holds the input open without sending anything.
     */
    static final class FirstThenNothing implements FilterFunction<Long> {
        private final long count;

        FirstThenNothing(long count) {
            this.count = count;
        }

        @Override
        public boolean filter(Long value) throws InterruptedException {
            if (value < count) {
                return true;
            }
            Thread.sleep(1_000);
            return false;
        }
    }

    static final class NeverHoldBack implements WatermarkGenerator<CustomerSignal> {
        @Override
        public void onEvent(CustomerSignal event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }

    /**
     * The real operator, counting what it took in (the benchmark waits for all of it before
     * measuring).
     */
    static final class CountingScoreCustomers extends ScoreCustomers {
        CountingScoreCustomers(ListeningConfig config) {
            super(config.engagement);
        }

        @Override
        public void processElement1(
                EnrichedMention mention, Context ctx, Collector<CustomerEngagement> out)
                throws Exception {
            super.processElement1(mention, ctx, out);
            PROCESSED.incrementAndGet();
        }
    }
}
