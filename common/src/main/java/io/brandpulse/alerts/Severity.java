package io.brandpulse.alerts;

/** How urgent an alert is, in order. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public static Severity of(String name) {
        return name == null ? LOW : valueOf(name);
    }

    public static Severity of(int ordinal) {
        return values()[ordinal];
    }

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
