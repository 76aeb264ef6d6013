package io.brandpulse.text;

import io.brandpulse.config.Accounts;
import io.brandpulse.config.BrandSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * The configured brands, ready to be found: by the collector's {@code brand} field, by their names in text (one
 * Aho-Corasick pass for all names of all brands), and by their official accounts.
 *
 * <p>Names are matched on normalized text (see {@link TextNormalizer}), so script, width and case do not matter.
 * Latin names only match as whole words ({@code Nike} is not found in {@code Nikeland}); Chinese has no word
 * spaces, so Chinese names match anywhere.
 */
public final class BrandCatalog {
    private final TextNormalizer normalizer;
    private final Map<String, String> brandByNormalizedName = new HashMap<>();
    private final Map<String, String> brandByOfficialAccount = new HashMap<>();
    private final Trie names;

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
        Trie.TrieBuilder trie = Trie.builder();
        for (BrandSettings brand : brands) {
            for (String name : brand.names) {
                trie.addKeyword(normalizer.normalize(name));
            }
        }
        this.names = trie.build();
    }

    /** The configured brand a collector's {@code brand} value names (by id or by any name), or null. */
    public String brandNamed(String value) {
        return value == null ? null : brandByNormalizedName.get(normalizer.normalize(value.trim()));
    }

    /** Ids of the configured brands named in an already normalized text, in order of first appearance. */
    public List<String> brandsIn(String normalizedText) {
        Collection<Emit> emits = names.parseText(normalizedText);
        if (emits.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Emit emit : emits) {
            if (isWholeWordWhereLatin(normalizedText, emit.getStart(), emit.getEnd())) {
                found.add(brandByNormalizedName.get(emit.getKeyword()));
            }
        }
        return new ArrayList<>(found);
    }

    /** The brand whose official account wrote a mention, or null for everybody else. */
    public String officialAccountOwner(String platform, String authorId) {
        return brandByOfficialAccount.get(Accounts.of(platform, authorId));
    }

    private static boolean isWholeWordWhereLatin(String text, int start, int endInclusive) {
        boolean startsLatin = isLatinLetterOrDigit(text.charAt(start));
        boolean endsLatin = isLatinLetterOrDigit(text.charAt(endInclusive));
        if (startsLatin && start > 0 && isLatinLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        return !(endsLatin && endInclusive + 1 < text.length() && isLatinLetterOrDigit(text.charAt(endInclusive + 1)));
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
