package io.brandpulse.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final String KEY = "test-pseudonym-key-0001";

    /** The documented contract, computed without the class under test. */
    static String expectedKey(String key, String platform, String authorId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of()
                .formatHex(
                        mac.doFinal((platform + ":" + authorId).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isTheLowercaseHexHmacSha256OfPlatformColonAuthorId() throws Exception {
        String customerKey = new Pseudonymizer(KEY).customerKey("weibo", "u_1001");
        assertTrue(customerKey.matches("[0-9a-f]{64}"), customerKey);
        assertEquals(expectedKey(KEY, "weibo", "u_1001"), customerKey);
    }

    @Test
    void matchesVectorsComputedWithOpenssl() {
        // printf '%s' 'weibo:u_1001' | openssl dgst -sha256 -hmac 'test-pseudonym-key-0001'
        assertEquals(
                "09bb2972edf25ecfb6de1eecc71d5b3b1f5c25ce6e0d74ea5f9e4d73c0b0a76b",
                new Pseudonymizer(KEY).customerKey("weibo", "u_1001"));
        // the same with UTF-8 key and id: analysts' tools must get the same bytes
        assertEquals(
                "dd087f3f8359d4f47a8aca01f0a3cefbc59f0868c25de4d2eb8e18aaad183b2f",
                new Pseudonymizer("密钥-0123456789abcdef").customerKey("weibo", "用户001"));
    }

    @Test
    void isStableAcrossCallsAndInstances() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        String first = p.customerKey("weibo", "u_1001");
        p.customerKey("douyin", "someone-else");
        assertEquals(first, p.customerKey("weibo", "u_1001"), "the Mac is reset between calls");
        assertEquals(first, new Pseudonymizer(KEY).customerKey("weibo", "u_1001"));
    }

    @Test
    void differsByKeyByPlatformAndByAuthor() {
        String base = new Pseudonymizer(KEY).customerKey("weibo", "u_1001");
        assertNotEquals(base, new Pseudonymizer(KEY + "x").customerKey("weibo", "u_1001"));
        assertNotEquals(base, new Pseudonymizer(KEY).customerKey("douyin", "u_1001"));
        assertNotEquals(base, new Pseudonymizer(KEY).customerKey("weibo", "u_1002"));
    }

    @Test
    void handlesNonAsciiKeysAndIds() throws Exception {
        assertEquals(
                expectedKey("密钥-0123456789abcdef", "weibo", "用户001"),
                new Pseudonymizer("密钥-0123456789abcdef").customerKey("weibo", "用户001"));
    }
}
