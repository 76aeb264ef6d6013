package io.brandpulse.config;

import java.util.Locale;

/**
 * Accounts are written {@code platform:authorId}; the platform is compared without case, the id
 * exactly.
 */
public final class Accounts {
    private Accounts() {}

    public static String canonical(String account) {
        int colon = account.indexOf(':');
        return account.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                + ":"
                + account.substring(colon + 1).trim();
    }

    public static String of(String platform, String authorId) {
        return canonical(platform + ":" + authorId);
    }
}
