package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandDefinitions;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ControlState;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.ControlRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What every operator that follows the control topic shares: the broadcast state that keeps what
 * the topic said ({@link ControlState}, one JSON document), how a record changes it, and the
 * deployment in force at an event time (the configuration file's brands with the topic's
 * definitions on top), built once per stretch of event time and change.
 *
 * <p>Each such operator applies every record to its own copy; only enrichment dead-letters the
 * records that do not apply. One instance per operator instance, made in {@code open()}: it reads
 * the state restored from a checkpoint the first time it is asked (broadcast state cannot be read
 * in {@code open()}), and starts from the deployment's {@link ListeningConfig#control()} otherwise.
 */
public final class BrandsInForce {
    /** What the control topic said, under {@link #STATE_KEY}. */
    public static final MapStateDescriptor<String, String> CONTROL =
            new MapStateDescriptor<>("listening-control", Types.STRING, Types.STRING);

    private static final String STATE_KEY = "state";

    private final ListeningConfig deployment;
    private final ConfigLoader loader = new ConfigLoader();
    private final Map<Long, ListeningConfig> deploymentsByStretch = new HashMap<>();
    private ControlState state;
    private long changes;

    public BrandsInForce(ListeningConfig deployment) {
        this.deployment = deployment;
        warmUp(deployment);
    }

    private static final AtomicBoolean WARM = new AtomicBoolean();

    /** Changes walked through by the warm-up: enough for the JIT to compile their path. */
    static final int WARM_UP_CHANGES = 400;

    /**
     * Walks {@link #WARM_UP_CHANGES} changes through reading, checking and applying a definition
     * and building its analyzer, once per JVM when the first operator opens, on a background
     * thread, and throws the results away. Without it the first changes a crisis team makes run in
     * the interpreter in every operator that follows the control topic, and each costs one to three
     * milliseconds there instead of a tenth of that: in {@code scripts/bench-live}, with a
     * TaskManager heap large enough not to hide it, the first two bursts of 100 changes took half
     * the job's throughput and the later ones almost none.
     */
    private static void warmUp(ListeningConfig deployment) {
        if (!WARM.compareAndSet(false, true)) return;
        Thread warming = new Thread(() -> walkChanges(deployment), "brandpulse-control-warm-up");
        warming.setDaemon(true);
        warming.setPriority(Thread.MIN_PRIORITY);
        warming.start();
    }

    private static void walkChanges(ListeningConfig deployment) {
        ConfigLoader loader = new ConfigLoader(); // its own: the operators' are not shared
        String id = "warm-up-" + Long.toHexString(System.nanoTime());
        ControlState state = ControlState.empty();
        MentionEnricher enricher = null;
        try {
            for (int i = 0; i < WARM_UP_CHANGES; i++) {
                String definition =
                        "{\"id\":\""
                                + id
                                + "\",\"names\":[\""
                                + id
                                + "\"],\"crisisTerms\":[\"warm-"
                                + i
                                + "\"]}";
                ControlRecord record =
                        new ControlRecord(
                                BrandDefinitions.BRAND_KEY + id, definition, "warm-up", 0, i);
                ControlState next = state.after(deployment, record, loader);
                if (next.equals(state)) continue;
                state = ControlState.fromJson(next.toJson());
                ListeningConfig inForce =
                        BrandDefinitions.withBrandsInForce(
                                deployment, state.definitionsAt(0), loader);
                MentionEnricher built = new MentionEnricher(inForce, enricher);
                if (enricher != null) enricher.close();
                enricher = built;
            }
        } catch (RuntimeException e) {
            // only a warm-up: the first real change reports its own problems
        } finally {
            if (enricher != null) enricher.close();
        }
    }

    /** What is in force; the first call reads what a restore brought back. */
    public ControlState state(ReadOnlyBroadcastState<String, String> broadcast) throws Exception {
        if (state == null) {
            String restored = broadcast.get(STATE_KEY);
            state = restored != null ? ControlState.fromJson(restored) : deployment.control();
        }
        return state;
    }

    /** The deployment in force at an event time (epoch ms). */
    public ListeningConfig at(ReadOnlyBroadcastState<String, String> broadcast, long eventTime)
            throws Exception {
        ControlState s = state(broadcast);
        long stretch = s.stretchAt(eventTime);
        ListeningConfig d = deploymentsByStretch.get(stretch);
        if (d == null) {
            d = s.isEmpty() ? deployment : deploymentWith(s.definitionsAt(eventTime));
            deploymentsByStretch.put(stretch, d);
        }
        return d;
    }

    /** Which stretch of event time (same definitions throughout) a time falls in. */
    public long stretchAt(ReadOnlyBroadcastState<String, String> broadcast, long eventTime)
            throws Exception {
        return state(broadcast).stretchAt(eventTime);
    }

    /**
     * How many changes this instance applied: what is built from the deployments must be built
     * again when it moves.
     */
    public long changes() {
        return changes;
    }

    /**
     * Applies a record of the topic.
     *
     * @return whether anything changed (a record read again after a restart may change nothing)
     * @throws ConfigException naming the record's key and the path of the problem; nothing changes
     */
    public boolean apply(BroadcastState<String, String> broadcast, ControlRecord record)
            throws Exception {
        ControlState current = state(broadcast);
        ControlState next = current.after(deployment, record, loader);
        if (next.equals(current)) {
            return false;
        }
        broadcast.put(STATE_KEY, next.toJson());
        state = next;
        deploymentsByStretch.clear();
        changes++;
        return true;
    }

    /** Applies a record, leaving the dead letter to enrichment: true when something changed. */
    public boolean applyQuietly(BroadcastState<String, String> broadcast, ControlRecord record)
            throws Exception {
        try {
            return apply(broadcast, record);
        } catch (ConfigException e) {
            return false; // enrichment dead-letters it; what is in force stays
        }
    }

    private ListeningConfig deploymentWith(Map<String, String> definitions) {
        return BrandDefinitions.withBrandsInForce(deployment, definitions, loader);
    }
}
