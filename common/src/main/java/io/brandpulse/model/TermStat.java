package io.brandpulse.model;

/** A word of a window with its count and its lift over the brand's usual frequency of it. */
public class TermStat {
    public String term;
    public long count;

    /**
     * How many times more frequent than usual for the brand (share of the window's posts vs its
     * baseline share).
     */
    public double lift;

    public TermStat() {}

    public TermStat(String term, long count, double lift) {
        this.term = term;
        this.count = count;
        this.lift = lift;
    }
}
