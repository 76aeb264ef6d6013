package io.brandpulse.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The whole configuration of one deployment: one YAML file, see {@code config/example.yaml}. */
public class ListeningConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public JobSettings job = new JobSettings();
    public KafkaSettings kafka = new KafkaSettings();
    public IngestionSettings ingestion = new IngestionSettings();
    public MetricsSettings metrics = new MetricsSettings();
    public AlertSettings alerts = new AlertSettings();
    public EngagementSettings engagement = new EngagementSettings();
    public ResponseSettings responses = new ResponseSettings();
    public PrivacySettings privacy = new PrivacySettings();
    public List<BrandSettings> brands = new ArrayList<>();

    /** This deployment with other brands: the sections are shared, not copied. */
    public ListeningConfig withBrands(List<BrandSettings> brands) {
        ListeningConfig c = new ListeningConfig();
        c.job = job;
        c.kafka = kafka;
        c.ingestion = ingestion;
        c.metrics = metrics;
        c.alerts = alerts;
        c.engagement = engagement;
        c.responses = responses;
        c.privacy = privacy;
        c.brands = brands;
        return c;
    }
}
