package io.brandpulse.tools.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.KafkaSettings;
import io.brandpulse.tools.chaos.CompareOutputs.Output;
import io.brandpulse.tools.chaos.CompareOutputs.Record;
import io.brandpulse.tools.chaos.CompareOutputs.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code scripts/chaos upgrade}'s verdict. The previous release ran until its savepoint, this
 * release resumed from it; each record is compared with the reference of the release that wrote it,
 * and every record must be there exactly once:
 *
 * <ul>
 *   <li>records this release wrote (after the {@link UpgradeCut cut} in each topic) must be exactly
 *       what {@code scripts/run-file --from-savepoint} writes for the input after the cut: the same
 *       code, resumed from the same state, over the same mentions, with no fault;
 *   <li>enriched mentions and dead letters the previous release wrote must be exactly its
 *       reference's for the input it consumed (its {@code scripts/run-file} over the whole input,
 *       restricted to those lines);
 *   <li>windows and alerts the previous release wrote must each be one its reference wrote (what it
 *       had not yet written when it stopped, this release writes from the state it took over, and
 *       the first rule checks those); its scores must be of customers its reference scored, none
 *       written twice (which intermediate scores go out depends on arrival speed).
 * </ul>
 */
final class UpgradeComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties cut;
    private final Path previous;
    private final long inputLines;
    private final Set<String> consumedMentions;
    private final KafkaSettings.Topics topics;

    private UpgradeComparison(
            Properties cut,
            Path previous,
            long inputLines,
            Set<String> consumedMentions,
            KafkaSettings.Topics topics) {
        this.cut = cut;
        this.previous = previous;
        this.inputLines = inputLines;
        this.consumedMentions = consumedMentions;
        this.topics = topics;
    }

    static UpgradeComparison read(Path cutFile, Path previous, Path input, KafkaSettings.Topics t)
            throws IOException {
        Properties cut = new Properties();
        try (Reader in = Files.newBufferedReader(cutFile, StandardCharsets.UTF_8)) {
            cut.load(in);
        }
        long consumed = Long.parseLong(cut.getProperty("input"));
        // The mentions the previous release consumed: the first lines of the replayed input.
        Set<String> ids = new HashSet<>();
        try (var lines = Files.lines(input, StandardCharsets.UTF_8)) {
            lines.limit(consumed)
                    .forEach(
                            line -> {
                                String key = mentionKey(line);
                                if (key != null) ids.add(key);
                            });
        }
        return new UpgradeComparison(cut, previous, consumed, ids, t);
    }

    /** Both parts of one output: what the previous release wrote, and what this one wrote. */
    List<Verdict> compare(Output o, Map<String, Long> expectedAfterCut, List<Record> actual)
            throws IOException {
        long split = Long.parseLong(cut.getProperty(o.topic()));
        List<Record> before = actual.stream().filter(r -> r.offset() < split).toList();
        List<Record> after = actual.stream().filter(r -> r.offset() >= split).toList();
        List<Record> reference = CompareOutputs.readFile(previous.resolve(o.topic() + ".jsonl"));

        Verdict previousPart;
        Predicate<JsonNode> consumed = fromConsumedInput(o.topic());
        if (consumed != null) {
            List<Record> share =
                    reference.stream()
                            .filter(r -> r.value() != null && consumed.test(parse(r.value())))
                            .toList();
            previousPart =
                    CompareOutputs.compare(
                            renamed(o, " (previous)"),
                            o.view().apply(share),
                            o.view().apply(before));
        } else if (o.topic().equals(topics.customerEngagement)) {
            previousPart = scoredKeys(o, reference, before);
        } else {
            previousPart = emittedByItsRelease(o, reference, before);
        }
        Verdict upgradedPart =
                CompareOutputs.compare(
                        renamed(o, " (upgraded)"), expectedAfterCut, o.view().apply(after));
        return List.of(previousPart, upgradedPart);
    }

    /**
     * Windows and alerts fire in event time: each one the previous release wrote before it stopped
     * must be one its reference wrote (every emission counts, not the latest per key).
     */
    private static Verdict emittedByItsRelease(
            Output o, List<Record> reference, List<Record> before) {
        Map<String, Long> written = CompareOutputs.countValues(reference, v -> v);
        Map<String, Long> seen = CompareOutputs.countValues(before, v -> v);
        long unexpected = 0;
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            unexpected += Math.max(0, e.getValue() - written.getOrDefault(e.getKey(), 0L));
        }
        return new Verdict(
                o.topic() + " (previous)",
                "each one its release wrote",
                before.size(),
                before.size(),
                0,
                unexpected);
    }

    /**
     * Scores are emitted at most once per {@code engagement.minEmitInterval} after a change, so
     * which intermediate scores go out depends on how fast the stream arrived (a file run reads in
     * seconds what the replay sends in minutes): the previous release's scores are checked for
     * their (customer, brand) being ones its reference scored, and none written twice. The final
     * score of everyone who interacted after the upgrade is checked exactly, in the upgraded part.
     */
    private static Verdict scoredKeys(Output o, List<Record> reference, List<Record> before) {
        Set<String> scored = new HashSet<>();
        for (Record r : reference) {
            if (r.value() != null) scored.add(scoreKey(parse(r.value())));
        }
        Set<String> written = new HashSet<>();
        long unexpected = 0;
        for (Record r : before) {
            if (r.value() == null) continue; // a tombstone
            boolean known = scored.contains(scoreKey(parse(r.value())));
            if (!known || !written.add(r.value())) unexpected++;
        }
        return new Verdict(
                o.topic() + " (previous)",
                "customers it scored, none twice",
                before.size(),
                before.size(),
                0,
                unexpected);
    }

    private static String scoreKey(JsonNode score) {
        return score.path("customerKey").asText() + " " + score.path("brand").asText();
    }

    /**
     * For the outputs with one record per input line (enriched mentions, dead letters): whether a
     * reference record stems from the input the previous release consumed. Null for the others.
     */
    private Predicate<JsonNode> fromConsumedInput(String topic) {
        if (topic.equals(topics.enrichedMentions)) {
            return m -> consumedMentions.contains(key(m.path("platform"), m.path("id")));
        }
        if (topic.equals(topics.deadLetters)) {
            // a file run's dead letters name their line, counted from 1
            return d -> d.path("source").path("offset").asLong() <= inputLines;
        }
        return null;
    }

    private static Output renamed(Output o, String suffix) {
        return new Output(o.topic() + suffix, o.rule(), o.view());
    }

    /** {@code platform:id} of an input line, or null when it is not a JSON object with both. */
    private static String mentionKey(String line) {
        try {
            JsonNode m = JSON.readTree(line);
            return m == null || !m.isObject() ? null : key(m.path("platform"), m.path("id"));
        } catch (IOException e) {
            return null; // a malformed line: a dead letter, matched by its line number
        }
    }

    private static String key(JsonNode platform, JsonNode id) {
        if (!platform.isTextual() || !id.isTextual()) return null;
        return platform.asText().toLowerCase(Locale.ROOT) + ":" + id.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
