package io.brandpulse.model;

/**
 * Something about a customer that is not one of their mentions, for their engagement score: they
 * opted out (or back in) on the live topic, or the brand replied to one of their complaints or
 * questions.
 */
public class CustomerSignal {
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String OPTED_IN = "OPTED_IN";
    public static final String BRAND_REPLY = "BRAND_REPLY";

    public String customerKey;
    public String kind;

    /**
     * For BRAND_REPLY: the brand, and the event time of the customer's mention that was answered.
     */
    public String brand;

    public long interactionAt;

    public CustomerSignal() {}

    public CustomerSignal(String customerKey, String kind, String brand, long interactionAt) {
        this.customerKey = customerKey;
        this.kind = kind;
        this.brand = brand;
        this.interactionAt = interactionAt;
    }
}
