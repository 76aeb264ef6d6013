package io.brandpulse.tools.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where the CPU of a benchmark run went: the CPU time of this JVM's threads over the run, by
 * pipeline stage (a Flink task thread is named after its operator chain), and what no Java thread
 * accounts for (JIT compilers, garbage collection). On a shared machine wall-clock throughput moves
 * with the neighbours; CPU time per mention much less.
 *
 * <p>Threads are sampled every 100 ms, because a job's task threads end with it; a thread that ends
 * between two samples loses at most its last 100 ms.
 */
final class StageCpu implements AutoCloseable {
    static final String OUTSIDE_JAVA_THREADS = "other JVM threads (no Java thread)";
    static final String JIT = "JIT compilers";
    static final String GC = "garbage collection (and VM safepoints)";

    /**
     * Linux accounts threads' CPU in clock ticks of 10 ms ({@code getconf CLK_TCK} is 100 on every
     * usual kernel).
     */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * A Flink subtask's suffix: "enrich mentions -> ... (1/2)#0" is stage "enrich mentions -> ...".
     */
    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)(#\\d+)?$");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpuLastSeen = new HashMap<>();

    /**
     * Native JVM threads (JIT compilers, GC) by Linux thread id: their category and CPU ticks;
     * empty off Linux.
     */
    private final Map<String, String> nativeCategory = new HashMap<>();

    private final Map<String, Long> nativeTicksAtStart = new HashMap<>();
    private final Map<String, Long> nativeTicksLastSeen = new HashMap<>();
    private final long processCpuAtStart;
    private long processCpuAtEnd = -1;
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
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
        sampleNativeThreads(nativeTicksAtStart);
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
        sampleNativeThreads(nativeTicksLastSeen);
    }

    /**
     * The JVM's own threads are invisible to {@link ThreadMXBean}; Linux shows them in /proc with
     * their names ("C2 CompilerThre", "GC Thread#0", "G1 Conc#0", ...), which tells the JIT from
     * the garbage collector.
     */
    private void sampleNativeThreads(Map<String, Long> ticks) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String id = task.getFileName().toString();
                try {
                    String category =
                            nativeCategory.containsKey(id)
                                    ? nativeCategory.get(id)
                                    : category(Files.readString(task.resolve("comm")).strip());
                    nativeCategory.put(
                            id, category); // null for Java threads: their name is not read again
                    if (category != null) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(
                                id,
                                Long.parseLong(fields[11])
                                        + Long.parseLong(fields[12])); // utime + stime
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while read: its last ticks were taken at the previous sample
                }
            }
        } catch (IOException e) {
            // not Linux: JIT and GC stay in "other JVM threads"
        }
    }

    /**
     * True for the JIT, GC and other-JVM entries of {@link #byStage}, which are not pipeline
     * stages.
     */
    static boolean isOutsideStages(String name) {
        return name.equals(JIT) || name.equals(GC) || name.equals(OUTSIDE_JAVA_THREADS);
    }

    /** The JIT or GC category of a native thread's name, or null for any other thread. */
    static String category(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (threadName.startsWith("GC Thread")
                || threadName.startsWith("G1 ")
                || threadName.startsWith("VM Thread")
                || threadName.startsWith("ParGC")
                || threadName.startsWith("ZWorker")
                || threadName.startsWith("Shenandoah")) {
            return GC; // the VM thread runs the collector's safepoint operations (and a few others:
            // deoptimization)
        }
        return null;
    }

    /**
     * CPU nanoseconds by stage, largest first, then the JIT compilers, garbage collection and the
     * rest outside Java threads; call after {@link #close}.
     */
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
        stages.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        long nativeThreads = 0;
        for (Map.Entry<String, Long> e : nativeTicksLastSeen.entrySet()) {
            // a native thread not seen at the start started during the run (the JIT adds compiler
            // threads on demand)
            long used =
                    (e.getValue() - nativeTicksAtStart.getOrDefault(e.getKey(), 0L))
                            * NANOS_PER_TICK;
            if (used > 0) {
                ordered.merge(nativeCategory.get(e.getKey()), used, Long::sum);
                nativeThreads += used;
            }
        }
        ordered.putIfAbsent(JIT, 0L);
        ordered.putIfAbsent(GC, 0L);
        ordered.put(
                OUTSIDE_JAVA_THREADS, Math.max(0, processNanos() - javaThreads - nativeThreads));
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
