package io.brandpulse.tools.evaluate;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TextAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code scripts/evaluate-analysis}: how well the analysis tells complaints, their category and
 * severity, questions to the brand, spam and crises, against the labelled development set kept in
 * the repository ({@code tools/src/test/resources/analysis-dev/*.tsv}: id, style, text, complaint,
 * category, severity, question, spam, crisis; the labelling rules are in that folder's README.md).
 *
 * <p>Category and severity are scored over every labelled complaint: a complaint the analysis
 * missed counts as a wrong category and a wrong severity, so recall cannot be traded away unseen.
 */
public final class EvaluateAnalysis {
    static final Path DEFAULT_DIR = Path.of("tools/src/test/resources/analysis-dev");
    static final String NONE = "-";

    private static final String USAGE =
            """
            usage: scripts/evaluate-analysis [--errors] [--config FILE] [DIR|FILE.tsv ...]
              default: every .tsv in tools/src/test/resources/analysis-dev, with its brands.yaml
              --errors   also print every post the analysis gets wrong, with what it said\
            """;

    /** One labelled post. */
    public record Post(
            String id,
            String style,
            String text,
            boolean complaint,
            String category,
            String severity,
            boolean question,
            boolean spam,
            boolean crisis) {}

    /** Counts of one yes/no label. */
    static final class Binary {
        int truePositive;
        int falsePositive;
        int falseNegative;

        void add(boolean gold, boolean predicted) {
            if (gold && predicted) {
                truePositive++;
            } else if (predicted) {
                falsePositive++;
            } else if (gold) {
                falseNegative++;
            }
        }

        double precision() {
            return ratio(truePositive, truePositive + falsePositive);
        }

        double recall() {
            return ratio(truePositive, truePositive + falseNegative);
        }
    }

    /** Every figure of one run. */
    static final class Report {
        final Binary complaint = new Binary();
        final Binary question = new Binary();
        final Binary spam = new Binary();
        final Binary crisis = new Binary();
        final Map<String, Map<String, Integer>> categories = new TreeMap<>();
        final Map<String, Map<String, Integer>> severities = new TreeMap<>();
        int complaints;
        int categoryRight;
        int severityRight;
        int mustBeCritical;
        int criticalSafety;
        final List<String> errors = new ArrayList<>();
        int posts;

        double categoryAccuracy() {
            return ratio(categoryRight, complaints);
        }

        double severityAccuracy() {
            return ratio(severityRight, complaints);
        }
    }

    private EvaluateAnalysis() {}

    public static void main(String[] args) throws IOException {
        boolean errors = false;
        Path config = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--errors" -> errors = true;
                case "--config" -> config = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            inputs.add(DEFAULT_DIR);
        }
        if (config == null) {
            Path first = inputs.get(0);
            config = (Files.isDirectory(first) ? first : first.getParent()).resolve("brands.yaml");
        }
        List<Post> posts = new ArrayList<>();
        for (Path input : inputs) {
            posts.addAll(read(input));
        }
        Report report =
                evaluate(posts, ConfigLoader.withoutSecrets().load(config, List.of()).brands);
        print(report, System.out, errors);
    }

    /** The labelled posts of a .tsv file, or of every .tsv file in a folder (sorted by name). */
    public static List<Post> read(Path input) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> listing = Files.list(input)) {
                listing.filter(p -> p.toString().endsWith(".tsv")).sorted().forEach(files::add);
            }
        } else {
            files.add(input);
        }
        List<Post> posts = new ArrayList<>();
        for (Path file : files) {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNumber + ": 9 tab-separated columns expected");
                }
                posts.add(
                        new Post(
                                f[0],
                                f[1],
                                f[2],
                                flag(f[3]),
                                f[4],
                                f[5],
                                flag(f[6]),
                                flag(f[7]),
                                flag(f[8])));
            }
        }
        return posts;
    }

    static Report evaluate(List<Post> posts, List<BrandSettings> brands) {
        Report r = new Report();
        try (TextAnalyzer analyzer = new TextAnalyzer(brands)) {
            for (Post post : posts) {
                score(post, analyzer.analyze(post.text()), r);
            }
        }
        return r;
    }

    private static void score(Post post, TextAnalysis a, Report r) {
        r.posts++;
        String category = a.complaint ? a.complaintCategory : NONE;
        String severity = a.complaint ? a.severity : NONE;
        r.complaint.add(post.complaint(), a.complaint);
        r.question.add(post.question(), a.question);
        r.spam.add(post.spam(), a.spam);
        r.crisis.add(post.crisis(), a.crisis);
        if (post.complaint() || a.complaint) {
            count(r.categories, post.category(), category);
            count(r.severities, post.severity(), severity);
        }
        if (post.complaint()) {
            r.complaints++;
            r.categoryRight += post.category().equals(category) ? 1 : 0;
            r.severityRight += post.severity().equals(severity) ? 1 : 0;
        }
        if (post.category().equals("SAFETY_LEGAL") && post.severity().equals("CRITICAL")) {
            r.mustBeCritical++;
            r.criticalSafety +=
                    "SAFETY_LEGAL".equals(category) && "CRITICAL".equals(severity) ? 1 : 0;
        }
        boolean wrong =
                post.complaint() != a.complaint
                        || !post.category().equals(category)
                        || !post.severity().equals(severity)
                        || post.question() != a.question
                        || post.spam() != a.spam
                        || post.crisis() != a.crisis;
        if (wrong) {
            r.errors.add(
                    String.format(
                            Locale.ROOT,
                            "%s\texpected %s\tgot %s\t%s %.2f\t%s",
                            post.id(),
                            labels(
                                    post.complaint(),
                                    post.category(),
                                    post.severity(),
                                    post.question(),
                                    post.spam(),
                                    post.crisis()),
                            labels(a.complaint, category, severity, a.question, a.spam, a.crisis),
                            a.sentimentLabel,
                            a.sentimentScore,
                            post.text()));
        }
    }

    private static String labels(
            boolean complaint,
            String category,
            String severity,
            boolean question,
            boolean spam,
            boolean crisis) {
        return (complaint ? category + "/" + severity : "no-complaint")
                + (question ? " question" : "")
                + (spam ? " spam" : "")
                + (crisis ? " crisis" : "");
    }

    static void print(Report r, PrintStream out, boolean errors) {
        if (errors) {
            r.errors.forEach(out::println);
            out.println();
        }
        out.printf(Locale.ROOT, "%d labelled posts, %d complaints%n%n", r.posts, r.complaints);
        out.printf("%-10s %9s %9s %6s %6s %6s%n", "label", "precision", "recall", "TP", "FP", "FN");
        Map<String, Binary> binaries = new LinkedHashMap<>();
        binaries.put("complaint", r.complaint);
        binaries.put("question", r.question);
        binaries.put("spam", r.spam);
        binaries.put("crisis", r.crisis);
        binaries.forEach(
                (name, b) ->
                        out.printf(
                                Locale.ROOT,
                                "%-10s %9.3f %9.3f %6d %6d %6d%n",
                                name,
                                b.precision(),
                                b.recall(),
                                b.truePositive,
                                b.falsePositive,
                                b.falseNegative));
        out.printf(
                Locale.ROOT,
                "%ncategory right on %.3f of complaints; severity exact on %.3f; harm to a child or"
                        + " a hospital visit graded CRITICAL SAFETY_LEGAL: %d of %d%n",
                r.categoryAccuracy(),
                r.severityAccuracy(),
                r.criticalSafety,
                r.mustBeCritical);
        confusion("category", r.categories, out);
        confusion("severity", r.severities, out);
        out.printf(
                Locale.ROOT,
                "{\"posts\":%d,\"complaint_precision\":%.4f,\"complaint_recall\":%.4f,"
                        + "\"category_accuracy\":%.4f,\"severity_accuracy\":%.4f,"
                        + "\"critical_safety\":\"%d/%d\",\"question_precision\":%.4f,"
                        + "\"question_recall\":%.4f,\"spam_precision\":%.4f,\"spam_recall\":%.4f,"
                        + "\"crisis_precision\":%.4f,\"crisis_recall\":%.4f}%n",
                r.posts,
                r.complaint.precision(),
                r.complaint.recall(),
                r.categoryAccuracy(),
                r.severityAccuracy(),
                r.criticalSafety,
                r.mustBeCritical,
                r.question.precision(),
                r.question.recall(),
                r.spam.precision(),
                r.spam.recall(),
                r.crisis.precision(),
                r.crisis.recall());
    }

    /** Rows: the label; columns: what the analysis said ("-": not a complaint). */
    private static void confusion(
            String name, Map<String, Map<String, Integer>> matrix, PrintStream out) {
        TreeMap<String, Boolean> columns = new TreeMap<>();
        matrix.values().forEach(row -> row.keySet().forEach(c -> columns.put(c, true)));
        matrix.keySet().forEach(c -> columns.put(c, true));
        out.printf(
                "%n%s confusion (rows: label, columns: analysis; none: not a complaint)%n%-16s",
                name, "");
        columns.keySet().forEach(c -> out.printf("%10.9s", c.equals(NONE) ? "none" : c));
        out.println();
        matrix.forEach(
                (gold, row) -> {
                    out.printf("%-16s", gold.equals(NONE) ? "none" : gold);
                    columns.keySet().forEach(c -> out.printf("%10d", row.getOrDefault(c, 0)));
                    out.println();
                });
    }

    private static void count(Map<String, Map<String, Integer>> matrix, String gold, String got) {
        matrix.computeIfAbsent(gold, g -> new TreeMap<>()).merge(got, 1, Integer::sum);
    }

    private static boolean flag(String field) {
        return switch (field.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("0 or 1 expected, not " + field);
        };
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
