package io.brandpulse.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands as a new user runs them: {@code scripts/demo} and {@code scripts/run-file}.
 */
class ScriptsITCase {
    @TempDir Path dir;

    @Test
    void demoRunsByItselfAndShowsMentionsAndDeadLetters() throws Exception {
        int[] ports = Scripts.freePorts(2);
        Scripts scripts =
                new Scripts(dir)
                        .with("DEMO_KAFKA_PORT", Integer.toString(ports[0]))
                        .with("DEMO_KAFKA_CONTROLLER_PORT", Integer.toString(ports[1]));
        String output = scripts.runOk(Duration.ofMinutes(5), "demo");
        assertTrue(
                output.contains("demo ok: 26 enriched mentions, 6 dead letters from 33 records"),
                output);
        assertTrue(output.contains("[brand reply]") && output.contains("INVALID_JSON"), output);
        assertTrue(
                output.contains("5 brand metrics windows, 1 alerts")
                        && output.contains("qingning   volume    6"),
                output);
        assertTrue(
                output.contains("CRISIS_KEYWORD  OPEN     qingning"),
                "the food-safety scare is alerted:\n" + output);
        assertTrue(
                output.contains("the top customers, best score first")
                        && output.matches("(?s).*customer scores.*")
                        && output.matches(
                                "(?s).*\\d+\\.\\d\\d  (CASUAL|ENGAGED|ADVOCATE|AT_RISK) .*"),
                "top customers shown:\n" + output);
        assertTrue(output.contains("kafka stopped"), "the demo stops what it started:\n" + output);
        Path report = Path.of(scripts.env("BRANDPULSE_RUN_DIR")).resolve("demo/report.html");
        assertTrue(
                Files.exists(report) && Files.readString(report).contains("CRISIS_KEYWORD"),
                "the demo writes a report read back from Kafka, with the alert in it:\n" + output);
    }

    @Test
    void runFileWritesEveryOutputStreamAsJsonLines() throws Exception {
        Path out = dir.resolve("out");
        new Scripts(dir)
                .runOk(
                        Duration.ofMinutes(3),
                        "run-file",
                        "--config",
                        TestConfigs.DEMO_CONFIG.toString(),
                        "--input",
                        TestConfigs.DEMO_SAMPLE.toString(),
                        "--out",
                        out.toString());
        assertEquals(26, Files.readAllLines(out.resolve("mentions-enriched.jsonl")).size());
        assertEquals(6, Files.readAllLines(out.resolve("mentions-dlq.jsonl")).size());
        assertTrue(
                Files.readAllLines(out.resolve("brand-metrics.jsonl")).size() >= 6,
                "every window closes at the end of the file");
        String alerts = Files.readString(out.resolve("alerts.jsonl"));
        assertTrue(
                alerts.contains("\"CRISIS_KEYWORD\"")
                        && alerts.contains("\"UNANSWERED_COMPLAINT\""),
                "the scare, and complaints nobody answered before the file ended: " + alerts);
        assertTrue(
                Files.readAllLines(out.resolve("customer-engagement.jsonl")).size() >= 20,
                "customer scores written");
    }

    @Test
    void analyzeAndSegmentWriteOneLinePerLineEvenForBadLines() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("青柠咖啡外卖等了一个半小时[怒]\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        input.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes(("长".repeat(400_000) + "\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes("我愛青檸咖啡，服務很好！".getBytes(StandardCharsets.UTF_8));
        Path in = dir.resolve("in.txt");
        Files.write(in, input.toByteArray());
        Scripts scripts = new Scripts(dir);

        List<String> analysis =
                scripts.pipe(
                                Duration.ofMinutes(2),
                                in,
                                "analyze",
                                "--config",
                                TestConfigs.DEMO_CONFIG.toString())
                        .lines()
                        .toList();
        assertEquals(5, analysis.size(), analysis::toString);
        assertTrue(
                analysis.get(0).contains("\"label\":\"negative\"")
                        && analysis.get(0).contains("\"brand\":\"qingning\""),
                analysis.get(0));
        assertTrue(
                analysis.get(1).contains("\"line\":2,\"error\":\"not valid UTF-8\""),
                analysis.get(1));
        assertTrue(analysis.get(2).contains("\"error\":\"empty line\""), analysis.get(2));
        assertTrue(analysis.get(3).contains("\"error\":\"line of 1200000 bytes"), analysis.get(3));
        assertTrue(analysis.get(4).contains("\"tokens\":[\"我\",\"愛\",\"青檸咖啡\""), analysis.get(4));

        List<String> segmented =
                scripts.pipe(
                                Duration.ofMinutes(2),
                                in,
                                "segment",
                                "--config",
                                TestConfigs.DEMO_CONFIG.toString())
                        .lines()
                        .toList();
        assertEquals(5, segmented.size());
        assertEquals("我 愛 青檸咖啡 ， 服務 很 好 ！", segmented.get(4), "Traditional stays Traditional");
        assertTrue(segmented.get(1).startsWith("#error"));
    }

    @Test
    void aBadConfigurationIsAClearErrorNamingTheKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(
                config,
                "privacy:\n"
                        + "  pseudonymKey: a-long-enough-pseudonym-key\n"
                        + "kafka:\n"
                        + "  bootstrapServer: x:1\n");
        Scripts.Result r =
                new Scripts(dir)
                        .run(
                                Duration.ofMinutes(2),
                                "run-file",
                                "--config",
                                config.toString(),
                                "--input",
                                TestConfigs.DEMO_SAMPLE.toString(),
                                "--out",
                                dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("unknown key 'kafka.bootstrapServer'"), r.output());
    }
}
