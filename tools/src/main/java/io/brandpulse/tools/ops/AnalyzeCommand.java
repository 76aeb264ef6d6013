package io.brandpulse.tools.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.config.IngestionSettings;
import io.brandpulse.contract.OutputJson;
import io.brandpulse.ingest.MentionParser;
import io.brandpulse.ingest.ParseOutcome;
import io.brandpulse.model.RawRecord;
import io.brandpulse.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/analyze}: one text per line in (or one mention JSON per line with {@code --json}),
 * one analysis JSON per line out, in order. A line that cannot be analysed gets {@code {"line": n,
 * "error": "..."}}.
 */
public final class AnalyzeCommand {
    private static final String USAGE =
            """
            usage: scripts/analyze [--json] [--config FILE] [--max-line-bytes N] < input > analysis.jsonl
              --json            input lines are mention JSON objects (the mentions topic's contract), not bare text
              --config FILE     a deployment configuration: its brands' names, keywords, crisis terms and rules are matched
              --max-line-bytes N  a longer input line is answered with an error object, not analysed (default 1000000)
              one JSON object per input line, in order: sentiment {label, score, confidence}, tokens, keywords, complaint
              {isComplaint, category, severity, question, suggestion}, spam, emoticons, duplicateKey, ...\
            """;

    private AnalyzeCommand() {}

    public static void main(String[] args) throws Exception {
        boolean json = false;
        Path config = null;
        int maxLineBytes = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--config" -> config = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--max-line-bytes" -> maxLineBytes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(USAGE);
                    System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
                }
            }
        }
        List<BrandSettings> brands = new ArrayList<>();
        if (config != null) {
            try {
                brands = ConfigLoader.withoutSecrets().load(config, List.of()).brands;
            } catch (ConfigException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(2);
            }
        }
        IngestionSettings limits = new IngestionSettings();
        limits.maxRecordBytes = maxLineBytes;
        limits.maxTextChars = maxLineBytes;
        MentionParser parser = new MentionParser(limits, Clock.systemUTC());
        boolean mentions = json;
        try (TextAnalyzer analyzer = new TextAnalyzer(brands)) {
            new LineCommand(maxLineBytes)
                    .run(
                            System.in,
                            System.out,
                            line -> {
                                ObjectNode out;
                                if (mentions) {
                                    ParseOutcome parsed =
                                            parser.parse(
                                                    new RawRecord(
                                                            line.getBytes(StandardCharsets.UTF_8),
                                                            "stdin",
                                                            0,
                                                            0));
                                    if (!parsed.isValid()) {
                                        throw new IllegalArgumentException(
                                                parsed.deadLetter().reason
                                                        + ": "
                                                        + parsed.deadLetter().detail);
                                    }
                                    out = OutputJson.object();
                                    out.put("id", parsed.mention().id);
                                    out.setAll(
                                            OutputJson.analysis(
                                                    analyzer.analyze(parsed.mention().text)));
                                } else {
                                    out = OutputJson.analysis(analyzer.analyze(line));
                                }
                                return new String(OutputJson.write(out), StandardCharsets.UTF_8);
                            },
                            (lineNumber, reason) -> {
                                ObjectNode error = OutputJson.object();
                                error.put("line", lineNumber);
                                error.put("error", reason);
                                return new String(OutputJson.write(error), StandardCharsets.UTF_8);
                            });
        }
    }
}
