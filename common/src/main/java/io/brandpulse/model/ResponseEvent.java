package io.brandpulse.model;

/** Something that happened to a response case, for the per-brand response metrics. */
public class ResponseEvent {
    public static final String OPENED = "OPENED";
    public static final String ANSWERED = "ANSWERED";
    public static final String OVERDUE = "OVERDUE";

    /** A case given up unanswered after responses.giveUpAfter. */
    public static final String EXPIRED = "EXPIRED";

    public String brand;
    public String kind;

    /** Event time of what happened (opening, the answer, the deadline). */
    public long time;

    /** For ANSWERED: time from the opening to the brand's first reply. */
    public long responseMillis;

    /** For ANSWERED: whether the reply came within the deadline. */
    public boolean withinDeadline;

    public ResponseEvent() {}

    public ResponseEvent(
            String brand, String kind, long time, long responseMillis, boolean withinDeadline) {
        this.brand = brand;
        this.kind = kind;
        this.time = time;
        this.responseMillis = responseMillis;
        this.withinDeadline = withinDeadline;
    }
}
