package io.brandpulse.jobs.operators;

import io.brandpulse.config.BrandDefinitions;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.ControlState;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.ControlRecord;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.InstantiationUtil;

/**
 * What every operator that follows the control topic shares: the broadcast state that keeps what
 * the topic said ({@link ControlState}, one JSON document), how a record changes it, and the
 * deployment in force at an event time (the configuration file's brands with the topic's
 * definitions on top), built once per stretch of event time and change.
 *
 * <p>Each such operator applies every record to its own copy; only enrichment dead-letters the
 * records that do not apply. Checking a record (reading the definition, validating it against the
 * brands in force) is the costly part, and every instance asks the same question of it: the same
 * record against the same state. So the answer is worked out once per JVM and shared ({@link
 * #outcomeOf}); each instance still keeps and checkpoints its own state. One instance per operator
 * instance, made in {@code open()}: it reads the state restored from a checkpoint the first time it
 * is asked (broadcast state cannot be read in {@code open()}), and starts from the deployment's
 * {@link ListeningConfig#control()} otherwise.
 */
public final class BrandsInForce {
    /** What the control topic said, under {@link #STATE_KEY}. */
    public static final MapStateDescriptor<String, String> CONTROL =
            new MapStateDescriptor<>("listening-control", Types.STRING, Types.STRING);

    private static final String STATE_KEY = "state";

    private final ListeningConfig deployment;

    /** The deployment's fingerprint: outcomes are shared only between equal deployments. */
    private final String deploymentFingerprint;

    private final ConfigLoader loader = new ConfigLoader();
    private final Map<Long, ListeningConfig> deploymentsByStretch = new HashMap<>();
    private ControlState state;

    /** {@link #state} as kept in the broadcast state (and as the key of shared outcomes). */
    private String stateJson;

    private long changes;

    public BrandsInForce(ListeningConfig deployment) {
        this.deployment = deployment;
        this.deploymentFingerprint = fingerprint(deployment);
        warmUp(deployment);
    }

    /**
     * A question every instance that follows the topic asks of a record: what does it make of this
     * state, under this deployment.
     */
    private record Question(String deployment, String state, String key, String value) {}

    /**
     * The answer: the state after the record and its JSON, or {@code next == null} when it changes
     * nothing, or the problem that keeps it from applying.
     */
    private record Outcome(ControlState next, String nextJson, String problem) {}

    /**
     * Outcomes recently worked out in this JVM. The operators of a job run in the same
     * TaskManagers: seven of them at parallelism two checked each record fourteen times, at about
     * 100 us and 90 KB of garbage a check once compiled (scratch harness). Bounded: instances that
     * lag behind by more than this many records check for themselves.
     */
    private static final Map<Question, Outcome> OUTCOMES =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(1024, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Question, Outcome> eldest) {
                            return size() > 512;
                        }
                    });

    private static final AtomicLong CHECKS = new AtomicLong();

    /** How many records this JVM checked (each record once, whatever the instances: for tests). */
    static long checks() {
        return CHECKS.get();
    }

    /** What the record makes of the state in force, worked out once per JVM. */
    private Outcome outcomeOf(ControlState current, ControlRecord record) {
        Question question =
                new Question(deploymentFingerprint, stateJson, record.key, record.value);
        Outcome known = OUTCOMES.get(question);
        if (known != null) return known;
        CHECKS.incrementAndGet();
        Outcome outcome;
        try {
            ControlState next = current.after(deployment, record, loader);
            outcome =
                    next.equals(current)
                            ? new Outcome(null, null, null)
                            : new Outcome(next, next.toJson(), null);
        } catch (ConfigException e) {
            outcome = new Outcome(null, null, e.getMessage());
        }
        OUTCOMES.put(question, outcome);
        return outcome;
    }

    /**
     * A digest of the deployment as serialized: equal deployments (each operator instance has its
     * own copy) share outcomes, different ones (jobs of other configurations in the same JVM, as in
     * tests) never do. A deployment serialized differently only misses the shared outcomes.
     */
    private static String fingerprint(ListeningConfig deployment) {
        try {
            byte[] bytes = InstantiationUtil.serializeObject(deployment);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException("the deployment cannot be serialized", e);
        }
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
            stateJson = restored != null ? restored : state.toJson();
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
        Outcome outcome = outcomeOf(state(broadcast), record);
        if (outcome.problem() != null) {
            throw new ConfigException(outcome.problem());
        }
        if (outcome.next() == null) {
            return false;
        }
        // Shared with the other instances that applied the record: read, never changed in place
        // (ControlState.after works on a copy).
        broadcast.put(STATE_KEY, outcome.nextJson());
        state = outcome.next();
        stateJson = outcome.nextJson();
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
