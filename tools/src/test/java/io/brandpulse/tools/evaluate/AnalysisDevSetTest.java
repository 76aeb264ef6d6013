package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.ConfigLoader;
import io.brandpulse.tools.evaluate.EvaluateAnalysis.Post;
import io.brandpulse.tools.evaluate.EvaluateAnalysis.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis on the labelled development set kept in the repository: the figures {@code
 * scripts/evaluate-analysis} prints must not fall below what the analysis reached when they were
 * last measured (floors a little under those figures; raise them when the analysis gets better).
 */
class AnalysisDevSetTest {
    private static List<Post> posts;
    private static Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        Path dir = devSet();
        posts = EvaluateAnalysis.read(dir);
        report =
                EvaluateAnalysis.evaluate(
                        posts,
                        ConfigLoader.withoutSecrets()
                                .load(dir.resolve("brands.yaml"), List.of())
                                .brands);
    }

    private static Path devSet() throws URISyntaxException {
        return Path.of(AnalysisDevSetTest.class.getResource("/analysis-dev/brands.yaml").toURI())
                .getParent();
    }

    @Test
    void theSetIsWhatItsReadmeSays() {
        assertTrue(posts.size() >= 600, posts.size() + " posts");
        Set<String> ids = new HashSet<>();
        Set<String> categories =
                Set.of(
                        "PRODUCT_QUALITY",
                        "SERVICE",
                        "COMMUNICATION",
                        "LOGISTICS",
                        "PRICE",
                        "SAFETY_LEGAL",
                        "OTHER");
        Set<String> severities = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
        for (Post p : posts) {
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
            if (p.complaint()) {
                assertTrue(categories.contains(p.category()), p.id());
                assertTrue(severities.contains(p.severity()), p.id());
            } else {
                assertEquals("-", p.category(), p.id());
                assertEquals("-", p.severity(), p.id());
            }
        }
    }

    @Test
    void everyPostReportingHarmToAChildOrACareVisitIsCriticalSafety() {
        assertTrue(report.mustBeCritical > 0);
        assertTrue(
                report.criticalSafety >= report.mustBeCritical * FLOOR_CRITICAL,
                report.criticalSafety + " of " + report.mustBeCritical);
    }

    @Test
    void complaints() {
        assertTrue(report.complaint.recall() >= FLOOR_COMPLAINT_RECALL, summary());
        assertTrue(report.complaint.precision() >= FLOOR_COMPLAINT_PRECISION, summary());
        assertTrue(report.categoryAccuracy() >= FLOOR_CATEGORY, summary());
        assertTrue(report.severityAccuracy() >= FLOOR_SEVERITY, summary());
    }

    @Test
    void questionsSpamAndCrises() {
        assertTrue(report.question.precision() >= FLOOR_QUESTION_PRECISION, summary());
        assertTrue(report.question.recall() >= FLOOR_QUESTION_RECALL, summary());
        assertTrue(report.spam.recall() >= FLOOR_SPAM_RECALL, summary());
        assertTrue(report.spam.precision() >= FLOOR_SPAM_PRECISION, summary());
        assertTrue(report.crisis.precision() >= FLOOR_CRISIS_PRECISION, summary());
        assertTrue(report.crisis.recall() >= FLOOR_CRISIS_RECALL, summary());
    }

    private static String summary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvaluateAnalysis.print(report, new PrintStream(out, true, StandardCharsets.UTF_8), false);
        return out.toString(StandardCharsets.UTF_8);
    }

    // Measured with scripts/evaluate-analysis on the 27,620 posts: complaint P 0.961 R 0.968,
    // category 0.94, severity 0.95, critical 2455/2459, question P 0.947 R 0.978, spam P 0.995
    // R 1.000, crisis P 0.968 R 0.989 (the spam and crisis models learn from these posts: partly
    // in-sample; the crisis model's backtest on rounds it had not seen is in the set's README).
    // See the closing notes of issue 19; on posts the rules had not seen, the figures are lower:
    // the README's first looks.
    // Critical was 1.0 up to 26,020 posts. The three misses since are labels no rule can follow
    // without breaking more: an unaged 我妈 and 我爸 hurt, labelled elderly (f250-044, f250-050;
    // of the 8 such posts in the set, 5 are labelled HIGH), and two colleagues ill labelled
    // several (f248-016; the grader counts three). Every post naming a child or a care visit is
    // still CRITICAL. Round 58 added one more of the kind of f248-016: the writer and one friend
    // sick, labelled several (f253-087): 2455 of 2459 with round 60.
    private static final double FLOOR_CRITICAL = 0.998;
    private static final double FLOOR_COMPLAINT_RECALL = 0.91;
    private static final double FLOOR_COMPLAINT_PRECISION = 0.93;
    private static final double FLOOR_CATEGORY = 0.86;
    private static final double FLOOR_SEVERITY = 0.89;
    private static final double FLOOR_QUESTION_PRECISION = 0.93;
    private static final double FLOOR_QUESTION_RECALL = 0.94;
    private static final double FLOOR_SPAM_RECALL = 0.97;
    private static final double FLOOR_SPAM_PRECISION = 0.98;
    private static final double FLOOR_CRISIS_PRECISION = 0.965;
    private static final double FLOOR_CRISIS_RECALL = 0.98;
}
