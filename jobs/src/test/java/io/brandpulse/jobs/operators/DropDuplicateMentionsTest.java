package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brandpulse.model.Author;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.Mention;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DropDuplicateMentionsTest {

    private static Mention mention(String platform, String id) {
        Mention m = new Mention();
        m.id = id;
        m.platform = platform;
        m.createdAt = 1_000;
        m.author = new Author("a1", null, null, null);
        m.text = "text of " + id;
        m.sourceName = "mentions";
        m.sourcePartition = 1;
        m.sourceOffset = 42;
        return m;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Mention, Mention> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DropDuplicateMentions(Duration.ofHours(24))),
                DropDuplicateMentions::key,
                Types.STRING);
    }

    @Test
    void firstMentionPassesAndRepeatsBecomeDeadLettersWithTheirSource() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(new StreamRecord<>(mention("weibo", "1"), 1_000));
            h.processElement(new StreamRecord<>(mention("weibo", "1"), 1_000));
            h.processElement(
                    new StreamRecord<>(
                            mention("douyin", "1"), 1_000)); // same id, other platform: distinct

            List<String> passed =
                    h.extractOutputValues().stream()
                            .map(DropDuplicateMentions::key)
                            .collect(Collectors.toList());
            assertEquals(List.of("weibo:1", "douyin:1"), passed);

            var deadLetters = h.getSideOutput(DeadLetters.TAG);
            assertEquals(1, deadLetters.size());
            DeadLetter d = deadLetters.peek().getValue();
            assertEquals("DUPLICATE_ID", d.reason);
            assertEquals("1", d.mentionId);
            assertEquals("mentions", d.source);
            assertEquals(1, d.partition);
            assertEquals(42, d.offset);
        }
    }

    @Test
    void rememberedIdsSurviveARestoreFromSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(new StreamRecord<>(mention("weibo", "7"), 1_000));
            snapshot = h.snapshot(1, 2_000);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(new StreamRecord<>(mention("weibo", "7"), 1_000));
            assertEquals(0, restored.extractOutputValues().size());
            assertEquals(1, restored.getSideOutput(DeadLetters.TAG).size());
        }
    }
}
