package io.brandpulse.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brandpulse.jobs.testing.MentionStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkStateTest {
    @TempDir Path dir;

    @Test
    void aJobThatHasHeardTheStreamIsCheckpointedWithStateForEachBrandAndCustomer()
            throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            texts.add("第" + i + "次买了，质量不错，物流也快，客服态度很好，下次还来");
        }
        Path input = dir.resolve("mentions.jsonl");
        MentionStreams.writeDayOfMentions(texts, input);

        JsonNode heard = BenchmarkState.heard(input);
        assertEquals(MentionStreams.BRANDS, heard.path("brands").asInt());
        assertTrue(heard.path("customers").asInt() > 800, heard.toString());

        JsonNode state =
                BenchmarkState.measure(BenchmarkPipeline.config(), input, dir.resolve("work"));
        // A bounded run would end with its input and checkpoint nothing; this one is checkpointed
        // while the job still holds what it heard: each customer's engagement and each brand's
        // windows and history take bytes.
        assertTrue(state.path("stateBytesPerCustomer").asLong() > 0, state.toString());
        assertTrue(state.path("stateBytesPerBrand").asLong() > 0, state.toString());
        assertEquals(heard.path("customers").asLong(), state.path("customersSeen").asLong());
    }
}
