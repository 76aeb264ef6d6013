package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * A savepoint finds each operator's state by its uid: a uid that changes (renamed, removed, or one
 * that Flink generates because none was set) silently drops that state on upgrade. So the deployed
 * job's graph is built here, every branch included, and its uids are compared with the shipped list
 * {@code operator-uids.txt}, the way the Kafka connector's migration tests compare with checked-in
 * snapshots. A new stage adds a line to that list; a shipped line is never edited.
 */
class OperatorUidsTest {
    private static final String SHIPPED = "/operator-uids.txt";

    /** The Kafka job with the webhook and live opt-outs on: every branch of the workflow exists. */
    private static List<StreamNode> listeningJob() {
        ListeningConfig config = TestConfigs.demo("alerts.webhook.url=http://127.0.0.1:9/alerts");
        assertTrue(config.alerts.webhook.enabled(), "the webhook branch is part of the graph");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configureStreaming(env, config.job);
        ListeningJob.defineJob(env, config);
        StreamGraph graph = env.getStreamGraph();
        return new ArrayList<>(graph.getStreamNodes());
    }

    private static List<String> shipped() throws IOException {
        try (InputStream in = OperatorUidsTest.class.getResourceAsStream(SHIPPED)) {
            assertNotNull(in, SHIPPED + " is on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static List<Uids.Stage> stages() throws IllegalAccessException {
        List<Uids.Stage> stages = new ArrayList<>();
        for (Field field : Uids.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Uids.Stage.class) {
                stages.add((Uids.Stage) field.get(null));
            }
        }
        return stages;
    }

    @Test
    void everyOperatorHasAUidOfItsOwn() {
        for (StreamNode node : listeningJob()) {
            assertNotNull(
                    node.getTransformationUID(),
                    () -> "'" + node.getOperatorName() + "' has no uid: give it one in Uids");
        }
    }

    @Test
    void theJobHasExactlyTheShippedUids() throws IOException {
        List<String> uids =
                listeningJob().stream()
                        .map(
                                node ->
                                        node.getTransformationUID() == null
                                                ? "<no uid: " + node.getOperatorName() + ">"
                                                : node.getTransformationUID())
                        .sorted()
                        .toList();
        List<String> shipped = shipped();
        assertEquals(shipped.stream().sorted().toList(), shipped, SHIPPED + " is kept sorted");
        assertEquals(
                String.join("\n", shipped),
                String.join("\n", uids),
                "the job's operator uids differ from the shipped ones: a changed or removed uid"
                    + " loses that operator's state in every savepoint. Restore the old uid; add a"
                    + " new stage's uid to "
                        + SHIPPED);
    }

    @Test
    void everyStageHasAUidAndANameOfItsOwn() throws IllegalAccessException {
        List<Uids.Stage> stages = stages();
        assertTrue(stages.size() >= 30, "Uids' stages are read: " + stages.size());
        assertEquals(
                stages.size(),
                stages.stream().map(Uids.Stage::uid).distinct().count(),
                () -> "a uid is shared: " + stages);
        assertEquals(
                stages.size(),
                stages.stream().map(Uids.Stage::name).distinct().count(),
                () -> "a name is shared: " + stages);
    }

    /**
     * Name and uid come from the same stage: the web UI, the metrics and the savepoint speak of the
     * same operator.
     */
    @Test
    void everyOperatorShowsTheNameOfTheStageItsUidIsFrom() throws IllegalAccessException {
        Map<String, Uids.Stage> byUid = new HashMap<>();
        for (Uids.Stage stage : stages()) {
            byUid.put(stage.uid(), stage);
        }
        int checked = 0;
        for (StreamNode node : listeningJob()) {
            Uids.Stage stage = byUid.get(node.getTransformationUID());
            if (stage == null) {
                continue; // a part Flink adds to a stage, e.g. a sink's committer; its uid is still
                // in the shipped list
            }
            String name = node.getOperatorName();
            assertTrue(
                    name.equals(stage.name())
                            || name.equals("Source: " + stage.name())
                            || name.equals(stage.name() + ": Writer"),
                    () -> "operator '" + name + "' has the uid of stage '" + stage.name() + "'");
            checked++;
        }
        assertEquals(byUid.size(), checked, "every stage is in the graph, once");
    }
}
