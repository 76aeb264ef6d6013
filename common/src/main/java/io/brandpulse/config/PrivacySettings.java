package io.brandpulse.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Pseudonymization and opt-outs. */
public class PrivacySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * HMAC key of customer pseudonyms. Write {@code ${env:NAME}} or {@code ${file:/path}} rather
     * than the key itself; it is never logged.
     */
    public String pseudonymKey;

    /** Customers ({@code platform:authorId}) whose mentions produce no output at all. */
    public List<String> optOut = new ArrayList<>();

    @Override
    public String toString() {
        return "PrivacySettings{pseudonymKey=<redacted>, optOut=" + optOut.size() + " accounts}";
    }
}
