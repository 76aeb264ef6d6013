package io.brandpulse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Response deadlines: a complaint or a question addressed to a brand opens a case, a reply from one
 * of the brand's official accounts in the thread closes it; past its deadline it raises {@code
 * UNANSWERED_COMPLAINT}.
 */
public class ResponseSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean enabled = true;

    /** Deadlines of complaints by severity. */
    public Duration critical = Duration.ofHours(1);

    public Duration high = Duration.ofHours(4);
    public Duration medium = Duration.ofHours(24);
    public Duration low = Duration.ofHours(24);

    /** Deadline of a question or request that is not a complaint. */
    public Duration question = Duration.ofHours(24);

    /** A case nobody answered is forgotten after this long (its alert stays). */
    public Duration giveUpAfter = Duration.ofDays(14);

    /** A brand reply seen before the mention it answers is remembered this long, waiting for it. */
    public Duration waitForLateComplaint = Duration.ofDays(1);

    /**
     * The deadline of a complaint of this severity ({@code LOW} ... {@code CRITICAL}); of a
     * question when null.
     */
    public Duration deadline(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> critical;
            case "HIGH" -> high;
            case "MEDIUM" -> medium;
            case "LOW" -> low;
            default -> question;
        };
    }
}
