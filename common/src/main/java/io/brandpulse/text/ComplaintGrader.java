package io.brandpulse.text;

import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import io.brandpulse.text.TermMatcher.Term;
import io.brandpulse.text.sentiment.Sentiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a mention is a complaint, about what, and how serious; whether it asks the brand
 * something; whether it reports a crisis.
 *
 * <p>A complaint is a post that reports harm to a person (whatever its sentiment: people report
 * food poisoning calmly, even jokingly), a safety hazard (unless the post is positive), says it is
 * one (投诉, 差评, 避雷...), states a problem (丢件, 态度很差: unless the post is clearly positive, and at any
 * tone when it is told to the brand), or is negative with a topic word of a category (快递, 价格) or
 * strongly negative about a brand, as long as it does not just ask other users. The brand's own
 * voice (已私信您) is none. Its category is SAFETY_LEGAL (harm, hazards, legal matters) when it fits,
 * else the category with most cues (a stated problem counts twice), ties going to PRICE, LOGISTICS,
 * COMMUNICATION, SERVICE, PRODUCT_QUALITY in that order (README "Complaints" says how a person
 * tells them apart). Severity: SAFETY_LEGAL is HIGH, CRITICAL when someone needed hospital care, or
 * a child, baby, pregnant woman or elderly person was involved, or several were harmed; personal
 * taste alone is LOW; the rest MEDIUM; many people affected raises a grade; a lawyer, the regulator
 * or the press make it at least HIGH.
 *
 * <p>Severe words are read in context ({@link #meant}): 好吃到爆炸 is praise, 没有过期 is negated, 积分什么时候过期？
 * asks; none of them is a crisis or a hazard.
 *
 * <p>A question or request is one to the brand only when the post speaks to the brand: an @ of the
 * brand or its official account, a second person (你们家, 客服, 官方...) in the asking clause or called
 * out (小编，请问…), the brand's name called out first, or the writer's own order or account. Questions
 * between users, rhetorical questions, quoted speech and thank-yous are not.
 */
public final class ComplaintGrader {
    public static final String OTHER = "OTHER";
    public static final String SAFETY_LEGAL = "SAFETY_LEGAL";
    public static final String PRODUCT_QUALITY = "PRODUCT_QUALITY";
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String CARE = "CARE";
    private static final String COURIER = "COURIER";
    private static final String LOGISTICS = "LOGISTICS";
    private static final String SERVICE = "SERVICE";
    private static final String COMMUNICATION = "COMMUNICATION";
    private static final String OTHERS = "OTHERS";

    /** Damage transit does (碎了, 压坏): in something delivered, a delivery problem. */
    private static final Set<String> TRANSIT_DAMAGE =
            Set.of(
                    "碎了", "碎成", "压坏", "压扁", "摔坏", "破损", "破了", "漏了", "洒了", "撒了", "化了", "融化", "碎晒",
                    "烂晒", "瘪了");

    /** 碎了, or a term that begins with it (碎了一半, 破了四个): damage of the kind transit does. */
    private static boolean isTransitDamage(String term) {
        for (String damage : TRANSIT_DAMAGE) {
            if (term.startsWith(damage)) {
                return true;
            }
        }
        return false;
    }

    /** Harm words that tell a death (README "Complaints": someone died is CRITICAL). */
    private static final Set<String> DEATH = Set.of("死亡", "身亡", "去世", "致死", "丧命", "罹难");

    /**
     * How many cues show that a category fits: a stated problem (2) and a word of its topic (1).
     * Beyond that, more words for a later category do not outweigh an earlier one that fits (README
     * "Complaints": the first test that fits): 表带断了…门店一口咬定人为损坏不给换 is SERVICE, however much of the
     * post is about the strap.
     */
    private static final int FITS = 3;

    /** Ties between categories go to the earlier (README "Complaints": the first that fits). */
    private static final String[] PRIORITY = {
        "PRICE", LOGISTICS, COMMUNICATION, SERVICE, PRODUCT_QUALITY, OTHER
    };

    /** A simile after a degree (快得像诈骗): the severe word is a figure. */
    private static final String SIMILE = "得像";

    /** Words right before a term that negate it or make it hypothetical (没有过期, 怕过敏). */
    private static final String[] NEGATORS = {
        "没",
        "没有",
        "未",
        "不",
        "无",
        "不会",
        "并未",
        "从未",
        "从没",
        // 没有被召回: the negation before a passive
        "没有被",
        "没被",
        "没起过", // 没起过红屁屁: never had it
        "没起",
        "没长过",
        "别",
        "不是",
        "怕",
        "担心",
        "以免",
        "防止",
        "预防",
        "避免",
        "会不会",
        "是否",
        "有没有",
        "冇",
        "防", // 防胀气, 防过敏: what the product prevents
        "抗",
        "没发现", // 没发现过热
        "没有发现",
        "未发现",
        "不另外", // 不另外加价
        "不额外",
        "无需",
        "唔会",
        "唔係",
        SIMILE,
        "懒得", // 懒得去医院: care not taken
        "不用",
        "不必",
        "用不着",
        "以为是", // 还以为是诈骗, 结果真的寄来了: a belief put right
        "会", // 用了会烂脸: said, not happened
        "唔使", // 好彩唔使入院: no need for care
        "唔洗",
        "差点要", // 痛到差啲要去急症室: nearly, so not
        "差啲要",
        "差点要去",
        "差啲要去",
        "差点要叫", // 撑得差点要叫救护车哈哈: nearly, so not
        "差啲要叫",
        "不想", // 不想踩雷: a wish, not a fault
        "没严重到", // 还好没严重到去医院: not so bad as that
        "不至于",
        "不会真的", // 好吃到中毒🤤 放心啦不会真的中毒: said, then taken back
        "唔会真的",
        "零", // 零泛红零刺痛: none of it
        // 全部合格，冇任何食物中毒风险: none of it
        "冇任何",
        "没有任何",
        "无任何",
        // 吓到差啲叫白车: nearly, so not
        "差点叫",
        "差啲叫",
        // 从来没拉过肚子，更别说食物中毒了: not even that
        "别说",
        "更不用说",
    };

    private ComplaintGrader() {}

    /**
     * The hits that mean what they say: a crisis, harm or safety term does not count where a
     * figurative phrase covers it (好吃到爆炸), where a negation or a worry comes right before it (没有过期,
     * 怕过敏), nor where the clause asks about it (什么时候过期？, 会中毒吗). What is left is what the analysis
     * reports and grades.
     */
    public static List<Hit> meant(String text, List<Hit> hits) {
        List<Hit> figurative = new ArrayList<>(0);
        List<Hit> harms = new ArrayList<>(0); // few: looked through for every problem term
        boolean inContext = false;
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.FIGURATIVE) {
                figurative.add(hit);
            } else if (hit.meaning().kind() == Kind.HARM) {
                harms.add(hit);
            }
            inContext |= isSevere(hit) || isStatedProblem(hit);
        }
        if (!inContext) {
            return hits;
        }
        List<Hit> meant = new ArrayList<>(hits.size());
        List<Hit> readAway = new ArrayList<>(0);
        boolean notTheBrandsDoing =
                !harms.isEmpty() && (isNotTheBrandsDoing(text) || isAGift(text, hits));
        // 【辟谣】网传…系多年前旧图拼接; 查完话冇问题，根本係谣言: the post calls the matter a rumour,
        // and every one of the 11 such posts of the development set reports no crisis
        boolean rumourCalledUntrue =
                (text.contains("谣")
                                || text.contains("澄清")
                                || text.contains("标题党")
                                || text.contains("虚惊")
                                || text.contains("旧")
                                || text.contains("老图"))
                        && isClearedInTheWritersWords(text, RUMOUR_CLEARED);
        for (Hit hit : hits) {
            boolean severe = isSevere(hit);
            boolean stated = isStatedProblem(hit);
            // 吓得我差点报警: a threat not carried out escalates nothing
            if (hit.meaning().kind() == Kind.ESCALATE && isFigurative(hit, figurative)) {
                readAway.add(hit);
                continue;
            }
            if ((!severe && !stated)
                    || (!isFigurative(hit, figurative)
                            && !isNegated(text, hit)
                            && !isDeniedAfter(text, hit)
                            && !isAChoiceAsked(text, hit)
                            && !isNotYetSentForAChange(text, hit)
                            && !(severe && asksAbout(text, hit, hits))
                            && !(severe && rumourCalledUntrue)
                            && !(severe && isSupposed(text, hit))
                            && !(severe && isATipsAdvice(text, hit))
                            // 假如哪天云途把我的包裹弄丢: a problem or a taste supposed is none either (not
                            // 如果再不退款就投诉: a threat is said, not supposed)
                            && !((hit.meaning().kind() == Kind.PROBLEM
                                            || hit.meaning().kind() == Kind.TASTE)
                                    && isOpenedBy(text, hit, SUPPOSING, COUNTERFACTUAL))
                            && !(severe && isAnotherPartys(text, hit, hits))
                            && !(severe && isInAQuotedName(text, hit))
                            && !(severe && isScareQuoted(text, hit))
                            && !(severe && isJokeTakenBack(text, hit))
                            && !(severe && isADrill(text, hit))
                            && !(hit.meaning().kind() == Kind.HARM && isHealed(text, hit))
                            && !(severe && isAPlaceOrAKindOfPerson(text, hit))
                            && !(isCare(hit, hits) && isAWorkplace(text, hit, hits))
                            && !(severe && isHooked(text, hit))
                            && !(severe && isAnExplosionOfNothing(text, hit))
                            && !(severe && isADegreeReached(text, hit))
                            && !(severe && isAnAllergyToLife(text, hit))
                            && !(severe && isAJokeAtOnesOwn(text, hit))
                            && !(severe && isTheWritersCasework(text, hit, hits))
                            && !(severe && isAStatementRecalled(text, hit))
                            && !(severe && isTheWallets(text, hit))
                            && !(hit.meaning().kind() == Kind.HARM && isAnOpeningGroan(text, hit))
                            // 有点怕送来不新鲜: a problem feared has not happened either
                            && !(hit.meaning().kind() == Kind.PROBLEM && isFeared(text, hit))
                            && !(severe && isATasteFound(text, hit))
                            && !(notTheBrandsDoing && isHarmWord(hit, harms))
                            && !(hit.meaning().kind() == Kind.PROBLEM
                                    && isCutByHarm(hit, harms)))) {
                if (severe && isMouldOnly(text, hit, hits)) {
                    // 草莓打开一半都发霉了，直接扔了: mould found before anything was eaten is the
                    // thing's quality (README "Complaints": mouldy food is a hazard once eaten).
                    // (Not among readAway: a brand's own 发霉 over the same span stays.)
                    if (hit.meaning().kind() == Kind.COMPLAINT) {
                        meant.add(new Hit(hit.term(), MOULD_UNEATEN, hit.start(), hit.end()));
                    }
                } else {
                    meant.add(hit);
                }
            } else {
                readAway.add(hit);
            }
        }
        // the same words as a category's topic (不耐烦 is a SERVICE cue too) go with them, and so do
        // the shorter terms of the same kind inside them (懒得去医院 reads away 医院 too)
        meant.removeIf(
                hit ->
                        readAway.stream()
                                .anyMatch(
                                        r ->
                                                r.start() <= hit.start()
                                                        && hit.end() <= r.end()
                                                        && (hit.meaning().kind() == Kind.COMPLAINT
                                                                || hit.meaning().kind()
                                                                        == r.meaning().kind())));
        return meant;
    }

    /** Mould, a hazard where it was eaten and a fault of the thing where it was only found. */
    private static final Set<String> MOULD = Set.of("发霉", "长毛", "霉点", "霉斑");

    private static final Term MOULD_UNEATEN = new Term(Kind.PROBLEM, PRODUCT_QUALITY, null);

    /**
     * Mould (发霉, 长毛) where nothing was eaten, drunk or used (吃了, 一口), nobody was harmed and no
     * child or other vulnerable person is named: the thing's fault, not yet a hazard. 一根长毛 is a
     * hair.
     */
    private static boolean isMouldOnly(String text, Hit hit, List<Hit> hits) {
        if (!MOULD.contains(hit.term())
                || hit.meaning().brand() != null // a brand that watches 发霉 itself hears every one
                || (hit.start() > 0 && "根条".indexOf(text.charAt(hit.start() - 1)) >= 0)) {
            return false;
        }
        for (Hit other : hits) {
            Kind kind = other.meaning().kind();
            if (kind == Kind.USE || kind == Kind.HARM || kind == Kind.VULNERABLE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hits outside @handles, but for the kinds that name (the brand, who is addressed, a word
     * kept whole): a username is no report (//@咖啡续命er: is no emergency room, @暖暖母婴官方 no baby).
     */
    public static List<Hit> outsideHandles(List<Hit> hits, SocialMarkup markup) {
        if (markup.mentions.isEmpty()) {
            return hits;
        }
        List<Hit> said = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            // a category's topic word in the brand's own handle tells its trade (@云途快递官方:
            // delivery); in anyone else's (@从不冷漠脸) it tells nothing
            boolean trade =
                    hit.meaning().kind() == Kind.COMPLAINT
                            && !SAFETY_LEGAL.equals(hit.meaning().tag())
                            && isInABrandsHandle(hit, hits, markup);
            if (NAMING.contains(hit.meaning().kind()) || trade || !inMention(markup, hit)) {
                said.add(hit);
            }
        }
        return said.size() == hits.size() ? hits : said;
    }

    private static boolean isInABrandsHandle(Hit hit, List<Hit> hits, SocialMarkup markup) {
        for (int[] m : markup.mentions) {
            if (hit.start() >= m[0] && hit.end() <= m[1]) {
                for (Hit brand : hits) {
                    if (brand.meaning().kind() == Kind.BRAND
                            && brand.start() >= m[0]
                            && brand.end() <= m[1]) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static final Set<Kind> NAMING =
            EnumSet.of(
                    Kind.BRAND, Kind.KEYWORD, Kind.RULE_TERM, Kind.WORD, Kind.ADDRESS, Kind.SPAM);

    /** Is this hit a word of care (住院, 急诊) as well: a HARM CARE hit over the same span? */
    private static boolean isCare(Hit hit, List<Hit> hits) {
        for (Hit other : hits) {
            if (other.meaning().kind() == Kind.HARM
                    && CARE.equals(other.meaning().tag())
                    && other.start() <= hit.start()
                    && hit.end() <= other.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSevere(Hit hit) {
        Kind kind = hit.meaning().kind();
        return kind == Kind.CRISIS
                || kind == Kind.HARM
                || (kind == Kind.COMPLAINT && SAFETY_LEGAL.equals(hit.meaning().tag()));
    }

    /**
     * A problem, a complaint said outright, a vulnerable person: read in context too (不踩雷, 怕踩雷).
     */
    private static boolean isStatedProblem(Hit hit) {
        Kind kind = hit.meaning().kind();
        return kind == Kind.PROBLEM
                || kind == Kind.EXPLICIT
                || kind == Kind.TASTE
                || kind == Kind.VULNERABLE; // 暖宝宝 is a hand warmer, 宝子 a follower
    }

    /**
     * Grades the {@link #meant} hits of a text; {@code readAway} says that some terms were read
     * away in context (a negation like 从来没有拉肚子 also pulls the sentiment model negative).
     */
    public static void grade(
            String text,
            List<Hit> hits,
            boolean readAway,
            Sentiment sentiment,
            SocialMarkup markup,
            TextAnalysis out) {
        Map<String, Integer> categoryCues = new HashMap<>();
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        boolean harm = false;
        boolean died = false;
        boolean care = false;
        boolean hazard = false;
        boolean foreignBody = false;
        boolean courier = false;
        int transitDamage = 0;
        int firstTurn = Integer.MAX_VALUE;
        boolean problemAfterTurn = false;
        for (Hit hit : hits) {
            Kind kind = hit.meaning().kind();
            if (kind == Kind.MANY && isInSarcasticThanks(text, hit.start(), hit.end())) {
                continue; // 谢谢你全家 counts nobody
            }
            if (kind == Kind.MANY && isAQueue(text, hit)) {
                continue; // 前面就五个人, 后面很多人在等: a queue, not many people let down
            }
            seen.add(kind);
            if (kind == Kind.TURN) {
                firstTurn = Math.min(firstTurn, hit.start());
            } else if ((kind == Kind.PROBLEM || kind == Kind.TASTE) && hit.start() > firstTurn) {
                problemAfterTurn = true;
            }
            if (kind == Kind.HARM) {
                care |= CARE.equals(hit.meaning().tag());
                harm |= !CARE.equals(hit.meaning().tag());
                died |= DEATH.contains(hit.term());
            } else if (kind == Kind.COMPLAINT && SAFETY_LEGAL.equals(hit.meaning().tag())) {
                hazard = true;
                foreignBody |= FOREIGN_BODY.matcher(hit.term()).find();
            } else if (kind == Kind.COMPLAINT && COURIER.equals(hit.meaning().tag())) {
                courier = true;
                categoryCues.merge(LOGISTICS, 1, Integer::sum);
            } else if (kind == Kind.COMPLAINT) {
                categoryCues.merge(hit.meaning().tag(), 1, Integer::sum);
                if (PRODUCT_QUALITY.equals(hit.meaning().tag()) && isTransitDamage(hit.term())) {
                    transitDamage += 1;
                }
            } else if (kind == Kind.PROBLEM) { // a stated problem weighs more than a topic word
                if (isInsideAnotherProblem(hit, hits)) {
                    continue; // 卡在开机 is the phone, not 卡在 of a parcel
                }
                categoryCues.merge(hit.meaning().tag(), 2, Integer::sum);
                if (PRODUCT_QUALITY.equals(hit.meaning().tag()) && isTransitDamage(hit.term())) {
                    transitDamage += 2;
                }
            }
        }
        // 送来的鸡蛋碎了三个: damage of the kind transit does, to something delivered, is delivery
        // (README "Complaints": damaged in transit is LOGISTICS, before PRODUCT_QUALITY)
        if (transitDamage > 0 && categoryCues.getOrDefault(LOGISTICS, 0) > 0) {
            categoryCues.merge(PRODUCT_QUALITY, -transitDamage, Integer::sum);
            categoryCues.merge(LOGISTICS, transitDamage, Integer::sum);
        }
        // 服务员…喊了三次加水没人理: ignored by the staff in front of the writer is how they dealt with
        // them (README "Complaints": SERVICE), not a brand that did not answer (COMMUNICATION)
        Integer ignored = categoryCues.get(COMMUNICATION);
        if (ignored != null && categoryCues.containsKey(SERVICE) && isIgnoredInPerson(text, hits)) {
            categoryCues.remove(COMMUNICATION);
            categoryCues.merge(SERVICE, ignored, Integer::sum);
        }
        if (courier) { // a courier's behaviour at the door is delivery (README "Complaints")
            categoryCues.merge(LOGISTICS, categoryCues.getOrDefault(SERVICE, 0), Integer::sum);
            categoryCues.remove(SERVICE);
        }
        // 香到犯罪, 杀疯了, 笑死: a figurative phrase made the tone (the model reads its severe words as
        // negative), so the tone alone says no more than when words were read away
        readAway |= seen.contains(Kind.FIGURATIVE);
        boolean problem = seen.contains(Kind.PROBLEM);
        boolean taste = seen.contains(Kind.TASTE);
        boolean explicit = seen.contains(Kind.EXPLICIT);
        // (only harm or a hazard makes a vulnerable person count: no pattern runs for other posts)
        boolean vulnerable =
                (harm || hazard)
                        && (seen.contains(Kind.VULNERABLE)
                                || PREGNANCY_WEEK.matcher(text).find()
                                || ELDERLY_AGE.matcher(text).find()
                                || CHILD_AGE.matcher(text).find()
                                || (A_KID_CALLED_CUB.matcher(text).find()
                                        && !AN_ANIMAL.matcher(text).find()));
        boolean brandNamed = seen.contains(Kind.BRAND);
        // the brand's voice quoted by a customer (客服只会回“亲亲，已为您反馈”) is not the brand speaking
        // nor is a post that relays what customers reported (暖暖母婴发布公告：…召回。有家长留言称孩子已吃了大半罐):
        // the news of harm to others is a complaint (README "Complaints")
        boolean brandVoice =
                seen.contains(Kind.VOICE)
                        && isBrandSpeaking(text, hits)
                        && !CUSTOMERS_REPORTED.matcher(text).find();
        // Harm told as help received (隔離枱個小朋友跌親，店員即刻拎冰袋，好細心; 打疫苗发烧了，还好退热贴好用):
        // a clearly positive post crediting help, with no hazard or problem, whose harm does not
        // follow the use of something. The harm is real, but nobody complains of it.
        // Harm that was over before the brand came in (发烧住院三天，出院第一件事就是去鼎味吃饺子; 打完九价有点头晕，出来去青柠喝拿铁):
        // the post tells of the brand after the harm, and nothing used before it could have caused
        // it. The tone of such a post is the harm's (头晕, 住院), not the brand's.
        boolean toneIsTheHarms = (harm || care) && isOverBeforeTheBrand(text, hits, hazard);
        // 小哥还帮我搬上五楼，感动[泪]: tears of being moved, which the model reads as sorrow; the
        // post's tone is no complaint (a problem it states still is one)
        boolean moved = MOVED.find(text) && !SMILE_OF_SCORN.matcher(text).find();
        double tone = moved ? Math.max(sentiment.score, 0.5) : sentiment.score;
        // 救护车十分钟就到…这钱花得值: the purchase that came to the rescue, called worth it; the
        // model reads the fall told before it as negative (a rescue it credits is still RELIEF)
        double creditedTone = (harm || care) && WORTH_IT.find(text) ? Math.max(tone, 0.5) : tone;
        if ((harm || care)
                && (toneIsTheHarms || isHelpReceived(text, hits, creditedTone, hazard))) {
            harm = false;
            care = false;
        }
        // Care alone (在医院, 挂号) is no harm: it is when the post is negative or names harm, or
        // when the writer was admitted after eating, drinking or using something (喝完…直接住院两天
        // 减肥成功 哈哈: a joke about a hospital stay is still one).
        care &=
                harm
                        || hazard
                        || sentiment.score < 0
                        || isAdmittedAfterUse(hits)
                        || isCausedToCare(text, hits)
                        // 整错咗…凌晨入咗急症: a fault of the brand's, then care
                        || problem;
        // Nor is it a crisis (闺蜜住院，带了杯奶茶去探望): a crisis term that is a word of care counts
        // only where the care does.
        // Nor when the harm was over before the brand came in (食物中毒住院三天（公司食堂的锅），出院第一件事就是点了杯北岸):
        // its crisis words tell of that harm.
        boolean crisisTerm =
                !toneIsTheHarms
                        && (care
                                ? seen.contains(Kind.CRISIS)
                                : hits.stream()
                                        .anyMatch(
                                                hit ->
                                                        hit.meaning().kind() == Kind.CRISIS
                                                                && !isCare(hit, hits)));
        List<Hit> asking = asking(text, hits, markup);
        boolean asks = !asking.isEmpty();
        out.question = !brandVoice && asks && speaksToTheBrand(text, hits, markup, asking);
        // @暖暖母婴官方 宝宝脸上长湿疹（医生说是天气干），你们那款面霜能用吗？: a condition told as the
        // reason to ask the brand whether a thing suits it. Nothing of the brand's was used
        // (用过, 喝了), nothing is wrong with it: no harm the brand did, no crisis.
        // (so too asked of other users: 有宝妈用过吗？我家娃容易红屁屁，不知道适不适合)
        if (asks
                && (harm || care)
                && !hazard
                && !problem
                && !isUsedOutsideAQuestion(text, hits, asking)
                && asksWhetherItSuits(text, asking)) {
            harm = false;
            care = false;
            crisisTerm = false;
        }
        boolean safety = harm || care || hazard;
        out.crisis = crisisTerm || safety;
        // 哪家快递好？ asks other users, unless the question is an outburst (东西呢？？？) that asks
        // nobody and no one else is called on (大家, 有人知道); a request (麻烦尽快处理) asks the one who
        // caused it.
        // 云途你们是用脚送的吗？ asks the brand, if only rhetorically: no other user is asked
        boolean asksOthers =
                !out.question
                        && asksAQuestion(asking)
                        && !isBrandAddressed(text, hits)
                        && (anyTagged(hits, OTHERS, new int[] {0, markup.ownTextEnd})
                                || !isOutburst(text, markup.ownTextEnd));
        // 请问寄到乌鲁木齐要几天？ only asks: the model reads plain questions as negative, and a topic
        // word (快递) in one is no complaint
        // 您好，我账户绑定的手机号换了，请问怎么修改？ states no trouble either: the model reads such
        // questions as negative, so their tone says nothing
        String own = out.question ? ownWords(text, markup.ownTextEnd) : null;
        boolean onlyAsks =
                out.question && (everyClauseAsks(text, markup, asking) || !statesTrouble(own));
        // 眼霜小样没发，麻烦补发: what the brand has not done, told to the brand, is a stated problem
        String unmet = out.question ? unmetCategory(own) : null;
        // 广告拿外卖骑手的辛苦开玩笑: the brand's public conduct, mocking people (README "Complaints":
        // OTHER, whatever the words of those it mocks: 骑手 is no delivery complaint here)
        boolean mocking = MOCKING.find(text) && PUBLIC_VOICE.matcher(text).find();
        problem |= mocking;
        // 宣传页写续航五天，实测两天半就没电了: what the brand's ads claimed is what the complaint
        // holds against it (README "Complaints": misleading advertising is COMMUNICATION, tested
        // before PRODUCT_QUALITY)
        if (AD_CLAIM.matcher(text).find()) {
            categoryCues.merge(COMMUNICATION, 2, Integer::sum);
        }
        for (ToldByShape told : TOLD_BY_SHAPE) {
            if (told.shape().find(text)) {
                problem = true;
                categoryCues.merge(told.category(), told.weight(), Integer::sum);
            }
        }
        // 订了一箱苹果，送来的是一袋洋葱: the wrong thing delivered (README "Complaints": LOGISTICS);
        // not the wrong dish served at the table (服务员, 堂食: SERVICE)
        if (WRONG_ITEM.find(text) && !SERVED_IN_STORE.matcher(text).find()) {
            problem = true;
            categoryCues.merge(LOGISTICS, FITS, Integer::sum);
        }
        // 一杯奶茶卖到28块: a price quoted is a word of the PRICE topic
        if (PRICE_QUOTED.matcher(text).find()) {
            categoryCues.merge("PRICE", 1, Integer::sum);
        }
        if (unmet != null) {
            problem = true;
            categoryCues.merge(unmet, 2, Integer::sum);
        }
        double score = tone;
        boolean clearlyPositive = score >= 0.5;
        out.complaint =
                !brandVoice
                        && (explicit
                                || harm
                                || care
                                // something found in a brand's food is one whatever the laugh
                                // it is told with (README "Complaints": foreign objects,
                                // whatever the sentiment score)
                                || (hazard
                                        && (vulnerable
                                                || !clearlyPositive
                                                || (foreignBody && brandNamed)))
                                // a problem told to the brand is one whatever the tone (🙏)
                                || (problem && (!clearlyPositive || out.question))
                                // praise, then 但是 and a problem: the review's complaint
                                || problemAfterTurn
                                // 北岸新品甜到齁…三分糖都这么甜？: a taste of a brand's thing said
                                // outright, whatever the post asks after it (北岸的杨枝甘露会不会很甜？
                                // only asks)
                                || (taste
                                        && score < 0.75
                                        && (!asksOthers
                                                || (brandNamed
                                                        && isTasteStated(text, hits, asking))))
                                // a topic word in a negative post, unless it asks other users
                                // (哪家快递好?); the model reads a plain question to the brand
                                // (包裹可以改寄吗？) as negative, so one needs a strongly negative tone;
                                // nor when words were read away (不耐烦都没有): they made the tone
                                || (score <= (out.question ? -0.6 : -0.25)
                                        && !asksOthers
                                        && !onlyAsks
                                        && !readAway
                                        && !toneIsTheHarms
                                        && (!categoryCues.isEmpty() || crisisTerm))
                                // a strongly negative post about a brand, whatever it is about
                                || (score <= -0.6
                                        && brandNamed
                                        && !asksOthers
                                        && !onlyAsks
                                        && !readAway
                                        && !toneIsTheHarms))
                        // (last: the pattern runs only for a post that would be a complaint)
                        && !(!problem && !harm && !care && isScamInTheBrandsName(text));
        out.suggestion = seen.contains(Kind.SUGGESTION);
        if (!out.complaint) {
            out.complaintCategory = null;
            out.severity = null;
            return;
        }
        int grade;
        if (safety) {
            out.complaintCategory = SAFETY_LEGAL;
            grade =
                    care
                                    || (vulnerable && (harm || hazard))
                                    // a death a hazard caused (锅炉爆炸，致一名店员死亡), not talk of death
                                    || (harm && died && hazard)
                                    || (harm
                                            && (seen.contains(Kind.MANY)
                                                    || isHeadCountHarmed(text, hits)))
                                    // 被骗了三千多，小区群里还有两个邻居也中招了: money taken by fraud
                                    // from the writer's side and from others counted too
                                    || (hazard && OTHERS_DEFRAUDED_TOO.find(text))
                            ? 3
                            : 2;
        } else {
            // 新广告好油腻: a taste said of an ad is the brand's public conduct (README "Complaints":
            // ads the writer dislikes are OTHER), not its product
            out.complaintCategory =
                    mocking || (taste && isAnAdDisliked(text, hits))
                            ? OTHER
                            : topCategory(categoryCues, taste);
            // taste alone, or a slip the writer calls minor (问题不大), is LOW
            // (the product's parts, 珍珠 or 馅, are what taste is about, no other problem)
            boolean tasteAlone =
                    taste
                            // 一股香精味: a problem that is a matter of taste too is taste
                            && hits.stream().noneMatch(hit -> isProblemBeyondTaste(hit, hits))
                            // a topic word of another category (外卖盒丑哭了) is no problem stated there
                            && categoryCues.entrySet().stream()
                                    .allMatch(
                                            cue ->
                                                    PRODUCT_QUALITY.equals(cue.getKey())
                                                            || cue.getValue() < 2);
            grade = tasteAlone || seen.contains(Kind.MINOR) ? 0 : 1;
            if (seen.contains(Kind.MANY)) {
                grade++;
            }
            if (seen.contains(Kind.ESCALATE) || crisisTerm) {
                grade = Math.max(grade, 2);
            }
        }
        out.severity = SEVERITIES[Math.min(grade, 3)];
    }

    /** Is every taste word said of an ad, named just before it in its clause (广告好油腻, 广告也太土了)? */
    private static boolean isAnAdDisliked(String text, List<Hit> hits) {
        boolean any = false;
        for (Hit hit : hits) {
            if (hit.meaning().kind() != Kind.TASTE) {
                continue;
            }
            int from = Math.max(clauseStart(text, hit.start()), hit.start() - AD_REACH);
            if (text.lastIndexOf("广告", hit.start()) < from) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** How far before a taste word the ad it judges is named (这次的新广告拍得好油腻). */
    private static final int AD_REACH = 8;

    /**
     * 我家崽屁屁红成猴子: a child called a cub, as parents do online; owners call their pets so too (心疼我家崽,
     * after a dog was sick), so not where an animal is named.
     */
    private static final Pattern A_KID_CALLED_CUB = Pattern.compile("我家崽|崽崽|我崽|家里的崽");

    private static final Pattern AN_ANIMAL = Pattern.compile("狗|猫|宠物|兽医|喵|汪|毛孩子");

    /** A head count right after 前面/后面 (the people ahead or behind in a queue). */
    private static boolean isAQueue(String text, Hit hit) {
        int from = Math.max(0, hit.start() - 6); // 前面明明就五个人
        String before = text.substring(from, hit.start());
        return before.contains("前面") || before.contains("后面");
    }

    /**
     * A problem term inside a longer one of another category (卡在 inside 卡在开机): the longer says it.
     */
    private static boolean isInsideAnotherProblem(Hit hit, List<Hit> hits) {
        for (Hit other : hits) {
            if (other.meaning().kind() == Kind.PROBLEM
                    && !other.meaning().tag().equals(hit.meaning().tag())
                    && other.start() <= hit.start()
                    && hit.end() <= other.end()
                    && other.end() - other.start() > hit.end() - hit.start()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Is every COMMUNICATION cue of the post a word of being ignored (没人理), with no channel the
     * brand answers on (客服, 私信, 电话…) named?
     */
    private static boolean isIgnoredInPerson(String text, List<Hit> hits) {
        boolean ignored = false;
        for (Hit hit : hits) {
            if ((hit.meaning().kind() == Kind.COMPLAINT || hit.meaning().kind() == Kind.PROBLEM)
                    && COMMUNICATION.equals(hit.meaning().tag())) {
                if (!IGNORED.contains(hit.term())) {
                    return false;
                }
                ignored = true;
            }
        }
        return ignored && !REMOTE_CHANNEL.matcher(text).find();
    }

    private static final Set<String> IGNORED = Set.of("没人理", "冇人理", "没人回应", "没回应", "没有回应");

    private static final Pattern REMOTE_CHANNEL =
            Pattern.compile("客服|私信|私讯|留言|评论|电话|消息|邮件|热线|官方|官博|app|网上|线上");

    /**
     * 感谢…的早餐三明治，让我们办公室四个人今天整整齐齐在医院输液[微笑]: care the post says something made them need (让我们, 害得我,
     * 搞得全家), whatever tone the model reads in the thanks.
     */
    private static boolean isCausedToCare(String text, List<Hit> hits) {
        Matcher caused = CAUSED.matcher(text);
        if (!caused.find()) {
            return false;
        }
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.HARM
                    && CARE.equals(hit.meaning().tag())
                    && hit.start() >= caused.end()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern CAUSED =
            // 让我 alone is too common (让我每次去…, 让我赶快好起来): 让 only with more than the writer
            Pattern.compile("(?:害得?|搞得|弄得)(?:我们|我|全家|一家|孩子|宝宝|我家)|让(?:我们|全家|一家)");

    /**
     * A USE cue (喝完, 吃了), then care that is more than a place (住院, 挂水, 急诊; not 医院 alone, which a
     * visitor goes to as well).
     */
    private static boolean isAdmittedAfterUse(List<Hit> hits) {
        int firstUse = Integer.MAX_VALUE;
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.USE) {
                firstUse = Math.min(firstUse, hit.start());
            }
        }
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.HARM
                    && CARE.equals(hit.meaning().tag())
                    && hit.start() > firstUse
                    && !CARE_PLACES.contains(hit.term())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CARE_PLACES =
            Set.of("医院", "去医院", "在医院", "进医院", "去了医院", "卫生院", "hospital", "er");

    /**
     * The brand's voice, not quoted and not asked about (退款一般几个工作日原路退回呀？ is a customer asking what
     * the brand's replies say).
     */
    private static boolean isBrandSpeaking(String text, List<Hit> hits) {
        List<int[]> quoted = quotations(text);
        return hits.stream()
                .anyMatch(
                        hit ->
                                hit.meaning().kind() == Kind.VOICE
                                        && !insideAny(quoted, hit.start())
                                        && !isRelayed(text, hit)
                                        // 麻烦原路退回来: the brand's words asked of it
                                        && !endsWithAnyAt(text, hit.start(), ASKED_OF)
                                        && !endsInAQuestionMark(text, hit));
    }

    private static final Pattern CUSTOMERS_REPORTED =
            Pattern.compile("有(?:家长|顾客|网友|用户|消费者|宝妈|妈妈)[^，。,.!！?？]{0,4}(?:留言|反映|称|表示|爆料)");

    private static final String[] ASKED_OF = {"麻烦", "请", "麻烦你们", "请你们", "尽快"};

    /** Verbs that relay what the brand put out (暖暖奶粉发召回公告了, 官方贴出声明】). */
    private static final String[] RELAYED_BY = {"发", "发了", "发布", "发布了", "出了", "贴出", "看到"};

    /** Is this brand-voice term told of by someone else, as something the brand put out? */
    private static boolean isRelayed(String text, Hit hit) {
        return endsWithAnyAt(text, hit.start(), RELAYED_BY);
    }

    /** Does one of these words end right at {@code at} (a verb before a term: 发召回公告, 找客服)? */
    private static boolean endsWithAnyAt(String text, int at, String[] words) {
        for (String word : words) {
            if (text.startsWith(word, at - word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Does one of these words start right at {@code at} (what follows a term: 客服回应称)? */
    private static boolean startsWithAnyAt(String text, int at, String[] words) {
        for (String word : words) {
            if (text.startsWith(word, at)) {
                return true;
            }
        }
        return false;
    }

    /** Does the clause of this hit end in a question mark? */
    private static boolean endsInAQuestionMark(String text, Hit hit) {
        int end = clauseEnd(text, hit.end());
        return end < text.length() && "?？".indexOf(text.charAt(end)) >= 0;
    }

    /**
     * Thanks that close a request (…pls refund the extra one 谢谢): the writer signs off; the clause
     * before still asks. Only what is not a word may follow it.
     */
    private static boolean isSignOff(String text, Hit hit, int ownTextEnd) {
        if (!THANKS.contains(hit.term()) || hit.start() == 0) {
            return false;
        }
        for (int i = hit.end(); i < Math.min(ownTextEnd, text.length()); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProblemBeyondTaste(Hit hit, List<Hit> hits) {
        return hit.meaning().kind() == Kind.PROBLEM
                && hits.stream()
                        .noneMatch(
                                taste ->
                                        taste.meaning().kind() == Kind.TASTE
                                                && taste.start() == hit.start()
                                                && taste.end() == hit.end());
    }

    /**
     * Does a clearly positive post credit help (RELIEF) with its harm, name no hazard, problem or
     * complaint, and say of no harm that it came after eating, drinking or using something (USE)?
     */
    private static boolean isHelpReceived(
            String text, List<Hit> hits, double score, boolean hazard) {
        if (hazard || score < 0.5) return false;
        boolean relief = false;
        int firstUse = Integer.MAX_VALUE;
        int lastHarm = -1;
        for (Hit hit : hits) {
            Kind kind = hit.meaning().kind();
            switch (kind) {
                case RELIEF -> relief |= !isAPlea(text, hit); // 谁能帮帮我们: help asked for
                case USE -> firstUse = Math.min(firstUse, hit.start());
                case HARM -> lastHarm = Math.max(lastHarm, hit.start());
                case PROBLEM, EXPLICIT, TASTE -> {
                    return false;
                }
                default -> {}
            }
        }
        return relief && firstUse > lastHarm;
    }

    /** 帮帮我们, 谁能帮我, 求帮忙: help asked for, not received. */
    private static boolean isAPlea(String text, Hit hit) {
        int at = hit.start();
        return text.startsWith("帮", at - 1)
                || text.startsWith("谁能", at - 2)
                || text.startsWith("谁可以", at - 3)
                || text.startsWith("求", at - 1);
    }

    /**
     * Was every harm over before the brand comes in: all harm is told before the first brand name,
     * an AFTER cue (出院后, 病好了, 打完针出来; or the harm's own cause: 打完疫苗, 骑车) comes before that name,
     * nothing eaten, drunk or used (USE) is told before the name, and the post names no hazard,
     * problem or complaint?
     */
    private static boolean isOverBeforeTheBrand(String text, List<Hit> hits, boolean hazard) {
        if (hazard) return false;
        int firstBrand = Integer.MAX_VALUE;
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.BRAND) {
                firstBrand = Math.min(firstBrand, hit.start());
            }
        }
        int lastHarmEnd = -1;
        boolean after = false;
        for (Hit hit : hits) {
            switch (hit.meaning().kind()) {
                case HARM -> {
                    // (医生说今天别喝酒 after the brand: the doctor's word, no harm)
                    if (hit.end() > firstBrand && !isTheDoctorsWord(text, hit)) return false;
                    lastHarmEnd = Math.max(lastHarmEnd, hit.end());
                }
                case USE -> { // unless what was used is the harm's own cause (吃了抗生素)
                    if (hit.start() < firstBrand && !isFollowedByAfter(text, hit, hits))
                        return false;
                }
                case PROBLEM, EXPLICIT, TASTE -> {
                    return false;
                }
                default -> {}
            }
        }
        // the harm was over (出院后) or had a cause of its own (打完疫苗有点发烧, 骑车摔了一跤) before the
        // brand comes in
        for (Hit hit : hits) {
            after |= hit.meaning().kind() == Kind.AFTER && hit.end() <= firstBrand;
        }
        return after && lastHarmEnd >= 0 && firstBrand != Integer.MAX_VALUE;
    }

    /** 医生说…, 医生让…: the doctor's advice, told after the brand, is no harm of its own. */
    private static boolean isTheDoctorsWord(String text, Hit hit) {
        return hit.term().equals("医生") && startsWithAnyAt(text, hit.end(), DOCTORS_WORD);
    }

    private static final String[] DOCTORS_WORD = {"说", "让", "批准", "建议", "同意", "叮嘱", "交代"};

    /** 吃了抗生素: what was used is followed, in its clause, by the harm's own cause (AFTER). */
    private static boolean isFollowedByAfter(String text, Hit use, List<Hit> hits) {
        int end = clauseEnd(text, use.end());
        return hits.stream()
                .anyMatch(
                        after ->
                                after.meaning().kind() == Kind.AFTER
                                        && after.start() >= use.end()
                                        && after.end() <= end);
    }

    /**
     * Is every clause of the writer's own text a question or request (greetings, @mentions and
     * clauses of a word or two aside)? Then the post states nothing but what it asks.
     */
    private static boolean everyClauseAsks(String text, SocialMarkup markup, List<Hit> asking) {
        int start = 0;
        while (start < markup.ownTextEnd) {
            int end = start;
            while (end < text.length() && !isClauseBreak(text, end)) {
                end++;
            }
            if (wordCharacters(text, markup, start, Math.min(end, markup.ownTextEnd)) > 3
                    && !anyWithin(asking, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * A space between Chinese words ends a clause (Taiwan and Hong Kong writers often punctuate
     * so).
     */
    private static boolean isSpaceBetweenChinese(String text, int i) {
        return Character.isWhitespace(text.charAt(i))
                && i > 0
                && i + 1 < text.length()
                && text.charAt(i - 1) > 0x2E80
                && text.charAt(i + 1) > 0x2E80;
    }

    private static int wordCharacters(String text, SocialMarkup markup, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && !insideAny(markup.mentions, i)) {
                count++;
            }
        }
        return count;
    }

    /** Does a clause that asks, ask whether the thing suits someone (能用吗, 可以照常喝吗, 会不会刺激)? */
    private static boolean asksWhetherItSuits(String text, List<Hit> asking) {
        if (SUITS_ASKED.matcher(text).find()) {
            return true; // 不知道适不适合: asked without a question word
        }
        for (Hit ask : asking) {
            if (SUITS.matcher(text)
                    .region(clauseStart(text, ask.start()), clauseEnd(text, ask.end()))
                    .find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SUITS_ASKED = Pattern.compile("适不适合|合不合适|适不适用");

    /** Was something used (用过, 喝了) in a clause that does not ask (有宝妈用过吗？ asks)? */
    private static boolean isUsedOutsideAQuestion(String text, List<Hit> hits, List<Hit> asking) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.USE && !isInAnAskingClause(text, hit, asking)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInAnAskingClause(String text, Hit hit, List<Hit> asking) {
        return anyWithin(asking, clauseStart(text, hit.start()), clauseEnd(text, hit.end()));
    }

    private static final Pattern SUITS =
            Pattern.compile(
                    // (还能继续喝吗 asks about what has been used; 能喝的东西有没有把关 asks nothing of
                    // what suits: neither is this)
                    "(?<![还])(?:能|可以)(?:照常|正常)?(?:用|喝|吃|涂|擦|搽|戴|冲)(?:吗|嗎|么|呀|嘛|\\?|？)"
                            + "|(?:能不能|可不可以)(?:照常|正常)?(?:用|喝|吃|涂|擦|搽|戴|冲)"
                            + "|适合(?:吗|嗎|么|\\?|？)|适用(?:吗|嗎|么|\\?|？)|会不会刺激|有没有影响|会不会影响");

    /**
     * Is a taste term said in a clause that asks nothing, and not as what the writer wants
     * (求推荐一款不太甜的, 不要太甜的)?
     */
    private static boolean isTasteStated(String text, List<Hit> hits, List<Hit> asking) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.TASTE
                    && !endsWithAnyAt(text, hit.start(), WANTED_NOT)
                    && !isAKindWanted(text, hit)
                    && !isInAnAskingClause(text, hit, asking)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] WANTED_NOT = {"不", "不要", "别", "不能", "唔好"};

    /** 求推荐一款不太甜的: the taste names the kind wanted (a 的 closes the clause after it). */
    private static boolean isAKindWanted(String text, Hit hit) {
        int after = hit.end() + 1;
        return text.startsWith("的", hit.end())
                && (after == text.length() || isClauseBreak(text, after));
    }

    private static boolean anyWithin(List<Hit> hits, int start, int end) {
        for (Hit hit : hits) {
            if (hit.start() >= start && hit.start() <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(List<int[]> spans, int position) {
        for (int[] s : spans) {
            if (position >= s[0] && position < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Question marks in a row (？？, ?!): anger, not a question anyone is meant to answer. */
    private static boolean isOutburst(String text, int end) {
        for (int i = 1; i < end; i++) {
            if ("?？".indexOf(text.charAt(i - 1)) >= 0 && "?？!！".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksAQuestion(List<Hit> asking) {
        for (Hit hit : asking) {
            if (hit.meaning().kind() == Kind.QUESTION) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFigurative(Hit hit, List<Hit> figurative) {
        for (Hit f : figurative) {
            if (f.start() < hit.end() && hit.start() < f.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * 某进口奶粉品牌因检出阪崎肠杆菌宣布召回, 隔壁大楼昨晚着火: the clause tells of another party (an unnamed brand, a
     * neighbouring building) before the term and names no brand of ours: not our crisis.
     */
    private static final Pattern ANOTHER_PARTY =
            Pattern.compile(
                    "(?:某|另一|另外一|其他|其它|别的)[^，,。！!？?；;]{0,6}?"
                            + "(?:品牌|牌子|厂家|厂商|公司|商家|平台|企业|奶粉|食品厂|工厂|商场|超市|餐厅)"
                            + "|另一家|隔壁某|隔壁(?:大楼|楼|那栋|小区)|对面(?:大楼|楼)|邻居家"
                            // 国外有人充电宝爆炸, 有间工厂爆炸, 一男子醉驾, 一居民楼起火: news of someone else
                            + "|国外有人|国外一|外地一|外地某|(?:有|一)间工厂|一(?:名|个)?(?:男子|女子)|居民楼"
                            // 隔壁商场B1起火了, 网点旁边那家火锅店
                            + "|隔壁商场|旁边那家|隔壁那家|对面那家|隔壁街");

    private static boolean isAnotherPartys(String text, Hit hit, List<Hit> hits) {
        int start = clauseStart(text, hit.start());
        Matcher other = ANOTHER_PARTY.matcher(text).region(start, hit.start());
        if (!other.find()) {
            return false;
        }
        // (云途网点旁边那家火锅店着火了: a brand named before the other party only says where it is)
        int after = other.start();
        return hits.stream()
                .noneMatch(
                        brand ->
                                brand.meaning().kind() == Kind.BRAND
                                        && brand.start() >= after
                                        && brand.end() <= clauseEnd(text, hit.end()));
    }

    /** 你们那个"爆炸芋泥波波", 新品「中毒奶盖」: the term is part of a name put in quotes. */
    private static boolean isInAQuotedName(String text, Hit hit) {
        for (int[] quote : quotations(text)) {
            if (quote[0] <= hit.start() && hit.end() <= quote[1]) {
                String before = text.substring(Math.max(0, quote[0] - 3), quote[0]);
                // 被老板一个电话“召回”: the word alone in quotes, in another sense than its own (a
                // quoted claim, “食物中毒事件”, holds more than the word); 抽到"废弃医院"主题: the kind
                // of thing the name names comes after it
                return (quote[0] + 1 == hit.start() && hit.end() == quote[1])
                        // 广告语“召回你的青春”: a slogan's words are the ad's
                        || before.matches(".*(?:那个|这个|那款|这款|新品|新出的|叫|名叫|叫做|广告语|口号|标语|广告词|文案)")
                        || startsWithAnyAt(text, quote[1] + 1, NAMED_KINDS);
            }
        }
        return false;
    }

    /** What a quoted name is the name of: a theme, a series, a campaign, a title. */
    private static final String[] NAMED_KINDS = {
        "主题", "系列", "活动", "称号", "剧本", "关卡", "副本", "款", "那章", "一章", "章", "那节", "一课"
    };

    /**
     * 烫到能煎蛋——开玩笑的，其实就温温的; 要是哪天真爆炸了我第一个跑路。开玩笑的: the writer takes the severe word back as a joke,
     * right after it (拿女生身材开玩笑 is an ad's joke at people, not a retraction).
     */
    private static boolean isJokeTakenBack(String text, Hit hit) {
        return startsAnywhereIn(
                text, hit.end(), Math.min(text.length(), hit.end() + 25), JOKE_TAKEN_BACK);
    }

    /** 后厨燃气泄漏应急演练, 火灾逃生演习: what the clause goes on to call a drill did not happen. */
    private static boolean isADrill(String text, Hit hit) {
        return startsAnywhereIn(text, hit.end(), clauseEnd(text, hit.end()), DRILL);
    }

    private static final String[] DRILL = {"演练", "演习", "培训"}; // 火灾逃生培训

    /** Does one of {@code words} start at a position in {@code [from, to)}? */
    private static boolean startsAnywhereIn(String text, int from, int to, String[] words) {
        for (int i = from; i < to; i++) {
            if (startsWithAnyAt(text, i, words)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] JOKE_TAKEN_BACK = {
        "开玩笑的", "开玩笑啦", "开玩笑而已", "开个玩笑", "（开玩笑", "(开玩笑", "骗你的", "逗你的", "开玩笑哈"
    };

    /**
     * The product cleared in the writer's words (医生说跟奶粉没关系, 错怪了), not the brand's denial quoted
     * (客服原话："过敏 是个人体质问题，和产品无关"): the harm told is not the brand's. Blaming oneself is no such sign:
     * 怪我没注意 comes with spoiled meat that still harmed, and 手抖 is a symptom or anger.
     */
    private static boolean isNotTheBrandsDoing(String text) {
        return isClearedInTheWritersWords(text, CLEARED);
    }

    /**
     * Does {@code clearing} say it in the post, in words the writer did not take from the brand
     * (官方说是谣言 is the brand's denial)?
     */
    private static boolean isClearedInTheWritersWords(String text, Pattern clearing) {
        Matcher cleared = clearing.matcher(text);
        while (cleared.find()) {
            if (!THEIR_WORD
                    .matcher(text)
                    .region(saidFrom(text, cleared.start()), cleared.end())
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the words before {@code at} were said: back to the sentence's start, at most 20 chars.
     */
    private static int saidFrom(String text, int at) {
        return Math.max(sentenceStart(text, at), at - 20);
    }

    /** A rumour called one, not 不是谣言 (the writer insisting it is true). */
    private static final Pattern RUMOUR_CLEARED =
            Pattern.compile(
                    "辟谣|(?<![不非])(?:是|系|纯属|为)谣言|谣言别|老谣言|已经?澄清|是p的|p图"
                            // 标题'北岸奶茶店着火了'…点进去是店员在表演火焰奶茶……标题党; 热搜'星河爆炸'…虚惊
                            + "|标题党|虚惊|不攻自破"
                            // 网传…那张图，查了一下是三年前的旧图
                            + "|(?<![不非])是[^，,。！!？?]{0,6}(?:旧图|老图|旧闻)");

    private static final Pattern CLEARED =
            Pattern.compile(
                    "(?:跟|和|与)[^，。,！!？?；;]{0,10}(?:没关系|没有关系|冇关系|无关)|错怪|冤枉了"
                            // 结果是冰箱里放了一周的剩菜…鼎味背锅了
                            + "|背锅|背黑锅"
                            // 婆婆非拉去医院查…结果体检一切正常，医生说很健康: the visit found nothing
                            + "|(?:体检|检查|结果)[^，。,！!？?；;]{0,6}(?:一切正常|都正常)|医生说[^，。,！!？?；;]{0,4}(?:很健康|一切正常)"
                            // 不怪北岸哈，是我自己…: cleared, the writer taking the blame (不怪青柠。但今天…
                            // goes on to blame it)
                            + "|不怪[^，。,！!？?；;]{1,8}[，,。！!]\\s*(?:是|都是|全是)?(?:我|自己)");

    /**
     * 向山区卫生院捐赠急救手表, 捐赠50万元用于烧伤患儿的治疗: a donation, its harm words the need it meets; unless something
     * was eaten, drunk or used (then a harm may follow it).
     */
    private static boolean isAGift(String text, List<Hit> hits) {
        return DONATION.matcher(text).find()
                && hits.stream().noneMatch(hit -> hit.meaning().kind() == Kind.USE);
    }

    private static final Pattern DONATION = Pattern.compile("捐赠|捐款|捐助|捐出|捐了|做公益|公益活动|义诊|慰问");

    /** Who speaks for the brand or the other side: their denial clears nothing. */
    private static final Pattern THEIR_WORD = Pattern.compile("客服|商家|官方|店家|店员|厂家|品牌方|他们|对方|你们");

    /** A harm term, or a severe term on the same characters as one (住院 is both). */
    private static boolean isHarmWord(Hit hit, List<Hit> harms) {
        for (Hit harm : harms) {
            if (harm.start() == hit.start() && harm.end() == hit.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * 我喺急诊做护士, 夜班…护士站集体点了青柠，急诊科今晚全靠这杯续命: the place of care is where the writer works, told in the
     * same sentence, with no harm to anyone told there.
     */
    private static boolean isAWorkplace(String text, Hit hit, List<Hit> hits) {
        if (!WORKPLACES_OF_CARE.contains(hit.term())) {
            return false; // 两个夜班员工吸入浓烟送医: care given, whoever works where
        }
        int from = sentenceStart(text, hit.start());
        int to = sentenceEnd(text, hit.end());
        // 夜班护士下班前的仪式感：…。今晚急诊科收了十几个病人: the writer says what they do in the
        // post's opening sentence, and it holds for the sentences after it
        Matcher work = WORK_AT_CARE.matcher(text).region(from, to);
        if (!work.find()) {
            work = WORK_AT_CARE.matcher(text).region(0, sentenceEnd(text, 0));
            if (!work.lookingAt()) {
                return false;
            }
        }
        // (作为ICU医生: the doctor the writer is tells no harm)
        int[] worker = {work.start(), work.end()};
        return hits.stream()
                .noneMatch(
                        other ->
                                other.meaning().kind() == Kind.HARM
                                        && !CARE.equals(other.meaning().tag())
                                        && other.start() >= from
                                        && other.end() <= to
                                        && !(other.start() >= worker[0]
                                                && other.end() <= worker[1]));
    }

    private static final Set<String> WORKPLACES_OF_CARE =
            Set.of("医院", "在医院", "喺医院", "急诊", "急诊室", "急诊科", "icu", "抢救", "抢救室");

    private static final Pattern WORK_AT_CARE =
            Pattern.compile(
                    "值班|值完|值夜|夜班|夜更|大夜|做护士|当护士|护士站|护士长|药剂师|主任|轮班|医护人员|规培|实习医生"
                            // 牙科诊所前台, 急诊科同事: who works there, not who was treated
                            + "|前台|科同事|科的同事|科护士"
                            // 作为ICU医生说一句: the writer's own work
                            + "|作为[^，,。]{0,6}(?:医生|护士|医护)");

    /**
     * 住院部楼下的咖啡, 医院门口那家: a place of care that only says where; 烂脸星人, 过敏体质, 过敏肌: a kind of person,
     * not harm done.
     */
    private static boolean isAPlaceOrAKindOfPerson(String text, Hit hit) {
        int after = hit.end();
        if (text.startsWith("部", after)) {
            after++;
        }
        for (String where :
                new String[] {"楼下", "门口", "旁边", "附近", "对面", "隔壁", "楼上", "病房门口", "门诊楼"}) {
            if (text.startsWith(where, after)) {
                return true;
            }
        }
        for (String kind : new String[] {"星人", "党", "体质", "肌"}) { // 过敏肌救星: a skin type
            if (text.startsWith(kind, hit.end())) {
                return true;
            }
        }
        // 产科医生老公, 医生朋友推荐的, 牙科诊所前台: someone who works there
        if (startsWithAnyAt(text, hit.end(), WHO_WORKS_THERE)) {
            return true;
        }
        return isASimile(text, hit);
    }

    private static final String[] WHO_WORKS_THERE = {
        "老公", "老婆", "朋友", "闺蜜", "男友", "女友", "男朋友", "女朋友", "同学", "前台"
    };

    /**
     * 像医院走廊的墙, 跟医院一样白: the place is what something looks like. Not 好像医院说…, where 像 is "it seems": a
     * simile names what is alike (走廊, 一样, 的味道) in the same clause.
     */
    private static boolean isASimile(String text, Hit hit) {
        int start = hit.start();
        if (!(text.startsWith("像", start - 1) || text.startsWith("跟", start - 1))) {
            return false;
        }
        int end = Math.min(clauseEnd(text, hit.end()), hit.end() + 8);
        return ALIKE.matcher(text).region(hit.end(), end).lookingAt();
    }

    private static final Pattern ALIKE =
            // (像医院打吊瓶那种塑料杯: 那种 names the kind it is like)
            Pattern.compile(".{0,4}?(?:一样|似的|一般|那样|那种|走廊|的墙|墙|病房|的味道|味|的颜色|风)");

    /**
     * 我是真的中毒了，连续回购第五次; 回购三次了，已经中毒: poisoned means hooked where the sentence tells of buying again
     * or not being able to stop.
     */
    private static boolean isHooked(String text, Hit hit) {
        if (!hit.term().endsWith("中毒")) {
            return false;
        }
        int from = Math.max(sentenceStart(text, hit.start()), hit.start() - 12);
        int to = Math.min(sentenceEnd(text, hit.end()), hit.end() + 12);
        return HOOKED.matcher(text).region(from, to).find();
    }

    /**
     * KPI爆炸, 血压爆炸, 收视率爆炸, 热搜'星河爆炸'…是个综艺: 爆炸 tells of a real explosion only where its sentence names
     * a thing that can explode or what one does (a phone, a battery on charge, a boiler, gas, a
     * bang, fire); in the development set every one of the 11 real explosions does, and none of the
     * 264 other posts with 爆炸 is a crisis.
     */
    private static boolean isAnExplosionOfNothing(String text, Hit hit) {
        if (!hit.term().equals("爆炸")) {
            return false;
        }
        return !EXPLOSIVE
                .matcher(text)
                .region(sentenceStart(text, hit.start()), sentenceEnd(text, hit.end()))
                .find();
    }

    /**
     * 想它想到快住院了, 追剧追到ICU, 心跳快到要进ICU: a stay in hospital after 到 tells how far a feeling, a longing
     * or a pastime went. Only those: what went that far by eating, drinking, using or a symptom
     * (吃到住院, 拉到进医院, 过敏到住院) is a report.
     */
    private static boolean isADegreeReached(String text, Hit hit) {
        if (!CARE_REACHED.contains(hit.term())) {
            return false;
        }
        int from = Math.max(clauseStart(text, hit.start()), hit.start() - 8);
        return DEGREE_REACHED.matcher(text).region(from, hit.start()).find();
    }

    private static final Set<String> CARE_REACHED =
            Set.of("住院", "icu", "进icu", "医院", "进医院", "急诊", "抢救", "送医");

    private static final Pattern DEGREE_REACHED =
            Pattern.compile(
                    "(?:[想追笑哭累忙卷学熬肝刷看玩快美帅甜馋爽嗨]|感动|激动|开心|兴奋|心动|上头|好看|可爱)"
                            + "到(?:快要|快|要|差点|差啲|直接)?进?$");

    /**
     * 药剂科日常：今天又有阿姨拿过期三年的感冒药来问, 做律师第六年，今天又帮当事人起诉前夫, 法律系期末…刑法一堆诈骗罪: the writer's work, told before
     * the term, is where the term comes from: the cases of patients and clients. Only where no
     * brand is named and nothing is eaten, drunk or used before the term, and nothing is used in
     * its sentence (夜班护士一枚。喝了青柠咖啡的新品后上吐下泻 is the nurse's own harm).
     */
    private static boolean isTheWritersCasework(String text, Hit hit, List<Hit> hits) {
        // (急诊护理师的日常: the work may name the place right after it)
        int told = Math.min(text.length(), hit.end() + 4);
        if (!WRITERS_WORK.matcher(text).region(0, told).find()) {
            return false;
        }
        int sentenceEnd = sentenceEnd(text, hit.end());
        for (Hit other : hits) {
            Kind kind = other.meaning().kind();
            if ((kind == Kind.BRAND && other.start() < hit.start())
                    || (kind == Kind.USE && other.start() < sentenceEnd)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern WRITERS_WORK =
            Pattern.compile(
                    // (not 值班 or 当事人: a store's duty manager, a news story's victim)
                    "药剂科|药剂师|科日常|医学生|护理师|护士一枚|医生一枚|门诊又|下班吐槽|规培|夜班护士"
                            + "|做律师|当律师|律师第|作为律师|律师一枚|律所|法院实习|在法院|法律系|刑法|卷宗"
                            // 律师朋友说最近接了好多诈骗的案子: a friend's cases, told
                            + "|律师朋友|医生朋友|派出所夜班|在派出所|我是药师|药师一枚|当药师");

    /**
     * 我要起诉我室友！, 建议召回我男朋友, 男朋友说要起诉我蓄意谋杀他的心脏: a suit or a recall of the writer (我, not 我们) or of the
     * writer's own people or things is a joke.
     */
    private static boolean isAJokeAtOnesOwn(String text, Hit hit) {
        return (hit.term().contains("起诉") || hit.term().contains("召回"))
                && ONES_OWN.matcher(text).region(hit.end(), text.length()).lookingAt();
    }

    private static final Pattern ONES_OWN = Pattern.compile("我(?!们)");

    /** 我对周一过敏, 对北岸排队这件事我已经过敏了: an allergy to a day, to work or to queueing is a dislike. */
    private static boolean isAnAllergyToLife(String text, Hit hit) {
        return hit.term().contains("过敏")
                && ALLERGIC_TO_LIFE
                        .matcher(text)
                        .region(clauseStart(text, hit.start()), hit.start())
                        .find();
    }

    private static final Pattern ALLERGIC_TO_LIFE =
            Pattern.compile(
                    "对[^，,。！!？?]{0,8}?(?:周一|星期一|礼拜一|上班|早八|早起|加班|工作|学习|考试|排队|开会|老板|甲方|人类"
                            + "|社交|减肥|作业|数学|班味)");

    /** 我宣布召回上周说的“再也不喝青柠”这句话: what is recalled in its sentence is something said, not a product. */
    private static boolean isAStatementRecalled(String text, Hit hit) {
        if (!hit.term().contains("召回")) {
            return false;
        }
        int to = Math.min(sentenceEnd(text, hit.end()), hit.end() + 24);
        return STATEMENT.matcher(text).region(hit.end(), to).find();
    }

    private static final Pattern STATEMENT = Pattern.compile("这句|那句|这番话|那番话|说过的话|发言|誓言|毒誓|flag");

    /**
     * 钱包已中毒身亡, 打工人的钱包已经在ICU躺着了, 钱包要报警了: what befalls the wallet in the clause is what the writer
     * spent.
     */
    private static boolean isTheWallets(String text, Hit hit) {
        return WALLET.matcher(text).region(clauseStart(text, hit.start()), hit.start()).find();
    }

    /** 吐了，北岸新品难喝到我怀疑人生; 我吐了家人们: 吐了 opening a post, before anything happened in it, is a groan. */
    private static boolean isAnOpeningGroan(String text, Hit hit) {
        if (!hit.term().equals("吐了")) {
            return false;
        }
        Matcher groan = OPENING_GROAN.matcher(text);
        return groan.lookingAt() && hit.end() <= groan.end();
    }

    private static final Pattern OPENING_GROAN =
            Pattern.compile("\\s*(?:我|真的|我真的)?吐了(?:吐了)?(?:[，,。！!～~ …]|家人们|姐妹们|兄弟们|宝子们)");

    private static final Pattern WALLET = Pattern.compile("钱包|荷包|银包|钱袋");

    private static final Pattern EXPLOSIVE =
            Pattern.compile(
                    "手机|手表|电池|充电|电瓶|移动电源|锅炉|燃气|煤气|天然气|液化气|气罐|气瓶|高压锅|压力锅|热水器|微波炉|烤箱"
                            + "|电器|插座|插头|平板|电脑|耳机|机器|设备|机身|咖啡机|蒸汽|工厂|仓库|厂房|后厨|厨房|门店|店里|店内|车间"
                            + "|发生|突然|砰|巨响|一声|炸伤|炸开|起火|着火|冒烟|火灾|烧(?!眉毛)|伤|送医|身亡|死亡|爆炸案|袭击");

    private static final Pattern HOOKED =
            Pattern.compile(
                    "回购|复购|上瘾|戒不掉|戒唔甩|停不下来|离不开|天天(?:喝|吃|买|用|想)|每天都(?:要|想|在)|入坑|续命"
                            // 喝了一次就中毒 现在每天下午三点准时想它
                            + "|每天[^，。！？,.!?]{0,6}想|想它|馋它");

    /**
     * 一杯美式喝出了刷锅水的味道: what was found by eating or drinking is a taste, not a thing in it (喝出了 is a
     * foreign body's verb too).
     */
    private static boolean isATasteFound(String text, Hit hit) {
        String term = hit.term();
        return (term.startsWith("吃出") || term.startsWith("喝出"))
                && TASTE_FOUND
                        .matcher(text)
                        .region(hit.end(), Math.min(clauseEnd(text, hit.end()), hit.end() + 10))
                        .find();
    }

    private static final Pattern TASTE_FOUND = Pattern.compile("味道|味儿|口感|滋味|感觉");

    /** 有少少发烧: a problem term (少发) that a harm term (发烧) cuts in two is not what is said. */
    private static boolean isCutByHarm(Hit hit, List<Hit> harms) {
        for (Hit harm : harms) {
            if (harm.start() < hit.end()
                    && hit.start() < harm.end()
                    && (harm.start() > hit.start() || harm.end() < hit.end())
                    && (hit.start() > harm.start() || hit.end() < harm.end())) {
                return true;
            }
        }
        return false;
    }

    /** 红屁屁好了, 疹子消了, 烧退了: a symptom told as gone, not as harm done. */
    private static boolean isHealed(String text, Hit hit) {
        return HEALED.matcher(text).region(hit.end(), text.length()).lookingAt();
    }

    /** Gone right after the term, or after a short while told (泛红两天就消了, 红疹三个小时就退了). */
    private static final Pattern HEALED =
            Pattern.compile(
                    "(?:[0-9一两二三四五六七八九十几半]{1,3}(?:天|个?小时|个?星期|周|个?礼拜)就?)?"
                            + "(?:好了|好多了|消了|退了|全好了|都好了|没了)");

    /** An inspection passed: 全部合格, 均达标, 未检出 (not 不合格). */
    private static final Pattern PASSED =
            Pattern.compile(
                    "(?:全部|均|全数|全都|都|均已|悉数)(?:合格|达标|符合(?:国家)?标准)|未检出|零不合格"
                            // 复检结果显示，该批次产品各项指标符合国家标准
                            + "|各项指标(?:均)?(?:合格|符合)"
                            // 消防验收与食品安全检查均一次通过 (not 都通过12315投诉了: 通过 is also "by way of")
                            + "|(?:检查|验收|检测|抽检|审核)(?:我们)?(?:均|全部)(?:已)?(?:一次)?通过"
                            // 年度食品安全检查已顺利通过
                            + "|(?:检查|验收|检测|抽检|审核)已?顺利通过"
                            // 本季全系列产品已通过SGS重金属检验
                            + "|(?:已|均已|顺利)通过[^，,。！!？?]{0,10}(?:检验|检测|检查|抽检|认证|验收)");

    /** 并非个例, 并非第一次: the claim is not alone, so it stands. */
    private static final Pattern NOT_ALONE = Pattern.compile("并非(?:个例|孤例|偶然|首次|第一次|一次|只有)");

    /** Words that call a claim untrue. */
    private static final String[] UNTRUE = {
        "不实",
        "是谣言",
        "系谣言",
        "纯属谣言",
        "为谣言",
        "是假的",
        "内容不实",
        "消息不实",
        "说法不实",
        "不属实",
        "并不属实",
        "纯属虚构",
        // 网传“…殴打老人”视频中的男子并非云途员工; 网传“…致人中毒”系多年前旧图拼接; 回应“偷吃外卖”：系误会
        "并非",
        "旧图",
        "系误会",
        "是误会",
        "纯属误会",
        // 疯传的“星河手机充电爆炸”视频，消防部门说明了是别的牌子的充电宝，跟星河无关
        "无关",
        "别的牌子",
        "其他品牌"
    };

    /**
     * 一点不耐烦都没有, 异味也没有: denied after the term; 网传"含激素"不实, 網傳「超標」內容不實: a claim quoted and called
     * untrue; 網傳「含激素」，經檢測並無此成分，網傳內容不實: called untrue later in the same sentence (not 不是谣言).
     */
    private static boolean isDeniedAfter(String text, Hit hit) {
        // 抽查鼎味8间分店，样本全部合格: an inspection passed, later in the sentence
        if (PASSED.matcher(text).region(hit.end(), sentenceEnd(text, hit.end())).find()) {
            return true;
        }
        // 已通过第三方重金属检验: the term is what the passed check was of (only 通过 reads so; the
        // test runs for every hit, so the cheap contains first)
        if (text.contains("通过")) {
            Matcher around =
                    PASSED.matcher(text)
                            .region(sentenceStart(text, hit.start()), sentenceEnd(text, hit.end()));
            while (around.find()) {
                if (around.start() <= hit.start() && hit.end() <= around.end()) {
                    return true;
                }
            }
        }
        for (String denial :
                new String[] {"都没有", "也没有", "都没", "都冇", "一点都没有", "一次都没", "一次也没", "从来没"}) {
            if (text.startsWith(denial, hit.end())) {
                return true;
            }
        }
        int after = hit.end();
        // 网传“暖暖奶粉检出三聚氰胺”不实: the whole quoted claim is what is called untrue
        for (int[] quoted : quotations(text)) {
            if (quoted[0] < hit.start() && hit.end() <= quoted[1]) {
                after = quoted[1];
                break;
            }
        }
        while (after < text.length() && "”\"」』’' ".indexOf(text.charAt(after)) >= 0) {
            after++;
        }
        if (after == hit.end()) {
            return false; // not the end of a quoted claim
        }
        for (String untrue : UNTRUE) {
            if (text.startsWith(untrue, after)) {
                return true;
            }
        }
        for (int i = after; i < text.length() && "。！!？?；;\n".indexOf(text.charAt(i)) < 0; i++) {
            for (String untrue : UNTRUE) {
                if (text.startsWith(untrue, i)
                        && "不非没".indexOf(text.charAt(i - 1)) < 0
                        && !NOT_ALONE.matcher(text).region(i, text.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * 派不派件, 发不发货, 抵唔抵, 处理不处理: the A-not-A question asks; 不派件 is not stated. A is the term's first
     * one or two characters after the negation.
     */
    private static boolean isAChoiceAsked(String text, Hit hit) {
        String term = hit.term();
        if (term.length() < 2 || "不没唔".indexOf(term.charAt(0)) < 0) {
            return false;
        }
        for (int a = 1; a <= Math.min(2, term.length() - 1); a++) {
            if (hit.start() >= a && text.regionMatches(hit.start() - a, term, 1, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNegated(String text, Hit hit) {
        for (String negator : NEGATORS) {
            int at = hit.start() - negator.length();
            if (text.startsWith(negator, at)
                    && !(negator.equals("别") && asksToStop(text, at))
                    // 淡得像刷锅水 is a complaint by simile; only a severe word is made figurative
                    && !(negator.equals(SIMILE) && !isSevere(hit))
                    && !(negator.equals("不是")
                            && (RhetoricalQuestions.askedBackAt(text, hit.end())
                                    || isEitherOr(text, hit)))
                    // 真会踢皮球: good at it, in scorn; it happens
                    && !(negator.equals("会")
                            && at > 0
                            && "真很太挺".indexOf(text.charAt(at - 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 夏天小贴士：…记得第一时间放冰箱，放久了容易坏，吃坏肚子可不值; 提醒大家手机充电不要放枕头下面，…过热真的有风险: in a post that opens as a tip, a
     * sentence of advice or risk tells what to avoid, not what happened (提醒大家不要整夜充电。凌晨三点我爸…: the
     * next sentence reports).
     */
    private static boolean isATipsAdvice(String text, Hit hit) {
        if (!TIP.matcher(text).region(0, Math.min(text.length(), TIP_OPENING)).find()) {
            return false;
        }
        return ADVICE.matcher(text)
                .region(sentenceStart(text, hit.start()), sentenceEnd(text, hit.end()))
                .find();
    }

    /** How far into a post the words that make it a tip come (after a repost's //@name:). */
    private static final int TIP_OPENING = 16;

    private static final Pattern TIP = Pattern.compile("小贴士|温馨提示|提醒大家|提醒各位|友情提示|安全提示");

    private static final Pattern ADVICE =
            Pattern.compile("记得|不要|请勿|尽量|建议|有可能|可能会|可能导致|容易|有风险|以免|谨防|小心");

    /** Words that open a supposition: what follows in their clause has not happened. */
    private static final String[] SUPPOSING = {
        "如果", "要是", "假如", "万一", "假设", "若是", "如若", "如遇", "若遇" // 如遇顾客突发不适: a notice's case
    };

    /**
     * A belief the writer had and dropped (差点以为要进医院, 还以为是过敏): what follows in its clause did not
     * happen. Only its own clause: in 以为没事，结果住院了 the next clause reports.
     */
    private static final String[] MISTAKEN = {"以为"};

    /**
     * 昨晚梦到北岸着火了: what follows in the clause was dreamt; 迟早咖啡因中毒: foretold; 模拟仓库起火: a drill's
     * scenario. None of it happened.
     */
    private static final String[] UNREAL = {
        "梦到",
        "梦见",
        "做梦",
        "迟早",
        "模拟",
        // 网文里写了个反派在奶茶里投毒: fiction
        "网文里",
        "小说", // 这本科幻小说飞船爆炸那一章
        "剧里",
        "剧中",
        "电影里",
        "游戏里",
        // 条款里写烧烫伤也能赔: what an insurance policy covers
        "条款里",
        "条款写",
        // 剧本杀玩了个投毒本, 狼人杀…女巫一瓶毒药: a game's plot
        "剧本杀",
        "狼人杀",
        // 假装中毒倒地, 过家家: play
        "假装",
        "过家家",
        // 看完一部剧，女主在店里吃出一枚戒指: a drama's heroine or hero
        "女主",
        "男主",
        // 女二被毒死那集, 又是食物中毒剧情, 新副本boss一直放毒圈
        "女二",
        "男二",
        "剧情",
        "编剧",
        "副本",
        "boss"
    };

    /** After a supposing word, the opposite of what happened (如果不是我发现得早). */
    private static final String[] COUNTERFACTUAL = {"不是", "没有", "没"};

    /**
     * 要是哪天手机真爆炸了, 电池如果鼓包了会不会…: the clause supposes the term, it does not report it. 如果不是我发现得早
     * supposes the opposite of what happened, so the term after it did happen.
     */
    private static boolean isSupposed(String text, Hit hit) {
        if (isOpenedBy(text, hit, SUPPOSING, COUNTERFACTUAL)
                || isOpenedBy(text, hit, MISTAKEN, NOTHING)
                || isOpenedBy(text, hit, UNREAL, NOTHING)) {
            return true;
        }
        // 我妈说我再喝奶茶就要把我送医院洗胃: what would follow if it happened again (再…就要)
        int start = clauseStart(text, hit.start());
        if (IF_AGAIN.matcher(text).region(start, hit.start()).find()) {
            return true;
        }
        // 要是哪天云途把我的显卡弄丢了，我大概会当场去世: the clause after a supposition is its consequence
        if (start == 0 || "，,".indexOf(text.charAt(start - 1)) < 0) {
            return false;
        }
        int previous = clauseStart(text, start - 1);
        for (String supposing : SUPPOSING) {
            if (text.startsWith(supposing, previous)
                    && !startsWithAnyAt(text, previous + supposing.length(), COUNTERFACTUAL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 再喝就要住院了: a consequence of doing it again, not something that happened (再也不 is no condition).
     */
    private static final Pattern IF_AGAIN = Pattern.compile("再(?![也次])[^，,。！!？?]{1,10}?就(?:要|会|得)");

    /** A worry asked before a term, in its clause (会不会爆痘): the clause asks, it does not report. */
    private static final String[] WORRIES = {"会不会", "会唔会"};

    private static final String[] NOTHING = {};

    /** Right after a term, words that make the question that ends its clause a supposition. */
    private static final String[] IF_IT_DOES = {
        "了是", "了会", "的话", "了的话", "以后是", "以后会", "之后是", "之后会"
    };

    private static final String[] WORRIED = {"担心", "生怕", "惊佢", "又惊"};

    /**
     * 怕囤多了喝不完过期: a fear, earlier in the clause, of what has not happened; not 可怕, 恐怕 (it probably
     * is), 后怕 or 怕了 (scared now by what did) or 怕是.
     */
    private static boolean isFeared(String text, Hit hit) {
        // 一直担心湿巾会让宝宝过敏: a worry, earlier in the clause, of what has not happened
        if (isOpenedBy(text, hit, WORRIED, NOTHING)) {
            return true;
        }
        int start = clauseStart(text, hit.start());
        for (int at = text.indexOf('怕', start); at >= 0 && at < hit.start(); ) {
            boolean fear =
                    (at == 0 || "可恐后".indexOf(text.charAt(at - 1)) < 0)
                            && at + 1 < text.length()
                            && "了是".indexOf(text.charAt(at + 1)) < 0;
            if (fear) {
                return true;
            }
            at = text.indexOf('怕', at + 1);
        }
        return false;
    }

    /**
     * Does one of these words stand before the term in its clause, not followed by one of {@code
     * unless}?
     */
    private static boolean isOpenedBy(String text, Hit hit, String[] words, String[] unless) {
        int start = clauseStart(text, hit.start());
        for (String word : words) {
            int at = text.indexOf(word, start);
            if (at >= 0
                    && at + word.length() <= hit.start()
                    && !startsWithAnyAt(text, at + word.length(), unless)) {
                return true;
            }
        }
        return false;
    }

    /** 不是占线就是排队: one of two things that both went wrong, not a negation. */
    private static boolean isEitherOr(String text, Hit hit) {
        int end = clauseEnd(text, hit.end());
        int or = text.indexOf("就是", hit.end());
        return or >= 0 && or < end;
    }

    /** 能不能别复制粘贴了: asked to stop, so it happens. */
    private static boolean asksToStop(String text, int at) {
        for (String ask : new String[] {"能不能", "可不可以", "能", "可以", "请", "求求你们"}) {
            if (text.startsWith(ask, at - ask.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A clause that ends in a question mark and asks before the term (什么时候过期？: a QUESTION term
     * between the clause's start and the term), or a term followed right away by a question
     * particle (会中毒吗) or, at the clause's end, a particle of guessing (中毒吧, 中毒掛).
     */
    private static boolean asksAbout(String text, Hit hit, List<Hit> hits) {
        int end = hit.end();
        if (isAssertedByAsking(text, hit)) {
            return false;
        }
        if (end < text.length() && "吗么嘛?？".indexOf(text.charAt(end)) >= 0) {
            return true;
        }
        // 应该唔会咖啡因中毒掛😂 (normalized 挂), 不会中毒吧: a guess that ends the clause, not a
        // report
        if (end < text.length()
                && "吧啩挂".indexOf(text.charAt(end)) >= 0
                && (end + 1 == text.length()
                        || text.charAt(end + 1) == '哈' // a laugh after it (中毒吧哈哈)
                        || Character.UnicodeScript.of(text.charAt(end + 1))
                                != Character.UnicodeScript.HAN)) {
            return true;
        }
        if (end + 1 < text.length() && text.charAt(end) == '了' && text.charAt(end + 1) == '吗') {
            return true;
        }
        int clauseStart = clauseStart(text, hit.start());
        // 会不会爆痘爆到毁容😂: a worry asked, whatever ends the clause
        if (isOpenedBy(text, hit, WORRIES, NOTHING) || isFeared(text, hit)) {
            return true;
        }
        // 过期了是直接清零吗？, 过期的话能退吗？: what would follow it is asked, so it is supposed
        if (startsWithAnyAt(text, end, IF_IT_DOES) && endsInAQuestionMark(text, hit)) {
            return true;
        }
        // 想问下会员积分什么时候过期: asked, though the writer left off the question mark
        boolean askedInWords = isAskedInWords(text, clauseStart, hit, hits);
        if (!askedInWords && !endsInAQuestionMark(text, hit)) {
            return false;
        }
        // 是真的还是诈骗啊？: one of two things asked about
        if (text.startsWith("还是", hit.start() - 2)) {
            return true;
        }
        for (Hit asking : hits) {
            if (asking.meaning().kind() == Kind.QUESTION
                    && asking.start() >= clauseStart
                    && asking.end() <= hit.start()
                    && !HOW_OR_WHY.contains(asking.term())) {
                return true;
            }
        }
        return false;
    }

    /** Words before a term that, asked back, say it is so: 这不就是欺诈吗, 这不正是虚标吗. */
    private static final String[] ISNT_IT = {"不就是", "不正是", "不就系"};

    /** 这不就是欺诈吗？: a question that asserts the term, so it is no question about it. */
    private static boolean isAssertedByAsking(String text, Hit hit) {
        for (String isntIt : ISNT_IT) {
            if (text.startsWith(isntIt, hit.start() - isntIt.length())
                    && RhetoricalQuestions.askedBackAt(text, hit.end())) {
                return true;
            }
        }
        return false;
    }

    /** 信息到底怎么泄露出去的？: asking how or why it happened says that it did. */
    private static final Set<String> HOW_OR_WHY = Set.of("怎么", "为什么", "为啥", "怎么会", "咋", "点解");

    /**
     * The questions and requests the writer makes in their own text: not in a repost, not in quoted
     * speech (“还有别的问题吗”), not in a rhetorical clause (凭什么？) or a thank-you.
     */
    private static List<Hit> asking(String text, List<Hit> hits, SocialMarkup markup) {
        List<int[]> notAsked = new ArrayList<>(0);
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.RHETORICAL
                    && !isSignOff(text, hit, markup.ownTextEnd)) {
                notAsked.add(clause(text, hit));
            }
        }
        notAsked.addAll(quotations(text));
        if (thanksFirst(text, hits)) { // 感谢@客服 帮我换好了: a thank-you asks nothing
            return List.of();
        }
        List<Hit> asking = new ArrayList<>(2);
        for (Hit hit : hits) {
            Kind kind = hit.meaning().kind();
            if ((kind == Kind.QUESTION || kind == Kind.REQUEST)
                    && hit.end() <= markup.ownTextEnd
                    && !inAny(notAsked, hit.start())
                    && !isLeaveOrTreat(text, hit)
                    && !isAskedBefore(text, hit)
                    && !isAskedInAnger(text, hit)
                    && !(kind == Kind.REQUEST && isDoneAlready(text, hit))) {
                asking.add(hit);
            }
        }
        return asking;
    }

    /**
     * 售后两天就帮我把屏幕换好了, 把退款弄好了: what was asked is done, and told in thanks; 客服倒是秒退款了, 第二天就补发了: done,
     * told with 了 after a word of when (not 退款了吗？, which asks).
     */
    private static boolean isDoneAlready(String text, Hit hit) {
        if (DONE.matcher(text).region(hit.end(), clauseEnd(text, hit.end())).find()) {
            return true;
        }
        return text.startsWith("了", hit.end())
                && !startsWithAnyAt(text, hit.end() + 1, ASKED_AFTER)
                && DONE_WHEN.matcher(text).region(Math.max(0, hit.start() - 3), hit.start()).find();
    }

    /** Words after 退款了 that ask whether it was done. */
    private static final String[] ASKED_AFTER = {"吗", "么", "没", "嗎", "未", "？", "?"};

    private static final Pattern DONE_WHEN = Pattern.compile("(?:已|已经|秒|就|都)(?:给我|帮我)?$");

    private static final Pattern DONE = Pattern.compile("(?:好|完|妥|掂)了|搞定|弄好|搞掂");

    /**
     * 留言问了三次能不能用, 问过客服什么时候发, 问客服能不能补差价，回说不保价: a question the writer asked before, or one said
     * across the counter, reported.
     */
    private static boolean isAskedBefore(String text, Hit hit) {
        String before = text.substring(clauseStart(text, hit.start()), hit.start());
        for (String asked :
                new String[] {
                    "问了",
                    "问过",
                    "咨询了",
                    "咨询过",
                    "问咗",
                    "问客服",
                    "问店员",
                    "问商家",
                    "私信问",
                    "私讯问",
                    "粉专问",
                    "留言问",
                    // what the writer told staff, or staff told them (找店员说能不能重做, 打客服说给退5块钱？？？)
                    "店员说",
                    "客服说",
                    "柜台说",
                    "跟他说",
                    "跟她说"
                }) {
            if (before.contains(asked)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 为什么每次吃亏的都是消费者？, 点解客服永远唔覆？: a why asked of what always happens is an outburst, not a question
     * anyone is to answer.
     */
    private static final Pattern ASKED_IN_ANGER =
            Pattern.compile("(?:为什么|为啥|凭什么|点解|怎么会)[^，,。！!？?]*(?:总是|老是|永远|每次|次次|成日|都是)");

    private static boolean isAskedInAnger(String text, Hit hit) {
        int[] clause = clause(text, hit);
        return ASKED_IN_ANGER.matcher(text.substring(clause[0], clause[1])).find();
    }

    /** Words that ask without a question mark: 想问下…, 想知道什么时候过期. */
    private static final String[] ASKING_WORDS = {"想问", "请问", "问下", "问一下", "想知道"};

    /**
     * A clause that says it asks (想问, 请问, 问下: {@link #ASKING_WORDS}) and has a question word before
     * the hit, ending the post with no mark at all (想问下会员积分什么时候过期).
     */
    private static boolean isAskedInWords(String text, int clauseStart, Hit hit, List<Hit> hits) {
        int end = clauseEnd(text, hit.end());
        if (text.substring(end).strip().length() > 0) {
            return false;
        }
        String before = text.substring(clauseStart, hit.start());
        if (Arrays.stream(ASKING_WORDS).noneMatch(before::contains)) {
            return false;
        }
        return hits.stream()
                .anyMatch(
                        q ->
                                q.meaning().kind() == Kind.QUESTION
                                        && q.start() >= clauseStart
                                        && q.end() <= hit.start());
    }

    /** 请 in 请假, 请了病假, 请客: leave taken or a treat, not a request. */
    private static boolean isLeaveOrTreat(String text, Hit hit) {
        if (!hit.term().equals("请")) {
            return false;
        }
        for (String sense : new String[] {"假", "病假", "了假", "了病假", "了一天假", "咗假", "咗病假", "客"}) {
            if (text.startsWith(sense, hit.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Does the post speak to the brand? An @ of the brand or its account; a second person (客服, 你们家,
     * 小编) in an asking clause or called out (小编，请问…); the brand's name called out at the start
     * (鼎味小馆 你们外送…); or the writer's own order or account.
     */
    private static boolean speaksToTheBrand(
            String text, List<Hit> hits, SocialMarkup markup, List<Hit> asking) {
        int own = markup.ownTextEnd;
        for (Hit hit : hits) {
            if (hit.end() > own) {
                continue;
            }
            Kind kind = hit.meaning().kind();
            String tag = hit.meaning().tag();
            boolean inMention = inMention(markup, hit);
            if (inMention) {
                if (kind == Kind.BRAND || "HANDLE".equals(tag)) {
                    return true;
                }
            } else if ("OWN".equals(tag)) {
                return true;
            } else if ("YOU".equals(tag)) {
                if (isContactReported(text, hit)) {
                    continue; // 找客服申请价保说不支持: what the writer did, not what they ask now
                }
                if (calledOut(text, hit)) {
                    return true;
                }
                int[] clause = clause(text, hit);
                // 有人知道星河官方维修点在哪吗？ asks other users about the brand
                if (!anyTagged(hits, OTHERS, clause)) {
                    for (Hit a : asking) {
                        if (a.start() >= clause[0] && a.start() <= clause[1]) {
                            return true;
                        }
                    }
                }
            } else if (kind == Kind.BRAND
                    && text.substring(0, hit.start()).isBlank()
                    && calledOut(text, hit)) {
                return true;
            } else if (kind == Kind.BRAND && isOwnOrderWithTheBrand(text, hit)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] MINE = {"我的", "我嘅", "我个", "我张"};
    private static final String[] ORDER_WORDS = {
        "包裹", "快递", "订单", "外卖", "件", "单", "退款", "会员", "账号", "帐号", "积分"
    };

    /** 我的云途包裹, 我嘅青柠外卖: the writer's own order, with the brand's name inside. */
    private static boolean isOwnOrderWithTheBrand(String text, Hit brand) {
        return endsWithAnyAt(text, brand.start(), MINE)
                && startsWithAnyAt(text, brand.end(), ORDER_WORDS);
    }

    /** Verbs that tell of contacting someone (找客服, 联系了商家, 自称客服): a third person, not an address. */
    private static final String[] CONTACT_VERBS = {
        "找",
        "找了",
        "联系",
        "联系了",
        "问了",
        "问过",
        "打给",
        "打去",
        "打电话去",
        "致电",
        "咨询",
        "咨询了",
        "自称",
        "跟",
        "和",
        "找過",
        "聯繫",
        "聯絡",
        "联络",
        "找过",
        "去问" // 跑去问客服: went and asked, told of
    };

    /**
     * Is a third-person form of the brand (客服, 商家; not 你们) the object of a verb of contact the
     * writer reports (找客服, 联系了商家), someone who claimed to be it (自称客服), or the speaker of reported
     * speech (客服回应称, 商家让我)?
     */
    private static boolean isContactReported(String text, Hit hit) {
        char first = text.charAt(hit.start());
        if (first == '你' || first == '您' || first == '贵') {
            return false;
        }
        return endsWithAnyAt(text, hit.start(), CONTACT_VERBS)
                || startsWithAnyAt(text, hit.end(), REPORTED_SPEECH);
    }

    /** What someone said, reported (客服回应称…, 商家让我…): the one who spoke is a third person. */
    private static final String[] REPORTED_SPEECH = {
        "回应", "表示", "称", "让我", "叫我", "告诉我", "回复我说", "回我说", "跟我说", "和我说", "給我說", "跟我講", "回覆說", "回應",
        "表示會"
    };

    private static boolean anyTagged(List<Hit> hits, String tag, int[] clause) {
        for (Hit hit : hits) {
            if (tag.equals(hit.meaning().tag())
                    && hit.start() >= clause[0]
                    && hit.start() <= clause[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean thanksFirst(String text, List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.RHETORICAL
                    && THANKS.contains(hit.term())
                    // 谢谢你全家@快递官方，…到底什么时候能派送？ thanks nobody
                    && !isInSarcasticThanks(text, hit.start(), hit.end())
                    && (text.substring(0, hit.start()).isBlank()
                            // 给@鲜到家客服 点个赞，…一分钟就退款了: praise handed to the brand first
                            || (text.startsWith("给")
                                    && text.substring(0, hit.start())
                                            .chars()
                                            .noneMatch(c -> "，,。！!？?；;".indexOf(c) >= 0)))) {
                return true;
            }
        }
        return false;
    }

    /** Thanks in scorn: 谢谢你全家. */
    private static final Pattern SARCASTIC_THANKS = Pattern.compile("谢谢你(?:们)?(?:全家|全家人)");

    private static boolean isInSarcasticThanks(String text, int start, int end) {
        Matcher thanks = SARCASTIC_THANKS.matcher(text);
        while (thanks.find()) {
            if (thanks.start() <= start && end <= thanks.end()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> THANKS =
            Set.of("谢谢", "感谢", "多谢", "thanks", "thank you", "点个赞", "点赞");

    /**
     * Something the brand has not done: a negation, then a verb of sending, answering or refunding
     * that no other character turns into another word (没发 but not 没发现, 冇收过 but not 没收藏; 没人收 is
     * nobody at home to take it).
     */
    private static final Pattern UNMET =
            Pattern.compile(
                    "(?:没|未|冇|唔)(?:有|人)? ?"
                            + "(?:(出货|发|寄|派|送|(?<!人)收|更新|动)(?![现票烧展布表生明挥扬家礼藏益入费])"
                            + "|(回|覆|联系|跟进|follow|处理)(?![家来去忆答头顾应])"
                            // (黄疸还没退干净: a symptom)
                            + "|(退)(?![出休役化步烧干]))");

    /**
     * The category of the first thing the writer's {@link #ownWords} say the brand has not done
     * (没发, 三天没更新, 冇收过: LOGISTICS; 没人 follow up, 没回: COMMUNICATION; 没退: PRICE), or null.
     */
    private static String unmetCategory(String ownWords) {
        Matcher m = UNMET.matcher(ownWords);
        if (!m.find()) {
            // 什么时候发货？都一周了: a wait told as long, for one's own delivery
            return WAITED.matcher(ownWords).find() && DELIVERY.matcher(ownWords).find()
                    ? LOGISTICS
                    : null;
        }
        return m.group(1) != null ? LOGISTICS : m.group(2) != null ? COMMUNICATION : "PRICE";
    }

    /**
     * A wait told as too long: 都一周了, 已经十多天了, 派送中已经第四天了, 派送中三天了 (a bare 三天了 in a polite question
     * only says how long it has been).
     */
    private static final Pattern WAITED =
            Pattern.compile("(?:都|已经|已|(?<=[送输递])中)第?[0-9一二两三四五六七八九十几半多]+ ?(?:天|日|周|星期|个月|個月)了");

    /** Words of one's delivery: 发货, 什么时候到, 我的件. */
    private static final Pattern DELIVERY =
            Pattern.compile("发货|出货|寄出|到货|送到|物流|快递|包裹|(?:什么时候|啥时候|几时|何时)(?:能)?(?:到|送)|我的件");

    /** Someone passing for the brand: 冒充客服, 自称云途理赔专员, 扮星河客服. */
    private static final Pattern IMPERSONATION =
            Pattern.compile("冒充|假冒|冒认|自称|扮[^，,。！!？?]{0,6}(?:客服|官方|职员|员工)");

    /** What a scammer could only know from the brand's records: the order, the address, a name. */
    private static final Pattern KNOWN_DETAILS =
            Pattern.compile("单号|订单号|地址|一清二楚|对得上|全名|名字|个资|外泄|泄露|泄漏|漏出|卖了");

    /** The writer's own money gone: 骗走我两千, 呃咗我两千蚊, 被划走3800, 按他说的转了两万. */
    private static final Pattern OWN_LOSS =
            Pattern.compile("骗走我|骗了我|呃咗我|呃了我|我被骗了|被划走|被转走|被扣走|按(?:他|她|对方)说的转");

    /**
     * 有人冒充客服说要理赔…差点被骗，大家小心: a scam in the brand's name, told as a warning, is a crisis (fraud) but
     * no complaint of the brand. It is one when the writer lost money to it, or when the scammer
     * knew what only the brand's records hold (单号、地址全对得上: a leak).
     */
    private static boolean isScamInTheBrandsName(String text) {
        return IMPERSONATION.matcher(text).find()
                && !KNOWN_DETAILS.matcher(text).find()
                && !OWN_LOSS.matcher(text).find();
    }

    /** 拿外地人口音开玩笑, 拿身材说事, 拿女生身材做梗: someone made fun of (a lexicon term cannot hold the gap). */
    private static final Gated MOCKING =
            new Gated(
                    Pattern.compile(
                            "(?:拿|攞)[^，,。！!？?]{1,12}开[^，,。！!？?]{0,4}玩笑"
                                    + "|(?:拿|攞)[^，,。！!？?]{1,8}(?:说事|做梗|当梗|开涮|搞笑)"
                                    // an ad's copy that offends: 文案真的很冒犯, 审美绑架
                                    + "|(?:很|太|好|超)冒犯|审美绑架|物化"
                                    // copy that glorifies harm: 美化熬夜加班
                                    + "|美化(?:熬夜|加班|过劳|酒驾|暴力|自残)"
                                    // anxiety sold, people typecast: 焦虑营销, 刻板的“土味农村”设定
                                    + "|焦虑营销|贩卖焦虑|刻板的|刻板印象|嘲讽|暗讽|不尊重人|唔尊重人"),
                    "拿",
                    "攞",
                    "冒犯",
                    "审美绑架",
                    "物化",
                    "美化",
                    "焦虑",
                    "刻板",
                    "嘲讽",
                    "暗讽",
                    "尊重人");

    /** 余额过期清零了, 储值被清空: the customer's stored money wiped out. */
    private static final Gated BALANCE_WIPED =
            new Gated(Pattern.compile("(?:余额|储值)[^，,。！!？?]{0,6}(?:清零|被清|清空)"), "余额", "储值");

    /** 券…用不了, 代金券…这家不收: a coupon refused. */
    private static final Gated COUPON_REFUSED =
            new Gated(
                    Pattern.compile(
                            "(?:券|优惠码|折扣码|coupon)[^。！!？?]{0,30}"
                                    + "(?:用不了|不能用|用不到|用唔到|不认|不收|唔收|不支持|不参加|不参与|不适用|无法使用|not"
                                    + " applicable|不可用|已失效|不能叠加|不可叠加|不能和[^。！!？?]{1,10}一起用|不能同时用)"),
                    "券",
                    "优惠码",
                    "折扣码",
                    "coupon");

    /** 订了一箱苹果，送来的是一袋洋葱, 下单L码送来是M码: what came is not what was ordered. */
    private static final Gated WRONG_ITEM =
            new Gated(
                    Pattern.compile(
                            "(?:订|买|点|下单)了?[^。！!？?]{1,15}(?:(?:送|寄|发)(?:来|过来|到)|收到)的?"
                                    + "(?:是|竟然是|居然是|却是|变成)"
                                    // 寄来的是02自然色，我订单上写的是01象牙白: told the other way round
                                    + "|(?:送|寄|发)(?:来|过来|到)的(?:是|竟然是|居然是|却是)[^。！!？?]{1,15}"
                                    + "(?:订单上|我订的|我买的|我下单的)[^。！!？?]{0,4}(?:写的是|是)"),
                    "送来",
                    "送过来",
                    "送到",
                    "寄来",
                    "寄过来",
                    "寄到",
                    "发来",
                    "发过来",
                    "发到",
                    "收到");

    /**
     * 送来的一盒鸡蛋碎了6个, 到手压扁了: something delivered arrived damaged (a count or a crush, not only 碎了一半,
     * which the lexicon holds).
     */
    private static final Gated DELIVERED_DAMAGED =
            new Gated(
                    Pattern.compile(
                            "(?:送来|送到|寄来|寄到|到手|送嚟|寄嚟)[^。！!？?]{0,12}"
                                    + "(?:碎了?[0-9一二两三四五六七八九十几半大]|破了[0-9一二两三四五六七八九十几半]"
                                    + "|压扁|压坏|压烂|摔烂|摔坏|摔碎|扁晒)"
                                    // 送嚟嘅雞蛋爛咗一半: eggs that came broken (烂 of vegetables is rot)
                                    + "|(?:送来|送到|寄来|寄到|到手|送嚟|寄嚟)[^。！!？?]{0,3}鸡蛋[^。！!？?]{0,3}烂"
                                    // 鸡蛋碎了6个…外箱也没个缓冲: the count first, the way it came after
                                    + "|碎了[0-9一二两三四五六七八九十几]+[个只颗枚瓶盒][^。！!？?]{0,20}"
                                    + "(?:配送|快递|骑手|运输|缓冲|外箱)"),
                    "送来",
                    "送到",
                    "寄来",
                    "寄到",
                    "到手",
                    "送嚟",
                    "寄嚟",
                    "碎了");

    /**
     * What must come before the count for the short-delivery shape: 只有, 只收到…, or 就 right before a
     * count (就 alone is in a fifth of all posts).
     */
    private static final String[] SHORT_DELIVERED_CUES =
            Stream.concat(
                            Stream.of("只有", "只收到", "只到了", "只来了", "只送"),
                            "一二两三四五六七八九十0123456789".chars().mapToObj(c -> "就" + (char) c))
                    .toArray(String[]::new);

    /** 买了两提纸尿裤，拆开箱子只有一提: fewer came than were bought, counted in the same unit. */
    private static final Gated SHORT_DELIVERED =
            new Gated(
                    Pattern.compile(
                            "(?:买了|订了|下单了?|下了|点了)[^。！!？?]{0,6}[0-9一二两三四五六七八九十]+"
                                    + "([提箱盒袋瓶罐包件个份杯])[^。！!？?]{0,16}"
                                    // 打开袋子就一杯: 就 with the count alone says it too
                                    + "(?:只(?:有|收到|到了|来了|送了|送来)|就)[0-9一二两三四五六七八九十]+\\1"),
                    SHORT_DELIVERED_CUES);

    /** 从80%掉到20%只用了半小时, 早上100%到中午只剩30%: the battery ran down, told by the figures. */
    private static final Gated BATTERY_DRAIN =
            new Gated(
                    Pattern.compile(
                            "[0-9]+ ?%[^。！!？?]{0,8}(?:掉到|掉了|降到|跌到|只剩|就剩)[^0-9。！!？?]{0,2}[0-9]+ ?%"
                                    // 电池一年半就掉到78%: the battery's health worn down
                                    + "|电池[^。！!？?，,]{0,8}(?:掉到|降到|跌到|只剩)[^0-9。！!？?]{0,2}[0-9]+ ?%"
                                    // 用一年就剩七成
                                    + "|电池[^。！!？?]{0,12}(?:只剩|就剩|剩)[一二三四五六七八九]成"),
                    "%",
                    "成");

    /** 把我的燕麦拿铁做成美式, 把少冰做成了去冰: the order made wrong at the counter. */
    private static final Gated MADE_WRONG =
            new Gated(
                    Pattern.compile(
                            "把我的[^，,。！!？?]{1,8}做成|把(?:少冰|去冰|多冰|正常冰|少糖|半糖|无糖|全糖|三分糖|五分糖|七分糖|热的|冰的)做成"),
                    "做成");

    /** 预计送达23:05，实际送达00:20, 预计4点前送达，实际6点10分到: the promised time beside the real one. */
    private static final Gated LATE_AGAINST_ESTIMATE =
            new Gated(
                    Pattern.compile(
                            "预计[^。！!？?]{0,10}(?:送达|到达|送到|到)[^。！!？?]{0,12}实际[^。！!？?]{0,10}"
                                    + "(?<![就提前早])(?:送达|到达|送到|到)"
                                    // 外卖说40分钟，等了快两个小时
                                    + "|说好?[0-9一二两三四五六七八九十半]+(?:分钟|小时)[^。！!？?]{0,6}等了"),
                    "预计",
                    "等了");

    /** 菜单写一份12个，今天数了是9个; 包装写25颗，我数了只有19颗: fewer than the pack or menu says. */
    private static final Gated SHORT_COUNT =
            new Gated(
                    Pattern.compile(
                            "(?:写|标|说)[^。！!？?]{0,8}[0-9一二两三四五六七八九十]+[个颗只片块粒支]"
                                    + "[^。！!？?]{0,10}数了[^。！!？?]{0,4}[0-9一二两三四五六七八九十]+"),
                    "数了");

    /** An amount of money: $99, 4元, 168块. */
    private static final String MONEY = "(?:[¥￥$][0-9.]+|[0-9.]+(?:元|块|蚊))";

    /** 配送费显示4元，结算变成7元; 会员费从$99/年调到$168/年: the price went up on the writer. */
    private static final Gated PRICE_RAISED =
            new Gated(
                    Pattern.compile(MONEY + "[^。！!？?]{0,8}(?:调到|涨到|调成|涨成|变成)" + MONEY),
                    "调到",
                    "涨到",
                    "调成",
                    "涨成",
                    "变成");

    /** 付了32.5，退回来28.5: less came back than was paid. */
    private static final Gated REFUND_SHORT =
            new Gated(
                    Pattern.compile("付了[^。！!？?]{0,4}[0-9.]+[^。！!？?]{0,6}(?:退回来|退回|退了|到账)[0-9.]+"),
                    "付了");

    /**
     * A pattern and literals one of which every match contains: the cheap {@code contains} test
     * runs first, so the regex (many alternatives, no common prefix) runs only on the few posts
     * that can match. Every post is graded, so this is on the analysis' hot path ({@code
     * scripts/bench-analysis}).
     */
    private record Gated(Pattern pattern, String... anyOf) {
        boolean find(String text) {
            for (String literal : anyOf) {
                if (text.contains(literal)) {
                    return pattern.matcher(text).find();
                }
            }
            return false;
        }
    }

    /** A problem told by its shape, which no lexicon term can hold, and the category it fits. */
    private record ToldByShape(Gated shape, String category, int weight) {}

    /**
     * Problems told by their shape: each is a stated problem whatever the tone, and a cue of the
     * category the README's "Complaints" gives it (FITS where it settles the category alone).
     */
    private static final List<ToldByShape> TOLD_BY_SHAPE =
            List.of(
                    // 满99减20券…结算时就是用不了: a coupon refused is money, whatever 用不了 says of things
                    // (到店说这家不收 reads level)
                    new ToldByShape(COUPON_REFUSED, "PRICE", FITS),
                    // 会员卡里的余额过期清零了: stored money wiped is money (过期 there is no hazard)
                    new ToldByShape(BALANCE_WIPED, "PRICE", FITS),
                    // 送来的一盒鸡蛋碎了6个: damaged on the way is LOGISTICS, before PRODUCT_QUALITY,
                    // however the mess inside is told (蛋液糊了)
                    new ToldByShape(DELIVERED_DAMAGED, LOGISTICS, FITS),
                    // 买了两提…只有一提: what was bought did not all come (README "Complaints": missing
                    // items in the parcel are LOGISTICS)
                    new ToldByShape(SHORT_DELIVERED, LOGISTICS, FITS),
                    // 从80%掉到20%: the thing itself fails
                    new ToldByShape(BATTERY_DRAIN, PRODUCT_QUALITY, 2),
                    // 数了只有19颗: short, told by a count alone
                    new ToldByShape(SHORT_COUNT, PRODUCT_QUALITY, 2),
                    // 结算变成7元, 付了32.5，退回来28.5: money, told by the amounts alone
                    new ToldByShape(PRICE_RAISED, "PRICE", FITS),
                    new ToldByShape(REFUND_SHORT, "PRICE", FITS),
                    // 预计送达23:05，实际送达00:20: late, told by the clock alone
                    new ToldByShape(LATE_AGAINST_ESTIMATE, LOGISTICS, 2),
                    // 把我的燕麦拿铁做成美式: the counter made it wrong
                    new ToldByShape(MADE_WRONG, SERVICE, 2));

    /** Being moved to tears: 感动哭了, 泪目, 好暖心 (not 感动中国, a prize's name). */
    private static final Gated MOVED =
            new Gated(
                    Pattern.compile(
                            "感动(?!中国)|泪目|暖心|好暖|太暖了"
                                    // 谢谢你们[泪][泪]: thanks in tears
                                    + "|(?:谢谢|感谢|多谢)[^，,。！!？?]{0,8}?(?:\\[泪\\]|😭|🥲|🥹)"),
                    "感动",
                    "泪目",
                    "暖",
                    "谢");

    /**
     * Does the post name a hazard in words of its own: a foreign body (a worm, a nail, glass), or a
     * hazard term that is not also one of the general severe words (翻新机 sold as new, undercooked,
     * 硌牙), which are the words that so often mean something else (过期, 召回, 爆炸, 诈骗)?
     */
    static boolean namesAHazardPlainly(List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.COMPLAINT
                    && SAFETY_LEGAL.equals(hit.meaning().tag())
                    && (FOREIGN_BODY.matcher(hit.term()).find() || !isAlsoACrisisTerm(hit, hits))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlsoACrisisTerm(Hit hazard, List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.CRISIS
                    && hit.start() <= hazard.start()
                    && hit.end() >= hazard.end()) {
                return true;
            }
        }
        return false;
    }

    /** What a hazard term finds in food or drink: an insect, a hair, a nail, glass, plastic. */
    private static final Pattern FOREIGN_BODY =
            Pattern.compile(
                    "虫|头发|毛发|钉|玻璃|塑料|异物|小强|蟑螂|苍蝇|蚊子|铁丝|钢丝|铁片|指甲|石子|沙子|创可贴|烟头"
                            + "|hair|bug|insect|glass|plastic|cockroach|nail");

    /** 这钱花得值, 这表买得值, 现在真香, 必须表扬: the thing or the person called worth it, not asked (值吗). */
    private static final Gated WORTH_IT =
            new Gated(
                    Pattern.compile(
                            "(?:花得|买得|买的|真的|太)值(?:了|得)?(?![吗嗎？?])|真香|必须表扬|买对了|安心多了|好安心|挺安心"
                                    + "|推一下|大推|强推|真心推荐|唯一的快乐|唯一的安慰"),
                    "值",
                    "香",
                    "表扬",
                    "买对",
                    "安心",
                    "推",
                    "唯一");

    /** 次月到达[微笑]…感动得想哭: the smile and 呵呵 of scorn make being moved sarcasm. */
    private static final Pattern SMILE_OF_SCORN = Pattern.compile("\\[微笑\\]|呵呵");

    /** Served at the table, not delivered. */
    private static final Pattern SERVED_IN_STORE = Pattern.compile("服务员|服务生|店员|堂食|店里|一桌|桌上|waiter");

    /** 卖到28, 卖38: a price quoted. */
    private static final Pattern PRICE_QUOTED =
            Pattern.compile("卖到?\\s?[¥￥$]?[0-9]{2,}|要\\s?[¥￥$][0-9]{2,}");

    /** A claim the brand's ads made: 广告里说, 宣传页写, 广告词写得. */
    private static final Pattern AD_CLAIM =
            Pattern.compile("(?:宣传|广告|详情页)[^，,。！!？?]{0,3}(?:写|说|讲|称|吹|话)");

    /** Where a brand speaks in public: its mocking there is its conduct, not a customer's joke. */
    private static final Pattern PUBLIC_VOICE =
            Pattern.compile("广告|文案|发布会|营销|行销|宣传|代言|直播|杯套|海报|印着|上印");

    /**
     * An age of 60 or more (六十五岁, 72岁): elderly, as Chinese law counts it; a lexicon term cannot
     * hold every number.
     */
    private static final Pattern ELDERLY_AGE =
            Pattern.compile(
                    "[六七八九]十[一二三四五六七八九几多]?(?:岁|周岁)|(?<![0-9])[6-9][0-9]\\s*(?:几|多)?(?:岁|周岁)"
                            // 我妈72了, 外公都八十了, 给我爸热了半盒，他68了: an age told without 岁
                            // (老父亲今年八十一了: 父亲, 母亲 too)
                            + "|(?:妈|爸|母|父|奶|爷|婆|公|嫲|嬷|老人家|他|她)亲?(?:今年|都|已经|快)?"
                            + "(?:[6-9][0-9]|[六七八九]十[一二三四五六七八九几多]?)了"
                            // 我爸今年67，…: this year's age, without 了
                            + "|(?:妈|爸|母|父|奶|爷|婆|公|嫲|嬷)亲?今年"
                            + "(?:[6-9][0-9]|[六七八九]十[一二三四五六七八九几多]?)(?![0-9年后万元块])");

    /**
     * Three or more people counted right before the harm they had (5个同事都吐了, 七八个人轮流蹲马桶, 已收到3起用户轻微烫伤;
     * 一桌八个人回来五个拉肚子, where the people were counted before): several people harmed. Only before harm:
     * a queue of five or six (前面排了五六个人) is no crowd, and 起了好几个水泡 counts blisters.
     */
    private static final Pattern HEAD_COUNT_BEFORE_HARM =
            Pattern.compile(
                    // 一家四口吃完全都起红疹: a household counted
                    "一家[三四五六七八九]口[^，,。！!？?]{0,6}$|(?:[三四五六七八九十几]+|[3-9]|\\d{2,})(?:个|起|位|名|例)"
                            + "(人|同事|同学|朋友|孩子|小孩|小朋友|家人|用户|顾客|消费者|宝宝|婴儿)?"
                            // 五个同事下午轮流往厕所跑: by turns, after when
                            + "(?:都|全|全都|也)?(?:在|有)?(?:轮流)?[^，,。！!？?]{0,3}(?:轮流)?"
                            // 六个人请假，全是上吐下泻: what they all have, told after a comma
                            + "(?:[，,](?:全是|都是|全都|全部|都))?$");

    private static boolean isHeadCountHarmed(String text, List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.HARM && !CARE.equals(hit.meaning().tag())) {
                int from = Math.max(0, hit.start() - 10);
                Matcher count = HEAD_COUNT_BEFORE_HARM.matcher(text.substring(from, hit.start()));
                if (count.find()
                        && (count.group(1) != null
                                || count.group().startsWith("一家")
                                || text.lastIndexOf("个人", from + count.start()) >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two or more others counted as taken in by the same fraud (还有两个邻居也中招了, 三个同事都被骗了). */
    private static final Gated OTHERS_DEFRAUDED_TOO =
            new Gated(
                    Pattern.compile(
                            "骗[^。！!？?]*[两三四五六七八九几]个[^，,。！!？?]{0,4}(?:邻居|同事|朋友|人|家长|宝妈|街坊|老人)"
                                    + "[^，,。！!？?]{0,3}(?:也|都)(?:中招|被骗)"),
                    "骗");

    /** A small child told by their age (我家三岁的, 两岁半的女儿, 5岁娃), not a grown-up's (二十三岁的我, 23岁的). */
    private static final Pattern CHILD_AGE =
            Pattern.compile(
                    "(?<![0-9一二两三四五六七八九十几])(?:[一二两三四五六七八九]|[1-9])(?:岁|歲)半?"
                            + "(?:的|娃|宝|孩|小孩|女儿|儿子|仔|女|囡)"
                            // my lil bro 9岁, 细佬八岁: a younger sibling's age
                            + "|(?:弟弟|妹妹|细佬|细妹|bro|sis)\\s*(?:[1-9]|1[0-2]|[一二两三四五六七八九十])(?:岁|歲)"
                            // my 4yo, our 3-year-old
                            + "|(?<![0-9])(?:[1-9]|1[0-2]) ?(?:yo|y/o|-?years?[- ]old)\\b"
                            // 二宝8个月, 宝宝十个月大: a baby's age in months
                            + "|(?:宝|娃|女儿|儿子|囡)(?:[1-9]|1[0-9]|[一二两三四五六七八九十]{1,2})个?月");

    /**
     * A pregnancy told by its week or month (孕28周, 怀孕20週, 孕12w, 孕六个月): a lexicon term cannot hold
     * the number.
     */
    private static final Pattern PREGNANCY_WEEK =
            Pattern.compile(
                    "孕\\d{1,2}\\s*(?:周|週|w|W)|孕(?:\\d{1,2}|[一二三四五六七八九十]{1,2})个?月"
                            // 老婆有咗五个月: pregnant, in Cantonese
                            + "|有咗(?:\\d{1,2}|[一二三四五六七八九十]{1,2})个?月");

    /** A question asked as X不X (能不能, 是不是, 有没有), and the polite 不好意思: no negation. */
    private static final Pattern NOT_A_NEGATION = Pattern.compile("(.)[不没]\\1|不好意思");

    /**
     * Signs of something wrong: a negation (吃不到, 没抢到, 不在家), persistence (一直闪, 怎么还), a fault word,
     * or marks of anger in a row (？？, ！！).
     */
    private static final Pattern TROUBLE =
            Pattern.compile(
                    "[不没未无冇唔别]|一直|总是|老是|怎么还|仍然|依然|又|坏|错|问题|故障|失败|异常|投诉|解决|处理"
                            + "|说好|结果|居然|竟然|差点"
                            + "|error|n't|\\bnot\\b|\\bno\\b|cannot|[?？!！]{2}");

    /**
     * Do the writer's {@link #ownWords} say something is wrong, beyond what they ask? Being away
     * from home is the reason for a change asked (明天家里没人，麻烦改成晚上派送), not trouble.
     */
    private static boolean statesTrouble(String ownWords) {
        String words =
                CHANGE_ASKED.matcher(ownWords).find()
                        ? AWAY_FROM_HOME.matcher(ownWords).replaceAll("")
                        : ownWords;
        return TROUBLE.matcher(words).find();
    }

    /** The writer away from home: 家里没人, 屋企冇人收, 没人在家, 出差不在家. */
    private static final Pattern AWAY_FROM_HOME =
            Pattern.compile("(?:家里|屋企|家)(?:暂时)?(?:没有?|冇)人收?|没人在家|冇人喺屋企|不在家|唔喺屋企");

    /** A change to an order: 改一下地址, 取消订单, 换成货到付款. */
    private static final Pattern CHANGE_ASKED =
            Pattern.compile("改一下|改下|修改|更改|改成|改为|改地址|改派|改送|改寄|取消|撤销|换成|换个地址");

    /** Farther than any match of {@link #NOT_YET_SENT} reaches beyond a hit inside it. */
    private static final int NEAR = 8;

    /** An order not yet on its way: 还没发货, 还未寄出. */
    private static final Pattern NOT_YET_SENT =
            Pattern.compile("还(?:没|未|冇)有?(?:发货|发出|发|寄出|寄|出库|出货|送出|配送|派送)");

    /** Time gone by or a promise broken: 三天了, 一直, 说好, 怎么还. */
    private static final Pattern TIME_PASSED =
            Pattern.compile("[0-9一二两三四五六七八九十几半]+ ?(?:天|日|周|星期|个月|小时|钟头)|一直|说好|怎么还|仍然|依然");

    /**
     * Is the order not yet sent (还没发货) only why a change can still be made: a change is asked for
     * (改一下地址, 取消), and no time gone by or promise broken makes the wait a fault?
     */
    private static boolean isNotYetSent(String text) {
        return CHANGE_ASKED.matcher(text).find() && !TIME_PASSED.matcher(text).find();
    }

    /** A stated problem inside such an order not yet sent (没发货 in 订单还没发货，帮我改一下地址). */
    private static boolean isNotYetSentForAChange(String text, Hit hit) {
        if (hit.meaning().kind() != Kind.PROBLEM) {
            return false;
        }
        // a match is a few characters: look only around the hit, not through the whole text for
        // every problem term
        Matcher m =
                NOT_YET_SENT
                        .matcher(text)
                        .region(
                                Math.max(0, hit.start() - NEAR),
                                Math.min(text.length(), hit.end() + NEAR));
        while (m.find()) {
            if (m.start() <= hit.start() && hit.end() <= m.end()) {
                return isNotYetSent(text);
            }
        }
        return false;
    }

    /**
     * The writer's own text without what only looks like trouble: a question asked as X不X, the
     * polite 不好意思, and, beside a change asked for, the order not yet sent (订单还没发货，麻烦帮我改一下地址: that
     * it has not left is why it can still be changed, not a fault).
     */
    private static String ownWords(String text, int ownTextEnd) {
        String own = NOT_A_NEGATION.matcher(text.substring(0, ownTextEnd)).replaceAll("");
        return isNotYetSent(own) ? NOT_YET_SENT.matcher(own).replaceAll("") : own;
    }

    /** The second person beside a brand's name: 云途你们, 北岸你, 你们鼎味. */
    private static final String[] SECOND_PERSON = {"你们", "你哋", "你地", "你", "您"};

    /** Does the writer speak to a brand by name in the second person (云途你们是用脚送的吗)? */
    private static boolean isBrandAddressed(String text, List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.meaning().kind() != Kind.BRAND) {
                continue;
            }
            for (String you : SECOND_PERSON) {
                if (text.startsWith(you, hit.end())
                        || (you.length() == 2 && text.startsWith(you, hit.start() - 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Is a name followed by a pause, a greeting or a second person (小编，…; 店家您好; 青柠你们…)? */
    private static boolean calledOut(String text, Hit hit) {
        int i = hit.end();
        if (i >= text.length()) {
            return false;
        }
        if (text.charAt(i) == ' '
                && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i + 1))
                && text.charAt(i + 1) < 128) {
            return false; // 星河 X7: the brand and its model, not a call
        }
        return " ，,:：～~!".indexOf(text.charAt(i)) >= 0 // 小编～, 小编小编～, 小编！
                || text.startsWith(hit.term(), i)
                || text.startsWith("您好", i)
                || text.startsWith("你好", i)
                || text.startsWith("你们", i) // 青柠你们的积分…: the name, then spoken to
                || text.startsWith("你哋", i)
                || text.startsWith("看过来", i) // 店家看过来～: called to look, so spoken to
                || text.startsWith("看看我", i)
                || text.startsWith("睇下", i);
    }

    /** Spans inside quotation marks: “…”, 「…」, "…". */
    private static List<int[]> quotations(String text) {
        List<int[]> spans = new ArrayList<>(0);
        String[][] pairs = {
            {"“", "”"}, {"「", "」"}, {"\"", "\""}, {"『", "』"}, {"‘", "’"}, {"'", "'"}
        };
        for (String[] pair : pairs) {
            int from = 0;
            while (true) {
                int open = text.indexOf(pair[0], from);
                int close = open < 0 ? -1 : text.indexOf(pair[1], open + 1);
                if (close < 0) {
                    break;
                }
                // an apostrophe inside a Latin word (don't, it's) opens or closes nothing
                if (pair[0].equals("'")
                        && (isLatinLetterAt(text, open - 1) || isLatinLetterAt(text, close + 1))) {
                    from = open + 1;
                    continue;
                }
                spans.add(new int[] {open, close});
                from = close + 1;
            }
        }
        return spans;
    }

    private static boolean isLatinLetterAt(String text, int i) {
        return i >= 0
                && i < text.length()
                && (text.charAt(i) | 0x20) >= 'a'
                && (text.charAt(i) | 0x20) <= 'z';
    }

    /**
     * 谁不来谁就等着被'起诉', 男朋友说我“毁容”了: a term that fills its quotation marks alone is a word mentioned, in
     * scare quotes, not a thing that happened.
     */
    private static boolean isScareQuoted(String text, Hit hit) {
        for (int[] quoted : quotations(text)) {
            if (quoted[0] + 1 == hit.start() && quoted[1] == hit.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inMention(SocialMarkup markup, Hit hit) {
        for (int[] m : markup.mentions) {
            if (hit.start() >= m[0] && hit.end() <= m[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(List<int[]> spans, int position) {
        for (int[] s : spans) {
            if (position >= s[0] && position <= s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Marks that end a clause and come in runs (？？？, ！！). */
    private static final String TERMINAL_MARKS = "？?！!";

    /**
     * The clause around a hit: from the punctuation before it to the punctuation after it, a run of
     * it included (凭什么？？ is one rhetorical clause, not one and then a question).
     */
    private static int[] clause(String text, Hit hit) {
        int end = clauseEnd(text, hit.end());
        while (end + 1 < text.length() && TERMINAL_MARKS.indexOf(text.charAt(end + 1)) >= 0) {
            end++;
        }
        return new int[] {clauseStart(text, hit.start()), end};
    }

    private static int clauseStart(String text, int from) {
        int i = from;
        // the second ? of 只能退两块？？？ closes the clause the first one does
        if (i < text.length() && TERMINAL_MARKS.indexOf(text.charAt(i)) >= 0) {
            while (i > 0 && TERMINAL_MARKS.indexOf(text.charAt(i - 1)) >= 0) {
                i--;
            }
        }
        while (i > 0 && !isClauseBreak(text, i - 1)) {
            i--;
        }
        return i;
    }

    private static int sentenceStart(String text, int from) {
        int i = from;
        while (i > 0 && "。！!？?\n".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private static int sentenceEnd(String text, int from) {
        int i = from;
        while (i < text.length() && "。！!？?\n".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int clauseEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !isClauseBreak(text, i)) {
            i++;
        }
        return i;
    }

    /**
     * Punctuation that ends a clause, or a space between two Chinese characters: a writer in a
     * hurry separates clauses with spaces (上周下单的还没出货 订单编号已私讯 可以帮忙查一下吗 谢谢).
     */
    private static boolean isClauseBreak(String text, int at) {
        char c = text.charAt(at);
        return "，,。！!？?；;\n～~…".indexOf(c) >= 0
                || isEllipsis(text, at)
                || isSpaceBetweenChinese(text, at);
    }

    /** A dot of "..." (normalization turns … into three dots): 哈哈哈…刺痛了两天 is two clauses. */
    private static boolean isEllipsis(String text, int at) {
        return text.charAt(at) == '.'
                && ((at > 0 && text.charAt(at - 1) == '.')
                        || (at + 1 < text.length() && text.charAt(at + 1) == '.'));
    }

    private static String topCategory(Map<String, Integer> cues, boolean taste) {
        String best = taste ? PRODUCT_QUALITY : OTHER; // a matter of taste is about the product
        int bestCount = 0;
        for (String category : PRIORITY) {
            int count = Math.min(cues.getOrDefault(category, 0), FITS);
            if (taste && count < 2) {
                continue; // 外卖盒丑哭了: a topic word alone does not take taste from the product
            }
            if (count > bestCount) {
                best = category;
                bestCount = count;
            }
        }
        return best;
    }
}
