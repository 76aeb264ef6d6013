package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.alerts.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final Path EXAMPLE = Path.of("../config/example.yaml");
    private static final Path DEMO = Path.of("../config/demo.yaml");
    private static final String ENV_KEY = "env-pseudonym-key-0123456789";

    private static final String PRIVACY = "privacy:\n  pseudonymKey: \"0123456789abcdef\"\n";

    /** The smallest valid configuration: everything else has a default. */
    private static final String MINIMAL =
            """
            privacy:
              pseudonymKey: "0123456789abcdef"
            brands:
              - id: qingning
                names: [青柠咖啡, LimeCafe]
            """;

    private final Map<String, String> env =
            new HashMap<>(Map.of("BRANDPULSE_PSEUDONYM_KEY", ENV_KEY));
    private final ConfigLoader loader = new ConfigLoader(env::get);

    private ListeningConfig parse(String yaml, String... overrides) {
        return loader.parse("test.yaml", yaml, List.of(overrides));
    }

    /**
     * Asserts that the configuration is rejected and that the message has every fragment; returns
     * the message.
     */
    private String rejected(String yaml, List<String> overrides, String... fragments) {
        ConfigException e =
                assertThrows(
                        ConfigException.class, () -> loader.parse("test.yaml", yaml, overrides));
        for (String fragment : fragments) {
            assertTrue(
                    e.getMessage().contains(fragment),
                    () -> "message should contain " + fragment + ": " + e.getMessage());
        }
        return e.getMessage();
    }

    private String rejected(String yaml, String... fragments) {
        return rejected(yaml, List.of(), fragments);
    }

    @Nested
    class ShippedFiles {
        @Test
        void loadsTheExampleConfiguration() {
            ListeningConfig c = loader.load(EXAMPLE, List.of());

            assertEquals("brandpulse-listening", c.job.name);
            assertEquals(Duration.ofSeconds(10), c.job.checkpointInterval);
            assertNull(c.job.parallelism);
            assertNull(c.job.stateBackend);
            assertEquals("127.0.0.1:9092", c.kafka.bootstrapServers);
            assertEquals(Duration.ofMinutes(15), c.kafka.transactionTimeout);
            assertEquals(KafkaSettings.StartingOffsets.EARLIEST, c.kafka.startingOffsets);
            assertEquals("mentions", c.kafka.topics.mentions);
            assertEquals("mentions-enriched", c.kafka.topics.enrichedMentions);
            assertEquals("mentions-dlq", c.kafka.topics.deadLetters);
            assertEquals("customer-engagement", c.kafka.topics.customerEngagement);
            assertTrue(c.kafka.properties.isEmpty());
            assertEquals(1_048_576, c.ingestion.maxRecordBytes);
            assertEquals(20_000, c.ingestion.maxTextChars);
            assertEquals(32, c.ingestion.maxJsonDepth);
            assertEquals(Duration.ofHours(1), c.ingestion.maxClockSkew);
            assertEquals(ENV_KEY, c.privacy.pseudonymKey, "the key comes from the environment");
            assertEquals(List.of(), c.privacy.optOut);

            assertEquals(List.of("qingning", "beian"), c.brands.stream().map(b -> b.id).toList());
            BrandSettings qingning = c.brands.get(0);
            assertEquals(List.of("青柠咖啡", "青檸咖啡", "Qingning Coffee", "LimeCafe"), qingning.names);
            assertEquals(
                    List.of("weibo:qingning_official", "xiaohongshu:qn_cafe"),
                    qingning.officialAccounts);
            assertEquals(List.of("beian"), qingning.competitors);
            assertEquals(List.of("qingning"), c.brands.get(1).competitors);
        }

        @Test
        void theExampleNeedsThePseudonymKeyInTheEnvironment() {
            ConfigException e =
                    assertThrows(
                            ConfigException.class,
                            () -> new ConfigLoader(name -> null).load(EXAMPLE, List.of()));
            assertTrue(e.getMessage().contains("privacy.pseudonymKey"), e.getMessage());
            assertTrue(e.getMessage().contains("BRANDPULSE_PSEUDONYM_KEY"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("example.yaml"),
                    "the message names the file: " + e.getMessage());
        }

        @Test
        void loadsTheDemoConfigurationWithDefaultsForWhatItLeavesOut() {
            ListeningConfig c = loader.load(DEMO, List.of());

            assertEquals("brandpulse-listening-demo", c.job.name);
            assertEquals(Duration.ofSeconds(2), c.job.checkpointInterval);
            assertEquals("brandpulse-demo", c.kafka.groupId);
            assertEquals(
                    "mentions", c.kafka.topics.mentions, "topics default to the contract's names");
            assertEquals(20_000, c.ingestion.maxTextChars, "the demo has no ingestion section");
            assertEquals(Duration.ofHours(24), c.ingestion.deduplicationWindow);
            assertEquals(ENV_KEY, c.privacy.pseudonymKey, "the environment wins over the fallback");
            assertEquals(List.of("weibo:u_optout_77"), c.privacy.optOut);
            assertEquals(List.of("qingning", "beian"), c.brands.stream().map(b -> b.id).toList());
        }

        @Test
        void theDemoFallsBackToItsDemoKey() {
            ListeningConfig c = new ConfigLoader(name -> null).load(DEMO, List.of());
            assertEquals("demo-only-pseudonym-key", c.privacy.pseudonymKey);
        }

        @Test
        void aMissingFileIsAConfigException() {
            ConfigException e =
                    assertThrows(
                            ConfigException.class,
                            () -> loader.load(Path.of("no/such/file.yaml"), List.of()));
            assertTrue(e.getMessage().contains("file.yaml"), e.getMessage());
        }
    }

    @Nested
    class Defaults {
        @Test
        void applyForEveryAbsentKey() {
            ListeningConfig c = parse(MINIMAL);

            JobSettings job = new JobSettings();
            KafkaSettings kafka = new KafkaSettings();
            IngestionSettings ingestion = new IngestionSettings();
            assertEquals(job.name, c.job.name);
            assertEquals(job.checkpointInterval, c.job.checkpointInterval);
            assertNull(c.job.checkpointDirectory);
            assertEquals(kafka.bootstrapServers, c.kafka.bootstrapServers);
            assertEquals(kafka.groupId, c.kafka.groupId);
            assertEquals(kafka.transactionalIdPrefix, c.kafka.transactionalIdPrefix);
            assertEquals(kafka.startingOffsets, c.kafka.startingOffsets);
            assertEquals("alerts", c.kafka.topics.alerts);
            assertEquals("brand-metrics", c.kafka.topics.brandMetrics);
            assertEquals(ingestion.maxRecordBytes, c.ingestion.maxRecordBytes);
            assertEquals(ingestion.maxJsonDepth, c.ingestion.maxJsonDepth);
            assertEquals(ingestion.maxOutOfOrderness, c.ingestion.maxOutOfOrderness);
            assertEquals(ingestion.idleness, c.ingestion.idleness);
            assertEquals(List.of(), c.privacy.optOut);
            assertEquals(List.of(), c.brands.get(0).officialAccounts);
            assertEquals(List.of(), c.brands.get(0).competitors);
        }

        @Test
        void applyToTheUnsetKeysOfAPartlySetSection() {
            ListeningConfig c = parse(MINIMAL + "kafka:\n  topics:\n    mentions: raw-mentions\n");
            assertEquals("raw-mentions", c.kafka.topics.mentions);
            assertEquals("mentions-dlq", c.kafka.topics.deadLetters);
            assertEquals("127.0.0.1:9092", c.kafka.bootstrapServers);
        }

        @Test
        void anEmptyFileStillNeedsAPseudonymKey() {
            rejected("", "privacy.pseudonymKey");
            rejected("# only a comment\n", "privacy.pseudonymKey");
        }

        @Test
        void noBrandsIsAllowed() {
            assertEquals(List.of(), parse("privacy: {pseudonymKey: 0123456789abcdef}").brands);
        }

        @Test
        void kafkaPropertiesPassThroughWithDottedKeys() {
            ListeningConfig c =
                    parse(
                            MINIMAL
                                    + "kafka:\n"
                                    + "  properties:\n"
                                    + "    security.protocol: SASL_SSL\n"
                                    + "    sasl.mechanism: PLAIN\n");
            assertEquals(
                    Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                    c.kafka.properties);
        }
    }

    @Nested
    class UnknownKeys {
        @Test
        void aTopLevelUnknownKeyIsNamed() {
            rejected(
                    MINIMAL + "jobs:\n  name: x\n",
                    "unknown key 'jobs'",
                    "test.yaml",
                    "known keys here: alerts, analysis, brands, engagement, ingestion, job, kafka,"
                            + " metrics, privacy");
        }

        @Test
        void aNestedUnknownKeyIsNamedWithItsPath() {
            String message =
                    rejected(
                            """
                            privacy: {pseudonymKey: 0123456789abcdef}
                            brands:
                              - id: qingning
                                nmes: [青柠咖啡]
                            """,
                            "unknown key 'brands[0].nmes'");
            assertTrue(message.contains("names"), "the message lists the known keys: " + message);
        }

        @Test
        void unknownKeysDeepInsideSectionsAreNamed() {
            rejected(
                    MINIMAL + "kafka:\n  topics:\n    mention: m\n",
                    "unknown key 'kafka.topics.mention'");
            rejected(
                    MINIMAL + "ingestion:\n  maxTextLength: 5\n",
                    "unknown key 'ingestion.maxTextLength'");
            rejected(
                    """
                    privacy: {pseudonymKey: 0123456789abcdef}
                    brands:
                      - {id: a, names: [A]}
                      - {id: b, names: [B], competitor: [a]}
                    """,
                    "unknown key 'brands[1].competitor'");
        }
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("job:\n  parallelism: many\n", "job.parallelism"),
                Arguments.of("ingestion:\n  maxRecordBytes: [1]\n", "ingestion.maxRecordBytes"),
                Arguments.of("ingestion:\n  maxTextChars: lots\n", "ingestion.maxTextChars"),
                Arguments.of("job: [a, b]\n", "job"),
                Arguments.of("kafka:\n  topics: [mentions]\n", "kafka.topics"),
                Arguments.of("kafka:\n  properties: [a]\n", "kafka.properties"),
                Arguments.of(
                        "privacy:\n  pseudonymKey: 0123456789abcdef\n  optOut: {weibo: u1}\n",
                        "privacy.optOut"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void wrongTypesNameTheKey(String yaml, String key) {
        String base =
                yaml.contains("privacy:")
                        ? "brands: []\n"
                        : "privacy: {pseudonymKey: 0123456789abcdef}\n";
        rejected(base + yaml, "key '" + key + "'", "wrong type");
    }

    @Test
    void aListOfNamesGivenAsOneStringNamesTheKey() {
        rejected(
                "privacy: {pseudonymKey: 0123456789abcdef}\nbrands:\n  - id: a\n    names: 青柠咖啡\n",
                "key 'brands[0].names'");
    }

    @Test
    void brandsGivenAsAMappingNamesTheKey() {
        rejected(
                "privacy: {pseudonymKey: 0123456789abcdef}\nbrands:\n  id: a\n  names: [A]\n",
                "key 'brands'");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        rejected("- a\n- b\n", "top level");
    }

    @Test
    void invalidYamlIsAConfigException() {
        rejected("privacy: {pseudonymKey: [unclosed\n", "not valid YAML");
    }

    @Nested
    class SecretReferences {
        @Test
        void aMissingEnvironmentVariableNamesTheKeyAndTheVariable() {
            rejected(
                    "privacy:\n  pseudonymKey: ${env:MY_SECRET_KEY}\n",
                    "'privacy.pseudonymKey'",
                    "MY_SECRET_KEY");
        }

        @Test
        void anEmptyEnvironmentVariableCountsAsMissing() {
            env.put("EMPTY_KEY", "");
            rejected(
                    "privacy:\n  pseudonymKey: ${env:EMPTY_KEY}\n",
                    "'privacy.pseudonymKey'",
                    "EMPTY_KEY");
        }

        @Test
        void environmentVariablesAreResolved() {
            env.put("MY_SECRET_KEY", "from-the-environment-123");
            assertEquals(
                    "from-the-environment-123",
                    parse("privacy:\n  pseudonymKey: ${env:MY_SECRET_KEY}\n").privacy.pseudonymKey);
        }

        @Test
        void theFallbackAppliesOnlyWhenTheVariableIsUnsetOrEmpty() {
            String yaml =
                    "privacy:\n  pseudonymKey: ${env:MY_SECRET_KEY:-fallback-key-0123456789}\n";
            assertEquals("fallback-key-0123456789", parse(yaml).privacy.pseudonymKey);
            env.put("MY_SECRET_KEY", "");
            assertEquals("fallback-key-0123456789", parse(yaml).privacy.pseudonymKey);
            env.put("MY_SECRET_KEY", "the-real-key-0123456789");
            assertEquals("the-real-key-0123456789", parse(yaml).privacy.pseudonymKey);
        }

        @Test
        void referencesCanBePartOfAValueAndAppearSeveralTimes() {
            env.put("BROKER_PORT", "9093");
            ListeningConfig c =
                    parse(
                            MINIMAL
                                    + "kafka:\n"
                                    + "  bootstrapServers:"
                                    + " ${env:BROKER_HOST:-localhost}:${env:BROKER_PORT}\n");
            assertEquals("localhost:9093", c.kafka.bootstrapServers);
        }

        @Test
        void referencesInListsAreResolvedAndErrorsNameTheListItem() {
            env.put("OPTED_OUT", "weibo:u_77");
            assertEquals(
                    List.of("weibo:u_77"),
                    parse(
                                    MINIMAL.replace(
                                            "privacy:\n",
                                            "privacy:\n  optOut: [\"${env:OPTED_OUT}\"]\n"))
                            .privacy
                            .optOut);
            rejected(
                    MINIMAL.replace(
                            "names: [青柠咖啡, LimeCafe]", "names: [青柠咖啡, \"${env:BRAND_ALIAS}\"]"),
                    "'brands[0].names[1]'",
                    "BRAND_ALIAS");
        }

        @Test
        void fileReferencesReadTheFileStripped(@TempDir Path dir) throws IOException {
            Path secret = dir.resolve("pseudonym.key");
            Files.writeString(secret, "  key-from-a-file-0123456789 \n\n", StandardCharsets.UTF_8);

            ListeningConfig c =
                    parse("privacy:\n  pseudonymKey: ${file:" + secret.toAbsolutePath() + "}\n");

            assertEquals("key-from-a-file-0123456789", c.privacy.pseudonymKey);
        }

        @Test
        void anUnreadableFileNamesTheKeyAndTheFile(@TempDir Path dir) {
            Path missing = dir.resolve("missing.key").toAbsolutePath();
            rejected(
                    "privacy:\n  pseudonymKey: ${file:" + missing + "}\n",
                    "'privacy.pseudonymKey'",
                    missing.toString());
        }

        @Test
        void resolvedValuesAreNotReinterpreted() {
            env.put("ODD_KEY", "$1 \\ ${env:NOPE} 0123456789");
            assertEquals(
                    "$1 \\ ${env:NOPE} 0123456789",
                    parse("privacy:\n  pseudonymKey: ${env:ODD_KEY}\n").privacy.pseudonymKey);
        }
    }

    @Nested
    class Overrides {
        @Test
        void overridesWinOverTheFile() {
            ListeningConfig c =
                    loader.load(
                            EXAMPLE, List.of("kafka.bootstrapServers=h:1", "job.parallelism=3"));
            assertEquals("h:1", c.kafka.bootstrapServers);
            assertEquals(3, c.job.parallelism);
            assertEquals(
                    "brandpulse-listening",
                    c.kafka.groupId,
                    "keys that are not overridden keep their value");
        }

        @Test
        void theLastOverrideOfAKeyWins() {
            assertEquals(
                    "b:2",
                    parse(MINIMAL, "kafka.bootstrapServers=a:1", "kafka.bootstrapServers=b:2")
                            .kafka
                            .bootstrapServers);
        }

        @Test
        void anOverrideCanCreateNestedKeys() {
            ListeningConfig c =
                    loader.load(
                            DEMO,
                            List.of(
                                    "ingestion.maxTextChars=500",
                                    "job.checkpointDirectory=file:///tmp/cp",
                                    "kafka.properties.acks=all"));
            assertEquals(500, c.ingestion.maxTextChars, "the demo file has no ingestion section");
            assertEquals(
                    1_048_576,
                    c.ingestion.maxRecordBytes,
                    "the rest of the created section keeps its defaults");
            assertEquals("file:///tmp/cp", c.job.checkpointDirectory);
            assertEquals(Map.of("acks", "all"), c.kafka.properties);
        }

        @Test
        void overrideValuesAreYamlSoListsWork() {
            ListeningConfig c = parse(MINIMAL, "privacy.optOut=[weibo:u1, douyin:u2]");
            assertEquals(List.of("weibo:u1", "douyin:u2"), c.privacy.optOut);
        }

        @Test
        void overrideValuesMayBeSecretReferences() {
            env.put("OTHER_KEY", "another-key-0123456789");
            assertEquals(
                    "another-key-0123456789",
                    parse(MINIMAL, "privacy.pseudonymKey=${env:OTHER_KEY}").privacy.pseudonymKey);
        }

        @Test
        void anOverrideOfAnUnknownKeyIsRejectedByName() {
            rejected(MINIMAL, List.of("job.paralelism=3"), "unknown key 'job.paralelism'");
        }

        @Test
        void anOverrideThroughAScalarIsRejected() {
            rejected(
                    MINIMAL + "job:\n  name: x\n",
                    List.of("job.name.first=x"),
                    "job.name.first=x",
                    "'name' is not a mapping");
        }

        @Test
        void anOverrideWithoutKeyOrEqualsSignIsRejected() {
            rejected(MINIMAL, List.of("job.parallelism"), "key.path=value");
            rejected(MINIMAL, List.of("=3"), "key.path=value");
        }

        @Test
        void overriddenValuesAreValidatedLikeTheFile() {
            rejected(MINIMAL, List.of("job.parallelism=x"), "key 'job.parallelism'");
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid("job.checkpointInterval", "job.checkpointInterval=soon", "'soon'"),
                invalid("ingestion.maxClockSkew", "ingestion.maxClockSkew=5 minutes"),
                invalid("ingestion.maxOutOfOrderness", "ingestion.maxOutOfOrderness=''"),
                invalid("ingestion.idleness", "ingestion.idleness=1"),
                invalid("ingestion.deduplicationWindow", "ingestion.deduplicationWindow=1 day"),
                invalid("kafka.transactionTimeout", "kafka.transactionTimeout=15"),
                invalid("job.parallelism", "job.parallelism=0"),
                invalid("job.stateBackend", "job.stateBackend=memory"),
                invalid("kafka.startingOffsets", "kafka.startingOffsets=newest"),
                invalid("kafka.bootstrapServers", "kafka.bootstrapServers=''"),
                invalid("kafka.groupId", "kafka.groupId='  '"),
                invalid("kafka.transactionalIdPrefix", "kafka.transactionalIdPrefix=''"),
                invalid("kafka.topics.alerts", "kafka.topics.alerts=''"),
                invalid("kafka.topics.deadLetters", "kafka.topics.deadLetters=~"),
                invalid("ingestion.maxRecordBytes", "ingestion.maxRecordBytes=0"),
                invalid("ingestion.maxTextChars", "ingestion.maxTextChars=-1"),
                invalid("ingestion.maxJsonDepth", "ingestion.maxJsonDepth=2"),
                invalid("privacy.pseudonymKey", "privacy=~"),
                invalid("metrics.window", "metrics.window=0s", "longer than 0"),
                invalid("metrics.window", "metrics.window=soon"),
                invalid("metrics.allowedLateness", "metrics.allowedLateness=PT-1M"),
                invalid("privacy.pseudonymKey", "privacy.pseudonymKey=short"),
                invalid("privacy.pseudonymKey", "privacy.pseudonymKey=0123456789abcde", "16"),
                invalid("privacy.pseudonymKey", "privacy.pseudonymKey=~"),
                invalid(
                        "privacy.optOut[0]",
                        "privacy.optOut=[u_optout_77]",
                        "platform:authorId",
                        "u_optout_77"),
                invalid("privacy.optOut[1]", "privacy.optOut=[weibo:ok, 'weibo:']"),
                invalid("privacy.optOut[0]", "privacy.optOut=[':u1']"),
                invalid("privacy.optOut[0]", "privacy.optOut=['weibo:u 1']"),
                invalid(
                        "brands[1].id",
                        "brands=[{id: a, names: [A]}, {id: a, names: [B]}]",
                        "'a' is configured twice"),
                invalid("brands[0].id", "brands=[{names: [A]}]"),
                invalid("brands[0].id", "brands=[{id: '', names: [A]}]"),
                invalid("brands[0].names", "brands=[{id: a}]"),
                invalid("brands[0].names", "brands=[{id: a, names: []}]"),
                invalid("brands[0].names[1]", "brands=[{id: a, names: [A, '  ']}]"),
                invalid("brands[0]", "brands=[~]"),
                invalid(
                        "brands[0].competitors",
                        "brands=[{id: a, names: [A], competitors: [heytea]}]",
                        "'heytea'"),
                invalid(
                        "brands[1].competitors",
                        "brands=[{id: a, names: [A]}, {id: b, names: [B], competitors: [a, c]}]",
                        "'c'"),
                invalid(
                        "brands[0].officialAccounts[0]",
                        "brands=[{id: a, names: [A], officialAccounts: [qingning_official]}]",
                        "qingning_official"),
                invalid(
                        "brands[0].officialAccounts[1]",
                        "brands=[{id: a, names: [A], officialAccounts: ['weibo:x', 'weibo: x']}]"));
    }

    private static Arguments invalid(String key, String override, String... moreFragments) {
        return Arguments.of(key, override, moreFragments);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidValues")
    void invalidValuesAreRejectedNamingTheKey(String key, String override, String[] moreFragments) {
        String[] fragments =
                Stream.concat(
                                Stream.of("key '" + key + "'", "test.yaml"),
                                Arrays.stream(moreFragments))
                        .toArray(String[]::new);
        rejected(MINIMAL, List.of(override), fragments);
    }

    @Test
    void theShortestAcceptedPseudonymKeyHasSixteenCharacters() {
        assertEquals(
                "0123456789abcdef",
                parse(MINIMAL, "privacy.pseudonymKey=0123456789abcdef").privacy.pseudonymKey);
    }

    @Test
    void competitorsMayReferToBrandsListedLater() {
        assertDoesNotThrow(
                () ->
                        parse(
                                MINIMAL,
                                "brands=[{id: a, names: [A], competitors: [b]}, {id: b, names: [B],"
                                        + " competitors: [a]}]"));
    }

    /** A key left empty (entries commented out) is an empty list, not a crash. */
    @Nested
    class EmptyKeys {
        @Test
        void anEmptyListOfOfficialAccountsIsEmpty() {
            assertTrue(
                    parse(MINIMAL, "brands=[{id: a, names: [A], officialAccounts: ~}]")
                            .brands
                            .get(0)
                            .officialAccounts
                            .isEmpty());
        }

        @Test
        void anEmptyListOfCompetitorsIsEmpty() {
            assertTrue(
                    parse(MINIMAL, "brands=[{id: a, names: [A], competitors: ~}]")
                            .brands
                            .get(0)
                            .competitors
                            .isEmpty());
        }

        @Test
        void anEmptyOptOutListIsEmpty() {
            assertTrue(parse(MINIMAL, "privacy.optOut=~").privacy.optOut.isEmpty());
        }

        @Test
        void anEmptySectionMeansItsDefaults() {
            assertEquals(Duration.ofSeconds(10), parse(MINIMAL, "job=~").job.checkpointInterval);
        }

        @Test
        void anEmptyNameListIsStillRejected() {
            rejected(MINIMAL, List.of("brands=[{id: a, names: ~}]"), "brands[0].names");
        }
    }

    @Nested
    class Segmenter {
        @Test
        void anUnknownSegmenterIsNamed() {
            rejected(
                    MINIMAL + "analysis:\n  segmenter: jieba\n",
                    "analysis.segmenter",
                    "must be fast or smartcn");
        }
    }

    @Nested
    class DurationLimits {
        @Test
        void aHugeDurationNamesTheKey() {
            rejected(
                    MINIMAL,
                    List.of("job.checkpointInterval=999999999999999d"),
                    "key 'job.checkpointInterval'");
        }

        @Test
        void negativeDurationsAreRejected() {
            rejected(
                    MINIMAL,
                    List.of("job.checkpointInterval=PT-10S"),
                    "key 'job.checkpointInterval'");
            rejected(
                    MINIMAL,
                    List.of("ingestion.maxClockSkew=PT-1H"),
                    "key 'ingestion.maxClockSkew'");
        }
    }

    /**
     * Durations and closed sets are typed once, at load; a bad one is named by its key, as the
     * reference names it.
     */
    @Nested
    class TypedValues {
        @Test
        void durationsAreReadAsPeopleWriteThem() {
            ListeningConfig c =
                    parse(
                            MINIMAL
                                    + """
                                    metrics: {window: 5m, allowedLateness: 90s}
                                    engagement: {halfLife: 7d, minEmitInterval: PT30M}
                                    alerts: {webhook: {initialBackoff: 500ms}}
                                    """);
            assertEquals(Duration.ofMinutes(5), c.metrics.window);
            assertEquals(Duration.ofSeconds(90), c.metrics.allowedLateness);
            assertEquals(Duration.ofDays(7), c.engagement.halfLife);
            assertEquals(Duration.ofMinutes(30), c.engagement.minEmitInterval);
            assertEquals(Duration.ofMillis(500), c.alerts.webhook.initialBackoff);
        }

        @Test
        void overridesOfTypedKeysStillWork() {
            ListeningConfig c =
                    parse(
                            MINIMAL,
                            "job.checkpointInterval=5s",
                            "alerts.webhook.minSeverity=HIGH",
                            "alerts.webhook.template=slack",
                            "job.stateBackend=rocksdb",
                            "kafka.startingOffsets=latest");
            assertEquals(Duration.ofSeconds(5), c.job.checkpointInterval);
            assertEquals(Severity.HIGH, c.alerts.webhook.minSeverity);
            assertEquals(WebhookSettings.Template.SLACK, c.alerts.webhook.template);
            assertEquals(JobSettings.StateBackend.ROCKSDB, c.job.stateBackend);
            assertEquals(KafkaSettings.StartingOffsets.LATEST, c.kafka.startingOffsets);
        }

        @Test
        void aBadDurationDeepInAListNamesTheElementAndSaysWhatToWrite() {
            String message =
                    rejected(
                            PRIVACY
                                    + """
                                    brands:
                                      - {id: a, names: [A]}
                                      - {id: b, names: [B]}
                                      - id: c
                                        names: [C]
                                        detectors: {crisisKeyword: {span: 5 minutes}}
                                    """,
                            List.of(),
                            "test.yaml: key 'brands[2].detectors.crisisKeyword.span'",
                            "'5 minutes' is not a duration",
                            "5m");
            assertFalse(message.contains("brands[0]") || message.contains("brands[1]"), message);
        }

        @Test
        void aBadDurationInTheGlobalDetectorsIsNamedThereNotInEveryBrand() {
            rejected(
                    MINIMAL + "alerts: {detectors: {warmUp: a while}}\n",
                    List.of(),
                    "key 'alerts.detectors.warmUp'",
                    "'a while'");
        }

        @Test
        void anEmptyDurationIsRejectedNotLeftNull() {
            rejected(
                    MINIMAL + "alerts: {resolveAfter: ~}\n",
                    List.of(),
                    "key 'alerts.resolveAfter' must not be empty");
            rejected(
                    MINIMAL,
                    List.of("responses.critical="),
                    "key 'responses.critical' must not be empty");
        }

        @Test
        void aDurationGivenAsAListHasTheWrongType() {
            rejected(
                    MINIMAL + "responses: {high: [4h]}\n",
                    List.of(),
                    "key 'responses.high'",
                    "wrong type");
        }

        @Test
        void anUnknownSeverityNamesTheKeyTheAllowedValuesAndTheValue() {
            rejected(
                    MINIMAL,
                    List.of("alerts.webhook.minSeverity=URGENT"),
                    "test.yaml: key 'alerts.webhook.minSeverity' must be LOW, MEDIUM, HIGH or"
                            + " CRITICAL, not 'URGENT'");
            rejected(
                    MINIMAL,
                    List.of("alerts.webhook.minSeverity=high"),
                    "key 'alerts.webhook.minSeverity'",
                    "not 'high'");
        }

        @Test
        void otherClosedSetsListTheirValuesAsWritten() {
            rejected(
                    MINIMAL,
                    List.of("job.stateBackend=memory"),
                    "key 'job.stateBackend' must be hashmap or rocksdb, not 'memory'");
            rejected(
                    MINIMAL,
                    List.of("job.stateBackend=ROCKSDB"),
                    "key 'job.stateBackend'",
                    "not 'ROCKSDB'");
            rejected(
                    MINIMAL,
                    List.of("kafka.startingOffsets=newest"),
                    "key 'kafka.startingOffsets' must be earliest or latest");
            rejected(
                    MINIMAL,
                    List.of("alerts.webhook.template=teams"),
                    "must be generic, slack, wecom or dingtalk, not 'teams'");
        }

        /**
         * Every typed key the reference lists is checked at load, under the path the reference
         * gives it.
         */
        @Test
        void everyTypedKeyOfTheReferenceIsCheckedUnderItsPath() {
            List<String> typed = new ArrayList<>();
            ConfigReference.walk(
                    new ListeningConfig(),
                    (path, field, value) -> {
                        if (field.getType() == Duration.class || field.getType().isEnum()) {
                            typed.add(path);
                        }
                    });
            assertEquals(33, typed.size(), "29 durations and 4 enums: " + typed);
            for (String path : typed) {
                rejected(MINIMAL, List.of(path + "=bogus"), "key '" + path + "'", "'bogus'");
            }
        }

        @Test
        void aLoadedConfigurationStillSerializesForFlink() throws Exception {
            ListeningConfig c =
                    loader.load(
                            EXAMPLE,
                            List.of(
                                    "alerts.webhook.minSeverity=MEDIUM",
                                    "job.stateBackend=hashmap"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(c);
            }
            ListeningConfig copy;
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (ListeningConfig) in.readObject();
            }
            assertEquals(c.metrics.window, copy.metrics.window);
            assertEquals(Duration.ofDays(1), copy.responses.waitForLateComplaint);
            assertEquals(Severity.MEDIUM, copy.alerts.webhook.minSeverity);
            assertEquals(JobSettings.StateBackend.HASHMAP, copy.job.stateBackend);
            assertEquals(
                    c.brands.get(0).detectors.negativeSurge.span,
                    copy.brands.get(0).detectors.negativeSurge.span);
        }
    }
}
