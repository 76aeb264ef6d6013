package io.brandpulse.alerts;

/**
 * The state of one (brand, type) incident between alerts. Flink POJO, kept per brand in map state
 * by type.
 */
public class Incident {
    public String incidentId;

    /** True between OPEN and RESOLVED. */
    public boolean open;

    /** Event time of the first and the latest detection. */
    public long firstSeen;

    public long lastSeen;

    /** The latest alert sent: its window, time, severity and observed value. */
    public long lastAlertWindowStart;

    public long lastAlertAt;
    public String lastStatus;
    public String severity;
    public double lastObserved;
    public double lastExpected;
    public double lastScore;
    public double lastThreshold;

    /** Event time of the resolution, while resolved. */
    public long resolvedAt;

    public Incident() {}
}
