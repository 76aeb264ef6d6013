package io.brandpulse.alerts.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brandpulse.config.WebhookSettings;
import io.brandpulse.contract.OutputJson;
import io.brandpulse.model.Alert;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is POSTed for an alert: the body in the configured template and the headers. {@code generic}
 * sends the alert JSON as on the alerts topic; {@code slack}, {@code wecom} and {@code dingtalk}
 * send the text and markdown bodies those bots accept. Every request carries {@code
 * Idempotency-Key: <alertId>} (a retried or replayed alert has the same key) and, with a signing
 * key, {@code X-BrandPulse-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 */
public record WebhookRequest(byte[] body, Map<String, String> headers) {
    public static final String SIGNATURE_HEADER = "X-BrandPulse-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    public static WebhookRequest of(Alert alert, WebhookSettings settings) {
        byte[] body = OutputJson.write(body(alert, settings.template));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put(IDEMPOTENCY_HEADER, alert.alertId);
        if (settings.signingKey != null && !settings.signingKey.isEmpty()) {
            headers.put(SIGNATURE_HEADER, "sha256=" + sign(settings.signingKey, body));
        }
        return new WebhookRequest(body, headers);
    }

    static ObjectNode body(Alert alert, WebhookSettings.Template template) {
        switch (template) {
            case SLACK -> {
                ObjectNode o = OutputJson.object();
                o.put("text", headline(alert) + "\n" + alert.summary);
                return o;
            }
            case WECOM -> {
                ObjectNode o = OutputJson.object();
                o.put("msgtype", "markdown");
                o.putObject("markdown").put("content", markdown(alert));
                return o;
            }
            case DINGTALK -> {
                ObjectNode o = OutputJson.object();
                o.put("msgtype", "markdown");
                o.putObject("markdown").put("title", headline(alert)).put("text", markdown(alert));
                return o;
            }
            default -> {
                return OutputJson.alertNode(alert);
            }
        }
    }

    static String headline(Alert a) {
        return String.format(Locale.ROOT, "[%s] %s %s: %s", a.severity, a.type, a.status, a.brand);
    }

    static String markdown(Alert a) {
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(headline(a))
                .append('\n')
                .append("> ")
                .append(a.summary)
                .append('\n');
        if (a.evidence != null && a.evidence.keywords != null && a.evidence.keywords.length > 0) {
            md.append("> keywords: ").append(String.join(", ", a.evidence.keywords)).append('\n');
        }
        if (a.evidence != null
                && a.evidence.driverTerms != null
                && a.evidence.driverTerms.length > 0) {
            md.append("> driver terms: ")
                    .append(String.join(", ", a.evidence.driverTerms))
                    .append('\n');
        }
        md.append("> incident ").append(a.incidentId).append(", alert ").append(a.alertId);
        return md.toString();
    }

    /** Lowercase hex HMAC-SHA256 of the body: the receiver recomputes it with the shared key. */
    public static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
