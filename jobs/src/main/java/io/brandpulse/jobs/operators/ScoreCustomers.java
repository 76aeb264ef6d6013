package io.brandpulse.jobs.operators;

import io.brandpulse.config.EngagementSettings;
import io.brandpulse.engagement.CustomerState;
import io.brandpulse.engagement.EngagementScorer;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.EnrichedMention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Per-customer engagement quality, keyed by the pseudonymous customer (one state per brand they
 * talk about). A record goes out on a meaningful change (tier changed, or the score moved by {@code
 * minScoreChange}) at most once per {@code minEmitInterval} of event time; a change held back by
 * the rate limit goes out when the interval ends. Event-time timers mark customers DORMANT and then
 * forget them, so state stays bounded. Opt-outs from the live topic clear the customer's state and
 * emit tombstones.
 *
 * <p>A customer's mentions and the brand's replies to them are taken in event-time order, whatever
 * order they arrive in: each waits in state until the watermark passes its time (the watermark
 * delay), then goes in at its own timer, between the rate limit's and dormancy's timers of the same
 * customer. Taken on arrival, a reply and the customer's next mention (two streams, two tasks) went
 * in either order, and the records out differed with it: a replay did not give what the live run
 * gave. Mentions and replies already behind the watermark (late) go in at once.
 */
