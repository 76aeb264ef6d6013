package io.brandpulse.tools.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.KafkaSettings;
import io.brandpulse.tools.chaos.CompareOutputs.Output;
import io.brandpulse.tools.chaos.CompareOutputs.Record;
import io.brandpulse.tools.chaos.CompareOutputs.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chaos verdict must catch what exactly-once forbids: a lost record, a duplicate, a stale final
 * value.
 */
class CompareOutputsTest {
    private static final List<Output> OUTPUTS =
            CompareOutputs.outputs(new KafkaSettings.Topics(), "WEBHOOK_UNDELIVERED");

    private static Output output(String topic) {
        return OUTPUTS.stream().filter(o -> o.topic().equals(topic)).findFirst().orElseThrow();
    }

    private static Verdict compare(String topic, List<Record> expected, List<Record> actual) {
        Output o = output(topic);
        return CompareOutputs.compare(o, o.view().apply(expected), o.view().apply(actual));
    }

    private static List<Record> values(String... json) {
        return Arrays.stream(json).map(v -> new Record(null, v)).toList();
    }

    @Test
    void aDuplicatedOrLostAlertIsCaught() {
        List<Record> expected = values("{\"alertId\":\"a\"}", "{\"alertId\":\"b\"}");
        assertTrue(
                compare("alerts", expected, values("{\"alertId\":\"b\"}", "{\"alertId\":\"a\"}"))
                        .ok(),
                "order does not matter");
        Verdict duplicate =
                compare(
                        "alerts",
                        expected,
                        values(
                                "{\"alertId\":\"a\"}",
                                "{\"alertId\":\"a\"}",
                                "{\"alertId\":\"b\"}"));
        assertFalse(duplicate.ok());
        assertEquals(1, duplicate.unexpected());
        Verdict lost = compare("alerts", expected, values("{\"alertId\":\"a\"}"));
        assertEquals(1, lost.missing());
    }

    @Test
    void deadLettersCompareWithoutWhereTheyWereRead() {
        List<Record> fromFile =
                values("{\"reason\":\"INVALID_JSON\",\"source\":{\"line\":7},\"payload\":\"{\"}");
        List<Record> fromKafka =
                values(
                        "{\"reason\":\"INVALID_JSON\",\"source\":{\"partition\":0,\"offset\":41},\"payload\":\"{\"}",
                        "{\"reason\":\"WEBHOOK_UNDELIVERED\",\"source\":{\"name\":\"webhook\"},\"payload\":\"x\"}");
        assertTrue(
                compare("mentions-dlq", fromFile, fromKafka).ok(),
                "the ignored reason is left out, the source aside");
        assertFalse(compare("mentions-dlq", fromFile, values()).ok());
    }

    @Test
    void scoresCompareByTheLatestRecordPerCustomerAndBrand() {
        List<Record> expected =
                values(
                        "{\"customerKey\":\"c1\",\"brand\":\"x\",\"score\":10}",
                        "{\"customerKey\":\"c1\",\"brand\":\"x\",\"score\":30}");
        List<Record> rateLimitedDifferently =
                values("{\"customerKey\":\"c1\",\"brand\":\"x\",\"score\":30}");
        assertTrue(compare("customer-engagement", expected, rateLimitedDifferently).ok());
        Verdict stale =
                compare(
                        "customer-engagement",
                        expected,
                        values("{\"customerKey\":\"c1\",\"brand\":\"x\",\"score\":10}"));
        assertFalse(stale.ok(), "a final score that differs is caught");
        List<Record> erased =
                List.of(
                        new Record(null, "{\"customerKey\":\"c1\",\"brand\":\"x\",\"score\":10}"),
                        new Record("c1", null));
        assertEquals(
                0,
                compare("customer-engagement", values(), erased).actual(),
                "a tombstone erases the customer");
    }

    @Test
    void brandMetricsCompareByTheLatestRecordPerWindow() {
        String early = "{\"brand\":\"x\",\"window\":{\"start\":\"t0\"},\"volume\":3}";
        String reEmitted = "{\"brand\":\"x\",\"window\":{\"start\":\"t0\"},\"volume\":4}";
        assertTrue(compare("brand-metrics", values(early, reEmitted), values(reEmitted)).ok());
        assertFalse(
                compare("brand-metrics", values(early, reEmitted), values(reEmitted, early)).ok(),
                "a late window left stale");
    }
}
