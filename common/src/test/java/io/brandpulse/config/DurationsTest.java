package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "500ms,  PT0.5S",
        "10s,    PT10S",
        "5m,     PT5M",
        "4h,     PT4H",
        "7d,     PT168H",
        "0s,     PT0S",
        "90m,    PT1H30M",
        "PT5M,   PT5M",
        "P1DT2H, PT26H",
        "'  5m ', PT5M",
        "'5 m',  PT5M",
    })
    void parsesShortFormsAndIso8601(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "",
                "   ",
                "soon",
                "5",
                "5 minutes",
                "5M",
                "5min",
                "1.5h",
                "-5m",
                "m5",
                "5mss",
                "P5M",
                "PT"
            })
    void rejectsAnythingElseNamingTheValue(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(
                e.getMessage().contains("500ms"),
                "the message shows what to write: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"999999999999999d", "106751991168d", "9223372036854776s"})
    void rejectsDurationsTooLongToCountInMilliseconds(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "PT0.5S,  500ms",
        "PT10S,   10s",
        "PT90S,   90s",
        "PT5M,    5m",
        "PT1H30M, 90m",
        "PT4H,    4h",
        "PT24H,   1d",
        "PT168H,  7d",
        "PT0S,    0s",
        "PT1.0005S, PT1.0005S",
    })
    void formatsInTheLargestWholeUnit(String iso, String expected) {
        assertEquals(expected, Durations.format(Duration.parse(iso)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"500ms", "10s", "5m", "4h", "7d", "90m", "1500ms"})
    void whatItFormatsParsesBackToTheSameDuration(String text) {
        Duration d = Durations.parse(text);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }
}
