package io.brandpulse.jobs.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brandpulse.model.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawLineFormatTest {

    private static List<RawRecord> read(byte[] input, int maxRecordBytes) throws IOException {
        var reader =
                new RawLineFormat.LineReader(
                        new ByteArrayInputStream(input), "in.jsonl", maxRecordBytes);
        List<RawRecord> records = new ArrayList<>();
        for (RawRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        assertNull(reader.read(), "stays at end of input");
        return records;
    }

    private static String text(RawRecord r) {
        return new String(r.payload, StandardCharsets.UTF_8);
    }

    @Test
    void splitsLinesKeepsEmptyOnesAndNumbersThemFromOne() throws IOException {
        List<RawRecord> records =
                read("a\r\n\nb\nlast-without-newline".getBytes(StandardCharsets.UTF_8), 100);
        assertEquals(
                List.of("a", "", "b", "last-without-newline"),
                records.stream().map(RawLineFormatTest::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), records.stream().map(r -> r.offset).toList());
        assertEquals("in.jsonl", records.get(0).source);
    }

    @Test
    void keepsInvalidUtf8BytesAsTheyAre() throws IOException {
        byte[] input = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        assertArrayEquals(
                new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, read(input, 100).get(0).payload);
    }

    @Test
    void cutsAnOverlongLineAndRemembersItsRealLengthWithoutLosingTheNextLine() throws IOException {
        String huge = "x".repeat(10_000);
        List<RawRecord> records = read((huge + "\nnext\n").getBytes(StandardCharsets.UTF_8), 100);
        assertEquals(2, records.size());
        assertEquals(101, records.get(0).payload.length, "memory stays bounded by the limit");
        assertEquals(10_000, records.get(0).truncatedFromBytes);
        assertEquals("next", text(records.get(1)));
        assertEquals(0, records.get(1).truncatedFromBytes);
    }

    @Test
    void aLineOfExactlyTheLimitIsNotTruncated() throws IOException {
        RawRecord r = read(("y".repeat(100) + "\r\n").getBytes(StandardCharsets.UTF_8), 100).get(0);
        assertEquals(100, r.payload.length);
        assertEquals(0, r.truncatedFromBytes);
    }
}
