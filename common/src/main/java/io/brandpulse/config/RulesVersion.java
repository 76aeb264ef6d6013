package io.brandpulse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The {@code rulesVersion} outputs name: a short hash of a brand's whole definition as in force
 * (names, accounts, competitors, keywords, crisis terms, rules, and its complete detector settings:
 * the global ones with the brand's on top). Two definitions that say the same thing get the same
 * version whatever the order of their keys in the file; any change to what the brand is listened
 * for changes it.
 */
public final class RulesVersion {
    /** Hex characters kept of the SHA-256. */
    static final int LENGTH = 12;

    private static final ObjectMapper CANONICAL =
            JsonMapper.builder()
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .addModule(
                            new SimpleModule("durations")
                                    .addSerializer(Duration.class, ToStringSerializer.instance))
                    .build();

    private RulesVersion() {}

    /** The version of this definition. */
    public static String of(BrandSettings brand) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(brand);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("brand " + brand.id + " cannot be written as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
