package io.brandpulse.model;

/**
 * A validated brand mention, as described by {@code schemas/mention.schema.json}.
 *
 * <p>Fields the contract does not name are kept verbatim in {@link #extraJson} (a JSON object as
 * text), so that the type stays a Flink POJO and unknown fields still reach the outputs.
 */
public class Mention {
    public String id;
    public String platform;

    /** Event time, epoch milliseconds (UTC). */
    public long createdAt;

    public Author author;
    public String text;

    /** The brand the collector matched, as sent (a brand id or a name); null when absent. */
    public String brand;

    public String url;
    public String threadId;
    public String replyToId;
    public String repostOfId;
    public Engagement metrics;
    public Media media;

    /** Unknown top-level fields as a JSON object text, or null when there were none. */
    public String extraJson;

    /**
     * Where the record came from (Kafka topic or file, partition, offset or line), to trace it
     * upstream.
     */
    public String sourceName;

    public int sourcePartition;
    public long sourceOffset;

    public Mention() {}

    /** The key that identifies a mention across the system: ids are unique per platform. */
    public String platformId() {
        return platform + ":" + id;
    }
}
