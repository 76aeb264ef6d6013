package io.brandpulse.jobs.operators;

import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.OutputTag;

/** The dead-letter side output every ingestion operator shares, and its per-reason counters. */
public final class DeadLetters {
    /** Side output of everything the job could not use; it ends in {@code mentions-dlq}. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private final Map<DeadLetterReason, Counter> byReason = new EnumMap<>(DeadLetterReason.class);

    /**
     * Counters {@code deadLetters} with a {@code reason} label (in Prometheus: one series per
     * reason), registered up front so that dashboards see zeros rather than gaps.
     */
    public DeadLetters(MetricGroup operatorMetrics) {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(
                    reason,
                    operatorMetrics.addGroup("reason", reason.name()).counter("deadLetters"));
        }
    }

    public void count(DeadLetter deadLetter) {
        byReason.get(DeadLetterReason.valueOf(deadLetter.reason)).inc();
    }

    /**
     * A control record that is not applied, with the reason (the key and the path of the problem).
     */
    public static DeadLetter invalidControl(ControlRecord record, String reason) {
        DeadLetter d = new DeadLetter();
        d.reason = DeadLetterReason.INVALID_CONTROL.name();
        d.detail = reason;
        d.payload = record.value == null ? "" : record.value;
        d.payloadEncoding = "utf-8";
        d.payloadBytes = d.payload.getBytes(StandardCharsets.UTF_8).length;
        d.source = record.source;
        d.partition = record.partition;
        d.offset = record.offset;
        return d;
    }
}
