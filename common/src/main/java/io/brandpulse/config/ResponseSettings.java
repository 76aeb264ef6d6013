package io.brandpulse.config;

import java.io.Serializable;

/**
 * Response deadlines: a complaint or a question addressed to a brand opens a case, a reply from one of the brand's
 * official accounts in the thread closes it; past its deadline it raises {@code UNANSWERED_COMPLAINT}.
 */
public class ResponseSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean enabled = true;
    /** Deadlines of complaints by severity. */
    public String critical = "1h";
    public String high = "4h";
    public String medium = "24h";
    public String low = "24h";
    /** Deadline of a question or request that is not a complaint. */
    public String question = "24h";
    /** A case nobody answered is forgotten after this long (its alert stays). */
    public String giveUpAfter = "14d";
    /** A brand reply seen before the mention it answers is remembered this long, waiting for it. */
    public String waitForLateComplaint = "1d";

    public String deadline(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> critical;
            case "HIGH" -> high;
            case "MEDIUM" -> medium;
            case "LOW" -> low;
            default -> question;
        };
    }
}
