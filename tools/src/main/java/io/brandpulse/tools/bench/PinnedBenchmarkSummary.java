package io.brandpulse.tools.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench}'s last step: the figures of issue 21 from two pinned runs of {@link
 * BenchmarkPipeline}, parallelism 1 in a JVM restricted to one core and parallelism 2 in one
 * restricted to two. Unpinned, parallelism 1 already spreads over 1.4 to 1.6 cores (the source,
 * chained tasks and sinks run in their own threads), so "p2 / p1" measured the scheduler; pinned,
 * it measures the job. The ceiling is bare smartcn on the one pinned core, and throughput is judged
 * per CPU-second, a figure a shared machine measures steadily.
 */
public final class PinnedBenchmarkSummary {
    static final double SCALING_TARGET = 1.8;
    static final double PER_CPU_SECOND_TARGET = 0.6;
    static final double PER_CPU_SECOND_GOAL = 0.8;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private PinnedBenchmarkSummary() {}

    /** The figures, from the final JSON lines of the two runs. */
    record Figures(
            double ceiling,
            double fastSegmenter,
            double p1,
            double p2,
            double p1PerCpuSecond,
            double p2PerCpuSecond,
            long stateBytesPerBrand,
            long stateBytesPerCustomer,
            long stateBytesPerCustomerBrand) {
        double scaling() {
            return p2 / p1;
        }

        double p1PerCpuSecondToCeiling() {
            return p1PerCpuSecond / ceiling;
        }

        double p2PerCpuSecondToCeiling() {
            return p2PerCpuSecond / ceiling;
        }

        /** CPU per mention, in bare smartcn segmentations of one mention. */
        double segmentationsPerMention() {
            return ceiling / p1PerCpuSecond;
        }

        static Figures of(JsonNode p1Run, JsonNode p2Run) {
            return new Figures(
                    p1Run.path("segmentationMentionsPerSecond").asDouble(Double.NaN),
                    p1Run.path("fastSegmenterMentionsPerSecond").asDouble(Double.NaN),
                    p1Run.path("pipelineP1MentionsPerSecond").asDouble(Double.NaN),
                    p2Run.path("pipelineP2MentionsPerSecond").asDouble(Double.NaN),
                    p1Run.path("p1MentionsPerCpuSecond").asDouble(Double.NaN),
                    p2Run.path("p2MentionsPerCpuSecond").asDouble(Double.NaN),
                    // from a checkpoint of the p1 run's workflow over the same stream
                    p1Run.path("stateBytesPerBrand").asLong(-1),
                    p1Run.path("stateBytesPerCustomer").asLong(-1),
                    p1Run.path("stateBytesPerCustomerBrand").asLong(-1));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: PinnedBenchmarkSummary P1_OUTPUT P2_OUTPUT (the output of each run)");
        }
        Figures f = Figures.of(lastJson(Path.of(args[0])), lastJson(Path.of(args[1])));
        System.out.printf(Locale.ROOT, "%nPinned (issue 21): p1 on one core, p2 on two%n");
        System.out.printf(Locale.ROOT, "%-56s %12s%n", "", "mentions/s");
        System.out.printf(
                Locale.ROOT, "%-56s %12.0f%n", "ceiling: bare smartcn, one pinned core", f.ceiling);
        System.out.printf(
                Locale.ROOT,
                "%-56s %12.0f%n",
                "our segmenter (FastSegmenter), same core",
                f.fastSegmenter);
        System.out.printf(Locale.ROOT, "%-56s %12.0f%n", "whole workflow, p1, one core", f.p1);
        System.out.printf(Locale.ROOT, "%-56s %12.0f%n", "whole workflow, p2, two cores", f.p2);
        System.out.printf(
                Locale.ROOT,
                "p2 / p1, pinned:                       %.3f (target >= %.1f)%n",
                f.scaling(),
                SCALING_TARGET);
        System.out.printf(
                Locale.ROOT,
                "mentions per CPU-second / ceiling:     %.3f at p1, %.3f at p2 (target >= %.1f,"
                        + " goal %.1f)%n",
                f.p1PerCpuSecondToCeiling(),
                f.p2PerCpuSecondToCeiling(),
                PER_CPU_SECOND_TARGET,
                PER_CPU_SECOND_GOAL);
        System.out.printf(
                Locale.ROOT,
                "CPU per mention, p1:                   %.2f bare smartcn segmentations%n",
                f.segmentationsPerMention(),
                f.stateBytesPerBrand,
                f.stateBytesPerCustomer,
                f.stateBytesPerCustomerBrand);
        System.out.printf(
                Locale.ROOT,
                "our segmenter / bare smartcn:          %.2f%n",
                f.fastSegmenter / f.ceiling);
        System.out.printf(
                Locale.ROOT,
                "state per brand / customer / (customer, brand): %d / %d / %d bytes (full"
                        + " checkpoint, p1)%n",
                f.stateBytesPerBrand,
                f.stateBytesPerCustomer,
                f.stateBytesPerCustomerBrand);
        System.out.printf(
                Locale.ROOT,
                "{\"pinned\":true,\"ceilingMentionsPerSecond\":%.0f,\"fastSegmenterMentionsPerSecond\":%.0f,"
                    + "\"p1MentionsPerSecond\":%.0f,\"p2MentionsPerSecond\":%.0f,\"scaling\":%.3f,"
                    + "\"p1PerCpuSecondToCeiling\":%.3f,\"p2PerCpuSecondToCeiling\":%.3f,"
                    + "\"segmentationsPerMention\":%.3f,\"stateBytesPerBrand\":%d,"
                    + "\"stateBytesPerCustomer\":%d,\"stateBytesPerCustomerBrand\":%d}%n",
                f.ceiling,
                f.fastSegmenter,
                f.p1,
                f.p2,
                f.scaling(),
                f.p1PerCpuSecondToCeiling(),
                f.p2PerCpuSecondToCeiling(),
                f.segmentationsPerMention(),
                f.stateBytesPerBrand,
                f.stateBytesPerCustomer,
                f.stateBytesPerCustomerBrand);
    }

    /** The last line of a run's output that is a JSON object: its figures. */
    static JsonNode lastJson(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith("{") && line.endsWith("}")) {
                return JSON.readTree(line);
            }
        }
        throw new IOException(output + " holds no JSON line: did the run fail?");
    }
}
