package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/** Limits and event-time settings of the ingestion stage. */
public class IngestionSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Larger records go to the dead letters as TOO_LARGE (Kafka's own default limit is about 1 MB).
     */
    public int maxRecordBytes = 1_048_576;

    /**
     * Longer texts go to the dead letters as TEXT_TOO_LONG; the longest real posts are a few
     * thousand characters.
     */
    public int maxTextChars = 20_000;

    /** Deeper JSON goes to the dead letters as TOO_DEEP; the contract nests two levels. */
    public int maxJsonDepth = 32;

    /** How far out of order mentions may arrive before they count as late. */
    public Duration maxOutOfOrderness = Duration.ofMinutes(5);

    /** A partition with no data for this long stops holding back event time. */
    public Duration idleness = Duration.ofMinutes(1);

    /** createdAt further ahead of the wall clock than this is TIMESTAMP_IN_FUTURE. */
    public Duration maxClockSkew = Duration.ofHours(1);

    /** How long a mention id is remembered to catch duplicates (processing time). */
    public Duration deduplicationWindow = Duration.ofHours(24);
}
