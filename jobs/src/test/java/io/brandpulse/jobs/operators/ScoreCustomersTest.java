package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.EngagementSettings;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import io.brandpulse.model.TextAnalysis;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The engagement operator's state and timers: rate limit, flush, dormancy, forgetting, opt-out,
 * restore.
 */
class ScoreCustomersTest {
    static final long MINUTE = 60_000;
    static final long DAY = 86_400_000L;
    static final long T0 = 1_772_323_200_000L;

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, EnrichedMention, CustomerSignal, CustomerEngagement>
            harness() throws Exception {
        EngagementSettings settings =
                new EngagementSettings(); // 1h rate limit, 60d dormant, 180d forget
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ScoreCustomers(settings)),
                m -> m.customerKey,
                o -> o.customerKey,
                Types.STRING);
    }

    /**
     * job.stateBackend: rocksdb serializes the state on every access: the POJO state must
     * round-trip.
     */
    @Test
    void onRocksDbTheStateRoundTripsThroughItsSerializer() throws Exception {
        try (var h = harness()) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
            h.open();
            for (int i = 0; i < 4; i++) {
                add(h, review("c1", "p" + i, T0 + i * DAY, "positive"));
            }
            add(h, review("c1", "n1", T0 + 10 * DAY, "negative"));
            add(h, review("c1", "n2", T0 + 11 * DAY, "negative"));
            List<CustomerEngagement> out = h.extractOutputValues();
            assertEquals(
                    "AT_RISK",
                    out.get(out.size() - 1).tier,
                    "the history read back from RocksDB is intact");
            assertEquals(6, out.get(out.size() - 1).interactions);
        }
    }

    /** A detailed, positive review with photos: a meaningful interaction. */
    static EnrichedMention review(String customer, String id, long time, String sentiment) {
        EnrichedMention m = new EnrichedMention();
        m.id = id;
        m.brand = "qingning";
        m.customerKey = customer;
        m.createdAt = time;
        m.text = "青柠咖啡的海盐焦糖拿铁喝了两年了，奶味和咸味的平衡做得很好，第" + id + "次回购，建议冬天出个热饮限定版";
        m.media = new Media(2, 0);
        m.analysis = new TextAnalysis();
        m.analysis.tokens =
                new String[] {"青柠咖啡", "海盐", "焦糖", "拿铁", "奶味", "平衡", "回购", "冬天", "热饮", "限定版"};
        m.analysis.sentimentLabel = sentiment;
        m.analysis.sentimentScore = sentiment.equals("negative") ? -0.8 : 0.8;
        m.analysis.sentimentConfidence = 0.9;
        m.analysis.suggestion = true;
        m.analysis.duplicateKey = String.format("%016x", (long) id.hashCode());
        return m;
    }

    private static void add(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, EnrichedMention, CustomerSignal, CustomerEngagement>
                    h,
            EnrichedMention m)
            throws Exception {
        h.processElement1(new StreamRecord<>(m, m.createdAt));
        if (m.createdAt > watermark(h)) {
            // as in a live run, where event time follows the mentions: the operator waits for
            // the watermark to pass a mention's time before taking it in
            h.processBothWatermarks(new Watermark(m.createdAt));
        }
    }

    /** The watermark the operator has passed on (Long.MIN_VALUE before any). */
    private static long watermark(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, EnrichedMention, CustomerSignal, CustomerEngagement>
                    h) {
        return h.getOutput().stream()
                .filter(Watermark.class::isInstance)
                .mapToLong(w -> ((Watermark) w).getTimestamp())
                .max()
                .orElse(Long.MIN_VALUE);
    }

    @Test
    void changesWithinTheRateLimitWaitForItsEndUnlessTheTierChanges() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, review("c1", "1", T0, "positive"));
            assertEquals(1, h.extractOutputValues().size(), "the first interaction is news");
            for (int i = 2; i <= 4; i++) {
                add(h, review("c1", Integer.toString(i), T0 + i * MINUTE, "positive"));
            }
            List<CustomerEngagement> early = h.extractOutputValues();
            for (int i = 1; i < early.size(); i++) {
                assertTrue(
                        !early.get(i).tier.equals(early.get(i - 1).tier),
                        "within the hour only tier changes go out: " + early.size());
            }
            h.processBothWatermarks(new Watermark(T0 + 2 * 60 * MINUTE));
            int settled = h.extractOutputValues().size();
            String tier = h.extractOutputValues().get(settled - 1).tier;

            add(h, review("c1", "5", T0 + 3 * 60 * MINUTE, "positive"));
            add(h, review("c1", "6", T0 + 3 * 60 * MINUTE + 10 * MINUTE, "positive"));
            List<CustomerEngagement> out = h.extractOutputValues();
            assertEquals(tier, out.get(out.size() - 1).tier, "same tier: the rate limit applies");
            int beforeFlush = out.size();
            assertTrue(
                    out.get(beforeFlush - 1).interactions < 6,
                    "the sixth interaction is held back");
            h.processBothWatermarks(new Watermark(T0 + 4 * 60 * MINUTE + MINUTE));
            out = h.extractOutputValues();
            assertEquals(beforeFlush + 1, out.size(), "flushed once the hour is over");
            assertEquals(
                    6,
                    out.get(out.size() - 1).interactions,
                    "with everything that happened meanwhile");
        }
    }

    @Test
    void aRegularCustomerKeepsOneDormancyAndOneForgetTimerNotOnePairPerInteraction()
            throws Exception {
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 5; i++) {
                add(h, review("c1", "r" + i, T0 + i * DAY, "positive"));
            }
            assertEquals(
                    2,
                    h.numEventTimeTimers(),
                    "dormant and forget after the latest interaction; the earlier ones moved");
            var other = review("c1", "b1", T0 + 2 * DAY, "positive");
            other.brand = "beian";
            add(h, other);
            assertEquals(4, h.numEventTimeTimers(), "a second brand has its own times");
            h.processBothWatermarks(new Watermark(T0 + 4 * DAY + 61 * DAY));
            List<CustomerEngagement> out = h.extractOutputValues();
            assertEquals(
                    2,
                    out.stream().filter(e -> e.tier.equals("DORMANT")).count(),
                    "both brands still turn dormant");
            h.processBothWatermarks(new Watermark(T0 + 4 * DAY + 181 * DAY));
            assertEquals(0, h.numKeyedStateEntries(), "and are forgotten");
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void aQuietCustomerTurnsDormantThenIsForgottenButTheEndOfAReplayIsNotSilence()
            throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, review("c1", "1", T0, "positive"));
            h.processBothWatermarks(new Watermark(T0 + 61 * DAY));
            List<CustomerEngagement> out = h.extractOutputValues();
            assertEquals("DORMANT", out.get(out.size() - 1).tier);
            assertEquals(1, h.numKeyedStateEntries(), "still remembered");
            h.processBothWatermarks(new Watermark(T0 + 181 * DAY));
            assertEquals(0, h.numKeyedStateEntries(), "forgotten: bounded state");
        }
        try (var h = harness()) {
            h.open();
            for (int i = 1; i <= 4; i++) {
                add(h, review("c1", Integer.toString(i), T0 + i * MINUTE, "positive"));
            }
            h.processBothWatermarks(new Watermark(T0 + 2 * 60 * MINUTE));
            add(h, review("c1", "5", T0 + 3 * 60 * MINUTE, "positive"));
            add(
                    h,
                    review(
                            "c1",
                            "6",
                            T0 + 3 * 60 * MINUTE + 10 * MINUTE,
                            "positive")); // held back by the rate limit
            int held = h.extractOutputValues().size();
            assertTrue(
                    h.extractOutputValues().get(held - 1).interactions < 6,
                    "the sixth interaction is held back");
            h.processBothWatermarks(Watermark.MAX_WATERMARK);
            List<CustomerEngagement> out = h.extractOutputValues();
            assertEquals(
                    held + 1,
                    out.size(),
                    "the replay's end fires the customer's timers: what was held back goes out");
            assertEquals(6, out.get(held).interactions);
            assertTrue(
                    out.stream().noneMatch(e -> e.tier.equals("DORMANT")),
                    "but a replay's end is not 60 quiet days");
        }
    }

    @Test
    void aLiveOptOutClearsTheCustomerWithATombstoneAndIgnoresWhatStillArrives() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, review("c1", "1", T0, "positive"));
            add(h, review("c2", "9", T0, "positive"));
            h.processElement2(
                    new StreamRecord<>(
                            new CustomerSignal("c1", CustomerSignal.OPTED_OUT, null, 0), T0));
            List<CustomerEngagement> out = h.extractOutputValues();
            CustomerEngagement tombstone = out.get(out.size() - 1);
            assertTrue(tombstone.deleted);
            assertEquals("c1", tombstone.customerKey);
            assertEquals("qingning", tombstone.brand);
            add(h, review("c1", "2", T0 + DAY, "positive"));
            add(h, review("c2", "10", T0 + DAY, "positive"));
            h.processBothWatermarks(new Watermark(T0 + 2 * DAY));
            List<CustomerEngagement> after =
                    h.extractOutputValues().subList(out.size(), h.extractOutputValues().size());
            assertTrue(
                    after.stream().anyMatch(e -> e.customerKey.equals("c2") && e.interactions == 2),
                    "the other customer's second interaction a day later goes out: "
                            + after.size());
            assertEquals(
                    0,
                    after.stream().filter(e -> e.customerKey.equals("c1")).count(),
                    "nothing about c1 after the opt-out");
        }
    }

    @Test
    void aBrandReplyToAnInteractionRaisesItsQuality() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, review("c1", "1", T0, "negative"));
            double before = h.extractOutputValues().get(0).quality;
            h.processElement2(
                    new StreamRecord<>(
                            new CustomerSignal("c1", CustomerSignal.BRAND_REPLY, "qingning", T0),
                            T0 + 30 * MINUTE));
            h.processBothWatermarks(new Watermark(T0 + 2 * 60 * MINUTE));
            List<CustomerEngagement> out = h.extractOutputValues();
            CustomerEngagement after = out.get(out.size() - 1);
            assertEquals(1, after.brandRepliesReceived);
            assertTrue(
                    after.quality > before,
                    "an answered interaction is worth more: " + before + " -> " + after.quality);
        }
    }

    /**
     * The brand's reply comes from another task, after the response tracker has seen the watermark
     * pass it, and the customer's next mention straight from enrichment: they arrive in either
     * order, and the scores must not tell which.
     */
    @Test
    void aReplyAndTheCustomersNextMentionGiveTheSameScoresWhicheverArrivesFirst() throws Exception {
        List<String> replyFirst = scoresAfterAReplyAndANextMention(true);
        assertEquals(scoresAfterAReplyAndANextMention(false), replyFirst);
        assertEquals(
                List.of(
                        "1 interactions, 0 reply",
                        "1 interactions, 1 reply",
                        "2 interactions, 1 reply"),
                replyFirst.stream()
                        .map(line -> line.substring(0, line.indexOf(", quality")))
                        .toList(),
                "the first interaction, the reply to it once the rate limit's hour is over, then"
                        + " the next mention with the reply counted: "
                        + replyFirst);
    }

    private static List<String> scoresAfterAReplyAndANextMention(boolean replyFirst)
            throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, review("c1", "1", T0, "negative"));
            var reply =
                    new StreamRecord<>(
                            new CustomerSignal("c1", CustomerSignal.BRAND_REPLY, "qingning", T0),
                            T0 + 30 * MINUTE);
            var next = review("c1", "2", T0 + 2 * 60 * MINUTE, "negative");
            if (replyFirst) {
                h.processElement2(reply);
                h.processElement1(new StreamRecord<>(next, next.createdAt));
            } else {
                h.processElement1(new StreamRecord<>(next, next.createdAt));
                h.processElement2(reply);
            }
            h.processBothWatermarks(new Watermark(T0 + 5 * 60 * MINUTE));
            return h.extractOutputValues().stream()
                    .map(
                            e ->
                                    e.interactions
                                            + " interactions, "
                                            + e.brandRepliesReceived
                                            + " reply, quality "
                                            + e.quality
                                            + " as of "
                                            + (e.asOf - T0) / MINUTE)
                    .toList();
        }
    }

    @Test
    void theScoresSurviveARestoreAndAnEngagedCustomerTurningNegativeIsAtRisk() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 4; i++) {
                add(h, review("c1", "p" + i, T0 + i * DAY, "positive"));
            }
            snapshot = h.snapshot(1, T0 + 4 * DAY);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            add(h, review("c1", "n1", T0 + 10 * DAY, "negative"));
            add(h, review("c1", "n2", T0 + 11 * DAY, "negative"));
            List<CustomerEngagement> out = h.extractOutputValues();
            CustomerEngagement latest = out.get(out.size() - 1);
            assertEquals(
                    "AT_RISK",
                    latest.tier,
                    "the restored history knows this customer was engaged and positive");
            assertEquals(6, latest.interactions);
            assertTrue(latest.churnRisk >= 0.5);
        }
    }
}
