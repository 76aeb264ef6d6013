package io.brandpulse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;

/** What every small record of the control topic (a silence, an acknowledgement) must be. */
final class ControlValue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlValue() {}

    /**
     * The record's value as a JSON object whose keys are all {@code known}, with the error a person
     * can act on otherwise.
     *
     * @param keyPrefix {@code silence:} or {@code ack:}, which the key must start with and go on
     *     from
     * @param keyForm how the key is written, for the error: {@code silence:<id>}
     * @param what "a silence", "an acknowledgement"
     */
    static JsonNode object(
            String key,
            String value,
            String keyPrefix,
            String keyForm,
            String what,
            Set<String> known) {
        String source = source(key);
        if (key == null || !key.startsWith(keyPrefix) || key.length() == keyPrefix.length()) {
            throw new ConfigException(source + ": the key of " + what + " is " + keyForm);
        }
        JsonNode node;
        try {
            node = JSON.readTree(value == null ? "" : value);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException(source + ": " + what + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(
                        source
                                + ": unknown key '"
                                + name
                                + "' (known keys here: "
                                + String.join(", ", known.stream().sorted().toList())
                                + ")");
            }
        }
        return node;
    }

    /** A non-empty string under {@code name}, stripped. */
    static String text(JsonNode node, String name, String key) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(
                    source(key) + ": key '" + name + "' must be a non-empty string");
        }
        return v.asText().strip();
    }

    static String source(String key) {
        return "listening-control " + key;
    }
}
