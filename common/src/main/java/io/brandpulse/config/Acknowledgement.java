package io.brandpulse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;

/**
 * A responder's acknowledgement of an incident, from the control topic ({@code ack:<incidentId>},
 * value {@code {by, note}}), like a PagerDuty acknowledgement: the incident's next alerts name who
 * acknowledged it, and its UPDATEs go to the webhook only when its severity rises. A tombstone
 * withdraws it.
 */
public record Acknowledgement(String incidentId, String by, String note) {
    /** The control topic's key of an acknowledgement: {@code ack:<incidentId>}. */
    public static final String KEY = "ack:";

    private static final Set<String> KEYS = Set.of("by", "note");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The acknowledgement a control record sets, checked: {@code by} given, {@code note} text when
     * given, no other key.
     *
     * @throws ConfigException naming the key and the path of the problem
     */
    public static Acknowledgement parse(String key, String value) {
        String source = "listening-control " + key;
        if (key == null || !key.startsWith(KEY) || key.length() == KEY.length()) {
            throw new ConfigException(source + ": an acknowledgement's key is ack:<incidentId>");
        }
        JsonNode a;
        try {
            a = JSON.readTree(value == null ? "" : value);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (a == null || !a.isObject()) {
            throw new ConfigException(source + ": an acknowledgement must be a JSON object");
        }
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new ConfigException(
                        source + ": unknown key '" + name + "' (known keys here: by, note)");
            }
        }
        JsonNode by = a.get("by");
        if (by == null || !by.isTextual() || by.asText().isBlank()) {
            throw new ConfigException(source + ": key 'by' must be a non-empty string");
        }
        JsonNode note = a.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw new ConfigException(source + ": key 'note' must be a string");
        }
        return new Acknowledgement(
                key.substring(KEY.length()),
                by.asText().strip(),
                note == null || note.isNull() ? null : note.asText());
    }
}
