package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandDefinitions;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ControlState;
import io.brandpulse.config.ListeningConfig;
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
        warmUp(deployment, loader);
    }

    private static final AtomicBoolean WARM = new AtomicBoolean();

    /**
     * Walks a change through once per JVM, when the first operator opens, and throws the result
     * away: the first change a crisis team makes would otherwise pay the class loading and first
     * compilation of reading, checking and applying a definition, which stalled enrichment for
     * about two seconds in {@code scripts/bench-live}'s first burst.
     */
    private static void warmUp(ListeningConfig deployment, ConfigLoader loader) {
        if (!WARM.compareAndSet(false, true)) return;
        String id = "warm-up-" + Long.toHexString(System.nanoTime());
        ControlRecord record =
                new ControlRecord(
                        BrandDefinitions.BRAND_KEY + id,
                        "{\"id\":\""
                                + id
                                + "\",\"names\":[\""
                                + id
                                + "\"],\"crisisTerms\":[\"warm\"]}",
                        "warm-up",
                        0,
                        0);
        try {
            ControlState state = ControlState.empty().after(deployment, record, loader);
            BrandDefinitions.withBrandsInForce(deployment, state.definitionsAt(0), loader);
            ControlState.fromJson(state.toJson());
        } catch (RuntimeException e) {
            // only a warm-up: the first real change reports its own problems
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
