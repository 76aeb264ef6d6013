package io.brandpulse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.model.ControlRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The control topic written to a file, one record per line, oldest first: {@code {"key":
 * "brand:heytea", "value": {...}}}, the value null for a tombstone ({@code scripts/control log
 * --jsonl} writes it; other keys of a line, such as {@code by} and {@code writtenAt}, are kept for
 * people and ignored). {@code scripts/run-file --control} replays it, so a file run reads the same
 * definitions, silences and acknowledgements as the job that read the topic.
 */
public final class ControlLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlLog() {}

    /** A line of the log as a control record, or why it is not one. */
    public record Entry(ControlRecord record, String error) {}

    /** The log's lines; line n (from 1) is read as the record at offset n - 1. */
    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the control log " + file, e);
        }
        String source = file.getFileName().toString();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            entries.add(entry(line, source, i));
        }
        return entries;
    }

    /** One line of a log, as the record the topic held. */
    public static String line(String key, String value, String by, long writtenAt) {
        ObjectNode line = JSON.createObjectNode();
        line.put("key", key);
        JsonNode parsed = null;
        if (value != null) {
            try {
                parsed = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                parsed = null;
            }
        }
        if (value == null) {
            line.putNull("value");
        } else if (parsed != null && parsed.isObject()) {
            line.set("value", parsed);
        } else {
            line.put("value", value); // not JSON: kept as written, refused when replayed
        }
        if (by != null) line.put("by", by);
        line.put("writtenAt", Instant.ofEpochMilli(writtenAt).toString());
        return line.toString();
    }

    /**
     * What is in force after the log's records, replayed in order as the job applies them; each
     * line that is not applied is handed to {@code refused} with the reason.
     */
    public static ControlState replay(
            ListeningConfig deployment,
            List<Entry> entries,
            ConfigLoader loader,
            BiConsumer<ControlRecord, String> refused) {
        ControlState state = ControlState.empty();
        for (Entry e : entries) {
            if (e.error() != null) {
                refused.accept(e.record(), e.error());
                continue;
            }
            try {
                state = state.after(deployment, e.record(), loader);
            } catch (ConfigException ex) {
                refused.accept(e.record(), ex.getMessage());
            }
        }
        return state;
    }

    private static Entry entry(String line, String source, int index) {
        String where = source + " line " + (index + 1);
        ControlRecord record = new ControlRecord(null, line, source, 0, index);
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Entry(record, where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("key").isTextual()) {
            return new Entry(
                    record, where + ": a line is {\"key\": \"brand:<id>\", \"value\": {...}}");
        }
        JsonNode value = node.get("value");
        record.key = node.get("key").asText();
        if (value == null || value.isNull()) {
            record.value = null;
        } else if (value.isTextual()) {
            record.value = value.asText();
        } else {
            record.value = value.toString();
        }
        return new Entry(record, null);
    }
}