public class ScoreCustomers
        extends KeyedCoProcessFunction<
                String, EnrichedMention, CustomerSignal, CustomerEngagement> {
    /**
     * Inputs that wait for the same instant: mentions before replies (a reply answers a mention),
     * mentions by id, replies by what they answer: the same order on every run.
     */
    private static final Comparator<Either<EnrichedMention, CustomerSignal>> IN_ORDER =
            Comparator.comparing((Either<EnrichedMention, CustomerSignal> input) -> input.isRight())
                    .thenComparing(
                            input ->
                                    input.isLeft()
                                            ? input.left().id
                                            : input.right().brand
                                                    + "\n"
                                                    + input.right().interactionAt);

    private final EngagementSettings settings;

    private transient EngagementScorer scorer;
    private transient long minInterval;
    private transient long forgetAfter;
    private transient MapState<String, CustomerState> byBrand;
    private transient Counter forgotten;
    private transient ValueState<Boolean> optedOut;

    /** Mentions (left) and brand replies (right) by event time, until the watermark passes it. */
    private transient MapState<Long, List<Either<EnrichedMention, CustomerSignal>>> waiting;

    public ScoreCustomers(EngagementSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        scorer = new EngagementScorer(settings);
        minInterval = settings.minEmitInterval.toMillis();
        forgetAfter = settings.forgetAfter.toMillis();
        byBrand =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "customer-by-brand",
                                        Types.STRING,
                                        TypeInformation.of(CustomerState.class)));
        forgotten = getRuntimeContext().getMetricGroup().counter("customersForgotten");
        optedOut =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("opted-out", Types.BOOLEAN));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting",
                                        Types.LONG,
                                        Types.LIST(
                                                Types.EITHER(
                                                        TypeInformation.of(EnrichedMention.class),
                                                        TypeInformation.of(
                                                                CustomerSignal.class)))));
    }

    @Override
    public void processElement1(
            EnrichedMention mention, Context ctx, Collector<CustomerEngagement> out)
            throws Exception {
        if (Boolean.TRUE.equals(optedOut.value())) {
            return; // opted out while this mention was on its way
        }
        if (mention.createdAt > ctx.timerService().currentWatermark()) {
            hold(ctx, mention.createdAt, Either.Left(mention));
            return;
        }
        addInteraction(mention, ctx, out);
    }

    private void hold(Context ctx, long time, Either<EnrichedMention, CustomerSignal> input)
            throws Exception {
        List<Either<EnrichedMention, CustomerSignal>> atTime = waiting.get(time);
        if (atTime == null) {
            atTime = new ArrayList<>(1);
        }
        atTime.add(input);
        waiting.put(time, atTime);
        ctx.timerService().registerEventTimeTimer(time);
    }

    /** What waits at or before {@code time}, oldest first. */
    private void takeWaitingUpTo(long time, Context ctx, Collector<CustomerEngagement> out)
            throws Exception {
        List<Long> due = new ArrayList<>();
        for (Long at : waiting.keys()) {
            if (at <= time) {
                due.add(at);
            }
        }
        Collections.sort(due);
        for (Long at : due) {
            List<Either<EnrichedMention, CustomerSignal>> inputs = waiting.get(at);
            waiting.remove(at);
            inputs.sort(IN_ORDER);
            for (Either<EnrichedMention, CustomerSignal> input : inputs) {
                if (input.isLeft()) {
                    addInteraction(input.left(), ctx, out);
                } else {
                    replyReceived(input.right(), ctx, out);
                }
            }
        }
    }

    private void addInteraction(
            EnrichedMention mention, Context ctx, Collector<CustomerEngagement> out)
            throws Exception {
        CustomerState s = byBrand.get(mention.brand);
        long dormantBefore = Long.MIN_VALUE;
        long forgetBefore = Long.MIN_VALUE;
        if (s == null) {
            s = new CustomerState();
        } else {
            dormantBefore = scorer.dormantAt(s);
            forgetBefore = s.lastInteractionAt + forgetAfter;
        }
        scorer.add(s, mention);
        byBrand.put(mention.brand, s);
        moveTimer(ctx, dormantBefore, scorer.dormantAt(s));
        moveTimer(ctx, forgetBefore, s.lastInteractionAt + forgetAfter);
        if (s.topQuality.length == 0) {
            return; // nothing but spam or repeats so far: no score at all, rather than a zero that
            // looks like a customer
        }
        CustomerEngagement record =
                scorer.score(ctx.getCurrentKey(), mention.brand, s, s.lastInteractionAt);
        consider(ctx, s, record, out);
        byBrand.put(mention.brand, s);
    }

    /**
     * A newer interaction moves the customer's dormancy and forget times: the timers move with them
     * rather than pile up (a stale one would fire and find nothing to do, but every timer costs
     * about a hundred bytes of heap per customer, and there are millions of customers). A timer is
     * kept if any brand's state of the customer still needs that instant (timers are per customer
     * and instant, shared by the brands).
     */
    private void moveTimer(Context ctx, long from, long to) throws Exception {
        if (from == to) {
            return;
        }
        ctx.timerService().registerEventTimeTimer(to);
        if (from != Long.MIN_VALUE && !neededAt(from)) {
            ctx.timerService().deleteEventTimeTimer(from);
        }
    }

    private boolean neededAt(long time) throws Exception {
        for (CustomerState other : byBrand.values()) {
            if (scorer.dormantAt(other) == time
                    || other.lastInteractionAt + forgetAfter == time
                    || (other.pending && other.emittedAt + minInterval == time)) {
                return true;
            }
        }
        return waiting.contains(time);
    }

    /**
     * Emits the record on a meaningful change, or holds it back until the rate limit's interval
     * ends.
     */
    private void consider(
            Context ctx,
            CustomerState s,
            CustomerEngagement record,
            Collector<CustomerEngagement> out) {
        boolean first = s.emittedTier == null;
        boolean tierChanged = !record.tier.equals(s.emittedTier);
        boolean moved = Math.abs(record.score - s.emittedScore) >= settings.minScoreChange;
        if (first || tierChanged || (moved && s.lastInteractionAt - s.emittedAt >= minInterval)) {
            emit(s, record, out);
        } else if (moved || record.score != s.emittedScore) {
            s.pending = true;
            ctx.timerService().registerEventTimeTimer(s.emittedAt + minInterval);
        }
    }

    /**
     * A live opt-out: everything about the customer goes, and each record they had on the topic
     * gets a tombstone, so a compacted topic forgets them too. Opting back in starts from nothing.
     * A brand reply to one of their complaints or questions adds to that interaction's quality.
     */
    @Override
    public void processElement2(
            CustomerSignal signal, Context ctx, Collector<CustomerEngagement> out)
            throws Exception {
        switch (signal.kind) {
            case CustomerSignal.OPTED_IN -> optedOut.clear();
            case CustomerSignal.OPTED_OUT -> {
                for (Map.Entry<String, CustomerState> entry : byBrand.entries()) {
                    if (entry.getValue().emittedTier != null) {
                        CustomerEngagement tombstone = new CustomerEngagement();
                        tombstone.customerKey = ctx.getCurrentKey();
                        tombstone.brand = entry.getKey();
                        tombstone.deleted = true;
                        out.collect(tombstone);
                    }
                }
                byBrand.clear();
                waiting.clear();
                optedOut.update(true);
            }
            default -> {
                if (Boolean.TRUE.equals(optedOut.value())) {
                    return;
                }
                Long at = ctx.timestamp();
                if (at != null && at > ctx.timerService().currentWatermark()) {
                    hold(ctx, at, Either.Right(signal));
                    return;
                }
                replyReceived(signal, ctx, out);
            }
        }
    }

    private void replyReceived(
            CustomerSignal signal, Context ctx, Collector<CustomerEngagement> out)
            throws Exception {
        CustomerState s = byBrand.get(signal.brand);
        if (s == null) {
            return;
        }
        scorer.replyReceived(s, signal.interactionAt);
        if (s.topQuality.length > 0) {
            consider(
                    ctx,
                    s,
                    scorer.score(ctx.getCurrentKey(), signal.brand, s, s.lastInteractionAt),
                    out);
        }
        byBrand.put(signal.brand, s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CustomerEngagement> out)
            throws Exception {
        // The end of a finite input (a replay) flushes held-back records but says nothing about
        // dormancy.
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        // At the end all that waits goes in at once, as if it had come after the last watermark,
        // so that the flush below keeps the rate limit among the last mentions.
        takeWaitingUpTo(endOfInput ? Long.MAX_VALUE : timestamp, ctx, out);
        List<String> forget = new ArrayList<>();
        for (Map.Entry<String, CustomerState> entry : byBrand.entries()) {
            CustomerState s = entry.getValue();
            String brand = entry.getKey();
            if (s.pending && (endOfInput || timestamp >= s.emittedAt + minInterval)) {
                emit(s, scorer.score(ctx.getCurrentKey(), brand, s, s.lastInteractionAt), out);
                entry.setValue(s);
            }
            if (endOfInput) {
                continue;
            }
            if (timestamp >= s.lastInteractionAt + forgetAfter) {
                forget.add(brand);
            } else if (timestamp >= scorer.dormantAt(s)
                    && s.emittedTier != null
                    && !EngagementScorer.DORMANT.equals(s.emittedTier)) {
                emit(s, scorer.score(ctx.getCurrentKey(), brand, s, timestamp), out);
                entry.setValue(s);
            }
        }
        for (String brand : forget) {
            byBrand.remove(brand);
            forgotten.inc();
        }
    }

    private static void emit(
            CustomerState s, CustomerEngagement record, Collector<CustomerEngagement> out) {
        s.emittedScore = record.score;
        s.emittedTier = record.tier;
        s.emittedAt = record.asOf;
        s.pending = false;
        out.collect(record);
    }
}
