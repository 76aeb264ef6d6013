package io.brandpulse.jobs.operators;

import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.ListeningChange;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.types.Either;

/**
 * A harness for the keyed operators that take two streams merged into one input ({@link Either})
 * and the control topic's changes on their broadcast side: records go in as to a two-input
 * operator, control records by key and value. Not opened: the test opens it (after a restore).
 */
final class MergedInputHarness<K, L, R, OUT>
        extends KeyedBroadcastOperatorTestHarness<K, Either<L, R>, ListeningChange, OUT> {
    private long controlOffset;

    MergedInputHarness(
            KeyedBroadcastProcessFunction<K, Either<L, R>, ListeningChange, OUT> function,
            KeySelector<L, K> leftKey,
            KeySelector<R, K> rightKey,
            TypeInformation<K> keyType)
            throws Exception {
        super(
                new CoBroadcastWithKeyedOperator<>(function, List.of(BrandsInForce.CONTROL)),
                e -> e.isLeft() ? leftKey.getKey(e.left()) : rightKey.getKey(e.right()),
                keyType,
                1,
                1,
                0);
    }

    void processElement1(StreamRecord<L> record) throws Exception {
        processElement(new StreamRecord<>(Either.Left(record.getValue()), record.getTimestamp()));
    }

    void processElement2(StreamRecord<R> record) throws Exception {
        processElement(new StreamRecord<>(Either.Right(record.getValue()), record.getTimestamp()));
    }

    /** The watermark of the merged input; the control side never holds it back (it is idle). */
    void processBothWatermarks(Watermark watermark) throws Exception {
        processWatermark(watermark);
        processBroadcastWatermark(watermark);
    }

    /** How many keyed state entries the operator holds (heap backend). */
    int numKeyedStateEntries() {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) getTwoInputOperator();
        return ((HeapKeyedStateBackend<?>) operator.getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    /** A record of the control topic, as the job reads it. */
    void control(String key, String value) throws Exception {
        processBroadcastElement(
                ListeningChange.of(
                        new ControlRecord(key, value, "listening-control", 0, controlOffset++)),
                0);
    }
}
