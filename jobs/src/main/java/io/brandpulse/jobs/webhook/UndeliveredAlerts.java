package io.brandpulse.jobs.webhook;

import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Alerts the webhook never accepted become dead letters, so nothing is lost silently. */
public class UndeliveredAlerts implements FlatMapFunction<WebhookDelivery, DeadLetter> {
    @Override
    public void flatMap(WebhookDelivery outcome, Collector<DeadLetter> out) {
        if (outcome.delivered) {
            return;
        }
        DeadLetter d = new DeadLetter();
        d.reason = DeadLetterReason.WEBHOOK_UNDELIVERED.name();
        d.detail =
                "alert "
                        + outcome.alertId
                        + " not delivered to the webhook after "
                        + outcome.attempts
                        + " attempt(s): "
                        + outcome.error;
        d.payload = outcome.alertJson;
        d.payloadEncoding = "utf-8";
        d.payloadBytes =
                outcome.alertJson == null
                        ? 0
                        : outcome.alertJson.getBytes(StandardCharsets.UTF_8).length;
        d.source = "webhook";
        d.partition = -1;
        d.offset = -1;
        out.collect(d);
    }
}
