package io.brandpulse.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brandpulse.config.WebhookSettings;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = Instant.parse("2026-11-09T14:00:00Z").toEpochMilli();
    private static final String SUMMARY =
            "78% negative over the last 1h (47 of 60 mentions), usually 30% \"喝了拉肚子\"\n"
                    + "(z 9.1 >= 4.0)";

    static Alert alert() {
        Alert a = new Alert();
        a.alertId = "0123456789abcdef0123456789abcdef";
        a.incidentId = "fedcba9876543210fedcba9876543210";
        a.brand = "qingning";
        a.type = "NEGATIVE_SURGE";
        a.severity = "HIGH";
        a.status = "OPEN";
        a.windowStart = START;
        a.windowEnd = START + 900_000;
        a.detectedAt = START + 900_000;
        a.firstSeen = START + 900_000;
        a.lastSeen = START + 900_000;
        a.observed = 0.783;
        a.expected = 0.3;
        a.score = 9.1;
        a.threshold = 4.0;
        a.summary = SUMMARY;
        AlertEvidence e = new AlertEvidence();
        e.driverTerms = new String[] {"拉肚子", "退款"};
        e.keywords = new String[] {"食物中毒"};
        e.sampleMentionIds = new String[] {"weibo:9001", "xiaohongshu:42"};
        e.mentions = 60;
        e.uniqueAuthors = 55;
        e.repostShare = 0.1;
        e.negativeShare = 0.783;
        e.complaintCategory = "PRODUCT_QUALITY";
        a.evidence = e;
        return a;
    }

    static WebhookSettings settings(String template, String key) {
        WebhookSettings s = new WebhookSettings();
        s.url = "https://hooks.example.com/brandpulse";
        s.template = WebhookSettings.Template.valueOf(template.toUpperCase(Locale.ROOT));
        s.signingKey = key;
        return s;
    }

    static JsonNode body(WebhookRequest r) throws Exception {
        return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
    }

    static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static Set<String> fieldNames(JsonNode node) {
        return Set.copyOf(
                StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                        .toList());
    }

    @Test
    void genericSendsTheAlertJsonAsOnTheAlertsTopic() throws Exception {
        JsonNode o = body(WebhookRequest.of(alert(), settings("generic", null)));

        assertEquals("0123456789abcdef0123456789abcdef", o.path("alertId").asText());
        assertEquals("fedcba9876543210fedcba9876543210", o.path("incidentId").asText());
        assertEquals("qingning", o.path("brand").asText());
        assertEquals("NEGATIVE_SURGE", o.path("type").asText());
        assertEquals("HIGH", o.path("severity").asText());
        assertEquals("OPEN", o.path("status").asText());
        assertEquals("2026-11-09T14:00:00Z", o.path("window").path("start").asText());
        assertEquals(START, o.path("window").path("startMillis").asLong());
        assertEquals(START + 900_000, o.path("detectedAtMillis").asLong());
        assertEquals(0.783, o.path("observed").asDouble());
        assertEquals(0.3, o.path("expected").asDouble());
        assertEquals(9.1, o.path("score").asDouble());
        assertEquals(4.0, o.path("threshold").asDouble());
        assertEquals(SUMMARY, o.path("summary").asText(), "quotes, newlines and Chinese survive");
        JsonNode e = o.path("evidence");
        assertEquals(List.of("拉肚子", "退款"), JSON.convertValue(e.path("driverTerms"), List.class));
        assertEquals(List.of("食物中毒"), JSON.convertValue(e.path("keywords"), List.class));
        assertEquals(
                List.of("weibo:9001", "xiaohongshu:42"),
                JSON.convertValue(e.path("sampleMentionIds"), List.class));
        assertEquals(60, e.path("mentions").asLong());
        assertEquals(55, e.path("uniqueAuthors").asLong());
        assertEquals("PRODUCT_QUALITY", e.path("complaintCategory").asText());
    }

    @Test
    void slackGetsAText() throws Exception {
        JsonNode o = body(WebhookRequest.of(alert(), settings("slack", null)));
        assertEquals(Set.of("text"), fieldNames(o));
        String text = o.path("text").asText();
        assertTrue(text.startsWith("[HIGH] NEGATIVE_SURGE OPEN: qingning\n"), text);
        assertTrue(text.endsWith(SUMMARY), text);
    }

    @Test
    void wecomGetsAMarkdownMessage() throws Exception {
        JsonNode o = body(WebhookRequest.of(alert(), settings("wecom", null)));
        assertEquals(Set.of("msgtype", "markdown"), fieldNames(o));
        assertEquals("markdown", o.path("msgtype").asText());
        assertEquals(Set.of("content"), fieldNames(o.path("markdown")));
        assertMarkdown(o.path("markdown").path("content").asText());
    }

    @Test
    void dingtalkGetsAMarkdownMessageWithATitle() throws Exception {
        JsonNode o = body(WebhookRequest.of(alert(), settings("dingtalk", null)));
        assertEquals(Set.of("msgtype", "markdown"), fieldNames(o));
        assertEquals("markdown", o.path("msgtype").asText());
        assertEquals(Set.of("title", "text"), fieldNames(o.path("markdown")));
        assertEquals(
                "[HIGH] NEGATIVE_SURGE OPEN: qingning", o.path("markdown").path("title").asText());
        assertMarkdown(o.path("markdown").path("text").asText());
    }

    private static void assertMarkdown(String md) {
        assertTrue(md.startsWith("### [HIGH] NEGATIVE_SURGE OPEN: qingning\n"), md);
        assertTrue(md.contains("> " + SUMMARY), md);
        assertTrue(md.contains("> keywords: 食物中毒\n"), md);
        assertTrue(md.contains("> driver terms: 拉肚子, 退款\n"), md);
        assertTrue(
                md.contains("fedcba9876543210fedcba9876543210")
                        && md.contains("0123456789abcdef0123456789abcdef"),
                "the ids let the team find the alert: " + md);
    }

    @Test
    void markdownLeavesOutEmptyEvidence() {
        Alert a = alert();
        a.evidence.keywords = new String[0];
        a.evidence.driverTerms = new String[0];
        String md = WebhookRequest.markdown(a);
        assertFalse(md.contains("keywords"), md);
        assertFalse(md.contains("driver terms"), md);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generic", "slack", "wecom", "dingtalk"})
    void everyTemplateIsUtf8JsonWithTheIdempotencyKey(String template) throws Exception {
        WebhookRequest r = WebhookRequest.of(alert(), settings(template, "k"));
        JsonNode o = body(r);
        assertTrue(o.isObject());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("qingning"));
        assertEquals("application/json; charset=utf-8", r.headers().get("Content-Type"));
        assertEquals(alert().alertId, r.headers().get(WebhookRequest.IDEMPOTENCY_HEADER));
        assertEquals("Idempotency-Key", WebhookRequest.IDEMPOTENCY_HEADER);
    }

    @Test
    void theIdempotencyKeyFollowsTheAlert() {
        Alert update = alert();
        update.alertId = "11111111111111111111111111111111";
        update.status = "UPDATE";
        assertEquals(
                "11111111111111111111111111111111",
                WebhookRequest.of(update, settings("generic", null))
                        .headers()
                        .get("Idempotency-Key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generic", "slack", "wecom", "dingtalk"})
    void theSignatureIsTheHmacOfTheExactBody(String template) throws Exception {
        String key = "s3cret-签名-key";
        WebhookRequest r = WebhookRequest.of(alert(), settings(template, key));
        String header = r.headers().get("X-BrandPulse-Signature");
        assertEquals("sha256=" + hmac(key, r.body()), header);
        assertTrue(header.matches("sha256=[0-9a-f]{64}"), header);
    }

    @Test
    void theSignatureChangesWithTheBodyAndTheKey() throws Exception {
        WebhookRequest r = WebhookRequest.of(alert(), settings("generic", "key-1"));
        Alert other = alert();
        other.severity = "CRITICAL";
        WebhookRequest changed = WebhookRequest.of(other, settings("generic", "key-1"));
        WebhookRequest otherKey = WebhookRequest.of(alert(), settings("generic", "key-2"));

        String signature = r.headers().get(WebhookRequest.SIGNATURE_HEADER);
        assertNotEquals(signature, changed.headers().get(WebhookRequest.SIGNATURE_HEADER));
        assertNotEquals(signature, otherKey.headers().get(WebhookRequest.SIGNATURE_HEADER));
        assertEquals(
                signature,
                WebhookRequest.of(alert(), settings("generic", "key-1"))
                        .headers()
                        .get(WebhookRequest.SIGNATURE_HEADER),
                "the same alert signs the same: a retry is recognizable");
    }

    @Test
    void theSignatureMatchesAKnownVector() {
        // RFC 4231 test case 2.
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookRequest.sign(
                        "Jefe",
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void noSigningKeyNoSignatureHeader() {
        assertFalse(
                WebhookRequest.of(alert(), settings("generic", null))
                        .headers()
                        .containsKey(WebhookRequest.SIGNATURE_HEADER));
        assertFalse(
                WebhookRequest.of(alert(), settings("slack", ""))
                        .headers()
                        .containsKey(WebhookRequest.SIGNATURE_HEADER));
        assertEquals(
                Set.of("Content-Type", "Idempotency-Key"),
                WebhookRequest.of(alert(), settings("wecom", null)).headers().keySet());
    }

    @Test
    void theBodyIsTheSameForTheSameAlert() {
        assertArrayEquals(
                WebhookRequest.of(alert(), settings("dingtalk", null)).body(),
                WebhookRequest.of(alert(), settings("dingtalk", "k")).body(),
                "signing does not change the body");
    }
}
