package io.brandpulse.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.model.ControlRecord;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the control topic said that is in force: brand definitions, silences and
 * acknowledgements, as the job keeps it (one JSON document in broadcast state) and as {@code
 * scripts/run-file --control} and {@code scripts/control log} replay it. Each control record is
 * checked and applied by {@link #after}; an instance is never changed once built.
 *
 * <p>A brand definition applies from the moment the job reads it, unless it says {@code
 * effectiveFrom} (an ISO-8601 instant, in event time): then mentions, windows and alerts from that
 * instant on are read under it, and those before it under what was in force before, whatever order
 * they arrive in. {@link #definitionsAt} answers which definitions hold at an event time. A later
 * record for the same brand replaces what an earlier one planned from its own {@code effectiveFrom}
 * on (from the start, when it has none).
 */
public final class ControlState implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key inside a brand definition or a silence that says from when it holds. */
    public static final String EFFECTIVE_FROM = "effectiveFrom";

    /**
     * Brand id to definition JSON ({@link BrandDefinitions#REMOVED} for a removal), from when read.
     */
    public TreeMap<String, String> definitions = new TreeMap<>();

    /** Definitions that hold from an event time (epoch ms) on: time to (brand id to definition). */
    public TreeMap<Long, TreeMap<String, String>> scheduled = new TreeMap<>();

    /** Silence id to the silence as written. */
    public TreeMap<String, String> silences = new TreeMap<>();

    /** Incident id to the acknowledgement as written. */
    public TreeMap<String, String> acknowledgements = new TreeMap<>();

    public static ControlState empty() {
        return new ControlState();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return definitions.isEmpty()
                && scheduled.isEmpty()
                && silences.isEmpty()
                && acknowledgements.isEmpty();
    }

    /**
     * What is in force after this record (equal to this when it changes nothing).
     *
     * @throws ConfigException naming the record's key and the path of the problem; nothing changes
     */
    public ControlState after(
            ListeningConfig deployment, ControlRecord record, ConfigLoader loader) {
        ControlState next = copy();
        String key = record.key;
        if (key != null && key.startsWith(Acknowledgement.KEY)) {
            if (record.value != null) Acknowledgement.parse(key, record.value);
            put(next.acknowledgements, key.substring(Acknowledgement.KEY.length()), record.value);
        } else if (key != null && key.startsWith(Silence.KEY)) {
            if (record.value != null) {
                Silence.parse(key, record.value, ids(deployment, loader));
            }
            put(next.silences, key.substring(Silence.KEY.length()), record.value);
        } else {
            Long from = effectiveFrom(key, record.value);
            BrandDefinitions.Change change =
                    BrandDefinitions.change(
                            deployment,
                            latestDefinitions(),
                            key,
                            withoutEffectiveFrom(record.value),
                            loader);
            next.plan(change, from);
        }
        return next;
    }

    /** The brand definitions that hold at an event time (epoch ms). */
    public Map<String, String> definitionsAt(long eventTime) {
        Map<String, String> at = new HashMap<>(definitions);
        for (TreeMap<String, String> planned : scheduled.headMap(eventTime, true).values()) {
            at.putAll(planned);
        }
        return at;
    }

    /**
     * The brand definitions as they will stand once every planned one holds: what a new record is
     * checked against.
     */
    public Map<String, String> latestDefinitions() {
        return definitionsAt(Long.MAX_VALUE);
    }

    /**
     * Which stretch of event time a time falls in: the {@code effectiveFrom} of the last planned
     * change at or before it ({@link Long#MIN_VALUE} before the first). Within one stretch the
     * definitions are the same, so what is built from them can be shared.
     */
    public long stretchAt(long eventTime) {
        Long from = scheduled.floorKey(eventTime);
        return from == null ? Long.MIN_VALUE : from;
    }

    /** The silences in force, read. */
    public List<Silence> silencesInForce() {
        List<Silence> read = new ArrayList<>();
        for (Map.Entry<String, String> s : silences.entrySet()) {
            read.add(Silence.read(Silence.KEY + s.getKey(), s.getValue()));
        }
        return read;
    }

    /** The acknowledgement of an incident, or null. */
    public Acknowledgement acknowledgementOf(String incidentId) {
        String value = acknowledgements.get(incidentId);
        return value == null
                ? null
                : Acknowledgement.parse(Acknowledgement.KEY + incidentId, value);
    }

    /** The ids of the brands in force once every planned definition holds. */
    public Set<String> ids(ListeningConfig deployment, ConfigLoader loader) {
        return BrandDefinitions.idsInForce(deployment, latestDefinitions(), loader);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("control state not writable as JSON", e);
        }
    }

    public static ControlState fromJson(String json) {
        try {
            return JSON.readValue(json, ControlState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("control state not readable: " + e.getMessage(), e);
        }
    }

    /**
     * Equal when the JSON documents are: the same four maps. Compared field by field, not through
     * {@link #toJson()}: every operator that follows the control topic asks this of every record,
     * and writing both states out was a third of what applying a record cost.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ControlState other
                && definitions.equals(other.definitions)
                && scheduled.equals(other.scheduled)
                && silences.equals(other.silences)
                && acknowledgements.equals(other.acknowledgements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(definitions, scheduled, silences, acknowledgements);
    }

    /** A definition that holds from {@code from} on (from now, when null). */
    private void plan(BrandDefinitions.Change change, Long from) {
        String id = change.brandId();
        long replaceFrom = from == null ? Long.MIN_VALUE : from;
        for (Iterator<TreeMap<String, String>> it =
                        scheduled.tailMap(replaceFrom, true).values().iterator();
                it.hasNext(); ) {
            TreeMap<String, String> planned = it.next();
            planned.remove(id);
            if (planned.isEmpty()) it.remove();
        }
        if (from == null) {
            definitions.put(id, change.definition());
        } else {
            scheduled.computeIfAbsent(from, t -> new TreeMap<>()).put(id, change.definition());
        }
    }

    private ControlState copy() {
        ControlState c = new ControlState();
        c.definitions.putAll(definitions);
        for (Map.Entry<Long, TreeMap<String, String>> e : scheduled.entrySet()) {
            c.scheduled.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        c.silences.putAll(silences);
        c.acknowledgements.putAll(acknowledgements);
        return c;
    }

    private static void put(Map<String, String> map, String id, String value) {
        if (value == null) {
            map.remove(id);
        } else {
            map.put(id, value);
        }
    }

    /**
     * The {@code effectiveFrom} of a record's JSON object value (epoch ms), or null when it has
     * none (or is not a JSON object: the brand's own check then says what is wrong).
     */
    static Long effectiveFrom(String key, String value) {
        JsonNode node = object(value);
        if (node == null || !node.has(EFFECTIVE_FROM)) return null;
        JsonNode from = node.get(EFFECTIVE_FROM);
        try {
            return Instant.parse(from.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    ControlValue.source(key)
                            + ": key '"
                            + EFFECTIVE_FROM
                            + "' must be an ISO-8601 instant such as 2026-12-04T18:00:00Z, not '"
                            + from.asText()
                            + "'");
        }
    }

    /** The value without its {@code effectiveFrom}: the definition itself, as versioned. */
    static String withoutEffectiveFrom(String value) {
        JsonNode node = object(value);
        if (node == null || !node.has(EFFECTIVE_FROM)) return value;
        ((ObjectNode) node).remove(EFFECTIVE_FROM);
        return node.toString();
    }

    private static JsonNode object(String value) {
        if (value == null) return null;
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
