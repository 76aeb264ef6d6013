package io.brandpulse.text;

import io.brandpulse.config.Accounts;
import io.brandpulse.config.BrandSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured brands, ready to be looked up by the collector's {@code brand} field (by id or any
 * name, ignoring script, width and case) and by their official accounts. Finding brand names in
 * text is the {@link TermMatcher}'s job, in the same pass as every other term.
 */
public final class BrandCatalog {
    private final TextNormalizer normalizer;
    private final Map<String, String> brandByNormalizedName = new HashMap<>();
    private final Map<String, String> brandByOfficialAccount = new HashMap<>();

    public BrandCatalog(List<BrandSettings> brands, TextNormalizer normalizer) {
        this.normalizer = normalizer;
        for (BrandSettings brand : brands) {
            brandByNormalizedName.putIfAbsent(normalizer.normalize(brand.id), brand.id);
            for (String name : brand.names) {
                brandByNormalizedName.putIfAbsent(normalizer.normalize(name), brand.id);
            }
            for (String account : brand.officialAccounts) {
                brandByOfficialAccount.put(Accounts.canonical(account), brand.id);
            }
        }
    }

    /**
     * The configured brand a collector's {@code brand} value names (by id or by any name), or null.
     */
    public String brandNamed(String value) {
        return value == null ? null : brandByNormalizedName.get(normalizer.normalize(value.trim()));
    }

    /** The brand whose official account wrote a mention, or null for everybody else. */
    public String officialAccountOwner(String platform, String authorId) {
        return brandByOfficialAccount.get(Accounts.of(platform, authorId));
    }
}
