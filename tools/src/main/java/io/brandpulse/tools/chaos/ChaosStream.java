package io.brandpulse.tools.chaos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.jobs.testing.MentionStreams;
import io.brandpulse.jobs.testing.Mentions;
import io.brandpulse.tools.ops.ToolArguments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code scripts/chaos} input: a day of mentions that exercises every output of the listening job,
 * and its configuration. On top of the benchmark's day of chatter (ten brands, 3,000 customers,
 * spam, reposts, Traditional script): a food-safety outrage (crisis alerts), complaint threads the
 * brands answer or leave unanswered (response cases, deadlines), malformed and duplicate records
 * (dead letters), and an opted-out customer.
 *
 * <p>The last line is a mention 200 days later about no brand: it moves event time past every
 * window, deadline and dormancy timer, so a live job that read the whole replay has emitted
 * everything {@code scripts/run-file} emits on the same file, and the two can be compared record
 * for record.
 */
public final class ChaosStream {
    private static final String USAGE =
            """
            usage: ChaosStream --data DIR --mentions N --out DIR
              writes DIR/mentions.jsonl (about N mentions and the cases above) and DIR/chaos.yaml (its brands)\
            """;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    static final String OPTED_OUT_AUTHOR = "u7";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random = new Random(11);

    private ChaosStream() {}

    public static void main(String[] args) throws IOException {
        ToolArguments a =
                ToolArguments.parse(args, Set.of("--data", "--mentions", "--out"), Set.of());
        if (a.help || !a.has("--data") || !a.has("--out")) {
            System.err.println(USAGE);
            System.exit(a.help ? 0 : 2);
        }
        Path out = Path.of(a.get("--out", null));
        Files.createDirectories(out);
        List<String> texts =
                MentionStreams.realisticTexts(
                        Path.of(a.get("--data", null)),
                        Integer.parseInt(a.get("--mentions", "20000")));
        List<String> lines = new ChaosStream().lines(texts);
        Files.write(out.resolve("mentions.jsonl"), lines, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("chaos.yaml"), config());
        System.err.printf(
                "wrote %d lines to %s and its configuration to %s%n",
                lines.size(), out.resolve("mentions.jsonl"), out.resolve("chaos.yaml"));
    }

    List<String> lines(List<String> texts) {
        List<ObjectNode> mentions = new ArrayList<>(MentionStreams.dayOfMentions(texts));
        outrage(mentions);
        complaintThreads(mentions);
        mentions.sort(Comparator.comparingLong(m -> m.get("createdAt").asLong()));

        List<String> lines = new ArrayList<>(mentions.size() + 100);
        int every = Math.max(1, mentions.size() / 40);
        for (int i = 0; i < mentions.size(); i++) {
            lines.add(mentions.get(i).toString());
            if (i % every == every - 1) {
                lines.add(malformed(i / every, mentions.get(i)));
            }
        }
        ObjectNode endOfReplay =
                Mentions.mention(
                        "end-of-replay",
                        "replay-clock",
                        "回放结束",
                        MentionStreams.START + 200L * 24 * HOUR);
        lines.add(endOfReplay.toString());
        return lines;
    }

    /**
     * Forty distinct customers report poisoning after the first brand's new drink, within half an
     * hour.
     */
    private void outrage(List<ObjectNode> mentions) {
        String brand = MentionStreams.BRAND_NAMES[0];
        long start = MentionStreams.START + 14 * HOUR;
        for (int i = 0; i < 40; i++) {
            mentions.add(
                    Mentions.mention(
                            "crisis" + i,
                            "victim" + i,
                            String.format(
                                    MentionStreams.OUTRAGE_TEXTS[
                                            i % MentionStreams.OUTRAGE_TEXTS.length],
                                    brand),
                            start + i * 45_000L + random.nextInt(30_000)));
        }
    }

    /**
     * Complaints and questions addressed to the brands: two in three get an official reply within
     * 40 minutes, the rest stay open past their deadline; some customers follow up.
     */
    private void complaintThreads(List<ObjectNode> mentions) {
        for (int i = 0; i < 60; i++) {
            int b = random.nextInt(MentionStreams.BRANDS);
            long at =
                    MentionStreams.START
                            + 6 * HOUR
                            + random.nextInt(14) * HOUR
                            + random.nextInt(60) * MINUTE;
            String id = "case" + i;
            mentions.add(MentionStreams.complaint(id, "asker" + i, b, at));
            if (i % 3 != 0) {
                mentions.add(
                        MentionStreams.officialReply(
                                id, "asker" + i, b, at + (10 + random.nextInt(30)) * MINUTE));
            } else if (i % 2 == 0) {
                mentions.add(MentionStreams.followUp(id, "asker" + i, b, at + 2 * HOUR));
            }
        }
    }

    /**
     * A complaint about a late order addressed to brand {@code b}, opening the thread {@code id}.
     */

    /**
     * Brand {@code b}'s official account answering the complaint {@code id} (this answers the
     * case).
     */

    /** The customer asking again in the thread {@code id} (this raises the case's severity). */

    /**
     * Bad records of each kind the contract names, and verbatim repeats of a mention (a collector
     * retrying).
     */
    private String malformed(int k, ObjectNode recent) {
        return switch (k % 5) {
            case 0 -> "{\"id\": \"broken" + k + "\", \"platform\": \"weibo\", \"text\": \"半截";
            case 1 ->
                    "{\"id\": \"notext"
                            + k
                            + "\", \"platform\": \"weibo\", \"author\": {\"id\": \"u1\"},"
                            + " \"createdAt\": "
                            + recent.get("createdAt").asLong()
                            + "}";
            case 2 ->
                    "{\"id\": \"badtime"
                            + k
                            + "\", \"platform\": \"weibo\", \"author\": {\"id\": \"u2\"},"
                            + " \"createdAt\": \"yesterday\", \"text\": \"x\"}";
            case 3 -> "not json at all " + k;
            default -> recent.toString();
        };
    }

    /** The configuration of the generated brands; broker and topics come from the command line. */
    static String config() {
        StringBuilder yaml =
                new StringBuilder(
                        """
                        # Generated by scripts/chaos (ChaosStream): the brands of the generated stream.
                        job:
                          name: brandpulse-chaos
                          checkpointInterval: 2s
                        kafka:
                          groupId: brandpulse-chaos
                          transactionalIdPrefix: brandpulse-chaos
                        privacy:
                          pseudonymKey: ${env:BRANDPULSE_PSEUDONYM_KEY:-chaos-only-pseudonym-key}
                          optOut: ["weibo:%s"]
                        brands:
                        """
                                .formatted(OPTED_OUT_AUTHOR));
        for (int i = 0; i < MentionStreams.BRANDS; i++) {
            yaml.append("  - id: brand")
                    .append(i)
                    .append('\n')
                    .append("    names: [")
                    .append(MentionStreams.BRAND_NAMES[i])
                    .append("]\n")
                    .append("    officialAccounts: [\"weibo:official")
                    .append(i)
                    .append("\"]\n");
        }
        return yaml.toString();
    }
}
