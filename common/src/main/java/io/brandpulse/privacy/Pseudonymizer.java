package io.brandpulse.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Customer pseudonyms: lowercase hex HMAC-SHA256 of {@code platform:authorId} under {@code
 * privacy.pseudonymKey}. Analysts who hold the key can compute the same value from their CRM and
 * join; without it the id cannot be recovered. Not thread-safe ({@link Mac} is not): one instance
 * per operator instance.
 */
public final class Pseudonymizer {
    private final Mac mac;

    public Pseudonymizer(String key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public String customerKey(String platform, String authorId) {
        byte[] digest = mac.doFinal((platform + ":" + authorId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
