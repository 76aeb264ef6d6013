package io.brandpulse.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedBenchmarkSummaryTest {
    @TempDir Path dir;

    @Test
    void figuresComeFromBothRunsFinalLinesEvenWithTheOtherParallelismMissing() throws IOException {
        // what BenchmarkPipeline prints with -Dbench.only=1 and =2: the absent side is NaN
        Path p1 =
                write(
                        "p1.out",
                        "table...",
                        "{\"segmentationMentionsPerSecond\":10000,\"fastSegmenterMentionsPerSecond\":50000,"
                            + "\"pipelineP1MentionsPerSecond\":9000,\"pipelineP2MentionsPerSecond\":NaN,"
                            + "\"p1MentionsPerCpuSecond\":6000,\"p2MentionsPerCpuSecond\":NaN,"
                            + "\"stateBytesPerBrand\":90000,\"stateBytesPerCustomer\":700,"
                            + "\"stateBytesPerCustomerBrand\":300}");
        Path p2 =
                write(
                        "p2.out",
                        "{\"segmentationMentionsPerSecond\":9000,\"pipelineP1MentionsPerSecond\":NaN,"
                            + "\"pipelineP2MentionsPerSecond\":16200,\"p1MentionsPerCpuSecond\":NaN,"
                            + "\"p2MentionsPerCpuSecond\":5000}",
                        "");
        PinnedBenchmarkSummary.Figures f =
                PinnedBenchmarkSummary.Figures.of(
                        PinnedBenchmarkSummary.lastJson(p1), PinnedBenchmarkSummary.lastJson(p2));
        assertEquals(10000, f.ceiling()); // the one pinned core beside p1
        assertEquals(1.8, f.scaling(), 1e-9);
        assertEquals(0.6, f.p1PerCpuSecondToCeiling(), 1e-9);
        assertEquals(0.5, f.p2PerCpuSecondToCeiling(), 1e-9);
        assertEquals(10000.0 / 6000, f.segmentationsPerMention(), 1e-9);
        // the state figures come from the p1 run's checkpoint
        assertEquals(90000, f.stateBytesPerBrand());
        assertEquals(700, f.stateBytesPerCustomer());
        assertEquals(300, f.stateBytesPerCustomerBrand());
    }

    @Test
    void aRunWithoutAJsonLineIsAnError() throws IOException {
        Path failed = write("failed.out", "Exception in thread main");
        assertThrows(IOException.class, () -> PinnedBenchmarkSummary.lastJson(failed));
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
