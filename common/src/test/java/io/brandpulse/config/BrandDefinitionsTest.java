package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Brands defined on the control topic: read and checked by the file's rules, with the path of the
 * problem, and laid over the file's brands.
 */
class BrandDefinitionsTest {
    private static final String FILE =
            """
            privacy:
              pseudonymKey: "0123456789abcdef"
            alerts:
              detectors:
                negativeSurge:
                  minShare: 0.4
            brands:
              - id: qingning
                names: [青柠咖啡]
                competitors: [beian]
              - id: beian
                names: [北岸茶饮]
            """;

    private final ConfigLoader loader = new ConfigLoader(name -> null);
    private final ListeningConfig deployment = loader.parse("test.yaml", FILE, List.of());
    private final Map<String, String> definitions = new HashMap<>();

    private BrandDefinitions.Change change(String key, String value) {
        return BrandDefinitions.change(deployment, definitions, key, value, loader);
    }

    private String rejected(String key, String value) {
        return assertThrows(ConfigException.class, () -> change(key, value)).getMessage();
    }

    private List<String> idsInForce() {
        return BrandDefinitions.inForce(deployment, definitions, loader).stream()
                .map(b -> b.id)
                .toList();
    }

    @Test
    void aNewBrandIsAddedWithTheDeploymentsDetectorsUnderItsOwn() {
        String json =
                "{\"id\":\"heytea\",\"names\":[\"喜茶\"],\"crisisTerms\":[\"发霉\"],"
                        + "\"detectors\":{\"negativeSurge\":{\"span\":\"2h\"}}}";
        BrandDefinitions.Change c = change("brand:heytea", json);
        definitions.put(c.brandId(), c.definition());
        assertEquals(List.of("qingning", "beian", "heytea"), idsInForce());
        BrandSettings heytea = BrandDefinitions.inForce(deployment, definitions, loader).get(2);
        assertEquals(List.of("发霉"), heytea.crisisTerms);
        assertEquals(0.4, heytea.detectors.negativeSurge.minShare, "the deployment's default");
        assertEquals(java.time.Duration.ofHours(2), heytea.detectors.negativeSurge.span);
    }

    @Test
    void aDefinitionReplacesTheFilesBrandAndChangesItsRulesVersion() {
        String before = deployment.brands.get(1).rulesVersion();
        definitions.put("beian", "{\"id\":\"beian\",\"names\":[\"北岸茶饮\"],\"keywords\":[\"新品\"]}");
        BrandSettings beian = BrandDefinitions.inForce(deployment, definitions, loader).get(1);
        assertEquals(List.of("新品"), beian.keywords);
        assertNotEquals(before, beian.rulesVersion());
    }

    @Test
    void theSameDefinitionAsTheFilesHasTheSameRulesVersion() {
        definitions.put("beian", "{\"names\":[\"北岸茶饮\"],\"id\":\"beian\"}");
        assertEquals(
                deployment.brands.get(1).rulesVersion(),
                BrandDefinitions.inForce(deployment, definitions, loader).get(1).rulesVersion());
    }

    @Test
    void aTombstoneRemovesABrandUnlessAnotherNamesItAsACompetitor() {
        assertTrue(
                rejected("brand:beian", null)
                        .contains("brand 'qingning' names it as a competitor"));
        BrandDefinitions.Change c = change("brand:qingning", null);
        definitions.put(c.brandId(), c.definition());
        assertEquals(List.of("beian"), idsInForce());
    }

    @Test
    void problemsNameThePathInsideTheDefinition() {
        assertTrue(
                rejected("brand:x", "{\"id\":\"x\",\"names\":[\"X\"],\"keyword\":[\"a\"]}")
                        .contains("unknown key 'keyword'"));
        assertTrue(
                rejected(
                                "brand:x",
                                "{\"id\":\"x\",\"names\":[\"X\"],"
                                        + "\"detectors\":{\"negativeSurge\":{\"span\":\"soon\"}}}")
                        .contains("'detectors.negativeSurge.span'"));
        assertTrue(rejected("brand:x", "{\"id\":\"x\",\"names\":[]}").contains("'names'"));
        assertTrue(
                rejected("brand:x", "{\"id\":\"x\",\"names\":[\"X\"],\"competitors\":[\"nope\"]}")
                        .contains("'nope' is not the id of another configured brand"));
        assertTrue(
                rejected("brand:x", "{\"id\":\"y\",\"names\":[\"X\"]}").contains("key says 'x'"));
        assertTrue(rejected("brand:x", "{not json").contains("not valid JSON"));
        // the topic carries JSON: YAML that is not JSON, or JSON with more after it, is refused
        assertTrue(rejected("brand:x", "id: x\nnames: [X]").contains("not valid JSON"));
        assertTrue(
                rejected("brand:x", "{\"id\":\"x\",\"names\":[\"X\"]} {}")
                        .contains("not valid JSON"));
        assertTrue(rejected("silence:s1", "{}").contains("unknown key"));
        assertTrue(
                rejected(
                                "brand:x",
                                "{\"id\":\"x\",\"names\":[\"X\"],\"officialAccounts\":[\"me\"]}")
                        .contains("'officialAccounts[0]'"));
    }

    @Test
    void noSecretIsReadIntoADefinition() {
        BrandDefinitions.Change c =
                change(
                        "brand:x",
                        "{\"id\":\"x\",\"names\":[\"X\"],\"keywords\":[\"${env:HOME}\"]}");
        definitions.put(c.brandId(), c.definition());
        assertEquals(
                List.of("${env:HOME}"),
                BrandDefinitions.inForce(deployment, definitions, loader).get(2).keywords);
    }

    @Test
    void aDefinitionThatNoLongerHoldsAfterARestartIsLeftOutNotFatal() {
        // accepted while "beian" existed; the file no longer has it
        definitions.put("x", "{\"id\":\"x\",\"names\":[\"X\"],\"competitors\":[\"gone\"]}");
        assertEquals(List.of("qingning", "beian"), idsInForce());
    }
}
