package io.brandpulse.engagement;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.config.ListeningConfig;
import io.brandpulse.ingest.MentionEnricher;
import io.brandpulse.model.Author;
import io.brandpulse.model.Engagement;
import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.Media;
import io.brandpulse.model.Mention;
import io.brandpulse.model.TextAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interactions for the engagement tests: through the real analysis, or hand-built for exact
 * arithmetic.
 */
final class Interactions {
    static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;
    static final long HALF_LIFE = 30 * DAY;

    /**
     * A detailed original review: 100+ Chinese characters, numbers, a product keyword and a
     * suggestion.
     */
    static final String REVIEW =
            "青柠咖啡的生椰拿铁我连续喝了3周，大杯28元，椰浆味道很浓但是甜度偏高，冰块放得太多，喝到一半就淡了。"
                    + "店员服务态度很好，出杯速度也快，大概5分钟。建议增加少糖选项，另外希望能推出会员积分，常来的顾客会更愿意复购。";

    /** Five different detailed posts (different content, so none is a repeat of another). */
    static final List<String> DETAILED =
            List.of(
                    REVIEW,
                    "周末去了青柠咖啡新开的万达店，点了冷萃和2个可颂，一共56元。冷萃口感顺滑，酸度刚好，可颂外皮酥脆但是偏油。"
                            + "座位很多适合办公，插座也够，就是音乐声音有点大。建议下午茶时段加个套餐，价格再优惠一点会更好。",
                    "第5次在青柠咖啡点外卖了，这次的生椰拿铁送到时还是冰的，包装有防漏贴纸很用心。骑手20分钟就到了，比上次快很多。"
                            + "唯一的问题是吸管太细，椰果吸不上来，希望能换成粗吸管。整体体验很满意，会继续回购。",
                    "对比了青柠咖啡和楼下另一家的美式，青柠咖啡的豆子烘焙更深，苦味明显但回甘不错，15元一杯性价比很高。"
                            + "早上8点排队的人比较多，点单小程序经常卡顿，建议优化一下小程序，可以考虑提前预约取餐的功能。",
                    "青柠咖啡秋季限定的桂花冷萃我喝了三杯，桂花香气很自然，不是香精味，甜度可以选半糖，热量大概120卡。"
                            + "杯子的设计也很好看，拍照很出片。如果能把限定款做成常驻款就太好了，期待冬季新品。");

    /** One-word comments, all different. */
    static final List<String> ONE_WORD =
            List.of("好", "不错!", "赞", "喜欢", "好喝", "棒", "可以", "支持", "yyds", "冲");

    private static final AtomicLong IDS = new AtomicLong();
    private static MentionEnricher enricher;

    private Interactions() {}

    static synchronized MentionEnricher enricher() {
        if (enricher == null) {
            ListeningConfig c = new ListeningConfig();
            c.privacy.pseudonymKey = "test-pseudonym-key-0001";
            BrandSettings b = new BrandSettings();
            b.id = "qingning";
            b.names = List.of("青柠咖啡", "LimeCafe");
            b.keywords = List.of("生椰拿铁", "冷萃");
            c.brands = List.of(b);
            enricher = new MentionEnricher(c);
        }
        return enricher;
    }

    /** A mention through the real enrichment (text analysis included). */
    static EnrichedMention analyzed(String text, long createdAt, int images) {
        return analyzed(text, createdAt, images, 0, 0, 0, null);
    }

    static EnrichedMention analyzed(
            String text,
            long createdAt,
            int images,
            long likes,
            long reposts,
            long comments,
            String repostOfId) {
        Mention m = new Mention();
        m.id = "m" + IDS.incrementAndGet();
        m.platform = "weibo";
        m.createdAt = createdAt;
        m.author = new Author("u_1001", "用户001", 120L, false);
        m.text = text;
        m.brand = "qingning";
        m.repostOfId = repostOfId;
        m.metrics = new Engagement(likes, reposts, comments);
        m.media = new Media(images, 0);
        EnrichedMention e = enricher().enrich(m);
        if (e == null) {
            throw new AssertionError("not enriched: " + text);
        }
        return e;
    }

    /**
     * A hand-built interaction: {@code chars} characters of own words, nothing else unless set on
     * the result.
     */
    static EnrichedMention handBuilt(int chars, long createdAt) {
        EnrichedMention e = new EnrichedMention();
        e.id = "h" + IDS.incrementAndGet();
        e.createdAt = createdAt;
        e.text = "好".repeat(chars);
        e.analysis = new TextAnalysis();
        e.analysis.sentimentLabel = "neutral";
        e.analysis.duplicateKey = String.format("%016x", IDS.incrementAndGet());
        e.media = new Media(0, 0);
        e.metrics = new Engagement(0, 0, 0);
        return e;
    }

    /** A hand-built interaction with a sentiment (label from the sign, full confidence). */
    static EnrichedMention handBuilt(int chars, long createdAt, double sentiment) {
        EnrichedMention e = handBuilt(chars, createdAt);
        e.analysis.sentimentScore = sentiment;
        e.analysis.sentimentConfidence = 1;
        e.analysis.sentimentLabel =
                sentiment > 0 ? "positive" : sentiment < 0 ? "negative" : "neutral";
        return e;
    }

    static double quality(EnrichedMention m) {
        return InteractionQuality.of(m).total();
    }
}
