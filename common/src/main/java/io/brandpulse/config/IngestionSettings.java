package io.brandpulse.config;

import java.io.Serializable;

/** Limits and event-time settings of the ingestion stage. */
public class IngestionSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Larger records go to the dead letters as TOO_LARGE (Kafka's own default limit is about 1 MB). */
    public int maxRecordBytes = 1_048_576;
    /** Longer texts go to the dead letters as TEXT_TOO_LONG; the longest real posts are a few thousand characters. */
    public int maxTextChars = 20_000;
    /** Deeper JSON goes to the dead letters as TOO_DEEP; the contract nests two levels. */
    public int maxJsonDepth = 32;
    /** How far out of order mentions may arrive before they count as late. */
    public String maxOutOfOrderness = "5m";
    /** A partition with no data for this long stops holding back event time. */
    public String idleness = "1m";
    /** createdAt further ahead of the wall clock than this is TIMESTAMP_IN_FUTURE. */
    public String maxClockSkew = "1h";
    /** How long a mention id is remembered to catch duplicates (processing time). */
    public String deduplicationWindow = "24h";
}
