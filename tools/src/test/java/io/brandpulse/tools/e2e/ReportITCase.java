package io.brandpulse.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.jobs.testing.FileRuns;
import io.brandpulse.jobs.testing.Scripts;
import io.brandpulse.jobs.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/report on a real run's output, rendered by headless Chromium (Debian's, installed by
 * scripts/install-browser when missing): the charts must have drawn, offline.
 */
class ReportITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir Path dir;

    @Test
    void theReportDrawsEveryChartOfEveryBrandWithoutNetwork() throws Exception {
        Path out =
                FileRuns.run(
                        TestConfigs.demo(),
                        TestConfigs.DEMO_SAMPLE,
                        dir.resolve("run"),
                        "report input");
        Scripts scripts = new Scripts(dir);
        Path report = dir.resolve("report.html");
        scripts.runOk(
                Duration.ofMinutes(5),
                "report",
                "--in",
                out.toString(),
                "--out",
                report.toString());
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertFalse(
                Pattern.compile("<script[^>]+src=").matcher(html).find(),
                "no external script: the page works offline");
        assertFalse(html.contains("https://") && html.contains("<link"), "no external stylesheet");

        scripts.runOk(Duration.ofMinutes(10), "install-browser");
        Process chromium =
                new ProcessBuilder(
                                List.of(
                                        "chromium",
                                        "--headless",
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--virtual-time-budget=5000",
                                        "--dump-dom",
                                        report.toUri().toString()))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(2, TimeUnit.MINUTES), "chromium finished");

        long brands = Pattern.compile("<section class=\"brand\"").matcher(dom).results().count();
        assertEquals(3, brands, "qingning, beian and heytea each get a section");
        Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(dom);
        assertTrue(drawn.find(), "the page's script ran to the end");
        assertEquals(5 * brands, Long.parseLong(drawn.group(1)), "five charts per brand");
        long svgs = Pattern.compile("<svg").matcher(dom).results().count();
        assertTrue(svgs >= 5 * brands, "every chart drew an SVG: " + svgs);
        assertTrue(
                Pattern.compile("<path").matcher(dom).results().count() > 50,
                "with shapes in them");
        assertTrue(dom.contains("CRISIS_KEYWORD"), "the alerts table shows the food-safety scare");
    }
}
