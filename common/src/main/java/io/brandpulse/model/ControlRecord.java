package io.brandpulse.model;

/**
 * A record of the control topic as read: its key ({@code brand:<id>}), its value (null for a
 * tombstone) and where it was read, for the dead letter when it cannot be applied.
 */
public class ControlRecord {
    public String key;
    public String value;
    public String source;
    public int partition;
    public long offset;

    public ControlRecord() {}

    public ControlRecord(String key, String value, String source, int partition, long offset) {
        this.key = key;
        this.value = value;
        this.source = source;
        this.partition = partition;
        this.offset = offset;
    }
}
