package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Alert;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.ResponseEvent;
import io.brandpulse.model.TextAnalysis;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Response cases: deadlines by severity, answers, follow-ups, out-of-order replies, clean-up. */
class TrackResponsesTest {
    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;
    static final long T0 = 1_772_323_200_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> harness()
            throws Exception {
        ListeningConfig config = TestConfigs.demo();
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackResponses(config)),
                TrackResponses::threadKey,
                Types.STRING);
    }

    /**
     * A harness whose operator metrics can be read back: the task hands out one intercepting
     * operator group.
     */
    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> harness(
            InterceptingOperatorMetricGroup metrics) throws Exception {
        MockEnvironment env =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                                    @Override
                                    public InternalOperatorMetricGroup getOrAddOperator(
                                            OperatorID id,
                                            String name,
                                            Map<String, String> additionalVariables) {
                                        return metrics;
                                    }
                                })
                        .build();
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackResponses(TestConfigs.demo())),
                TrackResponses::threadKey,
                Types.STRING,
                env);
    }

    @SuppressWarnings("unchecked")
    private static long openCases(InterceptingOperatorMetricGroup metrics) {
        Gauge<Long> gauge = (Gauge<Long>) metrics.get(TrackResponses.OPEN_CASES_METRIC);
        assertTrue(gauge != null, "gauge " + TrackResponses.OPEN_CASES_METRIC + " registered");
        return gauge.getValue();
    }

    static EnrichedMention complaint(
            String id, String customer, long time, String severity, String category) {
        EnrichedMention m = mention(id, time);
        m.customerKey = customer;
        m.text = "外卖等了两个小时还没到，客服也不回";
        m.analysis.complaint = true;
        m.analysis.severity = severity;
        m.analysis.complaintCategory = category;
        return m;
    }

    static EnrichedMention followUp(String id, String customer, long time, String replyTo) {
        EnrichedMention m = mention(id, time);
        m.customerKey = customer;
        m.text = "还没人回复?";
        m.replyToId = replyTo;
        m.analysis.question = true;
        return m;
    }

    static EnrichedMention brandReply(String id, long time, String replyTo) {
        EnrichedMention m = mention(id, time);
        m.officialAccountOf = "qingning";
        m.customerKey = "weibo:qingning_official";
        m.text = "亲，已经为您加急处理";
        m.replyToId = replyTo;
        return m;
    }

    static EnrichedMention mention(String id, long time) {
        EnrichedMention m = new EnrichedMention();
        m.id = id;
        m.platform = "weibo";
        m.brand = "qingning";
        m.createdAt = time;
        m.analysis = new TextAnalysis();
        m.analysis.sentimentLabel = "negative";
        return m;
    }

    /** Event time the harness has reached; watermarks never go back. */
    private long watermark = Long.MIN_VALUE;

    /**
     * A mention arrives, and event time moves on to it (a mention older than the watermark arrives
     * late).
     */
    private void add(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> h,
            EnrichedMention m)
            throws Exception {
        h.processElement(new StreamRecord<>(m, m.createdAt));
        advance(h, m.createdAt);
    }

    /** A mention arrives ahead of the watermark: it waits until event time reaches it. */
    private static void arrive(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> h,
            EnrichedMention m)
            throws Exception {
        h.processElement(new StreamRecord<>(m, m.createdAt));
    }

    private void advance(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> h, long time)
            throws Exception {
        if (time > watermark) {
            watermark = time;
            h.processWatermark(new Watermark(time));
        }
    }

    private static List<ResponseEvent> events(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, Alert> h) {
        return h.getSideOutput(TrackResponses.EVENTS) == null
                ? List.of()
                : h.getSideOutput(TrackResponses.EVENTS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
    }

    @Test
    void aComplaintAnsweredWithinItsDeadlineRaisesNothingAndItsResponseTimeIsMeasured()
            throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, complaint("c1", "alice", T0, "MEDIUM", "LOGISTICS"));
            add(h, brandReply("r1", T0 + 40 * MINUTE, "c1"));
            advance(h, T0 + 48 * HOUR);
            assertEquals(List.of(), h.extractOutputValues());
            List<ResponseEvent> events = events(h);
            assertEquals(List.of("OPENED", "ANSWERED"), events.stream().map(e -> e.kind).toList());
            assertEquals(40 * MINUTE, events.get(1).responseMillis);
            assertTrue(events.get(1).withinDeadline);
            assertEquals(0, h.numKeyedStateEntries(), "a closed case leaves no state");
            var replies = h.getSideOutput(TrackResponses.REPLIES);
            assertEquals(1, replies.size(), "the customer's engagement hears of the answer");
            assertEquals("alice", replies.peek().getValue().customerKey);
            assertEquals(T0, replies.peek().getValue().interactionAt, "the answered interaction");
        }
    }

    @Test
    void deadlinesFollowSeverityAndALateAnswerResolvesTheAlert() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, complaint("logistics", "bob", T0, "MEDIUM", "LOGISTICS"));
            add(h, complaint("poisoned", "carol", T0 + MINUTE, "CRITICAL", "SAFETY_LEGAL"));
            advance(h, T0 + 2 * HOUR);
            List<Alert> alerts = h.extractOutputValues();
            assertEquals(1, alerts.size(), "only the critical one is due after two hours");
            Alert critical = alerts.get(0);
            assertEquals("UNANSWERED_COMPLAINT", critical.type);
            assertEquals("CRITICAL", critical.severity);
            assertEquals(T0 + MINUTE + HOUR, critical.detectedAt, "one hour for CRITICAL");
            assertEquals("poisoned", critical.evidence.sampleMentionIds[0]);
            assertEquals("carol", critical.evidence.customerKey);

            advance(h, T0 + 25 * HOUR);
            alerts = h.extractOutputValues();
            assertEquals(2, alerts.size());
            assertEquals("MEDIUM", alerts.get(1).severity);
            assertEquals(T0 + 24 * HOUR, alerts.get(1).detectedAt, "24 hours for MEDIUM");

            add(h, brandReply("late", T0 + 26 * HOUR, "poisoned"));
            Alert resolved = h.extractOutputValues().get(2);
            assertEquals("RESOLVED", resolved.status);
            assertEquals(critical.incidentId, resolved.incidentId);
        }
    }

    @Test
    void aFollowUpEscalatesTheCaseAndItsDeadline() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, complaint("c1", "dave", T0, "MEDIUM", "SERVICE"));
            add(h, followUp("f1", "dave", T0 + 2 * HOUR, "c1"));
            advance(h, T0 + 5 * HOUR);
            List<Alert> alerts = h.extractOutputValues();
            assertEquals(1, alerts.size(), "escalated to HIGH: four hours instead of 24");
            assertEquals("HIGH", alerts.get(0).severity);
            assertEquals(T0 + 4 * HOUR, alerts.get(0).detectedAt);
            add(h, followUp("f2", "dave", T0 + 6 * HOUR, "c1"));
            Alert update = h.extractOutputValues().get(1);
            assertEquals("UPDATE", update.status);
            assertEquals("CRITICAL", update.severity);
            assertEquals(alerts.get(0).incidentId, update.incidentId);
        }
    }

    @Test
    void aReplySeenBeforeItsComplaintStillClosesIt() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, brandReply("r1", T0 + 10 * MINUTE, "c1")); // out of order: the answer first
            add(h, complaint("c1", "erin", T0, "HIGH", "PRODUCT_QUALITY"));
            advance(h, T0 + 3 * 24 * HOUR);
            assertEquals(List.of(), h.extractOutputValues(), "answered, so never overdue");
            assertEquals(
                    List.of("OPENED", "ANSWERED"), events(h).stream().map(e -> e.kind).toList());
            assertEquals(0, h.numKeyedStateEntries(), "cleaned up");
        }
    }

    @Test
    void postsOfAThreadAreTakenInEventTimeOrderWhateverOrderTheyArriveIn() throws Exception {
        try (var h = harness()) {
            h.open();
            // From other partitions, the follow-up and the answer overtake the complaint; all ahead
            // of the watermark.
            arrive(h, followUp("f1", "gina", T0 + 2 * HOUR, "c1"));
            arrive(h, brandReply("r1", T0 + 5 * HOUR, "c1"));
            arrive(h, complaint("c1", "gina", T0, "MEDIUM", "SERVICE"));
            advance(h, T0 + 3 * 24 * HOUR);
            List<Alert> alerts = h.extractOutputValues();
            assertEquals(
                    List.of("OPEN", "RESOLVED"),
                    alerts.stream().map(a -> a.status).toList(),
                    "the complaint opened the case, the follow-up raised it to HIGH (4 h), the"
                            + " answer came after 5 h");
            assertEquals("HIGH", alerts.get(0).severity);
            assertEquals(
                    T0,
                    alerts.get(0).firstSeen,
                    "opened by the complaint, not by the follow-up that arrived first");
            assertEquals(T0 + 4 * HOUR, alerts.get(0).detectedAt);
            assertEquals(
                    List.of("OPENED", "OVERDUE", "ANSWERED"),
                    events(h).stream().map(e -> e.kind).toList());
            assertEquals(0, h.numKeyedStateEntries(), "nothing left waiting or open");
        }
    }

    @Test
    void anUnansweredReplyMarkerAndAForgottenCaseLeaveNoState() throws Exception {
        try (var h = harness()) {
            h.open();
            add(h, brandReply("r1", T0, "nothing-we-will-ever-see"));
            add(h, complaint("c2", "frank", T0, "LOW", "PRICE"));
            advance(h, T0 + 15 * 24 * HOUR);
            assertEquals(
                    1,
                    h.extractOutputValues().size(),
                    "the LOW complaint was alerted at its deadline");
            assertEquals(0, h.numKeyedStateEntries(), "both given up after their time");
            assertTrue(
                    events(h).stream().anyMatch(e -> e.kind.equals("EXPIRED")),
                    "a forgotten case leaves the open count");
        }
    }

    @Test
    void theOpenCasesGaugeFollowsCasesOpeningAndClosing() throws Exception {
        var metrics = new InterceptingOperatorMetricGroup();
        try (var h = harness(metrics)) {
            h.open();
            assertEquals(0, openCases(metrics));
            add(h, complaint("c1", "alice", T0, "MEDIUM", "LOGISTICS"));
            add(h, complaint("c2", "bob", T0 + MINUTE, "LOW", "PRICE"));
            add(h, complaint("c3", "carol", T0 + 2 * MINUTE, "CRITICAL", "SAFETY_LEGAL"));
            assertEquals(3, openCases(metrics));
            add(h, followUp("f1", "alice", T0 + 3 * MINUTE, "c1"));
            assertEquals(3, openCases(metrics), "a follow-up escalates, it opens nothing");
            add(h, brandReply("r1", T0 + 10 * MINUTE, "c1"));
            assertEquals(2, openCases(metrics), "answered");
            advance(h, T0 + 2 * HOUR);
            assertEquals(1, h.extractOutputValues().size(), "c3 is overdue");
            assertEquals(2, openCases(metrics), "an overdue case is still open");
            add(h, brandReply("r3", T0 + 3 * HOUR, "c3"));
            assertEquals(1, openCases(metrics), "answered late");
            add(h, brandReply("r9", T0 + 3 * HOUR, "c9")); // before its complaint
            add(h, complaint("c9", "dave", T0 + 2 * HOUR, "HIGH", "SERVICE"));
            assertEquals(
                    1,
                    openCases(metrics),
                    "a complaint answered before it was seen never counts as open");
            advance(h, T0 + 15 * 24 * HOUR);
            assertEquals(0, openCases(metrics), "c2 given up after two weeks");
        }
    }

    @Test
    void theOpenCasesGaugeSurvivesARestart() throws Exception {
        OperatorSubtaskState snapshot;
        var before = new InterceptingOperatorMetricGroup();
        try (var h = harness(before)) {
            h.open();
            add(h, complaint("c1", "alice", T0, "MEDIUM", "LOGISTICS"));
            add(h, complaint("c2", "bob", T0 + MINUTE, "LOW", "PRICE"));
            snapshot = h.snapshot(1, T0 + 2 * MINUTE);
        }
        var after = new InterceptingOperatorMetricGroup();
        try (var h = harness(after)) {
            h.initializeState(snapshot);
            h.open();
            assertEquals(2, openCases(after), "restored with the cases, not from zero");
            add(h, brandReply("r1", T0 + 10 * MINUTE, "c1"));
            assertEquals(1, openCases(after));
        }
    }
}
