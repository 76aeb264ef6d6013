package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A brand's {@code rulesVersion}: the same definition, the same version; any change, another. */
class RulesVersionTest {
    private static final String PRIVACY = "privacy:\n  pseudonymKey: \"0123456789abcdef\"\n";
    private static final String QINGNING =
            PRIVACY
                    + """
                    brands:
                      - id: qingning
                        names: [青柠咖啡, LimeCafe]
                        keywords: [拿铁]
                        crisisTerms: [发霉]
                        detectors:
                          negativeSurge:
                            minShare: 0.5
                    """;

    private final ConfigLoader loader = new ConfigLoader(name -> null);

    private String version(String yaml, String... overrides) {
        ListeningConfig c = loader.parse("test.yaml", yaml, List.of(overrides));
        return c.brands.get(0).rulesVersion();
    }

    @Test
    void isAShortLowercaseHash() {
        assertTrue(version(QINGNING).matches("[0-9a-f]{12}"), version(QINGNING));
    }

    @Test
    void theSameDefinitionWrittenInAnotherOrderHasTheSameVersion() {
        String reordered =
                PRIVACY
                        + """
                        brands:
                          - detectors:
                              negativeSurge:
                                minShare: 0.5
                            crisisTerms: [发霉]
                            keywords: [拿铁]
                            names: [青柠咖啡, LimeCafe]
                            id: qingning
                        """;
        assertEquals(version(QINGNING), version(reordered));
    }

    @Test
    void aNewCrisisTermChangesIt() {
        assertNotEquals(version(QINGNING), version(QINGNING.replace("[发霉]", "[发霉, 召回]")));
    }

    @Test
    void aDetectorThresholdChangesIt() {
        assertNotEquals(version(QINGNING), version(QINGNING.replace("0.5", "0.55")));
    }

    @Test
    void aChangeOfTheGlobalDetectorsChangesEveryBrandItReaches() {
        // the brand's complete settings are its definition: a global default it inherits counts
        assertNotEquals(
                version(QINGNING), version(QINGNING, "alerts.detectors.volumeSpike.minVolume=99"));
    }

    @Test
    void settingsOutsideTheBrandDoNotChangeIt() {
        assertEquals(version(QINGNING), version(QINGNING, "metrics.window=30m"));
    }

    @Test
    void isComputedOnceAndKept() {
        BrandSettings b = new BrandSettings();
        b.id = "x";
        b.names.add("品牌");
        String first = b.rulesVersion();
        assertEquals(first, b.rulesVersion());
        assertEquals(first, RulesVersion.of(b));
    }
}
