package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the jobs read and write. {@link #properties} pass through to every Kafka client (SASL/SSL
 * settings, ...).
 */
public class KafkaSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public String bootstrapServers = "127.0.0.1:9092";
    public String groupId = "brandpulse-listening";

    /** Prefix of the exactly-once sink's transactional ids; unique per job on a cluster. */
    public String transactionalIdPrefix = "brandpulse-listening";

    /**
     * Must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default), or the
     * sink cannot start; must exceed the longest expected downtime, or a recovering job loses its
     * open transaction.
     */
    public Duration transactionTimeout = Duration.ofMinutes(15);

    /** Where a job without committed offsets starts: {@code earliest} or {@code latest}. */
    public StartingOffsets startingOffsets = StartingOffsets.EARLIEST;

    public Topics topics = new Topics();
    public Map<String, String> properties = new LinkedHashMap<>();

    /** Written in lower case, as Kafka's {@code auto.offset.reset} is. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Topic names; the defaults are the contract's names. */
    public static class Topics implements Serializable {
        private static final long serialVersionUID = 1L;

        public String mentions = "mentions";
        public String enrichedMentions = "mentions-enriched";
        public String deadLetters = "mentions-dlq";
        public String alerts = "alerts";
        public String brandMetrics = "brand-metrics";
        public String customerEngagement = "customer-engagement";

        /**
         * Opt-outs applied live (compacted; key = platform:authorId, any value = opted out,
         * tombstone = back in); read from the beginning by every job, on top of privacy.optOut.
         */
        public String optOuts = "privacy-optouts";

        /**
         * What the job listens for, changed while it runs (compacted; key = {@code brand:<id>},
         * value = the brand's definition, tombstone = the brand removed); read from the beginning
         * by every job, on top of the file's brands.
         */
        public String control = "listening-control";
    }
}
