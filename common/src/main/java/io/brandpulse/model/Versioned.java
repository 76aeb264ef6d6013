package io.brandpulse.model;

/**
 * An output record about one brand that names the rules and the analysis it was computed under, so
 * that a reader can tell a change in what customers say from a change in how the product listens.
 */
public abstract class Versioned {
    /**
     * The brand's definition in force when this was computed (a short hash, see {@code
     * RulesVersion}); null for a brand that is not configured.
     */
    public String rulesVersion;

    /**
     * The text analysis in force when this was computed (a short hash of its code, model and
     * lexicons, see {@code AnalysisVersion}).
     */
    public String analysisVersion;

    /** The brand the record is about. */
    public abstract String brandId();

    /**
     * The event time (epoch ms) whose rules the record was computed under: a mention's time, a
     * window's start, a score's {@code asOf}.
     */
    public abstract long eventTime();

    public void nameVersions(String rulesVersion, String analysisVersion) {
        this.rulesVersion = rulesVersion;
        this.analysisVersion = analysisVersion;
    }
}
