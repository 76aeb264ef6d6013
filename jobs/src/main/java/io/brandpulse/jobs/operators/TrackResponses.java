package io.brandpulse.jobs.operators;

import io.brandpulse.alerts.AlertType;
import io.brandpulse.alerts.IncidentLifecycle;
import io.brandpulse.alerts.Severity;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.config.ResponseSettings;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.ResponseCase;
import io.brandpulse.model.ResponseEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Response deadlines, keyed by (brand, thread). A complaint or a question addressed to the brand
 * opens a case with a deadline by severity; a reply from one of the brand's official accounts in
 * the thread closes it; a follow-up by the same customer escalates it. An event-time timer at the
 * deadline raises {@code UNANSWERED_COMPLAINT} (an incident of its own per case: OPEN, UPDATE on a
 * follow-up, RESOLVED by a late answer). A reply that arrives before its complaint is remembered
 * for a while. Every opening, answer and missed deadline also goes to a side output for the brand's
 * response metrics. State is cleared when a case closes or is given up.
 *
 * <p>Metric: gauge {@value #OPEN_CASES_METRIC}, the cases this subtask holds open (opened, not yet
 * answered nor given up; an overdue case stays open until then). Summed over the subtasks it is the
 * job's open cases.
 */
public class TrackResponses extends KeyedProcessFunction<String, EnrichedMention, Alert>
        implements CheckpointedFunction {
    public static final OutputTag<ResponseEvent> EVENTS = new OutputTag<>("response-events") {};

    /** The customers whose complaint or question the brand answered, for their engagement score. */
    public static final OutputTag<CustomerSignal> REPLIES =
            new OutputTag<>("brand-replies-to-customers") {};

    static final String TYPE = AlertType.UNANSWERED_COMPLAINT.name();
    static final int EXCERPT_CHARS = 80;
    public static final String OPEN_CASES_METRIC = "openResponseCases";

    private final ListeningConfig config;

    private transient ResponseSettings settings;
    private transient long windowMillis;

    /**
     * In milliseconds, once per operator: deadline by severity (null key: a question), give-up,
     * late-reply wait.
     */
    private transient Map<String, Long> deadlineMillis;

    private transient long giveUpMillis;
    private transient long waitMillis;
    private transient ValueState<ResponseCase> state;

    /** Mentions of the thread not yet reached by the watermark (see {@link #processElement}). */
    private transient ListState<EnrichedMention> waiting;

    /**
     * Open cases of this subtask, for the gauge. A function cannot iterate its keyed state, so the
     * count is kept beside it and checkpointed as operator state: a restart (same parallelism)
     * restores each subtask's own count, so the gauge does not drop to zero while the restored
     * cases are still open, nor go negative as they close. After a rescale the counts are dealt out
     * again as whole numbers, not by key group: the sum over the subtasks (the figure to alert on)
     * stays exact, the split between subtasks does not. Restored from a savepoint taken before this
     * metric existed, the count starts at zero and under-counts the cases that were already open.
     */
    private transient long openCases;

    private transient ListState<Long> openCasesState;

    public TrackResponses(ListeningConfig config) {
        this.config = config;
    }

    /** The thread a mention belongs to: its threadId, else what it replies to, else itself. */
    public static String threadKey(EnrichedMention m) {
        String thread = m.threadId != null ? m.threadId : m.replyToId != null ? m.replyToId : m.id;
        return m.brand + "\n" + m.platform + ":" + thread;
    }

    /**
     * Only brand replies and complaints or questions addressed to a brand open, close or escalate
     * cases.
     */
    public static boolean matters(EnrichedMention m) {
        if (m.brand == null || m.analysis == null) {
            return false;
        }
        if (m.isBrandReply()) {
            return m.officialAccountOf.equals(m.brand);
        }
        return !m.analysis.spam && (m.analysis.complaint || m.analysis.question);
    }

    @Override
    public void open(OpenContext openContext) {
        settings = config.responses;
        windowMillis = config.metrics.window.toMillis();
        deadlineMillis = new HashMap<>();
        for (String severity : new String[] {null, "LOW", "MEDIUM", "HIGH", "CRITICAL"}) {
            deadlineMillis.put(severity, settings.deadline(severity).toMillis());
        }
        giveUpMillis = settings.giveUpAfter.toMillis();
        waitMillis = settings.waitForLateComplaint.toMillis();
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "case", TypeInformation.of(ResponseCase.class)));
        waiting =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "waiting", TypeInformation.of(EnrichedMention.class)));
        getRuntimeContext()
                .getMetricGroup()
                .gauge(OPEN_CASES_METRIC, (Gauge<Long>) () -> openCases);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        openCasesState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("open-cases", Types.LONG));
        openCases = 0;
        for (Long count : openCasesState.get()) {
            openCases += count;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        openCasesState.update(List.of(openCases));
    }

    /**
     * A thread's posts are handled in event-time order, whatever order they arrive in: a mention
     * waits in state until the watermark passes its time (at most the watermark delay; deadlines
     * are hours). Mentions keyed by id spread over partitions, so a follow-up or a reply can
     * overtake its complaint; handled as they come, the case would open at the follow-up, with its
     * severity, and a replay would not give the same cases as the live run. Mentions already behind
     * the watermark (late) are handled at once.
     */
    @Override
    public void processElement(EnrichedMention m, Context ctx, Collector<Alert> out)
            throws Exception {
        if (m.createdAt > ctx.timerService().currentWatermark()) {
            waiting.add(m);
            ctx.timerService().registerEventTimeTimer(m.createdAt);
            return;
        }
        handle(m, ctx, out);
    }

    /**
     * The mentions whose time the watermark has reached, oldest first (ties by id: the same order
     * on every run).
     */
    private void handleWaitingUpTo(long time, Context ctx, Collector<Alert> out) throws Exception {
        List<EnrichedMention> due = new ArrayList<>();
        List<EnrichedMention> later = new ArrayList<>();
        for (EnrichedMention m : waiting.get()) {
            (m.createdAt <= time ? due : later).add(m);
        }
        if (due.isEmpty()) {
            return;
        }
        waiting.update(later);
        due.sort(
                Comparator.comparingLong((EnrichedMention m) -> m.createdAt)
                        .thenComparing(m -> m.id));
        for (EnrichedMention m : due) {
            handle(m, ctx, out);
        }
    }

    private void handle(EnrichedMention m, Context ctx, Collector<Alert> out) throws Exception {
        ResponseCase c = state.value();
        long t = m.createdAt;
        if (m.isBrandReply()) {
            if (c != null && c.open && t >= c.openedAt) {
                answer(ctx, c, t, out);
            } else if (c == null || !c.open) {
                c = c == null ? new ResponseCase() : c;
                c.earlyReplyAt = c.earlyReplyAt == Long.MIN_VALUE ? t : Math.min(c.earlyReplyAt, t);
                state.update(c);
                ctx.timerService().registerEventTimeTimer(t + waitMillis);
            }
            return;
        }
        if (c != null && c.open) {
            if (m.customerKey != null && m.customerKey.equals(c.customerKey) && t > c.openedAt) {
                escalate(ctx, c, m, out);
            }
            return;
        }
        if (c != null && c.earlyReplyAt != Long.MIN_VALUE && c.earlyReplyAt >= t) {
            // The answer was here first: the case opens and closes at once.
            ctx.output(EVENTS, new ResponseEvent(m.brand, ResponseEvent.OPENED, t, 0, false));
            long deadline = t + deadline(severityOf(m));
            ctx.output(
                    EVENTS,
                    new ResponseEvent(
                            m.brand,
                            ResponseEvent.ANSWERED,
                            c.earlyReplyAt,
                            c.earlyReplyAt - t,
                            c.earlyReplyAt <= deadline));
            if (m.customerKey != null) {
                ctx.output(
                        REPLIES,
                        new CustomerSignal(m.customerKey, CustomerSignal.BRAND_REPLY, m.brand, t));
            }
            state.clear();
            return;
        }
        c = new ResponseCase();
        c.open = true;
        c.openedAt = t;
        c.severity = severityOf(m);
        c.category = m.analysis.complaint ? m.analysis.complaintCategory : "QUESTION";
        c.mentionId = m.id;
        c.customerKey = m.customerKey;
        c.excerpt =
                m.text == null
                        ? ""
                        : m.text.length() <= EXCERPT_CHARS
                                ? m.text
                                : m.text.substring(0, EXCERPT_CHARS) + "…";
        c.deadline = t + deadline(c.severity);
        state.update(c);
        openCases++;
        ctx.output(EVENTS, new ResponseEvent(m.brand, ResponseEvent.OPENED, t, 0, false));
        ctx.timerService().registerEventTimeTimer(c.deadline);
        ctx.timerService().registerEventTimeTimer(t + giveUpMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        handleWaitingUpTo(timestamp, ctx, out);
        ResponseCase c = state.value();
        if (c == null) {
            return;
        }
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (c.open && !c.alerted && timestamp >= c.deadline) {
            // Also at the end of a finite input: the deadline passed with no answer in the data.
            c.alerted = true;
            state.update(c);
            String brand = brandOf(ctx.getCurrentKey());
            ctx.output(
                    EVENTS, new ResponseEvent(brand, ResponseEvent.OVERDUE, c.deadline, 0, false));
            out.collect(
                    alert(
                            ctx.getCurrentKey(),
                            c,
                            IncidentLifecycle.OPEN,
                            c.deadline,
                            String.format(
                                    Locale.ROOT,
                                    "%s unanswered %s after it was posted (deadline %s for %s)",
                                    describe(c),
                                    minutes(c.deadline - c.openedAt),
                                    minutes(c.deadline - c.openedAt),
                                    c.severity == null ? "a question" : c.severity)));
        }
        if (endOfInput) {
            return;
        }
        if (c.open && timestamp >= c.openedAt + giveUpMillis) {
            // Nobody answered in two weeks: the alert stands, the case is forgotten (and no longer
            // counted open).
            ctx.output(
                    EVENTS,
                    new ResponseEvent(
                            brandOf(ctx.getCurrentKey()),
                            ResponseEvent.EXPIRED,
                            timestamp,
                            0,
                            false));
            state.clear();
            openCases--;
        } else if (!c.open
                && c.earlyReplyAt != Long.MIN_VALUE
                && timestamp >= c.earlyReplyAt + waitMillis) {
            state.clear();
        }
    }

    private void answer(Context ctx, ResponseCase c, long t, Collector<Alert> out)
            throws Exception {
        String brand = brandOf(ctx.getCurrentKey());
        if (c.customerKey != null) {
            ctx.output(
                    REPLIES,
                    new CustomerSignal(
                            c.customerKey, CustomerSignal.BRAND_REPLY, brand, c.openedAt));
        }
        ctx.output(
                EVENTS,
                new ResponseEvent(
                        brand, ResponseEvent.ANSWERED, t, t - c.openedAt, t <= c.deadline));
        if (c.alerted) {
            out.collect(
                    alert(
                            ctx.getCurrentKey(),
                            c,
                            IncidentLifecycle.RESOLVED,
                            t,
                            String.format(
                                    Locale.ROOT,
                                    "%s answered %s after it was posted, %s late",
                                    describe(c),
                                    minutes(t - c.openedAt),
                                    minutes(t - c.deadline))));
        }
        state.clear();
        openCases--;
    }

    private void escalate(
            Context ctx, ResponseCase c, EnrichedMention followUp, Collector<Alert> out)
            throws Exception {
        c.followUps++;
        String raised = Severity.of(c.severity == null ? "LOW" : c.severity).raised().name();
        c.severity = raised;
        c.deadline = Math.min(c.deadline, c.openedAt + deadline(raised));
        state.update(c);
        ctx.timerService().registerEventTimeTimer(Math.max(c.deadline, followUp.createdAt));
        if (c.alerted) {
            out.collect(
                    alert(
                            ctx.getCurrentKey(),
                            c,
                            IncidentLifecycle.UPDATE,
                            followUp.createdAt,
                            String.format(
                                    Locale.ROOT,
                                    "%s still unanswered; the customer followed up (%d), now %s",
                                    describe(c),
                                    c.followUps,
                                    raised)));
        }
    }

    private Alert alert(String key, ResponseCase c, String status, long at, String summary) {
        String brand = brandOf(key);
        String thread = key.substring(key.indexOf('\n') + 1);
        long windowStart = Math.floorDiv(at, windowMillis) * windowMillis;
        Alert a = new Alert();
        a.alertId =
                IncidentLifecycle.id(
                        "alert",
                        brand,
                        TYPE,
                        Long.toString(windowStart),
                        status,
                        thread,
                        Integer.toString(c.followUps));
        a.incidentId = IncidentLifecycle.id("incident", brand, TYPE, thread);
        a.brand = brand;
        a.type = TYPE;
        a.severity = c.severity == null ? Severity.LOW.name() : c.severity;
        a.status = status;
        a.windowStart = windowStart;
        a.windowEnd = windowStart + windowMillis;
        a.detectedAt = at;
        a.firstSeen = c.openedAt;
        a.lastSeen = at;
        a.observed = Math.round((at - c.openedAt) / 600.0) / 100.0; // minutes waited
        a.expected = Math.round((c.deadline - c.openedAt) / 600.0) / 100.0; // minutes allowed
        a.score = a.expected == 0 ? 0 : Math.round(a.observed / a.expected * 100) / 100.0;
        a.threshold = 1.0;
        a.summary = summary;
        AlertEvidence e = new AlertEvidence();
        e.driverTerms = new String[0];
        e.keywords = new String[0];
        e.sampleMentionIds = new String[] {c.mentionId};
        e.mentions = 1 + c.followUps;
        e.uniqueAuthors = 1;
        e.complaintCategory = c.category;
        e.customerKey = c.customerKey;
        e.excerpt = c.excerpt;
        e.deadline = c.deadline;
        a.evidence = e;
        return a;
    }

    private static String severityOf(EnrichedMention m) {
        return m.analysis.complaint ? m.analysis.severity : null;
    }

    private static String describe(ResponseCase c) {
        return c.category.equals("QUESTION") ? "a question" : "a " + c.category + " complaint";
    }

    private static String brandOf(String key) {
        return key.substring(0, key.indexOf('\n'));
    }

    private long deadline(String severity) {
        return deadlineMillis.getOrDefault(severity, deadlineMillis.get(null));
    }

    private static String minutes(long millis) {
        long m = Math.max(0, millis) / 60_000;
        return m >= 60 ? (m / 60) + "h" + (m % 60 == 0 ? "" : " " + (m % 60) + "m") : m + "m";
    }
}
