package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.alerts.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A brand's {@code detectors} section, the global {@code alerts} section and their validation. */
class DetectorOverridesTest {
    private static final String PRIVACY = "privacy:\n  pseudonymKey: \"0123456789abcdef\"\n";
    private static final String ONE_BRAND =
            PRIVACY
                    + """
                    brands:
                      - id: qingning
                        names: [青柠咖啡]
                    """;

    private final Map<String, String> env =
            Map.of(
                    "HOOK_URL",
                    "https://oapi.dingtalk.com/robot/send?access_token=tok-SECRET-42",
                    "BAD_HOOK_URL",
                    "oapi.dingtalk.com/robot/send?access_token=tok-SECRET-43");
    private final ConfigLoader loader = new ConfigLoader(env::get);

    private ListeningConfig parse(String yaml, String... overrides) {
        return loader.parse("test.yaml", yaml, List.of(overrides));
    }

    private String rejected(String yaml, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        for (String fragment : fragments) {
            assertTrue(
                    e.getMessage().contains(fragment),
                    () -> "message should contain " + fragment + ": " + e.getMessage());
        }
        return e.getMessage();
    }

    private static BrandSettings brand(ListeningConfig c, String id) {
        return c.brands.stream().filter(b -> b.id.equals(id)).findFirst().orElseThrow();
    }

    @Nested
    class Inheritance {
        private final String yaml =
                PRIVACY
                        + """
                        alerts:
                          resolveAfter: 3h
                          detectors:
                            baselineDays: 14
                            warmUp: 4h
                            volumeSpike:
                              minVolume: 30
                              minRatio: 4
                            crisisKeyword:
                              burstRatio: 8
                        brands:
                          - id: qingning
                            names: [青柠咖啡]
                            detectors:
                              volumeSpike:
                                minRatio: 5
                              crisisKeyword:
                                minAuthors: 2
                              negativeSurge:
                                span: 30m
                          - id: beian
                            names: [北岸咖啡]
                          - id: small
                            names: [小店]
                            detectors:
                              baselineDays: 3
                        """;

        @Test
        void aBrandOverridesSingleValuesAndInheritsTheRest() {
            DetectorSettings d = brand(parse(yaml), "qingning").detectors;
            DetectorSettings defaults = new DetectorSettings();

            assertEquals(5.0, d.volumeSpike.minRatio, "the brand's own value");
            assertEquals(2, d.crisisKeyword.minAuthors, "the brand's own value");
            assertEquals(Duration.ofMinutes(30), d.negativeSurge.span, "the brand's own value");
            assertEquals(
                    30,
                    d.volumeSpike.minVolume,
                    "from alerts.detectors, next to an overridden value of the same section");
            assertEquals(8.0, d.crisisKeyword.burstRatio, "from alerts.detectors");
            assertEquals(14, d.baselineDays, "from alerts.detectors");
            assertEquals(Duration.ofHours(4), d.warmUp, "from alerts.detectors");
            assertEquals(defaults.volumeSpike.minScore, d.volumeSpike.minScore, "a Java default");
            assertEquals(
                    defaults.crisisKeyword.warmUpFactor,
                    d.crisisKeyword.warmUpFactor,
                    "a Java default");
            assertEquals(
                    defaults.negativeSurge.minNegative,
                    d.negativeSurge.minNegative,
                    "a Java default");
            assertEquals(
                    defaults.complaintBurst.minCount,
                    d.complaintBurst.minCount,
                    "a section no one set");
            assertTrue(
                    d.volumeSpike.enabled
                            && d.negativeSurge.enabled
                            && d.complaintBurst.enabled
                            && d.crisisKeyword.enabled);
        }

        @Test
        void aBrandWithoutDetectorsGetsTheGlobalOnes() {
            ListeningConfig c = parse(yaml);
            DetectorSettings d = brand(c, "beian").detectors;
            assertNotNull(d, "after loading every brand has its complete settings");
            assertEquals(4.0, d.volumeSpike.minRatio);
            assertEquals(30, d.volumeSpike.minVolume);
            assertEquals(3, d.crisisKeyword.minAuthors);
            assertEquals(Duration.ofHours(1), d.negativeSurge.span);
            assertEquals(14, d.baselineDays);
        }

