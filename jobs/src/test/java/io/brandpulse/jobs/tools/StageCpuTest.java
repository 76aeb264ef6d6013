package io.brandpulse.jobs.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageCpuTest {
    @Test
    void subtasksOfOneOperatorChainAreOneStage() {
        assertEquals("enrich mentions -> (mentions with a brand, enriched mentions sink: Writer)",
                StageCpu.stage("enrich mentions -> (mentions with a brand, enriched mentions sink: Writer) (2/2)#0"));
        assertEquals("score customers", StageCpu.stage("score customers (1/1)"));
        assertEquals("main", StageCpu.stage("main"));
    }

    @Test
    void theCpuOfAThreadThatWorkedDuringTheRunIsCountedUnderItsName() throws Exception {
        Thread worker = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            if (x < 0) {
                throw new AssertionError();
            }
        }, "busy stage (1/1)#0");
        Map<String, Long> stages;
        long process;
        try (StageCpu cpu = new StageCpu()) {
            worker.start();
            worker.join();
            Thread.sleep(150); // one more sample after the thread ended is not needed, but its last 100 ms may be lost
            cpu.close();
            stages = cpu.byStage();
            process = cpu.processNanos();
        }
        long busy = stages.getOrDefault("busy stage", 0L);
        assertTrue(busy >= 150_000_000L, "a thread spinning 300 ms shows at least half of it: " + busy);
        assertTrue(process >= busy, "the process used at least what its threads did");
        assertTrue(stages.containsKey(StageCpu.OUTSIDE_JAVA_THREADS));
    }
}
