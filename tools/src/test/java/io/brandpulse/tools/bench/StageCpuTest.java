package io.brandpulse.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageCpuTest {
    @Test
    void subtasksOfOneOperatorChainAreOneStage() {
        assertEquals(
                "enrich mentions -> (mentions with a brand, enriched mentions sink: Writer)",
                StageCpu.stage(
                        "enrich mentions -> (mentions with a brand, enriched mentions sink: Writer)"
                                + " (2/2)#0"));
        assertEquals("score customers", StageCpu.stage("score customers (1/1)"));
        assertEquals("main", StageCpu.stage("main"));
    }

    @Test
    void theCpuOfAThreadThatWorkedDuringTheRunIsCountedUnderItsName() throws Exception {
        Thread worker =
                new Thread(
                        () -> {
                            // 300 ms of this thread's own CPU, however busy the machine is (a
                            // wall-clock spin gets less when
                            // other processes share the cores); bounded in wall time all the same.
                            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                            long cpuEnd = threads.getCurrentThreadCpuTime() + 300_000_000L;
                            long wallEnd = System.nanoTime() + 10_000_000_000L;
                            double x = 0;
                            while (threads.getCurrentThreadCpuTime() < cpuEnd
                                    && System.nanoTime() < wallEnd) {
                                x += Math.sqrt(x + 1);
                            }
                            if (x < 0) {
                                throw new AssertionError();
                            }
                        },
                        "busy stage (1/1)#0");
        Map<String, Long> stages;
        long process;
        try (StageCpu cpu = new StageCpu()) {
            worker.start();
            worker.join();
            Thread.sleep(
                    150); // one more sample after the thread ended is not needed, but its last 100
            // ms may be lost
            cpu.close();
            stages = cpu.byStage();
            process = cpu.processNanos();
        }
        long busy = stages.getOrDefault("busy stage", 0L);
        assertTrue(
                busy >= 150_000_000L,
                "a thread spinning 300 ms shows at least half of it: " + busy);
        assertTrue(process >= busy, "the process used at least what its threads did");
        assertTrue(stages.containsKey(StageCpu.OUTSIDE_JAVA_THREADS));
    }

    @Test
    void theJvmsOwnThreadsAreToldApartByName() {
        assertEquals(StageCpu.JIT, StageCpu.category("C2 CompilerThre"));
        assertEquals(StageCpu.JIT, StageCpu.category("C1 CompilerThre"));
        assertEquals(StageCpu.GC, StageCpu.category("GC Thread#1"));
        assertEquals(StageCpu.GC, StageCpu.category("G1 Conc#0"));
        assertEquals(StageCpu.GC, StageCpu.category("VM Thread"));
        assertNull(StageCpu.category("score customers"));
        assertNull(StageCpu.category("Signal Dispatch"));
    }

    @Test
    void garbageCollectionIsCountedApartOnLinux() throws Exception {
        assumeTrue(
                Files.isDirectory(Path.of("/proc/self/task")),
                "per-thread CPU of native threads needs Linux /proc");
        Map<String, Long> stages;
        try (StageCpu cpu = new StageCpu()) {
            for (int i = 0; i < 20; i++) {
                byte[][] garbage = new byte[2_000][];
                for (int j = 0; j < garbage.length; j++) {
                    garbage[j] = new byte[10_000];
                }
                System.gc(); // with about 20 MB live each time: the collector has work to do
                if (garbage[garbage.length - 1].length != 10_000) {
                    throw new AssertionError();
                }
            }
            cpu.close();
            stages = cpu.byStage();
        }
        assertTrue(
                stages.get(StageCpu.GC) > 0,
                "twenty full collections took some GC thread CPU: " + stages);
    }
}