        @Test
        void oneBrandsOverridesDoNotLeakIntoTheGlobalSettingsOrOtherBrands() {
            ListeningConfig c = parse(yaml);
            assertEquals(4.0, c.alerts.detectors.volumeSpike.minRatio);
            assertEquals(3, c.alerts.detectors.crisisKeyword.minAuthors);
            assertEquals(14, c.alerts.detectors.baselineDays);
            assertEquals(3, brand(c, "small").detectors.baselineDays);
            assertEquals(14, brand(c, "qingning").detectors.baselineDays);
            assertNotSame(brand(c, "beian").detectors, brand(c, "small").detectors);
            assertEquals(Duration.ofHours(3), c.alerts.resolveAfter);
            assertEquals(Duration.ofHours(6), c.alerts.reopenWithin, "a Java default");
        }

        @Test
        void withoutAnAlertsSectionABrandsOverridesSitOnTheJavaDefaults() {
            ListeningConfig c =
                    parse(
                            PRIVACY
                                    + """
                                    brands:
                                      - id: qingning
                                        names: [青柠咖啡]
                                        detectors:
                                          complaintBurst: {minCount: 12}
                                    """);
            DetectorSettings d = brand(c, "qingning").detectors;
            assertEquals(12, d.complaintBurst.minCount);
            assertEquals(new DetectorSettings().complaintBurst.minRatio, d.complaintBurst.minRatio);
            assertEquals(7, d.baselineDays);
            assertEquals(15, d.volumeSpike.minVolume);
        }

        @Test
        void anEmptyDetectorsSectionMeansTheGlobalOnes() {
            ListeningConfig c =
                    parse(
                            PRIVACY
                                    + """
                                    alerts:
                                      detectors: {volumeSpike: {minVolume: 50}}
                                    brands:
                                      - id: qingning
                                        names: [青柠咖啡]
                                        detectors:
                                    """);
            assertEquals(50, brand(c, "qingning").detectors.volumeSpike.minVolume);
        }

        @Test
        void aCommandLineOverrideOfTheGlobalValueReachesTheBrandsThatDoNotSetIt() {
            ListeningConfig c =
                    parse(
                            yaml,
                            "alerts.detectors.volumeSpike.minRatio=6",
                            "alerts.detectors.complaintBurst.minCount=20");
            assertEquals(6.0, brand(c, "beian").detectors.volumeSpike.minRatio);
            assertEquals(
                    5.0,
                    brand(c, "qingning").detectors.volumeSpike.minRatio,
                    "the brand's own value still wins");
            assertEquals(20, brand(c, "qingning").detectors.complaintBurst.minCount);
        }

        @Test
        void aDetectorCanBeSwitchedOffForOneBrand() {
            ListeningConfig c =
                    parse(
                            PRIVACY
                                    + """
                                    brands:
                                      - id: qingning
                                        names: [青柠咖啡]
                                        detectors: {volumeSpike: {enabled: false}}
                                      - id: beian
                                        names: [北岸咖啡]
                                    """);
            assertFalse(brand(c, "qingning").detectors.volumeSpike.enabled);
            assertTrue(brand(c, "beian").detectors.volumeSpike.enabled);
        }
    }

    @Nested
    class UnknownKeysAndWrongTypes {
        @Test
        void anUnknownKeyInsideABrandsDetectorsIsRejectedByPath() {
            String message =
                    rejected(
                            ONE_BRAND
                                    + """
                                        detectors:
                                          volumeSpike:
                                            minVolumes: 5
                                    """,
                            "unknown key 'brands[0].detectors.volumeSpike.minVolumes'",
                            "test.yaml");
            assertTrue(
                    message.contains("minVolume") && message.contains("minRatio"),
                    "the known keys are listed: " + message);
        }

        @Test
        void anUnknownDetectorIsRejectedByPath() {
            rejected(
                    ONE_BRAND
                            + """
                                detectors:
                                  sentimentDrop: {enabled: true}
                            """,
                    "unknown key 'brands[0].detectors.sentimentDrop'");
        }

        @Test
        void anUnknownKeyInTheSecondBrandNamesThatBrand() {
            rejected(
                    PRIVACY
                            + """
                            brands:
                              - id: qingning
                                names: [青柠咖啡]
                              - id: beian
                                names: [北岸咖啡]
                                detectors: {crisisKeyword: {minAuthor: 2}}
                            """,
                    "unknown key 'brands[1].detectors.crisisKeyword.minAuthor'");
        }

