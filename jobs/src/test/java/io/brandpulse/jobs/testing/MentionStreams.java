package io.brandpulse.jobs.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one generator of test streams, shared by the job's scenario tests, {@code scripts/bench*} and
 * {@code scripts/chaos} (tools/). Everything is seeded: the same arguments give the same stream
 * every time.
 *
 * <ul>
 *   <li><b>Texts</b> from the development sets in {@code ../shared/data}: {@link #realisticTexts}
 *       (ChnSentiCorp reviews made Weibo-like) and {@link #reviews} (the shopping set, by category
 *       and label).
 *   <li><b>A day of chatter about ten brands</b> ({@link #dayOfMentions}): what the benchmarks
 *       measure and the chaos runs replay, with the complaint threads ({@link #complaint}, {@link
 *       #officialReply}, {@link #followUp}) and outrage texts ({@link #OUTRAGE_TEXTS}) they add.
 *   <li><b>Replays like the ones the crisis team lives through</b> (an instance of this class): a
 *       week of ordinary chatter per brand (more by day than by night, mostly positive, reposts,
 *       everyday use of words like 中毒 and an old scandal), and on top the events a listening
 *       product must tell apart: an outrage, a night-time negative surge, a positive campaign, a
 *       gambling-ad burst and a repost storm.
 * </ul>
 */
public final class MentionStreams {
    public static final Path SHOPPING =
            TestConfigs.ROOT.resolve("../shared/data/online_shopping_10_cats");
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;

    /**
     * Monday 2026-03-02 00:00 (read as local time: the hour-of-day profile is applied to it
     * directly).
     */
    public static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    /** Mentions per hour of day for an ordinary brand: quiet nights, busy evenings. */
    static final double[] HOURLY_RATE = {
        2, 1.5, 1, 1, 1, 1.5, 4, 6, 8, 10, 12, 12, 12, 10, 12, 12, 12, 12, 14, 16, 16, 14, 10, 5
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- A day of chatter about ten brands: the benchmarks' stream, and the chaos runs'
    // background ----

    public static final int BRANDS = 10;
    public static final String[] BRAND_NAMES = {
        "青柠咖啡", "北岸茶饮", "鲜果坊", "云朵洗护", "星河平板", "暖居热水器", "墨香书店", "悦衣坊", "极速电脑", "LimeCafe"
    };

    /**
     * A food-safety outrage's complaints (%s: the brand): each carries built-in crisis terms (中毒,
     * 起诉, 召回).
     */
    public static final String[] OUTRAGE_TEXTS = {
        "喝了%s的新品之后全家食物中毒，孩子住院了，必须召回！[怒]",
        "%s新品有问题，我同事喝完上吐下泻去了医院，食物中毒",
        "昨天在%s买的饮料，喝完肚子剧痛，医生说是食物中毒，要起诉",
        "%s出了这么大的食品安全问题还不召回？已经好几个人中毒了",
    };

    /**
     * Weibo-like texts: the 12,000 ChnSentiCorp reviews shuffled (each used once before any
     * repeats), some cut to short comments, a quarter in Traditional script, emoticons, repost
     * chains, @mentions and links; and one in ten a verbatim copy of a recent text (copy-paste
     * campaigns, reposts without own words).
     */
    public static List<String> realisticTexts(Path data, int count) throws IOException {
        List<String> reviews = chnSentiCorpReviews(data);
        Random random = new Random(42);
        Collections.shuffle(reviews, random);
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        String[] emoticons = {"[哈哈]", "[怒]", "[泪]", "[赞]", "[doge]", "😂", "👍"};
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(10) == 0) {
                texts.add(texts.get(Math.max(0, i - 1 - random.nextInt(1000))));
                continue;
            }
            String text = reviews.get(i % reviews.size());
            if (random.nextInt(3) == 0 && text.length() > 40) {
                text = text.substring(0, 10 + random.nextInt(30)); // short comments
            }
            if (random.nextInt(4) == 0) {
                text = toTraditional.transliterate(text);
            }
            if (random.nextInt(3) == 0) {
                text = text + emoticons[random.nextInt(emoticons.length)];
            }
            if (random.nextInt(10) == 0) {
                text = "转发微博//@用户" + random.nextInt(1000) + ": " + text;
            }
            if (random.nextInt(10) == 0) {
                text = "@小王 " + text + " http://t.cn/A" + random.nextInt(100000);
            }
            texts.add(text);
        }
        return texts;
    }

    /** The ChnSentiCorp review texts (train, dev, test), in file order. */
    private static List<String> chnSentiCorpReviews(Path data) throws IOException {
        List<String> reviews = new ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            for (String line :
                    Files.readAllLines(
                            data.resolve("chnsenticorp_bert_split/" + split + ".tsv"),
                            StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("label")) {
                    reviews.add(line.substring(tab + 1));
                }
            }
        }
        return reviews;
    }

    /**
     * One mention per text, evenly over the day from {@link #START}: ten brands (a copied text
     * keeps its original's), 3,000 customers, 5% gambling ads.
     */
    public static List<ObjectNode> dayOfMentions(List<String> texts) {
        Random random = new Random(7);
        List<ObjectNode> mentions = new ArrayList<>(texts.size());
        Map<String, String> brandOfText =
                new HashMap<>(); // a verbatim copy is about the brand its original was
        for (int i = 0; i < texts.size(); i++) {
            String drawn = BRAND_NAMES[random.nextInt(BRANDS)];
            String brand = brandOfText.computeIfAbsent(texts.get(i), t -> drawn);
            String text =
                    random.nextInt(20) == 0
                            ? brand + "官方合作 澳门葡京线上娱乐城 注册送88元彩金 加微信" + random.nextInt(100000)
                            : brand + " " + texts.get(i);
            ObjectNode m = JSON.createObjectNode();
            m.put("id", "b" + i);
            m.put("platform", "weibo");
            m.putObject("author")
                    .put("id", "u" + random.nextInt(3000))
                    .put("followers", random.nextInt(5000));
            m.put("text", text);
            m.put("createdAt", START + (long) i * DAY / texts.size());
            m.putObject("metrics")
                    .put("likes", random.nextInt(100))
                    .put("reposts", random.nextInt(20))
                    .put("comments", random.nextInt(30));
            mentions.add(m);
        }
        return mentions;
    }

    /**
     * Writes {@link #dayOfMentions} to a file, one JSON per line; returns the number of text
     * characters.
     */
    public static long writeDayOfMentions(List<String> texts, Path file) throws IOException {
        List<ObjectNode> mentions = dayOfMentions(texts);
        List<String> lines = new ArrayList<>(mentions.size());
        long chars = 0;
        for (ObjectNode m : mentions) {
            chars += m.get("text").asText().length();
            lines.add(m.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return chars;
    }

    /**
     * A complaint about a late order addressed to brand {@code b}, opening the thread {@code id}.
     */
    public static ObjectNode complaint(String id, String author, int b, long at) {
        ObjectNode complaint =
                Mentions.mention(id, author, BRAND_NAMES[b] + " 订单五天了还没发货，客服电话一直打不通，到底什么时候能到？", at);
        complaint.put("threadId", id);
        return complaint;
    }

    /**
     * Brand {@code b}'s official account answering the complaint {@code id} (this answers the
     * case).
     */
    public static ObjectNode officialReply(String id, String author, int b, long at) {
        ObjectNode reply =
                Mentions.mention(
                        id + "-reply", "official" + b, "@" + author + " 非常抱歉，已为您加急处理，请私信订单号。", at);
        reply.put("threadId", id).put("replyToId", id);
        return reply;
    }

    /** The customer asking again in the thread {@code id} (this raises the case's severity). */
    public static ObjectNode followUp(String id, String author, int b, long at) {
        ObjectNode followUp =
                Mentions.mention(id + "-again", author, "还没人回复？" + BRAND_NAMES[b] + "就这样对待顾客吗", at);
        followUp.put("threadId", id).put("replyToId", id);
        return followUp;
    }

    // ---- Replays like the ones the crisis team lives through (the job's scenario tests) ----

    private final Random random;
    private final List<Line> lines = new ArrayList<>();
    private int nextId;

    public MentionStreams(long seed) {
        random = new Random(seed);
    }

    public record Line(long createdAt, String json) {}

    /**
     * Review texts of one category of the shopping set, by label (1 positive, 0 negative), at most
     * 140 chars.
     */
    public static List<String> reviews(String category, int label) {
        List<String> texts = new ArrayList<>();
        try {
            for (String line :
                    Files.readAllLines(
                            SHOPPING.resolve("online_shopping_10_cats_" + category + ".csv"),
                            StandardCharsets.UTF_8)) {
                String[] parts = line.split(",", 3);
                if (parts.length == 3 && parts[1].equals(Integer.toString(label))) {
                    String text = parts[2].replace("\uFEFF", "").replace("\"", "").strip();
                    if (text.length() >= 6 && text.length() <= 140) {
                        texts.add(text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * A week of ordinary chatter about a brand named {@code name}, from the given review category.
     */
    public void calmWeek(String name, String category, int days, double positiveShare) {
        List<String> positive = reviews(category, 1);
        List<String> negative = reviews(category, 0);
        String authors = name.hashCode() + "-u";
        List<String> recent = new ArrayList<>();
        for (long t = START; t < START + days * DAY; ) {
            int hour = (int) ((t - START) % DAY / HOUR);
            t += (long) (-Math.log(1 - random.nextDouble()) / HOURLY_RATE[hour] * HOUR);
            String review = random.nextDouble() < positiveShare ? pick(positive) : pick(negative);
            String text = aboutBrand(name, review);
            String author = authors + random.nextInt(3000);
            if (!recent.isEmpty() && random.nextDouble() < 0.08) {
                add(
                        t,
                        author,
                        "转发微博 //@" + authors + random.nextInt(3000) + ": " + pick(recent),
                        null);
            } else {
                add(t, author, text, null);
                recent.add(text);
            }
        }
    }

    /**
     * Background use of severe terms that is not a crisis: slang (中毒 = hooked) and an old scandal
     * people bring up.
     */
    public void everydaySevereTerms(String name, int days, int slangPerDay, int scandalPerDay) {
        String[] slang = {"%s的新品好喝到中毒，天天想买", "中毒了中毒了，%s这款真的太香", "被%s安利到中毒，回购第三次"};
        String[] scandal = {"想起当年%s那个诈骗的新闻，还是有点膈应", "%s以前的诈骗风波大家还记得吗", "虽然%s出过诈骗的事，现在好像正规多了"};
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < slangPerDay; i++) {
                add(
                        START + d * DAY + 9 * HOUR + (long) (random.nextDouble() * 13 * HOUR),
                        "slang-" + random.nextInt(5000),
                        String.format(slang[random.nextInt(slang.length)], name),
                        null);
            }
            for (int i = 0; i < scandalPerDay; i++) {
                add(
                        START + d * DAY + 8 * HOUR + (long) (random.nextDouble() * 15 * HOUR),
                        "old-" + random.nextInt(5000),
                        String.format(scandal[random.nextInt(scandal.length)], name),
                        null);
            }
        }
    }

    /**
     * A food-safety outrage: volume far above normal for {@code minutes}, mostly negative, severe
     * terms, many authors.
     */
    public void foodSafetyOutrage(String name, long start, int minutes, int perHour) {
        String[] templates = {
            "吃了%s买的水果，全家食物中毒上吐下泻，孩子已经住院了！", "%s卖的东西有问题，我妈吃完中毒送医了，必须给个说法",
            "又一个！%s的果切吃了拉肚子发烧，急诊挂水中，这是食品安全问题", "%s食物中毒事件已经好多人了，监管部门管不管？[怒]",
            "刚看到%s中毒的新闻，我家昨天也买了，孩子现在肚子疼，要去医院", "%s出了食物中毒还不道歉，已经打12315投诉了",
            "我们小区好几家吃%s的水果住院了，太可怕了", "%s的水果变质发霉还在卖，吃了就中毒，良心呢"
        };
        List<String> negative = reviews("fruit", 0);
        for (int i = 0; i < perHour * minutes / 60; i++) {
            long t = start + (long) (random.nextDouble() * minutes * 60_000L);
            String text =
                    random.nextDouble() < 0.75
                            ? String.format(templates[random.nextInt(templates.length)], name)
                            : aboutBrand(name, pick(negative));
            add(t, "angry-" + random.nextInt(100_000), text + suffix(), null);
        }
    }

    /** Negative posts without severe terms, at modest volume, in the quiet hours of the night. */
    public void nightNegativeSurge(
            String name, String category, long start, int minutes, int count) {
        List<String> negative = reviews(category, 0);
        for (int i = 0; i < count; i++) {
            long t = start + (long) (random.nextDouble() * minutes * 60_000L);
            add(
                    t,
                    "night-" + random.nextInt(100_000),
                    aboutBrand(name, pick(negative)) + " 客服到现在都不回复，太失望了",
                    null);
        }
    }

    /** A positive campaign: many happy posts with the campaign hashtag. */
    public void positiveCampaign(String name, String category, long start, int minutes, int count) {
        List<String> positive = reviews(category, 1);
        for (int i = 0; i < count; i++) {
            long t = start + (long) (random.nextDouble() * minutes * 60_000L);
            add(
                    t,
                    "fan-" + random.nextInt(100_000),
                    "#" + name + "周年庆# " + pick(positive) + " 太开心了[哈哈]",
                    null);
        }
    }

    /** Gambling ads naming the brand, from many throwaway accounts. */
    public void gamblingAds(String name, long start, int minutes, int count) {
        String[] ads = {
            "%s官方合作 澳门葡京线上娱乐城 注册送88元彩金 加微信%d",
            "跟着%s一起赚 真人荷官百家乐 首存送100 日赚千元 加v%d",
            "%s粉丝福利：网赌稳赚不赔，下注就返利，私聊%d",
            "转发%s有奖 六合彩内部资料 注册领取体验金 扫码%d"
        };
        for (int i = 0; i < count; i++) {
            long t = start + (long) (random.nextDouble() * minutes * 60_000L);
            add(
                    t,
                    "bot-" + random.nextInt(1_000_000),
                    String.format(
                            ads[random.nextInt(ads.length)], name, 10000 + random.nextInt(90000)),
                    null);
        }
    }

    /** One harmless post reposted by many people. */
    public void repostStorm(String name, long start, int minutes, int count) {
        String original = name + "今天在地铁站放了一面留言墙，好多人写下了给陌生人的祝福，挺温暖的";
        String originalId = "orig-" + (nextId++);
        add(start, "poster-1", original, null, originalId);
        for (int i = 0; i < count; i++) {
            long t = start + (long) (random.nextDouble() * minutes * 60_000L);
            add(
                    t,
                    "echo-" + random.nextInt(1_000_000),
                    "转发微博 //@poster-1: " + original,
                    originalId);
        }
    }

    /** Writes the replay sorted by time, as a collector would deliver it (roughly in order). */
    public Path write(Path file) throws IOException {
        lines.sort(Comparator.comparingLong(Line::createdAt));
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(l.json());
        }
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    public int size() {
        return lines.size();
    }

    private void add(long createdAt, String author, String text, String repostOfId) {
        add(createdAt, author, text, repostOfId, "s" + (nextId++));
    }

    private void add(long createdAt, String author, String text, String repostOfId, String id) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("platform", "weibo");
        m.putObject("author")
                .put("id", author)
                .put("name", author)
                .put("followers", random.nextInt(2000));
        m.put("text", text);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        if (repostOfId != null) {
            m.put("repostOfId", repostOfId);
        }
        m.putObject("metrics")
                .put("likes", random.nextInt(50))
                .put("reposts", random.nextInt(10))
                .put("comments", random.nextInt(20));
        lines.add(new Line(createdAt, m.toString()));
    }

    private String aboutBrand(String name, String review) {
        return switch (random.nextInt(4)) {
            case 0 -> "买了" + name + "的，" + review;
            case 1 -> review + " #" + name + "#";
            case 2 -> name + "：" + review;
            default -> "说说" + name + "吧，" + review;
        };
    }

    private String suffix() {
        String[] tails = {"", "", " [怒]", " 转扩", " 求扩散", "!!!", " @消费者报道"};
        return tails[random.nextInt(tails.length)];
    }

    private String pick(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }
}
