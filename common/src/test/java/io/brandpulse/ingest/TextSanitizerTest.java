package io.brandpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextSanitizerTest {

    @Test
    void nullStaysNull() {
        assertNull(TextSanitizer.clean(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain ascii",
                "青柠咖啡真好喝！",
                "line one\nline two",
                "col1\tcol2",
                "emoji 😀👍🏽",
                "zero\u200Dwidth joiner and \u200Frtl mark",
                "non-breaking\u00A0space"
            })
    void leavesCleanTextUnchanged(String text) {
        assertEquals(text, TextSanitizer.clean(text));
    }

    @Test
    void removesC0ControlCharactersExceptTabAndNewline() {
        StringBuilder in = new StringBuilder("[");
        for (char c = 0; c < 0x20; c++) {
            in.append(c);
        }
        in.append(']');
        assertEquals(
                "[\t\n\n]",
                TextSanitizer.clean(in.toString()),
                "tab and newline stay, a lone CR becomes a newline");
    }

    @Test
    void removesDeleteAndC1ControlCharacters() {
        assertEquals("abcd", TextSanitizer.clean("a\u007Fb\u0080c\u009Fd"));
        assertEquals("next line", TextSanitizer.clean("next\u0085 line"));
    }

    @Test
    void removesTerminalEscapeIntroducersButNotTheRestOfTheSequence() {
        assertEquals("[31mred[0m", TextSanitizer.clean("\u001B[31mred\u001B[0m"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CRLF becomes LF           | a\\r\\nb     | a\\nb",
                "lone CR becomes LF        | a\\rb       | a\\nb",
                "CR at the end             | a\\r        | a\\n",
                "CR CR LF is two newlines  | a\\r\\r\\nb   | a\\n\\nb",
                "LF CR is two newlines     | a\\n\\rb     | a\\n\\nb",
            })
    void foldsCarriageReturnsIntoNewlines(String name, String in, String expected) {
        assertEquals(unescape(expected), TextSanitizer.clean(unescape(in)));
    }

    @Test
    void replacesLoneSurrogatesWithTheReplacementCharacter() {
        assertEquals("a\uFFFDb", TextSanitizer.clean("a\uD800b"), "lone high surrogate");
        assertEquals("a\uFFFDb", TextSanitizer.clean("a\uDC00b"), "lone low surrogate");
        assertEquals(
                "end\uFFFD", TextSanitizer.clean("end\uD83D"), "high surrogate at the very end");
        assertEquals(
                "\uFFFD\uFFFD", TextSanitizer.clean("\uDE00\uD83D"), "a pair in the wrong order");
        assertEquals(
                "\uFFFD😀",
                TextSanitizer.clean("\uD83D\uD83D\uDE00"),
                "a high surrogate followed by a valid pair");
    }

    @Test
    void keepsValidSurrogatePairsNextToThingsItRemoves() {
        assertEquals("😀\n😀", TextSanitizer.clean("\u0000😀\r\n😀\u0007"));
    }

    @Test
    void resultIsAlwaysCleanAndCleaningTwiceChangesNothing() {
        Random random = new Random(1234L);
        for (int round = 0; round < 2000; round++) {
            String input = randomText(random);
            String once = TextSanitizer.clean(input);
            assertClean(once, input);
            assertEquals(
                    once, TextSanitizer.clean(once), () -> "not idempotent for " + escape(input));
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append((char) (0x7F + random.nextInt(0x22)));
                case 2 -> s.append((char) (0xD800 + random.nextInt(0x800)));
                case 3 -> s.appendCodePoint(0x1F600 + random.nextInt(0x40));
                default -> s.append((char) (0x20 + random.nextInt(0x5000)));
            }
        }
        return s.toString();
    }

    private static void assertClean(String s, String input) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = i;
            assertTrue(
                    c == '\n' || c == '\t' || !Character.isISOControl(c),
                    () ->
                            "control character U+"
                                    + Integer.toHexString(c)
                                    + " at "
                                    + at
                                    + " from "
                                    + escape(input));
            if (Character.isHighSurrogate(c)) {
                assertTrue(
                        i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)),
                        () -> "lone high surrogate at " + at + " from " + escape(input));
                i++;
            } else {
                assertTrue(
                        !Character.isLowSurrogate(c),
                        () -> "lone low surrogate at " + at + " from " + escape(input));
            }
        }
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars()
                .forEach(
                        c ->
                                out.append(
                                        c < 0x20 || c > 0x7E
                                                ? String.format("\\u%04X", c)
                                                : String.valueOf((char) c)));
        return out.toString();
    }
}
