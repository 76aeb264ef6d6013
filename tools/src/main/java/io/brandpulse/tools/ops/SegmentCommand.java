package io.brandpulse.tools.ops;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ConfigException;
import io.brandpulse.config.ConfigLoader;
import io.brandpulse.text.TextAnalyzer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scripts/segment}: reads lines, writes them segmented, words separated by single spaces, in
 * the original characters (Traditional stays Traditional). A line that cannot be segmented becomes
 * {@code #error: reason}.
 */
public final class SegmentCommand {
    private static final String USAGE =
            """
            usage: scripts/segment [--config FILE] [--max-line-bytes N] < text.txt > segmented.txt
              --config FILE   keep the configured brand names, keywords and crisis terms whole
              one line in, one line out, in order; words separated by single spaces, in the original characters.
              A bad line (invalid UTF-8, empty, longer than --max-line-bytes, default 1000000) becomes '#error: reason'.\
            """;

    private SegmentCommand() {}

    public static void main(String[] args) throws Exception {
        int maxLineBytes = 1_000_000;
        List<BrandSettings> brands = List.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max-line-bytes") && i + 1 < args.length) {
                maxLineBytes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--config") && i + 1 < args.length) {
                try {
                    brands =
                            ConfigLoader.withoutSecrets()
                                    .load(Path.of(args[++i]), List.of())
                                    .brands;
                } catch (ConfigException e) {
                    System.err.println("error: " + e.getMessage());
                    System.exit(2);
                }
            } else {
                System.err.println(USAGE);
                System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
            }
        }
        try (TextAnalyzer analyzer = new TextAnalyzer(brands)) {
            new LineCommand(maxLineBytes)
                    .run(
                            System.in,
                            System.out,
                            line -> String.join(" ", analyzer.segmentForDisplay(line)),
                            (lineNumber, reason) -> "#error: line " + lineNumber + ": " + reason);
        }
    }
}
