package io.brandpulse.tools.bench;

import io.brandpulse.contract.OutputJson;
import io.brandpulse.jobs.listening.ListeningSinks;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The listening job's Kafka sinks without a broker: each record is serialized as the job's Kafka
 * sink serializes it ({@link OutputJson}), at the job's parallelism and chained to what feeds it,
 * as the Kafka sinks are; the bytes are counted and dropped. What the broker and the producer's
 * network cost is {@code scripts/bench-live}'s to measure.
 */
final class SerializeOnlySink<T> implements Sink<T> {
    /** Bytes serialized in this JVM: read, so the JIT cannot drop the serialization. */
    static final LongAdder BYTES = new LongAdder();

    private final SerializableFunction<T, byte[]> json;

    SerializeOnlySink(SerializableFunction<T, byte[]> json) {
        this.json = json;
    }

    /** The five outputs, each serialized as its Kafka sink does. */
    static ListeningSinks listeningSinks() {
        return new ListeningSinks(
                new SerializeOnlySink<>(OutputJson::enrichedMention),
                new SerializeOnlySink<>(OutputJson::deadLetter),
                new SerializeOnlySink<>(OutputJson::brandMetrics),
                new SerializeOnlySink<>(OutputJson::alert),
                new SerializeOnlySink<>(OutputJson::customerEngagement));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                BYTES.add(json.apply(element).length);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
