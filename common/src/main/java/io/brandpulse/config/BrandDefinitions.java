package io.brandpulse.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brands in force: the configuration file's, with the control topic's definitions on top. A
 * definition on the topic replaces the file's brand of the same id or adds a brand; a tombstone
 * removes it. What the topic said is kept as {@code brand id -> definition JSON} (an empty string
 * for a removal), the form the job keeps in broadcast state.
 */
public final class BrandDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(BrandDefinitions.class);

    /** The control topic's key of a brand's definition: {@code brand:<id>}. */
    public static final String BRAND_KEY = "brand:";

    /** What a tombstone leaves in the definitions: the brand is removed. */
    public static final String REMOVED = "";

    private BrandDefinitions() {}

    /**
     * A change the control topic asks for, validated: {@code definition} is REMOVED for removal.
     */
    public record Change(String brandId, String definition) {}

    /**
     * The change a control record asks for, checked against the brands in force (with the same
     * rules and errors as the file's brands).
     *
     * @param definitions what the topic said so far, by brand id
     * @throws ConfigException naming the key, and the path inside the definition, of the problem
     */
    public static Change change(
            ListeningConfig deployment,
            Map<String, String> definitions,
            String key,
            String value,
            ConfigLoader loader) {
        String source = "listening-control " + key;
        if (key == null || !key.startsWith(BRAND_KEY) || key.length() == BRAND_KEY.length()) {
            throw new ConfigException(
                    source
                            + ": unknown key; the control topic takes brand:<id> (a brand's"
                            + " definition, or a tombstone to remove it)");
        }
        String id = key.substring(BRAND_KEY.length());
        List<BrandSettings> inForce = inForce(deployment, definitions, loader);
        Set<String> ids = new HashSet<>();
        for (BrandSettings b : inForce) ids.add(b.id);
        if (value == null) {
            for (BrandSettings b : inForce) {
                if (!b.id.equals(id) && b.competitors.contains(id)) {
                    throw new ConfigException(
                            source
                                    + ": brand '"
                                    + b.id
                                    + "' names it as a competitor; change that brand first");
                }
            }
            return new Change(id, REMOVED);
        }
        ids.add(id);
        BrandSettings brand = loader.brand(source, value, deployment, ids);
        if (!id.equals(brand.id)) {
            throw new ConfigException(
                    source
                            + ": key 'id' is '"
                            + brand.id
                            + "', the record's key says '"
                            + id
                            + "'");
        }
        return new Change(id, value);
    }

    /**
     * The brands in force: the file's in its order (replaced or removed by the topic), then those
     * the topic added, by id.
     */
    public static List<BrandSettings> inForce(
            ListeningConfig deployment, Map<String, String> definitions, ConfigLoader loader) {
        Set<String> ids = new HashSet<>();
        for (BrandSettings b : deployment.brands) ids.add(b.id);
        ids.addAll(definitions.keySet());
        List<BrandSettings> brands = new ArrayList<>();
        for (BrandSettings b : deployment.brands) {
            String definition = definitions.get(b.id);
            if (definition == null) {
                brands.add(b);
            } else if (!definition.equals(REMOVED)) {
                brands.add(read(deployment, b.id, definition, ids, loader, b));
            }
        }
        for (Map.Entry<String, String> added : new TreeMap<>(definitions).entrySet()) {
            boolean inFile = deployment.brands.stream().anyMatch(b -> b.id.equals(added.getKey()));
            if (!inFile && !added.getValue().equals(REMOVED)) {
                BrandSettings b =
                        read(deployment, added.getKey(), added.getValue(), ids, loader, null);
                if (b != null) brands.add(b);
            }
        }
        return brands;
    }

    /** The ids of the brands in force. */
    public static Set<String> idsInForce(
            ListeningConfig deployment, Map<String, String> definitions, ConfigLoader loader) {
        Set<String> ids = new HashSet<>();
        for (BrandSettings b : inForce(deployment, definitions, loader)) ids.add(b.id);
        return ids;
    }

    /** The deployment with the brands in force. */
    public static ListeningConfig withBrandsInForce(
            ListeningConfig deployment, Map<String, String> definitions, ConfigLoader loader) {
        return deployment.withBrands(inForce(deployment, definitions, loader));
    }

    /**
     * A definition accepted earlier. It was checked then, but the file may have changed since (a
     * restart with another configuration): one that no longer holds is not applied, and says so,
     * rather than stopping the job at every start; {@code instead} stays in force.
     */
    private static BrandSettings read(
            ListeningConfig deployment,
            String id,
            String definition,
            Set<String> ids,
            ConfigLoader loader,
            BrandSettings instead) {
        try {
            return loader.brand("listening-control " + BRAND_KEY + id, definition, deployment, ids);
        } catch (ConfigException e) {
            LOG.error(
                    "the control topic's definition of brand {} no longer holds with this"
                            + " configuration, so it is not applied: {}",
                    id,
                    e.getMessage());
            return instead;
        }
    }
}
