package io.brandpulse.jobs.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where the CPU of a benchmark run went: the CPU time of this JVM's threads over the run, by pipeline stage (a Flink
 * task thread is named after its operator chain), and what no Java thread accounts for (JIT compilers, garbage
 * collection). On a shared machine wall-clock throughput moves with the neighbours; CPU time per mention much less.
 *
 * <p>Threads are sampled every 100 ms, because a job's task threads end with it; a thread that ends between two
 * samples loses at most its last 100 ms.
 */
final class StageCpu implements AutoCloseable {
    static final String OUTSIDE_JAVA_THREADS = "JIT compilers, GC, JVM (no Java thread)";
    /** A Flink subtask's suffix: "enrich mentions -> ... (1/2)#0" is stage "enrich mentions -> ...". */
    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)(#\\d+)?$");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpuLastSeen = new HashMap<>();
    private final long processCpuAtStart;
    private long processCpuAtEnd = -1;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stage-cpu-sampler");
        t.setDaemon(true);
        return t;
    });

    StageCpu() {
        threads.setThreadCpuTimeEnabled(true);
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                cpuAtStart.put(id, cpu);
            }
        }
        processCpuAtStart = os.getProcessCpuTime();
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue; // ended meanwhile
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                names.put(info.getThreadId(), info.getThreadName());
                cpuLastSeen.put(info.getThreadId(), cpu);
            }
        }
    }

    /** CPU nanoseconds by stage, largest first, with the part outside Java threads last; call after {@link #close}. */
    synchronized Map<String, Long> byStage() {
        Map<String, Long> stages = new HashMap<>();
        long javaThreads = 0;
        for (Map.Entry<Long, Long> e : cpuLastSeen.entrySet()) {
            long used = e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L);
            if (used > 0 && !names.get(e.getKey()).equals("stage-cpu-sampler")) {
                stages.merge(stage(names.get(e.getKey())), used, Long::sum);
                javaThreads += used;
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        stages.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        ordered.put(OUTSIDE_JAVA_THREADS, Math.max(0, processNanos() - javaThreads));
        return ordered;
    }

    /** CPU nanoseconds of the whole process over the run; call after {@link #close}. */
    synchronized long processNanos() {
        return processCpuAtEnd - processCpuAtStart;
    }

    static String stage(String threadName) {
        return SUBTASK.matcher(threadName).replaceFirst("");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        sample();
        synchronized (this) {
            processCpuAtEnd = os.getProcessCpuTime();
        }
    }
}
