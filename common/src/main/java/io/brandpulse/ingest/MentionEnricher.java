package io.brandpulse.ingest;

import io.brandpulse.config.Accounts;
import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Mention;
import io.brandpulse.privacy.Pseudonymizer;
import io.brandpulse.text.AnalysisVersion;
import io.brandpulse.text.BrandCatalog;
import io.brandpulse.text.ChineseSegmenter;
import io.brandpulse.text.NormalizedText;
import io.brandpulse.text.TextAnalyzer;
import io.brandpulse.text.TextNormalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid mention into an {@link EnrichedMention}: analyses its text (see {@link
 * TextAnalyzer}), resolves its brand, pseudonymizes its author, and recognizes brand replies.
 * Opted-out customers get nothing ({@link #enrich} returns null).
 *
 * <p>Not thread-safe: one instance per operator instance.
 */
public final class MentionEnricher implements AutoCloseable {
    public static final String MATCH_FIELD = "FIELD";
    public static final String MATCH_TEXT = "TEXT";
    public static final String MATCH_OFFICIAL_ACCOUNT = "OFFICIAL_ACCOUNT";
    public static final String MATCH_NONE = "NONE";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final TextAnalyzer analyzer;
    private final BrandCatalog brands;
    private final String pseudonymKey;
    private final Pseudonymizer pseudonymizer;
    private final Set<String> optedOut = new HashSet<>();
    private final Map<String, String> rulesVersions = new HashMap<>();
    private final String analysisVersion = AnalysisVersion.current();

    public MentionEnricher(ListeningConfig config) {
        this(config, null);
    }

    /**
     * An enricher for a new set of brands that keeps what {@code previous} (null for none) knows of
     * recent texts where the change cannot matter ({@link TextAnalyzer#TextAnalyzer(List,
     * TextAnalyzer)}).
     */
    public MentionEnricher(ListeningConfig config, MentionEnricher previous) {
        for (BrandSettings brand : config.brands) {
            rulesVersions.put(brand.id, brand.rulesVersion());
        }
        this.brands = new BrandCatalog(config.brands, normalizer);
        this.analyzer =
                previous == null
                        ? new TextAnalyzer(
                                config.brands,
                                ChineseSegmenter.Implementation.of(config.analysis.segmenter))
                        : new TextAnalyzer(config.brands, previous.analyzer);
        // the key belongs to the deployment, not to a brand: a change of brands keeps the keyed
        // MAC (setting one up was a tenth of a rebuild)
        this.pseudonymKey = config.privacy.pseudonymKey;
        this.pseudonymizer =
                previous != null && previous.pseudonymKey.equals(pseudonymKey)
                        ? previous.pseudonymizer
                        : new Pseudonymizer(pseudonymKey);
        for (String account : config.privacy.optOut) {
            optedOut.add(Accounts.canonical(account));
        }
    }

    /** Releases the analyzer's tokenizer. */
    @Override
    public void close() {
        analyzer.close();
    }

    public boolean isOptedOut(Mention m) {
        return optedOut.contains(Accounts.of(m.platform, m.author.id));
    }

    /** The enriched mention, or null when its author opted out. */
    public EnrichedMention enrich(Mention m) {
        if (isOptedOut(m)) {
            return null;
        }
        EnrichedMention e = new EnrichedMention();
        e.id = m.id;
        e.platform = m.platform;
        e.createdAt = m.createdAt;
        e.text = m.text;
        NormalizedText text = analyzer.normalize(m.text);
        e.normalizedText = text.normalized();
        e.analysis = analyzer.analyze(text);

        List<String> named = TextAnalyzer.brandsNamed(e.analysis);
        e.mentionedBrands = named.toArray(String[]::new);
        e.officialAccountOf = brands.officialAccountOwner(m.platform, m.author.id);
        String fromField = brands.brandNamed(m.brand);
        if (fromField != null) {
            e.brand = fromField;
            e.brandConfigured = true;
            e.brandMatch = MATCH_FIELD;
        } else if (m.brand != null && !m.brand.isBlank()) {
            e.brand = m.brand.trim();
            e.brandConfigured = false;
            e.brandMatch = MATCH_FIELD;
        } else if (!named.isEmpty()) {
            e.brand = named.get(0);
            e.brandConfigured = true;
            e.brandMatch = MATCH_TEXT;
        } else if (e.officialAccountOf != null) {
            // A brand's reply often does not name the brand; its account does.
            e.brand = e.officialAccountOf;
            e.brandConfigured = true;
            e.brandMatch = MATCH_OFFICIAL_ACCOUNT;
        } else {
            e.brandMatch = MATCH_NONE;
        }

        if (e.officialAccountOf != null) {
            // A brand's own reply apologizes for the complaint it answers; it is not a complaint or
            // a question itself.
            e.analysis.complaint = false;
            e.analysis.complaintCategory = null;
            e.analysis.severity = null;
            e.analysis.question = false;
        }
        e.customerKey = pseudonymizer.customerKey(m.platform, m.author.id);
        e.authorFollowers = m.author.followers;
        e.authorVerified = m.author.verified;

        e.url = m.url;
        e.threadId = m.threadId;
        e.replyToId = m.replyToId;
        e.repostOfId = m.repostOfId;
        e.metrics = m.metrics;
        e.media = m.media;
        e.extraJson = m.extraJson;
        e.rulesVersion = e.brandConfigured ? rulesVersions.get(e.brand) : null;
        e.analysisVersion = analysisVersion;
        return e;
    }
}
