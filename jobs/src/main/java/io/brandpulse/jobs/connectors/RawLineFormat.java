package io.brandpulse.jobs.connectors;

import io.brandpulse.model.RawRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSON-lines file as raw records, one per line, as bytes (invalid UTF-8 must reach the
 * parser to become a dead letter, not be replaced by a decoder). Memory stays bounded on any input:
 * a line longer than {@code maxRecordBytes} is cut there, its rest skipped, and the record marked
 * so that the parser rejects it as TOO_LARGE with its real length.
 */
public class RawLineFormat extends SimpleStreamFormat<RawRecord> {
    private final String sourceName;
    private final int maxRecordBytes;

    public RawLineFormat(String sourceName, int maxRecordBytes) {
        this.sourceName = sourceName;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public StreamFormat.Reader<RawRecord> createReader(
            Configuration config, FSDataInputStream stream) {
        return new LineReader(new BufferedInputStream(stream, 1 << 16), sourceName, maxRecordBytes);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    static final class LineReader implements StreamFormat.Reader<RawRecord> {
        private final InputStream in;
        private final String sourceName;
        private final int maxRecordBytes;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lineNumber;

        LineReader(InputStream in, String sourceName, int maxRecordBytes) {
            this.in = in;
            this.sourceName = sourceName;
            this.maxRecordBytes = maxRecordBytes;
        }

        @Override
        public RawRecord read() throws IOException {
            line.reset();
            long length = 0;
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                if (length < maxRecordBytes + 1L) {
                    line.write(b);
                }
                length++;
                b = in.read();
            }
            lineNumber++;
            byte[] bytes = line.toByteArray();
            if (length <= maxRecordBytes + 1L
                    && bytes.length > 0
                    && bytes[bytes.length - 1] == '\r') {
                bytes = Arrays.copyOf(bytes, bytes.length - 1);
                length--;
            }
            RawRecord record = new RawRecord(bytes, sourceName, 0, lineNumber);
            if (length > bytes.length) {
                record.truncatedFromBytes = length;
            }
            return record;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
