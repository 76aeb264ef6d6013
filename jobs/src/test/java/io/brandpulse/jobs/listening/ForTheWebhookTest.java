package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.alerts.Severity;
import io.brandpulse.model.Alert;
import org.junit.jupiter.api.Test;

/**
 * The webhook gets alerts of at least its severity that are to be told (not silenced, not a quiet
 * update of an acknowledged incident).
 */
class ForTheWebhookTest {
    private static Alert alert(String severity, boolean notify) {
        Alert a = new Alert();
        a.severity = severity;
        a.notifyWebhook = notify;
        return a;
    }

    @Test
    void anAlertNotToBeToldStaysOffTheWebhookWhateverItsSeverity() {
        ListeningWorkflow.ForTheWebhook filter =
                new ListeningWorkflow.ForTheWebhook(Severity.MEDIUM);
        assertTrue(filter.filter(alert("HIGH", true)));
        assertFalse(filter.filter(alert("CRITICAL", false)));
        assertFalse(filter.filter(alert("LOW", true)), "below the webhook's minimum");
    }
}
