package io.brandpulse.model;

/**
 * A change to what enrichment and the outputs know, broadcast to every instance: a customer's
 * opt-out (or opt-in), or a record of the control topic. Exactly one of the two is set.
 */
public class ListeningChange {
    public OptOut optOut;
    public ControlRecord control;

    public ListeningChange() {}

    public static ListeningChange of(OptOut optOut) {
        ListeningChange c = new ListeningChange();
        c.optOut = optOut;
        return c;
    }

    public static ListeningChange of(ControlRecord control) {
        ListeningChange c = new ListeningChange();
        c.control = control;
        return c;
    }
}
