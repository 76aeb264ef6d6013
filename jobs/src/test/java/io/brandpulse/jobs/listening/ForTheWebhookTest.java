package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.alerts.Severity;
import io.brandpulse.model.Alert;
import org.junit.jupiter.api.Test;

/** The webhook gets alerts of at least its severity that no silence covers. */
class ForTheWebhookTest {
    private static Alert alert(String severity, boolean silenced) {
        Alert a = new Alert();
        a.severity = severity;
        a.silenced = silenced;
        return a;
    }

    @Test
    void aSilencedAlertStaysOffTheWebhookWhateverItsSeverity() {
        ListeningWorkflow.ForTheWebhook filter =
                new ListeningWorkflow.ForTheWebhook(Severity.MEDIUM);
        assertTrue(filter.filter(alert("HIGH", false)));
        assertFalse(filter.filter(alert("CRITICAL", true)));
        assertFalse(filter.filter(alert("LOW", false)), "below the webhook's minimum");
    }
}
