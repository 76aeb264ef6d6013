package io.brandpulse.jobs.listening;

import io.brandpulse.model.Alert;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.EnrichedMention;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the listening workflow writes: Kafka topics on a cluster, {@code DIR/<topic>.jsonl} files
 * for {@code scripts/run-file}, collecting sinks in tests.
 */
public record ListeningSinks(
        Sink<EnrichedMention> enrichedMentions,
        Sink<DeadLetter> deadLetters,
        Sink<BrandWindowMetrics> brandMetrics,
        Sink<Alert> alerts,
        Sink<CustomerEngagement> customerEngagement) {}
