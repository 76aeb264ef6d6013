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
}
