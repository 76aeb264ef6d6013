package io.brandpulse.config;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * The acknowledgement a control record sets, checked: {@code by} given, {@code note} text when
     * given, no other key.
     *
     * @throws ConfigException naming the key and the path of the problem
     */
    public static Acknowledgement parse(String key, String value) {
        String source = ControlValue.source(key);
        JsonNode a =
                ControlValue.object(
                        key, value, KEY, "ack:<incidentId>", "an acknowledgement", KEYS);
        String by = ControlValue.text(a, "by", key);
        JsonNode note = a.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw new ConfigException(source + ": key 'note' must be a string");
        }
        return new Acknowledgement(
                key.substring(KEY.length()),
                by,
                note == null || note.isNull() ? null : note.asText());
    }
}
