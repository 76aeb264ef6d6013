package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brandpulse.model.Alert;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Unanswered-complaint alerts wait for the brand's first visible reply; bounded; kept across a
 * restore.
 */
class GateUnansweredAlertsTest {
    private static KeyedTwoInputStreamOperatorTestHarness<String, Alert, String, Alert> harness()
            throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new GateUnansweredAlerts()),
                a -> a.brand,
                brand -> brand,
                Types.STRING);
    }

    private static Alert alert(String brand, int n) {
        Alert a = new Alert();
        a.alertId = brand + "-" + n;
        a.brand = brand;
        a.type = "UNANSWERED_COMPLAINT";
        return a;
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId).toList();
    }

    @Test
    void alertsWaitForTheBrandsFirstReplyThenGoOutInOrderAndLaterOnesPassStraightThrough()
            throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement1(new StreamRecord<>(alert("qingning", 1), 1));
            h.processElement1(new StreamRecord<>(alert("qingning", 2), 2));
            h.processElement1(new StreamRecord<>(alert("other", 1), 3));
            assertEquals(List.of(), h.extractOutputValues(), "no reply of either brand seen yet");

            h.processElement2(new StreamRecord<>("qingning", 4));
            assertEquals(
                    List.of("qingning-1", "qingning-2"),
                    ids(h.extractOutputValues()),
                    "released in order, only that brand's");

            h.processElement2(
                    new StreamRecord<>("qingning", 5)); // a second reply releases nothing twice
            h.processElement1(new StreamRecord<>(alert("qingning", 3), 6));
            assertEquals(
                    List.of("qingning-1", "qingning-2", "qingning-3"),
                    ids(h.extractOutputValues()));
        }
    }

    @Test
    void theNewestAreAlwaysKeptAndTheOldestGoInOneBatchBeyondTheBound() throws Exception {
        int withinSlack = GateUnansweredAlerts.MAX_HELD + GateUnansweredAlerts.DROP_AT_ONCE;
        assertEquals(
                IntStream.range(0, withinSlack).mapToObj(i -> "qingning-" + i).toList(),
                releasedAfter(withinSlack),
                "up to the slack past the bound, nothing is dropped");
        int sent = withinSlack + 1;
        assertEquals(
                IntStream.range(sent - GateUnansweredAlerts.MAX_HELD, sent)
                        .mapToObj(i -> "qingning-" + i)
                        .toList(),
                releasedAfter(sent),
                "beyond it, the newest MAX_HELD are kept, in order");
    }

    /** The ids released by the brand's first reply after {@code sent} alerts. */
    private static List<String> releasedAfter(int sent) throws Exception {
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < sent; i++) {
                h.processElement1(new StreamRecord<>(alert("qingning", i), i));
            }
            h.processElement2(new StreamRecord<>("qingning", sent));
            return ids(h.extractOutputValues());
        }
    }

    @Test
    void heldAlertsSurviveARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement1(new StreamRecord<>(alert("qingning", 1), 1));
            snapshot = h.snapshot(1, 2);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement1(new StreamRecord<>(alert("qingning", 2), 3));
            h.processElement2(new StreamRecord<>("qingning", 4));
            assertEquals(List.of("qingning-1", "qingning-2"), ids(h.extractOutputValues()));
        }
    }
}
