package io.brandpulse.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One brand we listen for. */
public class BrandSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Stable id, used as the Kafka key of every per-brand output. */
    public String id;

    /**
     * Names and aliases found in text; matching ignores script (Traditional/Simplified), width and
     * case.
     */
    public List<String> names = new ArrayList<>();

    /** The brand's own accounts, as {@code platform:authorId}: their posts are brand replies. */
    public List<String> officialAccounts = new ArrayList<>();

    /** Ids of other configured brands this one is compared against (share of voice). */
    public List<String> competitors = new ArrayList<>();

    /** Terms tracked for this brand (products, campaigns); reported as KEYWORD hits. */
    public List<String> keywords = new ArrayList<>();

    /** Severe terms for this brand on top of the built-in list (reported as CRISIS hits). */
    public List<String> crisisTerms = new ArrayList<>();

    /** Boolean keyword rules; a mention reports the ids of the rules it matches. */
    public List<KeywordRule> rules = new ArrayList<>();

    /**
     * This brand's detector thresholds: any value of {@code alerts.detectors} may be overridden
     * here; after loading this holds the complete settings (the global ones with the brand's values
     * on top).
     */
    public DetectorSettings detectors;

    /** Computed on first use: a definition is not changed once it is in force. */
    @JsonIgnore private transient volatile String rulesVersion;

    /**
     * The {@link RulesVersion} of this definition, named by every output about the brand. Computed
     * once, on first use: change no field afterwards.
     */
    @JsonIgnore
    public String rulesVersion() {
        String v = rulesVersion;
        if (v == null) {
            v = RulesVersion.of(this);
            rulesVersion = v;
        }
        return v;
    }
}
