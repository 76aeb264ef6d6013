package io.brandpulse.model;

/**
 * The bytes of one input record and where they came from (a Kafka topic/partition/offset, or a file
 * and its line number), before anything is parsed. Keeping the bytes lets a dead letter carry the
 * original payload.
 */
public class RawRecord {
    public byte[] payload;

    /** Kafka topic, or the input file's name. */
    public String source;

    public int partition;

    /** Kafka offset, or the 1-based line number in a file. */
    public long offset;

    /**
     * Set when the payload was cut because it exceeded the reader's size limit; holds the original
     * length.
     */
    public long truncatedFromBytes;

    public RawRecord() {}

    public RawRecord(byte[] payload, String source, int partition, long offset) {
        this.payload = payload;
        this.source = source;
        this.partition = partition;
        this.offset = offset;
    }
}
