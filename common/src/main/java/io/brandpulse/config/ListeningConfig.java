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
    public AnalysisSettings analysis = new AnalysisSettings();
    public MetricsSettings metrics = new MetricsSettings();
    public AlertSettings alerts = new AlertSettings();
    public EngagementSettings engagement = new EngagementSettings();
    public ResponseSettings responses = new ResponseSettings();
    public PrivacySettings privacy = new PrivacySettings();
    public List<BrandSettings> brands = new ArrayList<>();

    /**
     * What the control topic said, to start from ({@code scripts/run-file --control}); not a key of
     * the file. The Kafka job starts empty and reads the topic.
     */
    private ControlState control = ControlState.empty();

    /** The brand of this id, or null. */
    public BrandSettings brand(String id) {
        for (BrandSettings b : brands) {
            if (b.id.equals(id)) return b;
        }
        return null;
    }

    /** The detectors of a brand: its own overrides, or the deployment's. */
    public DetectorSettings detectorsOf(String brandId) {
        BrandSettings b = brand(brandId);
        return b != null && b.detectors != null ? b.detectors : alerts.detectors;
    }

    public ControlState control() {
        return control;
    }

    /** This deployment starting from what a control log said. */
    public ListeningConfig withControl(ControlState control) {
        ListeningConfig c = withBrands(brands);
        c.control = control;
        return c;
    }

    /** This deployment with other brands: the sections are shared, not copied. */
    public ListeningConfig withBrands(List<BrandSettings> brands) {
        ListeningConfig c = new ListeningConfig();
        c.job = job;
        c.kafka = kafka;
        c.ingestion = ingestion;
        c.analysis = analysis;
        c.metrics = metrics;
        c.alerts = alerts;
        c.engagement = engagement;
        c.responses = responses;
        c.privacy = privacy;
        c.brands = brands;
        c.control = control;
        return c;
    }
}
