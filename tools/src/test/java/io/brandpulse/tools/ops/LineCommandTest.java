package io.brandpulse.tools.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLIs' contract: exactly one output line per input line, in order, whatever the line. */
class LineCommandTest {

    private static List<String> run(
            byte[] input, int maxLineBytes, LineCommand.LineProcessor processor)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LineCommand(maxLineBytes)
                .run(
                        new ByteArrayInputStream(input),
                        out,
                        processor,
                        (line, reason) -> "ERROR " + line + " " + reason);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void oneLineOutPerLineInEvenForBadLines() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("好\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        in.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        in.writeBytes("\nboom\r\n坏\n".getBytes(StandardCharsets.UTF_8));

        List<String> out =
                run(
                        in.toByteArray(),
                        1000,
                        line -> {
                            if (line.equals("boom")) {
                                throw new IllegalStateException("exploded");
                            }
                            return "OK " + line;
                        });

        assertEquals(6, out.size(), out::toString);
        assertEquals("OK 好", out.get(0));
        assertEquals("ERROR 2 not valid UTF-8", out.get(1));
        assertEquals("ERROR 3 empty line", out.get(2));
        assertEquals("ERROR 4 line of 5000 bytes is longer than the limit of 1000", out.get(3));
        assertEquals(
                "ERROR 5 could not be processed: java.lang.IllegalStateException: exploded",
                out.get(4));
        assertEquals("OK 坏", out.get(5));
    }

    @Test
    void aLastLineWithoutNewlineCountsAndNoInputGivesNoOutput() throws IOException {
        assertEquals(
                List.of("OK a", "OK b"),
                run("a\nb".getBytes(StandardCharsets.UTF_8), 100, line -> "OK " + line));
        assertEquals(List.of(), run(new byte[0], 100, line -> "OK " + line));
    }
}
