package io.brandpulse.tools.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.MentionStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures scripts/bench-live prints: percentiles, which vertices count as per-brand or
 * per-customer state.
 */
class BenchmarkLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void percentilesAreNearestRankOverTheSortedSample() {
        List<Long> values = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(values, new Random(3));
        assertArrayEquals(new long[] {50, 90, 99, 100}, BenchmarkLive.percentiles(values));
    }

    @Test
    void percentilesOfASmallSampleAreValuesOfTheSample() {
        // 3 values: p50 is the 2nd, p90 and p99 the 3rd (never an interpolated value no alert had).
        assertArrayEquals(
                new long[] {20, 700, 700, 700}, BenchmarkLive.percentiles(List.of(700L, 5L, 20L)));
        assertArrayEquals(new long[] {8, 8, 8, 8}, BenchmarkLive.percentiles(List.of(8L)));
        assertEquals(0, BenchmarkLive.percentiles(List.of()).length);
    }

    /**
     * Trimmed from a Flink 2.2 cluster's GET /jobs/:id and GET /jobs/:id/checkpoints/details/:cid.
     */
    private static final String JOB =
            """
            {"jid":"j1","name":"brandpulse-bench-live","vertices":[
              {"id":"v1","name":"Source: mentions -> parse mentions -> mention watermarks"},
              {"id":"v2","name":"mentions with a brand -> brand metrics windows"},
              {"id":"v3","name":"detect incidents"},
              {"id":"v4","name":"complete brand metrics (share of voice, responses) -> brand metrics sink: Writer -> brand metrics sink: Committer"},
              {"id":"v5","name":"unanswered alerts of brands whose replies are visible"},
              {"id":"v6","name":"response metrics windows"},
              {"id":"v7","name":"score customers -> customer engagement sink: Writer"},
              {"id":"v8","name":"track response deadlines"}]}\
            """;

    private static final String CHECKPOINT =
            """
            {"id":7,"status":"COMPLETED","checkpoint_type":"CHECKPOINT","state_size":4711,"tasks":{
              "v1":{"id":7,"status":"COMPLETED","state_size":1000,"checkpointed_size":1000},
              "v2":{"id":7,"status":"COMPLETED","state_size":2000,"checkpointed_size":2000},
              "v3":{"id":7,"status":"COMPLETED","state_size":300,"checkpointed_size":300},
              "v4":{"id":7,"status":"COMPLETED","state_size":40,"checkpointed_size":40},
              "v5":{"id":7,"status":"COMPLETED","state_size":5,"checkpointed_size":5},
              "v6":{"id":7,"status":"COMPLETED","state_size":600,"checkpointed_size":600},
              "v7":{"id":7,"status":"COMPLETED","state_size":70000,"checkpointed_size":70000},
              "v8":{"id":7,"status":"COMPLETED","state_size":8000,"checkpointed_size":8000}}}\
            """;

    @Test
    void stateSizesAreNamedByVertexAndAttributedByOperatorName() throws Exception {
        Map<String, Long> sizes =
                BenchmarkLive.stateSizes(JSON.readTree(JOB), JSON.readTree(CHECKPOINT));
        assertEquals(8, sizes.size());
        assertEquals(2000L, sizes.get("mentions with a brand -> brand metrics windows"));

        Map<String, Long> brand = BenchmarkLive.attribute(sizes, BenchmarkLive.BRAND_OPERATORS);
        assertEquals(
                2000 + 300 + 40 + 5 + 600,
                brand.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(5, brand.size());
        // Per-thread and per-mention state is neither the brand's nor the customer's.
        assertFalse(brand.containsKey("track response deadlines"));
        assertFalse(brand.containsKey("Source: mentions -> parse mentions -> mention watermarks"));

        Map<String, Long> customer =
                BenchmarkLive.attribute(sizes, BenchmarkLive.CUSTOMER_OPERATORS);
        assertEquals(
                Map.of("score customers -> customer engagement sink: Writer", 70000L), customer);
    }

    @Test
    void alertsAreReadAsTheContractWritesThem() throws Exception {
        JsonNode alert =
                JSON.readTree(
                        """
                        {"type":"NEGATIVE_SURGE","status":"OPEN","brand":"brand3","detectedAt":"2026-11-22T15:01:00Z","detectedAtMillis":60000,
                         "window":{"start":"…","end":"…","startMillis":0,"endMillis":60000}}\
                        """);
        BenchmarkLive.ReceivedAlert r = BenchmarkLive.ReceivedAlert.of(alert, 66000, 67500);
        assertEquals(60000, r.detectedAt());
        assertEquals(0, r.windowStart());
        assertEquals(60000, r.windowEnd());
        assertTrue(r.atWindowClose());
        assertFalse(
                BenchmarkLive.ReceivedAlert.of(
                                JSON.readTree(
                                        alert.toString()
                                                .replace(
                                                        "\"detectedAtMillis\":60000",
                                                        "\"detectedAtMillis\":30500")),
                                0,
                                0)
                        .atWindowClose());
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchmarkLive.ReceivedAlert.of(JSON.readTree("{\"type\":\"X\"}"), 0, 0));
    }

    @Test
    void theGeneratedConfigurationLoadsWithTheBenchmarksBrands(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench-live.yaml");
        Files.writeString(file, BenchmarkLive.configYaml(BenchmarkPipeline.config()));
        ListeningConfig loaded = ConfigLoader.withoutSecrets().load(file, List.of());
        assertEquals(MentionStreams.BRANDS, loaded.brands.size());
        assertEquals(List.of(MentionStreams.BRAND_NAMES[3]), loaded.brands.get(3).names);
        assertEquals(List.of("weibo:official3"), loaded.brands.get(3).officialAccounts);
    }
}
