package io.brandpulse.jobs.operators;

import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.TextAnalysis;
import java.util.Set;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The enriched mention as the keyed stages receive it (brand windows, response deadlines,
 * incidents, customer scoring, the unanswered gate): without the fields only the {@code
 * mentions-enriched} output shows. Every keyed stage gets the record serialized across its keyBy
 * and deserialized on the other side, and those fields (the normalized text a second time, token
 * offsets, display lists, the collector's extra JSON) were about half its bytes; the benchmark's
 * profile had (de)serialization at a fifth of the windows' and scoring's CPU.
 *
 * <p>Fields are left out by name, so a field added later travels unless it is added here: a stage
 * that starts to read one of these must take it off the list ({@code TrimForKeyedStagesTest} checks
 * the stages' results agree).
 */
public class TrimForKeyedStages implements MapFunction<EnrichedMention, EnrichedMention> {
    /** Fields of {@link EnrichedMention} no keyed stage reads. */
    public static final Set<String> LEFT_OUT =
            Set.of(
                    "normalizedText",
                    "url",
                    "extraJson",
                    "mentionedBrands",
                    "brandMatch",
                    "authorFollowers",
                    "authorVerified",
                    "rulesVersion",
                    "analysisVersion");

    /** Fields of {@link TextAnalysis} no keyed stage reads. */
    public static final Set<String> ANALYSIS_LEFT_OUT =
            Set.of(
                    "tokenStarts",
                    "tokenEnds",
                    "matchedRules",
                    "emoticons",
                    "emoji",
                    "urls",
                    "mentions",
                    "topics",
                    "spamReasons");

    /**
     * Leaves out the fields of {@link #LEFT_OUT} and {@link #ANALYSIS_LEFT_OUT} by plain
     * assignments rather than by reflection over the names (this runs for every mention); the test
     * keeps the names and the assignments in step.
     */
    @Override
    public EnrichedMention map(EnrichedMention full) {
        // A copy: with object reuse the enriched-mentions sink is handed this same object, whole.
        EnrichedMention m = full.copy();
        m.normalizedText = null;
        m.url = null;
        m.extraJson = null;
        m.mentionedBrands = null;
        m.brandMatch = null;
        m.authorFollowers = null;
        m.authorVerified = null;
        // The keyed stages name the versions in force when they compute (NameVersions), not the
        // mention's.
        m.rulesVersion = null;
        m.analysisVersion = null;
        if (full.analysis != null) {
            TextAnalysis a = full.analysis.copy();
            a.tokenStarts = null;
            a.tokenEnds = null;
            a.matchedRules = null;
            a.emoticons = null;
            a.emoji = null;
            a.urls = null;
            a.mentions = null;
            a.topics = null;
            a.spamReasons = null;
            m.analysis = a;
        }
        return m;
    }
}
