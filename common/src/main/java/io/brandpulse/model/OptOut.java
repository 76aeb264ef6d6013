package io.brandpulse.model;

/**
 * A customer's privacy choice from the compacted opt-out topic: the account ({@code
 * platform:authorId}, the record key) opted out (any value) or back in (a tombstone). Once
 * pseudonymized, only {@link #customerKey} travels on.
 */
public class OptOut {
    /** {@code platform:authorId}, as read from the topic; cleared once pseudonymized. */
    public String account;

    public String customerKey;
    public boolean optedOut;

    public OptOut() {}

    public OptOut(String account, boolean optedOut) {
        this.account = account;
        this.optedOut = optedOut;
    }
}