        @Test
        void anUnknownKeyInTheGlobalDetectorsIsRejectedByPath() {
            rejected(
                    PRIVACY
                            + """
                            alerts:
                              detectors:
                                negativeSurge: {minShares: 0.5}
                            """,
                    "unknown key 'alerts.detectors.negativeSurge.minShares'");
        }

        @Test
        void anUnknownKeyInTheGlobalDetectorsIsNamedWhereItIsWrittenWhenBrandsComeFirst() {
            String message =
                    rejected(
                            ONE_BRAND
                                    + """
                                    alerts:
                                      detectors:
                                        negativeSurge: {minShares: 0.5}
                                    """,
                            "unknown key 'alerts.detectors.negativeSurge.minShares'");
            assertFalse(
                    message.contains("brands[0]"), "qingning has no detectors section: " + message);
        }

        @Test
        void aDetectorsSectionThatIsNotAMappingHasTheWrongType() {
            rejected(
                    ONE_BRAND + "    detectors: strict\n",
                    "key 'brands[0].detectors'",
                    "wrong type");
        }

        @Test
        void aWrongTypeInsideABrandsDetectorsNamesTheKey() {
            rejected(
                    ONE_BRAND + "    detectors: {volumeSpike: {minVolume: many}}\n",
                    "key 'brands[0].detectors.volumeSpike.minVolume'",
                    "wrong type");
        }
    }

    @Nested
    class Spans {
        @Test
        void aSpanThatIsNotAWholeNumberOfWindowsIsRejected() {
            rejected(
                    ONE_BRAND + "    detectors: {negativeSurge: {span: 20m}}\n",
                    "key 'brands[0].detectors.negativeSurge.span'",
                    "whole number of metrics windows",
                    "15m");
            rejected(
                    PRIVACY + "alerts: {detectors: {complaintBurst: {span: 50m}}}\n",
                    "key 'alerts.detectors.complaintBurst.span'",
                    "whole number of metrics windows");
        }

        @Test
        void aSpanShorterThanOneWindowIsRejected() {
            rejected(
                    ONE_BRAND + "    detectors: {complaintBurst: {span: 5m}}\n",
                    "key 'brands[0].detectors.complaintBurst.span'",
                    "whole number of metrics windows");
            rejected(
                    ONE_BRAND + "    detectors: {negativeSurge: {span: 0s}}\n",
                    "key 'brands[0].detectors.negativeSurge.span'");
        }

        @Test
        void spansOfWholeWindowsAreAccepted() {
            ListeningConfig c =
                    parse(
                            ONE_BRAND
                                    + "    detectors: {negativeSurge: {span: 45m}, complaintBurst:"
                                    + " {span: PT2H}}\n");
            assertEquals(Duration.ofMinutes(45), c.brands.get(0).detectors.negativeSurge.span);
            assertEquals(Duration.ofHours(2), c.brands.get(0).detectors.complaintBurst.span);
        }

        @Test
        void spansAreCheckedAgainstTheConfiguredWindow() {
            parse(
                    ONE_BRAND
                            + "metrics: {window: 10m}\n"
                            + "alerts: {detectors: {negativeSurge: {span: 20m}, complaintBurst:"
                            + " {span: 30m}}}\n");
            rejected(
                    ONE_BRAND + "metrics: {window: 25m}\n",
                    "key 'alerts.detectors.negativeSurge.span'",
                    "metrics.window = 25m");
        }

        @Test
        void theCrisisTermSpanIsAnyDuration() {
            ListeningConfig c = parse(ONE_BRAND + "    detectors: {crisisKeyword: {span: 20m}}\n");
            assertEquals(Duration.ofMinutes(20), c.brands.get(0).detectors.crisisKeyword.span);
            rejected(
                    ONE_BRAND + "    detectors: {crisisKeyword: {span: soon}}\n",
                    "key 'brands[0].detectors.crisisKeyword.span'");
        }

