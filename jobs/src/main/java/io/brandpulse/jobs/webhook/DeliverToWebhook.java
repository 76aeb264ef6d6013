package io.brandpulse.jobs.webhook;

import io.brandpulse.alerts.webhook.WebhookRequest;
import io.brandpulse.config.WebhookSettings;
import io.brandpulse.contract.OutputJson;
import io.brandpulse.model.Alert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert to the crisis team's webhook without blocking the job: Flink's async I/O keeps
 * up to {@code maxInFlight} requests in flight (in checkpoints too, so a restart re-sends what was
 * not confirmed; the receiver de-duplicates by {@code Idempotency-Key}), retries failures with
 * exponential backoff (up to {@code maxAttempts}), and gives up into a dead letter rather than
 * failing the job. The URL may carry a token, so it is never logged.
 */
public class DeliverToWebhook extends RichAsyncFunction<Alert, WebhookDelivery> {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverToWebhook.class);

    private final WebhookSettings settings;

    private transient HttpClient client;
    private transient URI uri;
    private transient Duration requestTimeout;
    private transient Counter delivered;
    private transient Counter failedAttempts;

    public DeliverToWebhook(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Time allowed for an alert, all attempts and backoffs included, before it is given up. */
    public static long totalTimeoutMillis(WebhookSettings settings) {
        long total = 5_000;
        long backoff = settings.initialBackoff.toMillis();
        long maxBackoff = settings.maxBackoff.toMillis();
        for (int attempt = 0; attempt < settings.maxAttempts; attempt++) {
            total += settings.requestTimeout.toMillis() + backoff;
            backoff = Math.min(maxBackoff, backoff * 2);
        }
        return total;
    }

    @Override
    public void open(OpenContext openContext) {
        requestTimeout = settings.requestTimeout;
        uri = URI.create(settings.url);
        client =
                HttpClient.newBuilder()
                        .connectTimeout(requestTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        delivered = getRuntimeContext().getMetricGroup().counter("webhookDelivered");
        failedAttempts = getRuntimeContext().getMetricGroup().counter("webhookFailedAttempts");
    }

    @Override
    public void asyncInvoke(Alert alert, ResultFuture<WebhookDelivery> result) {
        attempt(
                alert,
                WebhookRequest.of(alert, settings),
                1,
                settings.initialBackoff.toMillis(),
                result);
    }

    /**
     * One attempt; a retryable failure schedules the next one after the backoff (doubled each time,
     * up to maxBackoff). Retries are ours rather than Flink's retry strategy, which stops retrying
     * at the end of a finite input: a replay through scripts/run-file delivers with the same
     * persistence as the live job.
     */
    private void attempt(
            Alert alert,
            WebhookRequest request,
            int attempt,
            long backoff,
            ResultFuture<WebhookDelivery> result) {
        HttpRequest.Builder http =
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        client.sendAsync(http.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                        (response, error) -> {
                            WebhookDelivery outcome = new WebhookDelivery();
                            outcome.alertId = alert.alertId;
                            outcome.attempts = attempt;
                            if (error == null && response.statusCode() / 100 == 2) {
                                outcome.delivered = true;
                                delivered.inc();
                                result.complete(List.of(outcome));
                                return;
                            }
                            if (error != null) {
                                outcome.retryable = true;
                                outcome.error =
                                        error.getClass().getSimpleName()
                                                + (error.getMessage() == null
                                                        ? ""
                                                        : ": " + error.getMessage());
                            } else {
                                int status = response.statusCode();
                                outcome.status = status;
                                outcome.retryable = status == 408 || status == 429 || status >= 500;
                                outcome.error = "HTTP " + status;
                            }
                            failedAttempts.inc();
                            boolean again = outcome.retryable && attempt < settings.maxAttempts;
                            LOG.warn(
                                    "webhook attempt {} for alert {} failed: {}{}",
                                    attempt,
                                    alert.alertId,
                                    outcome.error,
                                    again ? " (will retry)" : "");
                            if (again) {
                                long next = Math.min(settings.maxBackoff.toMillis(), backoff * 2);
                                CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS)
                                        .execute(
                                                () ->
                                                        attempt(
                                                                alert,
                                                                request,
                                                                attempt + 1,
                                                                next,
                                                                result));
                            } else {
                                outcome.alertJson =
                                        new String(OutputJson.alert(alert), StandardCharsets.UTF_8);
                                result.complete(List.of(outcome));
                            }
                        });
    }

    @Override
    public void timeout(Alert alert, ResultFuture<WebhookDelivery> result) {
        WebhookDelivery outcome = new WebhookDelivery();
        outcome.alertId = alert.alertId;
        outcome.error = "gave up after " + totalTimeoutMillis(settings) + " ms of attempts";
        outcome.alertJson = new String(OutputJson.alert(alert), StandardCharsets.UTF_8);
        LOG.warn("webhook delivery of alert {} timed out", alert.alertId);
        result.complete(List.of(outcome));
    }
}
