package io.brandpulse.metrics;

import io.brandpulse.model.BrandWindowMetrics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The running state of one brand's window: the counts so far plus what is needed for distinct
 * counts.
 */
public class BrandMetricsAccumulator {
    public BrandWindowMetrics counts = new BrandWindowMetrics();
    public Set<String> authors = new HashSet<>();
    public Set<String> contentKeys = new HashSet<>();
    public Map<String, Long> terms = new HashMap<>();
    public MentionSamples samples = new MentionSamples();
    public MentionSamples negativeSamples = new MentionSamples();

    public BrandMetricsAccumulator() {}
}
