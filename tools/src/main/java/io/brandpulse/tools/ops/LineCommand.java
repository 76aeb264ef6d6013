package io.brandpulse.tools.ops;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one-line-in, one-line-out loop of {@code scripts/analyze} and {@code scripts/segment}: reads
 * stdin as bytes, line by line, in constant memory (a line longer than the limit is skipped past,
 * not held), and writes exactly one output line per input line, in order. A line that cannot be
 * processed (invalid UTF-8, empty, too long, or any failure) gets an error line; nothing crashes
 * and no line is lost.
 */
public final class LineCommand {
    /** Processes one valid, non-empty line of text; returns its output line. */
    @FunctionalInterface
    public interface LineProcessor {
        String process(String line) throws Exception;
    }

    /** Formats the output line of a line that could not be processed. */
    @FunctionalInterface
    public interface ErrorFormatter {
        String error(long lineNumber, String reason);
    }

    private final int maxLineBytes;

    public LineCommand(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public void run(
            InputStream stdin, OutputStream stdout, LineProcessor processor, ErrorFormatter errors)
            throws IOException {
        InputStream in = new BufferedInputStream(stdin, 1 << 16);
        PrintStream out =
                new PrintStream(
                        new BufferedOutputStream(stdout, 1 << 16), false, StandardCharsets.UTF_8);
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineNumber = 0;
        int b = in.read();
        while (b >= 0) {
            line.reset();
            long length = 0;
            while (b >= 0 && b != '\n') {
                if (length++ < maxLineBytes) {
                    line.write(b);
                }
                b = in.read();
            }
            lineNumber++;
            out.println(
                    processLine(line.toByteArray(), length, lineNumber, utf8, processor, errors));
            if (in.available() == 0) {
                out.flush(); // interactive use: answer each line as it comes
            }
            b = b < 0 ? b : in.read();
        }
        out.flush();
    }

    private String processLine(
            byte[] bytes,
            long length,
            long lineNumber,
            CharsetDecoder utf8,
            LineProcessor processor,
            ErrorFormatter errors) {
        if (length > maxLineBytes) {
            return errors.error(
                    lineNumber,
                    "line of " + length + " bytes is longer than the limit of " + maxLineBytes);
        }
        int n =
                bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                        ? bytes.length - 1
                        : bytes.length;
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return errors.error(lineNumber, "not valid UTF-8");
        }
        if (text.isBlank()) {
            return errors.error(lineNumber, "empty line");
        }
        try {
            return processor.process(text);
        } catch (Exception | StackOverflowError e) {
            return errors.error(lineNumber, "could not be processed: " + e);
        }
    }
}
