package io.brandpulse.jobs.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.brandpulse.alerts.BrandHistory;
import io.brandpulse.alerts.CrisisTermWatch;
import io.brandpulse.alerts.Incident;
import io.brandpulse.engagement.CustomerState;
import io.brandpulse.jobs.webhook.WebhookDelivery;
import io.brandpulse.metrics.BrandMetricsAccumulator;
import io.brandpulse.metrics.MentionSamples;
import io.brandpulse.metrics.TermBaseline;
import io.brandpulse.model.Alert;
import io.brandpulse.model.AlertEvidence;
import io.brandpulse.model.BrandWindowMetrics;
import io.brandpulse.model.CustomerEngagement;
import io.brandpulse.model.CustomerSignal;
import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.OptOut;
import io.brandpulse.model.RawRecord;
import io.brandpulse.model.ResponseCase;
import io.brandpulse.model.ResponseEvent;
import io.brandpulse.model.ResponseStats;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event type crosses the network and lands in state as a Flink POJO, never through Kryo. */
class PojoTypesTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                RawRecord.class,
                Mention.class,
                EnrichedMention.class,
                DeadLetter.class,
                BrandWindowMetrics.class,
                BrandMetricsAccumulator.class,
                Alert.class,
                AlertEvidence.class,
                BrandHistory.class,
                CrisisTermWatch.class,
                Incident.class,
                TermBaseline.class,
                MentionSamples.class,
                WebhookDelivery.class,
                CustomerState.class,
                CustomerEngagement.class,
                OptOut.class,
                CustomerSignal.class,
                ResponseCase.class,
                ResponseEvent.class,
                ResponseStats.class
            })
    void isAPojoAllTheWayDown(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        PojoTypeInfo<?> pojo = assertInstanceOf(PojoTypeInfo.class, info);
        for (int i = 0; i < pojo.getArity(); i++) {
            TypeInformation<?> field = pojo.getTypeAt(i);
            if (field instanceof GenericTypeInfo) {
                throw new AssertionError(
                        type.getSimpleName()
                                + "."
                                + pojo.getFieldNames()[i]
                                + " would go through Kryo");
            }
        }
        TypeSerializer<?> serializer = info.createSerializer(new SerializerConfigImpl());
        assertInstanceOf(PojoSerializer.class, serializer);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void enrichedMentionSurvivesASerializationRoundTrip(int withOptionalFields) throws Exception {
        EnrichedMention e = new EnrichedMention();
        e.id = "m1";
        e.platform = "weibo";
        e.createdAt = 123;
        e.mentionedBrands = new String[] {"qingning", "beian"};
        e.customerKey = "ab";
        e.metrics = new Engagement(1, 2, 3);
        e.media = new Media(4, 5);
        e.text = "青柠咖啡";
        e.normalizedText = "青柠咖啡";
        if (withOptionalFields == 1) {
            e.brand = "qingning";
            e.officialAccountOf = "qingning";
            e.authorFollowers = 10L;
            e.extraJson = "{\"x\":1}";
        }
        @SuppressWarnings("unchecked")
        TypeSerializer<EnrichedMention> serializer =
                (TypeSerializer<EnrichedMention>)
                        TypeInformation.of(EnrichedMention.class)
                                .createSerializer(new ExecutionConfig().getSerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(e, out);
        EnrichedMention back =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(e.brand, back.brand);
        assertEquals(e.officialAccountOf, back.officialAccountOf);
        assertEquals(e.metrics, back.metrics);
        assertEquals(e.media, back.media);
        assertEquals(2, back.mentionedBrands.length);
        assertEquals(e.extraJson, back.extraJson);
    }
}