        @Test
        void invalidValuesInABrandsDetectorsNameTheBrandsKey() {
            rejected(
                    ONE_BRAND + "    detectors: {baselineDays: 40}\n",
                    "key 'brands[0].detectors.baselineDays'",
                    "between 1 and 28");
            rejected(
                    ONE_BRAND + "    detectors: {warmUp: later}\n",
                    "key 'brands[0].detectors.warmUp'");
            rejected(
                    ONE_BRAND + "    detectors: {volumeSpike: {minVolume: 0}}\n",
                    "key 'brands[0].detectors.volumeSpike.minVolume'");
            rejected(
                    ONE_BRAND + "    detectors: {negativeSurge: {minShare: 1.5}}\n",
                    "key 'brands[0].detectors.negativeSurge.minShare'");
            rejected(
                    ONE_BRAND + "    detectors: {crisisKeyword: {warmUpFactor: 0.5}}\n",
                    "key 'brands[0].detectors.crisisKeyword.warmUpFactor'");
        }
    }

    @Nested
    class Webhook {
        @Test
        void anHttpsUrlWithATemplateAndAKeyIsAccepted() {
            ListeningConfig c =
                    parse(
                            ONE_BRAND
                                    + """
                                    alerts:
                                      webhook:
                                        url: ${env:HOOK_URL}
                                        template: dingtalk
                                        signingKey: k3y
                                        minSeverity: HIGH
                                    """);
            WebhookSettings w = c.alerts.webhook;
            assertTrue(w.enabled());
            assertEquals("https://oapi.dingtalk.com/robot/send?access_token=tok-SECRET-42", w.url);
            assertEquals(WebhookSettings.Template.DINGTALK, w.template);
            assertEquals(Severity.HIGH, w.minSeverity);
            assertFalse(w.toString().contains("SECRET"), "the URL may hold a token: " + w);
        }

        @Test
        void noUrlMeansNoWebhook() {
            assertFalse(parse(ONE_BRAND).alerts.webhook.enabled());
            assertFalse(
                    parse(ONE_BRAND + "alerts: {webhook: {url: ''}}\n").alerts.webhook.enabled());
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ftp://hooks.example.com/tok-SECRET-1",
                    "hooks.example.com/tok-SECRET-1",
                    "https:///tok-SECRET-1",
                    "javascript:alert('tok-SECRET-1')",
                    "https://hooks.example.com/tok-SECRET-1 x"
                })
        void aUrlThatIsNotHttpIsRejectedWithoutEchoingIt(String url) {
            String message =
                    rejected(
                            ONE_BRAND + "alerts:\n  webhook:\n    url: \"" + url + "\"\n",
                            "key 'alerts.webhook.url'",
                            "http:// or https://");
            assertFalse(message.contains("SECRET"), "the URL may hold a token: " + message);
            assertFalse(message.contains("hooks.example.com"), message);
        }

        @Test
        void aBadUrlFromTheEnvironmentIsNotEchoedEither() {
            String message =
                    rejected(
                            ONE_BRAND + "alerts: {webhook: {url: '${env:BAD_HOOK_URL}'}}\n",
                            "key 'alerts.webhook.url'");
            assertFalse(message.contains("SECRET") || message.contains("dingtalk"), message);
        }

        @Test
        void httpAndHttpsInAnyCaseAreAccepted() {
            parse(ONE_BRAND + "alerts: {webhook: {url: 'http://10.0.0.5:8080/hook'}}\n");
            parse(ONE_BRAND + "alerts: {webhook: {url: 'HTTPS://hooks.example.com'}}\n");
        }

        @ParameterizedTest
        @ValueSource(strings = {"teams", "Slack", "markdown", "''"})
        void anUnknownTemplateIsRejected(String template) {
            rejected(
                    ONE_BRAND + "alerts: {webhook: {template: " + template + "}}\n",
                    "key 'alerts.webhook.template'",
                    "generic, slack, wecom or dingtalk");
        }

        @ParameterizedTest
        @ValueSource(strings = {"generic", "slack", "wecom", "dingtalk"})
        void theFourTemplatesAreAccepted(String template) {
            assertEquals(
                    template,
                    parse(ONE_BRAND + "alerts: {webhook: {template: " + template + "}}\n")
                            .alerts
                            .webhook
                            .template
                            .toString());
        }

        @Test
        void anUnknownMinSeverityIsRejected() {
            rejected(
                    ONE_BRAND + "alerts: {webhook: {minSeverity: URGENT}}\n",
                    "key 'alerts.webhook.minSeverity'");
        }

        @Test
        void anUnknownWebhookKeyIsRejectedByPath() {
            rejected(
                    ONE_BRAND + "alerts: {webhook: {secret: x}}\n",
                    "unknown key 'alerts.webhook.secret'",
                    "signingKey");
        }
    }
}
