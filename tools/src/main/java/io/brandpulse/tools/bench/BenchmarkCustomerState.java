package io.brandpulse.tools.bench;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.engagement.CustomerState;
import io.brandpulse.engagement.EngagementScorer;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.ingest.ParseOutcome;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.RawRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * {@code scripts/bench-state}: bytes of engagement state per tracked customer. Runs the real
 * analysis and scoring over a mentions file (no Flink job), then serializes every customer's state
 * with the serializer Flink uses for it (the POJO serializer; RocksDB stores exactly these bytes,
 * the heap backend holds the objects), plus the key (the 64-character pseudonym) and the brand of
 * the map entry. Prints a table and a final JSON line.
 */
public final class BenchmarkCustomerState {
    private BenchmarkCustomerState() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchmarkCustomerState CONFIG MENTIONS.jsonl");
            System.exit(2);
        }
        ListeningConfig config = ConfigLoader.withoutSecrets().load(Path.of(args[0]), List.of());
        run(config, Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8), System.out);
    }

    static void run(ListeningConfig config, List<String> lines, PrintStream out) {
        MentionParser parser = new MentionParser(config.ingestion, Clock.systemUTC());
        EngagementScorer scorer = new EngagementScorer(config.engagement);
        Map<String, CustomerState> states = new HashMap<>();
        try (MentionEnricher enricher = new MentionEnricher(config)) {
            for (String line : lines) {
                ParseOutcome parsed =
                        parser.parse(
                                new RawRecord(
                                        line.getBytes(StandardCharsets.UTF_8), "bench", 0, 0));
                if (parsed.mention() == null) {
                    continue;
                }
                EnrichedMention m = enricher.enrich(parsed.mention());
                if (m == null || m.brand == null || m.isBrandReply() || m.customerKey == null) {
                    continue;
                }
                scorer.add(
                        states.computeIfAbsent(
                                m.customerKey + "\u0000" + m.brand, k -> new CustomerState()),
                        m);
            }
        }
        @SuppressWarnings("unchecked")
        TypeSerializer<CustomerState> serializer =
                (TypeSerializer<CustomerState>)
                        TypeInformation.of(CustomerState.class)
                                .createSerializer(new ExecutionConfig().getSerializerConfig());
        DataOutputSerializer buffer = new DataOutputSerializer(512);
        long valueBytes = 0;
        long keyBytes = 0;
        int max = 0;
        for (Map.Entry<String, CustomerState> e : states.entrySet()) {
            buffer.clear();
            try {
                serializer.serialize(e.getValue(), buffer);
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            valueBytes += buffer.length();
            max = Math.max(max, buffer.length());
            String[] keyAndBrand = e.getKey().split("\u0000");
            keyBytes +=
                    keyAndBrand[0].length()
                            + 1
                            + keyAndBrand[1].length()
                            + 1; // modified UTF-8, ASCII: a byte each, plus length
        }
        int customers = Math.max(1, states.size());
        double perValue = (double) valueBytes / customers;
        double perCustomer = (double) (valueBytes + keyBytes) / customers;
        out.printf(Locale.ROOT, "customers (customer, brand)     %d%n", states.size());
        out.printf(Locale.ROOT, "state value bytes, mean / max   %.1f / %d%n", perValue, max);
        out.printf(Locale.ROOT, "with key and brand, mean        %.1f%n", perCustomer);
        out.printf(
                Locale.ROOT, "target                          <= 300 bytes per tracked customer%n");
        out.printf(
                Locale.ROOT,
                "{\"customers\":%d,\"stateValueBytesMean\":%.1f,\"stateValueBytesMax\":%d,\"stateBytesPerCustomer\":%.1f}%n",
                states.size(),
                perValue,
                max,
                perCustomer);
    }
}
