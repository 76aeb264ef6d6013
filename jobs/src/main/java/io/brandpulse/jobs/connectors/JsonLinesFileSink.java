package io.brandpulse.jobs.connectors;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes a stream as one JSON line per record to a single local file, for bounded runs ({@code
 * scripts/run-file}). Run it at parallelism 1: the file is the whole output, in the order the
 * records arrive. It is not a transactional sink; the Kafka sinks are the ones that survive
 * failures.
 */
public class JsonLinesFileSink<T> implements Sink<T>, SingleWriterSink {
    private final String file;
    private final SerializableFunction<T, byte[]> json;

    public JsonLinesFileSink(Path file, SerializableFunction<T, byte[]> json) {
        this.file = file.toAbsolutePath().toString();
        this.json = json;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException(
                    "JsonLinesFileSink writes one file; run it at parallelism 1");
        }
        Path path = Paths.get(file);
        Files.createDirectories(path.getParent());
        return new Writer<>(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), json);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final OutputStream out;
        private final SerializableFunction<T, byte[]> json;

        Writer(OutputStream out, SerializableFunction<T, byte[]> json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(json.apply(element));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
