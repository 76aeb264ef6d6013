package io.brandpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.config.BrandSettings;
import io.brandpulse.model.TextAnalysis;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a post says, read in context: harm, severe words, questions to the brand, spam. */
class ComplaintGraderTest {
    private static TextAnalyzer analyzer;

    @BeforeAll
    static void start() {
        BrandSettings qingning = new BrandSettings();
        qingning.id = "qingning";
        qingning.names = List.of("青柠咖啡", "LimeCafe");
        qingning.officialAccounts = List.of("weibo:qn_cafe");
        analyzer = new TextAnalyzer(List.of(qingning));
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    private static TextAnalysis analyze(String text) {
        return analyzer.analyze(text);
    }

    /** Neither a complaint nor a crisis: harm words that tell of no harm done by the brand. */
    private static void assertNoComplaintNorCrisis(String text) {
        TextAnalysis a = analyze(text);
        assertFalse(a.complaint, text);
        assertFalse(a.crisis, text);
    }

    private static void assertNoComplaint(String text) {
        assertFalse(analyze(text).complaint, text);
    }

    private static void assertComplaint(String text, String category, String severity) {
        TextAnalysis a = analyze(text);
        assertTrue(a.complaint, text + ": not a complaint (" + a.sentimentLabel + ")");
        assertEquals(category, a.complaintCategory, text);
        assertEquals(severity, a.severity, text);
    }

    /** A complaint, and whether it reports a crisis. */
    private static void assertComplaint(
            String text, String category, String severity, boolean crisis) {
        assertComplaint(text, category, severity);
        assertEquals(crisis, analyze(text).crisis, text + ": crisis");
    }

    @Nested
    class Harm {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    // an elderly man choking, a pregnant woman's cramps in waves; care given to
                    // people at work is care all the same
                    "85岁的外公吃北岸的爆爆珠卡嗓子了",
                    "老婆怀孕五个月，喝了北岸的奶茶后肚子一阵一阵地疼",
                    "云途仓库半夜起火，两个夜班员工吸入浓烟送医",
                    // a death a hazard caused is critical without a child or a hospital
                    "网传云途分拣中心货架倒塌，一名员工身亡",
                    "北岸某门店燃气罐爆炸，致一名外卖员身亡",
                    "青檸咖啡的三明治吃了食物中毒，孩子住院了！！",
                    "奶粉里冲出了黑色异物，宝宝才六个月",
                    "儿童手表充电发烫把手腕烫红了",
                    "喝完青柠咖啡的拿铁半夜进了急诊，哈哈真是难忘的一天",
                    "听说有三个同事吃了青柠的沙拉都上吐下泻，其中一个送医了",
                    // too hot to hold, skin reddened; a plastic wire in a baby's formula
                    "儿子的手表充电烫得拿不住，手上红了一块",
                    "宝宝的奶粉里刮出一根塑料丝，吓死了",
                    // vomiting told by how long it lasted; a head count, then what they all had
                    "吃了青柠咖啡的鸡蛋三明治，女儿凌晨开始吐，吐到天亮",
                    "昨天公司订了北岸下午茶，今天七个同事请假，全是上吐下泻",
                    // a pregnant woman's racing heart after a drink made wrong
                    "老婆怀孕七个月，喝了北岸做错的奶茶，晚上心慌到两点",
                    // something hard and dark in a baby's formula
                    "给宝宝冲暖暖的奶粉，罐子里冲出一小块黑色的硬东西",
                    // elderly parents defrauded: talked into a purchase by staff, or paying a
                    // caller
                    // who knew the order
                    "我奶奶75岁，被北岸店员忽悠办了三千块的储值卡",
                    "我爸68岁，接到自称鲜到家客服的电话，按他说的转了五千",
                    // mould a child ate; a fall over a box left at the door; specks in formula
                    // a quoted report that is "not the only one" stands
                    "网传“喝了北岸奶茶的小学生集体住院”，据了解并非个例",
                    "给儿子买的鲜到家吐司，他啃了两口我才发现长了一片绿毛",
                    "我外公80了，云途快递员把箱子扔门口，外公出门被绊了一跤，膝盖摔破了",
                    "宝宝喝的暖暖奶粉冲开有好多小黑点，已经喝了半瓶",
                    // a small child told by their age alone
                    "带我家两岁的去北岸，珍珠里咬到一根铁丝，嘴巴划破流血"
                })
        void harmToAChildOrACareVisitIsACriticalSafetyComplaintWhateverTheTone(String text) {
            assertComplaint(text, "SAFETY_LEGAL", "CRITICAL");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // a mistaken belief ends at the ellipsis; what follows it happened
                    "用了悦颜的面霜，室友以为我化了腮红哈哈…刺痛了一整天",
                    // harm, hazards and a fraud in everyday words, some in Cantonese or English
                    "吃完青柠的鸡肉卷，胃一阵一阵地绞着",
                    "tried the 悦颜 toner and my eyes were burning for an hour",
                    "戴了一天星河手表，手腕疼得抬不起来",
                    "用咗悦颜支唇膏，嘴唇又肿又痕",
                    "北岸的奶茶里吸到一只死甲虫",
                    "星河充电宝好烫，焫到我只手",
                    "北岸的奶茶里喝到一撮头发",
                    "在鼎味吃饺子咬到铁钉，崩了门牙",
                    // a hazard found in food and reported, in calm words
                    "暖暖的米粉里发现金属碎屑，已经向市场监管部门举报",
                    "[生病]喝了青柠咖啡上吐下泻一晚上",
                    "沙拉里吃出一只虫子，恶心",
                    // diarrhoea told by the trips it took
                    "喝了青柠的冷萃，回家跑了一晚上厕所",
                    // a cut told lightly; blisters counted are not people counted
                    "青柠的杯子边缘有个缺口，把嘴划了，流了点血哈哈",
                    "店员没扣好盖子，热拿铁泼在手上，起了好几个水泡",
                    // a plastic button bitten on, a cockroach by its nickname
                    "青柠咖啡的奶茶里咬到一个塑料扣子",
                    "青柠咖啡的三明治里夹着一只小强",
                    // a scald told by its colour and blisters counted
                    "青柠咖啡的热美式洒在手上，烫得通红起了俩泡",
                    // a diarrhoea told as an afternoon on the toilet
                    "吃完青柠咖啡的沙拉，在马桶上度过了一个下午",
                    // a cut in Cantonese; care nearly needed is none (差啲要去急症室)
                    "食青柠咖啡个三文治割亲个口，流咗啲血",
                    "食完青柠咖啡嘅蛋糕肚痛到差啲要去急症室",
                    // a piece of plastic drawn up the straw
                    "青柠咖啡的奶茶里吸到一片塑料，差点咽下去",
                    // diarrhoea told as a night with the toilet
                    "吃完鼎味的凉拌菜，昨晚抱着马桶睡的",
                    // a scald in Cantonese, told by the red patch
                    "青柠咖啡店员倒咖啡倒落我手度，手背红咗一大片",
                    // diarrhoea counted; a manager's pitch and a shop gone; a scam call that knew
                    // the parcel; a board swapped for a refurbished one
                    "吃完鼎味的凉皮，回家拉了两次肚子，下午请假了",
                    "我妈被鼎味小馆的店长忽悠充了三千，结果门店关门跑路了",
                    "云途寄完件第二天就接到骗子电话，寄的啥、地址全说对了",
                    "星河售后把我手机主板偷偷换成翻新的",
                    // a question that asserts
                    "鲜到家写着进口牛肉，标签下面贴着国产的，这不就是欺诈吗",
                    // a grown-up's age is no child's (二十三岁的, not 三岁的)
                    "二十三岁的我喝北岸的热奶茶，盖子没盖好烫伤了手",
                    // care said not to have been needed is no care visit
                    "吃完鼎味的饺子拉了一下午，还好没严重到去医院"
                })
        void harmWithoutCareOrAChildIsHigh(String text) {
            assertComplaint(text, "SAFETY_LEGAL", "HIGH");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "宝宝的米粉里吃出一块黑渣，已经吃了两顿了",
                    "孩子涂了悦颜的面霜，脸上起了一片红疙瘩",
                    // everyday words for an injury, choking, particles in formula
                    "快递员把箱子一扔，砸中我奶奶的脚，肿了好大一块，拍了片说骨头没事",
                    "奶瓶的硅胶吸嘴裂开了，孩子喝着喝着突然呛到，吓死我",
                    "冲奶粉的时候看到底下有黑色颗粒，宝宝已经喝了一半",
                    "外婆吃青柠咖啡的麻薯卡在喉咙，好一会儿喘不过气",
                    "罐子里有块小铁片，女儿已经喝了两瓶了",
                    "买的沙拉吃完，我和儿子晚上都吐了",
                    "纸尿裤里有根硬塑料刺，宝宝大腿被刮红了一道",
                    // a pregnancy told by its week; a device a child wears overheating
                    "孕20周，用了青柠联名的身体乳，全身起红疹",
                    "女儿的儿童手表戴着突然发热，表壳都烫到变形了",
                    // an elderly parent told by age; skin broken on a baby
                    "我爸八十幾歲，吃了青柠的新款蛋糕，一整晚肚子疼",
                    "换了青柠联名的纸尿裤才三天，宝宝就起了尿布疹",
                    // a choking hazard, knocked down with stitches counted, a denture broken, a
                    // bump, a nappy's marks, a bottle that warps when sterilized
                    "青柠咖啡送的儿童杯盖上的小零件掉了，宝宝差点吞下去",
                    "青柠咖啡的外卖电动车把楼下八十岁的老奶奶撞倒了，额头缝了四针",
                    "外公今年79，吃青柠咖啡的三明治咬到碎骨头，假牙崩了",
                    "青柠咖啡联名的宝宝水杯用开水一烫瓶身就变形了，宝宝已经用了半个月",
                    "外公在青柠咖啡门口被玻璃门磕在额头上，鼓了个包",
                    "宝宝穿了青柠咖啡联名的纸尿裤，大腿上一圈勒痕",
                    // an age of 60 or more, in words or digits
                    "我妈今年六十八岁，用了青柠咖啡联名的护手霜，手上起了一片水泡",
                    "给62岁的爸爸点了青柠咖啡的三明治，吃完上吐下泻",
                    // something dark in a child's food, a rash over a large patch, a whole
                    // office at the toilet, a banned additive found with the sick counted
                    "给儿子泡的青柠联名麦片里飘着一根黑色的东西，他已经吃了几口",
                    "女儿用了青柠咖啡联名的湿巾，小脸红了一大片",
                    "我们办公室七个人中午都点了青柠咖啡的鸡肉卷，下午轮流抢厕所",
                    "新闻说十多户人家吃了青柠咖啡的肉松面包后心慌手抖，检出瘦肉精",
                    // admitted after eating or drinking, told as a joke; a grandmother in Cantonese
                    "吃完青柠咖啡的蛋糕直接住院三天，减肥成功哈哈",
                    "全家人喝了青柠咖啡的外卖奶茶，今晚整整齐齐在医院挂水[笑cry]",
                    "阿嫲食完青柠咖啡嘅三文治屙到入咗院",
                    // a child told by her school year, a hospital stay split by its length, an old
                    // woman pushed over by staff
                    "我妹才读小学，喝了青柠咖啡的果汁后上吐下泻",
                    "昨天吃了青柠咖啡的沙拉，住了三天院",
                    "青柠咖啡店员把一位阿婆推倒在地",
                    // a baby (BB) nearly choking, in Cantonese
                    "BB食青柠咖啡嘅蛋糕差啲哽親",
                    // an age told after the father, without 岁
                    "给我爸买的青柠咖啡三明治过期了，他70了，吃完拉肚子",
                    // a grandfather who slipped at the door, in Cantonese
                    "阿爷喺青柠咖啡门口跣亲，跌断咗手",
                    // an age in tens and some; the writer and two colleagues; a pharmacist's
                    // customers and a child's fever
                    "我妈70几岁了，吃了青柠咖啡过期的蛋糕一直肚子痛",
                    "我和两个同事吃了青柠咖啡的沙拉，晚上全都上吐下泻",
                    "药店上班的说一句，好几个顾客都说吃了青柠咖啡的三明治，一个小朋友烧到39度",
                    // patients who all turn out to have used the same product
                    "门诊接了三个小姑娘，一问全是用了青柠咖啡联名的面膜，脸都肿了",
                    // a power bank that blew up by an old man's bed; half a team, a whole unit, a
                    // grandmother all day at the toilet
                    "青柠联名充电宝在床头炸了，老头子手臂烫起两个泡",
                    "我们部门十个人吃了青柠咖啡的团餐，一半人拉肚子",
                    "俺们单位中午点了青柠咖啡的凉皮，下午全员窜稀",
                    "阿嬷喝了青柠咖啡的鲜奶，拉了一整天",
                    "我家小宝摸了鲜到家送来的清洁剂瓶子，手心起了水泡，哭了一晚上",
                    // care the brand's food made a family need, in sarcastic thanks; an age told as
                    // this year's; a baby's skin rubbed raw
                    "谢谢青柠的新品沙拉，让我们一家三口周末整整齐齐去医院打点滴[微笑]",
                    "我妈今年72，在青柠门口被外卖电动车撞了，手腕肿得老高",
                    "用了青柠联名的湿巾两天，宝宝屁股红到破皮，一擦就哭",
                    // a fall told in Cantonese (跌低)
                    "青檸啲店員趕住收枱撞到我阿爺，八十歲人跌低咗",
                    // what the purchase was not is no ad's word
                    "在青柠官方店买的冷萃，不是代购不是微商！我女儿喝完上吐下泻进了医院",
                    // many harmed, in a regulator's words
                    "市场监管局通报：青柠一款护手霜抽检超标，多名消费者使用后出现红斑",
                    // people counted before the harm, the first count telling they are people
                    "公司团建点了青柠咖啡，一共十个人，第二天有六个吐了",
                    "青柠咖啡的团购奶茶，我们组5个同事都拉肚子",
                    // an old man shoved by staff; a charger that blew up beside a grandmother
                    "青柠咖啡店员嫌八十岁的老爷爷点单慢，推了他一把",
                    "给外公买的青柠联名暖手宝，充电时炸了，手指燎起几个泡",
                    // a recall relayed by a parent whose baby had the batch; bacteria in formula
                    "青柠咖啡发召回公告了，说奶昔可能有沙门氏菌，我女儿上周刚喝过",
                    "宝宝的米粉检出大肠杆菌，青柠联名款，孩子已经吃了一罐",
                    // a rash and broken skin on a baby; a hair fished out of formula; a mother's
                    // age
                    // told without 岁; diarrhoea told with its days inside
                    "用了青柠联名的纸尿裤，宝宝屁股全红了",
                    "青柠联名米粉里挖出一根黑色的毛，儿子吃了半罐",
                    "我爸今年75了，喝了青柠咖啡的鲜奶拿铁就上吐下泻",
                    "儿子吃了青柠咖啡的鸡肉卷，拉了两天肚子",
                    // a whole team taking turns at the toilet
                    "我们部门五个人叫了青柠咖啡外卖，下午全部轮流去洗手间",
                    // a pregnancy told by its month
                    "孕六个月喝了青柠的无咖啡因拿铁，结果心慌了一晚",
                    // cases counted in a recall notice
                    "青柠咖啡召回一批保温杯，已接到5起顾客轻微烫伤的报告",
                    // a racing heart and trembling hands in pregnancy
                    "怀孕五个月，喝了北岸的奶茶之后手一直抖",
                    // a dark lump stirred out of a baby's cereal
                    "暖暖的米粉盒子里搅出来一块黑色硬块，宝宝才八个月",
                    // a pregnancy in Cantonese, a wrong drink, then the emergency room
                    "老婆有咗七个月，北岸整错咗杯全糖，佢饮完半夜入咗急症",
                    // a watch hot enough to mark a child's wrist
                    "女儿戴的星河手表背面烫得吓人，手腕红了一圈",
                    // a nappy that left a baby raw; an ambulance called to a fight in a shop
                    "换了暖暖的新款尿不湿，女儿小屁股红烂了一片",
                    "鼎味门口两桌客人打起来，店员也动了手，最后120来了拉走一个",
                    // an evening in the toilet after a drink, told of a child
                    "儿子喝了北岸的新品，在厕所蹲了一晚上，脸都白了",
                    // an elderly woman charged a fee that does not exist; a child's routes for sale
                    "外婆在门口被云途的派件员收了五百块保价费，后来一问根本没这种费用",
                    "星河儿童手表的位置数据被挂网上卖，我儿子放学路线都查得到",
                    // a recall notice relayed with what a parent reported
                    "北岸发布公告：召回一批儿童吸管杯。有家长留言称孩子已经用了一个月",
                    // a family of four taking turns at the toilet; a face red after a mask
                    "周末全家在鼎味吃了饺子，第二天四口人轮流占厕所",
                    // a pounding heart in pregnancy after a drink
                    "我怀孕六个月，喝了北岸的奶茶后心跳咚咚咚一整晚"
                })
        void harmInEverydayWordsWithAChildOrCareIsCritical(String text) {
            assertComplaint(text, "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void aConditionToldToAskWhetherAThingSuitsIsNoHarmOfTheBrands() {
            TextAnalysis a = analyze("@青柠咖啡客服 宝宝脸上起了湿疹，医生说是天气干，你们的燕麦奶宝宝可以喝吗？");
            assertTrue(a.question);
            assertFalse(a.complaint);
            assertFalse(a.crisis);
            // asked of other users, who may have used it
            assertNoComplaintNorCrisis("青柠咖啡的宝宝湿巾有宝妈用过吗？我家娃容易红屁屁，不知道适不适合");
            // what has been drunk, asked whether to go on: harm that may be the brand's
            assertComplaint("@青柠咖啡客服 宝宝喝了你们的燕麦奶脸上起了湿疹，还能继续喝吗？", "SAFETY_LEGAL", "CRITICAL");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    // a stomach that hurt after eating, people queueing for a toilet, an English
                    // night
                    "青柠咖啡的鸡肉卷吃了一半觉得味道怪，胃难受了一晚上 | HIGH",
                    "公司五个人中午一起点的青柠咖啡轻食，下午全组排队上厕所 | CRITICAL",
                    "Had LimeCafe's tuna sandwich at lunch, stomach bug all evening | HIGH",
                    // a child's face swollen and a night in the ER; the toilet in Sichuanese, in
                    // jest
                    "My son's LimeCafe muffin had nuts in it, his face puffed up and we spent the"
                            + " evening in the ER | CRITICAL",
                    "吃了青柠咖啡的卷饼，一晚上跑茅厕跑了七八趟 | HIGH",
                    "喝完青柠咖啡的新品，今天马桶是我最好的朋友 | HIGH",
                    // several people sick by turns; a child called a cub, not where it is a pet
                    "部门四个人中午点了青柠咖啡的沙拉，下午轮流吐 | CRITICAL",
                    "青柠咖啡送的吸管杯我家崽用了两天，嘴角一圈红疹 | CRITICAL",
                    "喝了青柠咖啡的奶昔以后心疼我家崽，狗狗吐了一晚上 | HIGH",
                    // undercooked meat is a hazard, in English too
                    "The chicken in my LimeCafe wrap was undercooked, pink in the middle | HIGH",
                    // a child's location seen by strangers: a hazard to a child
                    "青柠咖啡app的儿童账号定位被陌生人看到了，儿子吓得不敢出门 | CRITICAL",
                    // a baby's bottom red from nappies; a front tooth chipped on something hard
                    "青柠咖啡联名的尿不湿，女儿穿了一天屁屁全红了 | CRITICAL",
                    "喝青柠咖啡的冰沙咬到硬块，门牙直接崩了一小块 | HIGH",
                    // a cold sweat after eating; a shard of plastic in the cup
                    "吃完青柠咖啡的鸡蛋三明治，出了一身冷汗，躺了一下午 | HIGH",
                    "青柠咖啡的冰拿铁杯底有一小片塑料，差点喝下去 | HIGH",
                    // bristles from a brush a child may have swallowed
                    "青柠咖啡送的吸管刷用了几次就掉毛，今天在杯子底捞出好几根，娃估计早喝进去了[怒] | CRITICAL",
                    // a scald that took skin off, a cut from a lid and from a tin, meat still pink
                    "青柠咖啡店员把热拿铁泼到手上，烫掉一层皮，只赔了张券 | HIGH",
                    "青柠咖啡的杯盖边缘太锋利，嘴角划开一个口子 | HIGH",
                    "开青柠咖啡送的曲奇铁盒，盒边把手指刮了，血流了一桌 | HIGH",
                    "青柠咖啡的鸡肉卷肉里面还是粉的，吃了半个才发现 | HIGH",
                    // coffee over a leg, a stomach cramping all night, colleagues by turns to the
                    // toilet
                    "青柠咖啡的纸杯底裂了，热美式浇在腿上，一大片红 | HIGH",
                    "吃了青柠咖啡的鸡肉沙拉，肚子绞了一整晚 | HIGH",
                    "公司订了青柠咖啡的下午茶，五个同事下午轮流往厕所跑 | CRITICAL",
                    // a face that felt on fire and stayed red; a fall that needed the orthopaedist;
                    // smoke out of a power bank
                    "外婆用了悦颜的面霜，脸像被火烧一样，第二天整张脸通红 | CRITICAL",
                    "爷爷被青柠咖啡门口的台阶绊倒，看了骨科说要养一个月 | CRITICAL",
                    "星河的充电宝放在包里冒白烟，差点烧起来 | HIGH",
                    // a stone in a dumpling told with a laugh; a baby spitting up after a new
                    // bottle; a junior-high cousin; an English five-year-old
                    "哈哈哈鼎味的饺子里咬出一颗小石子，牙差点崩了，今天的惊喜属实有点大🙃 | HIGH",
                    "青柠咖啡的拿铁里喝出一根头发，谢谢店家额外加料哦🙂 | HIGH",
                    "宝宝用暖暖的新奶瓶喝完吐奶两次，换回旧奶瓶就好了 | CRITICAL",
                    "我表妹（国中生）喝了北岸的奶茶半夜一直喊肚子疼 | CRITICAL",
                    "My 5yo bit into a LimeCafe cookie and cut his lip on a piece of hard plastic |"
                            + " CRITICAL",
                    // diarrhoea counted in digits, told with a laugh
                    "昨晚吃完青柠咖啡的沙拉，今天拉了6次，腿都软了哈哈 | HIGH",
                    // a blanket scorched by a charging warmer next to a grandmother; a night with
                    // the
                    // toilet; blisters from soup; a household counted; a power bank on fire
                    "外婆八十了，青柠咖啡送的暖手宝放被窝里充电，烫得把被子烧焦了一块 | CRITICAL",
                    "喝完青柠咖啡的新品我和马桶度过了一个难忘的夜晚，腿都软了[笑cry] | HIGH",
                    "青柠咖啡的店员把热汤碰翻了，溅到我手上起了好几个泡 | HIGH",
                    "青柠咖啡的虾仁沙拉，一家四口吃完全都起了红疹 | CRITICAL",
                    "青柠咖啡联名充电宝充电时突然一股烧胶味然后冒火，床单烧穿一个洞 | HIGH",
                    // a baby's age in months and something green in her cereal; a phone's photos
                    // gone through at repair
                    "宝宝8个月，冲青柠咖啡联名米粉时发现里面有结块发绿的东西，已经喂了两口 | CRITICAL",
                    "朋友拿手机去青柠咖啡联名维修点修，拿回来发现聊天记录都被人翻过 | HIGH",
                    // red dots round a baby's mouth; a hair in a sandwich; weight lost to the
                    // toilet,
                    // in thanks; a wrist scratched bloody by a watch's clasp
                    "宝宝吃了青柠咖啡的米糊后嘴巴周围起了好多小红点 | CRITICAL",
                    "青柠咖啡的三明治吃到一半发现里面夹着根头发 | HIGH",
                    "感谢青柠咖啡让我一天减重两斤，全靠厕所🙂 | HIGH",
                    "女儿戴的青柠咖啡联名手表扣环有毛边，手腕被刮出好几道血痕 | CRITICAL"
                })
        void harmToldInNewWordsIsASafetyCrisis(String text, String severity) {
            assertComplaint(text, "SAFETY_LEGAL", severity, true);
        }

        @Test
        void whoTheWriterIsAtTheStartHoldsForThePost() {
            assertNoComplaintNorCrisis("夜班护士的续命时刻：青柠咖啡到了。急诊室今晚又是满员，腰都直不起来");
            assertNoComplaintNorCrisis("作为急诊医生说一句，青柠咖啡的冷萃陪我熬过了好多个值班夜");
            // the cases of the writer's work: clients', not the writer's, nor the brand's
            assertNoComplaintNorCrisis("药剂科日常：又有大爷拿过期两年的降压药来问还能不能吃。下班买杯青柠咖啡压压惊");
            assertNoComplaintNorCrisis("做律师第三年，今天又帮当事人起诉一家装修公司。开完庭去青柠咖啡坐了会儿");
            assertNoComplaintNorCrisis("法律系期末周，刑法一堆诈骗罪的构成要件背不完，青柠咖啡是我唯一的光");
            // the harm of the sentence is still told
            assertComplaint("夜班护士一枚。喝了青柠咖啡的新品后上吐下泻，自己挂了急诊", "SAFETY_LEGAL", "CRITICAL", true);
            assertComplaint("药剂师一枚，昨天买的青柠咖啡三明治里吃出了玻璃碴", "SAFETY_LEGAL", "HIGH", true);
            // a news story's 当事人 and a store's 值班经理 are nobody's work of the writer's
            assertComplaint("据当事人介绍，孩子在店里被热水烫伤，青柠咖啡至今没有回应", "SAFETY_LEGAL", "CRITICAL", true);
            assertComplaint("店里值班经理态度很差，孩子被烫伤了也不管，青柠咖啡你们怎么管的", "SAFETY_LEGAL", "CRITICAL", true);
            assertComplaint("值班的时候孩子发烧了，送去急诊，后来才知道是喝了青柠咖啡的奶昔", "SAFETY_LEGAL", "CRITICAL", true);
        }

        @Test
        void aColleagueInAPlaceOfCareIsNoVisitToIt() {
            assertComplaint("给青柠咖啡客服留言五天没人理，急诊科同事都劝我别跟机器人生气", "COMMUNICATION", "MEDIUM", false);
        }

        @Test
        void anElderlyParentsAgeToldWithoutAYearIsElderly() {
            assertComplaint("老母亲今年八十三了，喝完青柠咖啡的热可可当晚就上吐下泻", "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void anAllergyOneHasIsAConditionNotAReaction() {
            assertNoComplaintNorCrisis("@LimeCafe 我对花生过敏，你们的燕麦拿铁里有没有坚果？");
            // the reaction itself still is one
            assertComplaint("对花生过敏还特意问了店员，结果喝完起疹子了", "SAFETY_LEGAL", "HIGH");
        }

        @Test
        void harmToldAsHelpReceivedIsNoComplaintUnlessItFollowedTheUseOfSomething() {
            // hurt by something else; the brand's staff or product helped
            assertNoComplaintNorCrisis("在青柠咖啡见到隔壁桌的小朋友跌倒撞到头，店员立刻拿冰袋过来，好细心👍");
            assertFalse(analyze("我宝宝今天打疫苗发烧了，还好暖暖的退热贴之前就囤了，真的好用").complaint);
            // Cantonese 好彩 ("luckily"), as 幸好 and 还好: the phone came through the fall
            assertFalse(analyze("琴日行山跌親，手肘擦損晒，好彩部星河手機冇事，仲影到靚相👍").complaint);
            // thanks in tears for what the brand brought the ill writer (the model reads the
            // tears as sorrow)
            assertNoComplaintNorCrisis("嗓子疼得说不出话，全靠鲜到家半夜送来的润喉糖，谢谢你们[泪]");
            // a fall the brand's watch came to the rescue of, called worth its price; not a
            // watch that failed, nor worth asked in scorn after harm that followed use
            assertNoComplaintNorCrisis("奶奶在家滑倒了，星河手表检测到跌倒自动打给我，十分钟就赶到了，这表买得值");
            assertComplaint("奶奶戴的星河手表检测到跌倒却一直没打给我，她在地上躺了一个小时才被邻居发现", "SAFETY_LEGAL", "CRITICAL");
            assertComplaint("宝宝喝了暖暖奶粉吐了一晚上，还好发现得早送了医院，这钱花得值吗？", "SAFETY_LEGAL", "CRITICAL");
            // eaten first, then ill: the help does not make the harm anyone else's
            assertComplaint("宝宝喝了暖暖奶粉起红疹，还好店家很贴心帮忙联系了医生", "SAFETY_LEGAL", "CRITICAL");
            assertComplaint("喝了鲜到家送来的牛奶就开始拉肚子，谢谢你们[泪]", "SAFETY_LEGAL", "HIGH");
            // a fall at the brand's store told without praise is still one
            assertComplaint("孩子在鼎味门口滑倒摔伤了，地上全是水也没人拖", "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void harmOverBeforeTheBrandCameInIsNoComplaintOfTheBrand() {
            // ill first, discharged, then the brand: it did not cause the harm, and the
            // negative tone is the harm's
            TextAnalysis discharged = analyze("上周发烧住院了三天，出院第一件事就是去青柠咖啡喝了杯拿铁，活过来了");
            assertFalse(discharged.complaint);
            assertFalse(analyze("今天打完疫苗有点头晕，出来去青柠咖啡喝了杯拿铁压压惊[微笑]").complaint);
            // no cue that the harm was over: the brand may have caused it
            assertComplaint("上周发烧住院了三天，都是青柠咖啡的三明治害的", "SAFETY_LEGAL", "CRITICAL");
            // something eaten before the brand is named may have caused it
            assertComplaint("吃了三明治就住院了，出院后才知道是青柠咖啡的", "SAFETY_LEGAL", "CRITICAL");
            // harm told after the brand is harm the brand may have caused
            assertComplaint("出院后去青柠咖啡喝了杯拿铁，结果又上吐下泻", "SAFETY_LEGAL", "HIGH");
            // a hazard keeps it the brand's
            assertComplaint("住院三天，出院后去青柠咖啡，三明治里吃出虫子", "SAFETY_LEGAL", "CRITICAL");
            // the harm had a cause of its own before the brand comes in: a vaccine, a fall off a
            // bike (and 少发, a delivery fault, is not in 有少少发烧)
            assertFalse(analyze("儿子打完疫苗有少少发烧，叫了青柠咖啡的热可可外送，好彩有佢").complaint);
            assertNoComplaintNorCrisis("骑电动车摔了一跤手肘擦伤，包里的青柠咖啡保温杯一点没凹，真耐摔");
            // what was eaten before the brand was the harm's own cause (抗生素)
            assertFalse(analyze("外婆吃了抗生素一直胃痛，今天叫了青柠咖啡的白粥，她终于吃了几口").complaint);
            // a sick child at home, a sprain in PE class, before the brand comes in
            assertFalse(analyze("女儿发烧请假在家，用青柠咖啡送的平板跟奶奶视频，一下就不哭了").complaint);
            assertFalse(analyze("上体育课崴了脚，青柠咖啡的外卖小哥帮我把咖啡送上楼，好暖").complaint);
            // a parent's check-up the writer went along to, a fall at work, before the brand
            assertNoComplaintNorCrisis("陪我妈去医院复查，排队排了三个钟，累到崩溃，幸好楼下有家青柠咖啡");
            assertFalse(analyze("返工跌亲擦损咗手，同事买咗杯青柠咖啡俾我压惊").complaint);
            // the same cause, with the harm after the brand: the brand may have caused it
            assertComplaint("骑车去青柠咖啡买了三明治，吃完就上吐下泻", "SAFETY_LEGAL", "HIGH");
            // a diagnosis told as why the writer gives the brand up; a tooth pulled, a finger cut
            // while cooking, before the brand
            assertNoComplaintNorCrisis("医生说我胆囊有问题，奶茶得戒了，青柠咖啡我们来世再见");
            assertNoComplaintNorCrisis("拔完智齿脸肿了，医生说三天不能吃硬的，只能点青柠咖啡的燕麦奶了");
            assertNoComplaintNorCrisis("做饭时切到手指，去诊所缝了一针，今晚只好点青柠咖啡的三明治");
            // what was drunk first stays the harm's likely cause, whatever the doctor said after
            assertComplaint("宝宝喝了青柠咖啡的奶昔拉肚子住院，医生说暂时不能再喝了", "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void aBeliefPutRightIsNoHarm() {
            assertNoComplaintNorCrisis("青柠咖啡的抽奖说我中了咖啡机，还以为是诈骗，结果真的寄来了");
        }

        @Test
        void helpAskedForIsNoHelpReceived() {
            assertComplaint(
                    "求扩散！云途的快递车在小区倒车撞到我外婆，81岁，腿摔骨折住院了，快递员跑了，谁能帮帮我们🙏", "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void aPlaceOfCareThatOnlySaysWhereAndAKindOfPersonAreNoHarm() {
            assertNoComplaintNorCrisis("医院门口那家青柠咖啡今天人好多，排了十分钟才买到");
            assertNoComplaintNorCrisis("我这种烂脸星人用青柠的洗面奶三个月，皮肤稳定多了");
        }

        @Test
        void harmTheWriterClearsTheProductOfIsNotTheBrandsButItsOwnDenialClearsNothing() {
            assertNoComplaintNorCrisis("儿子喝完青柠的鲜榨橙汁起了一身疹子，抱去医院一查是水痘，跟橙汁没关系，虚惊一场");
            assertComplaint("青柠客服说我儿子喝了他们的橙汁过敏住院跟他们没关系，这也能甩锅？", "SAFETY_LEGAL", "CRITICAL");
            // the writer taking the blame clears the brand; blaming it after 不怪 someone else does
            // not
            assertNoComplaintNorCrisis("肚子疼了一天，不怪鼎味哈，是我自己吃了太多冰的");
            assertComplaint("不怪店员，怪你们的奶粉，宝宝喝完吐了一晚上", "SAFETY_LEGAL", "CRITICAL");
        }

        @Test
        void aBrandThatTookTheBlameForSomethingElseDidNoHarm() {
            assertNoComplaintNorCrisis("昨晚拉肚子怪到青柠咖啡头上，结果是我吃了隔夜的剩饭，青柠咖啡背锅了");
        }

        @Test
        void aSymptomToldAsGoneIsNoHarm() {
            assertNoComplaintNorCrisis("宝宝用了一整个夏天青柠联名的尿布，一次都没起过红屁屁");
            assertNoComplaintNorCrisis("宝宝换了青柠咖啡联名的口水巾以后湿疹好了，推荐给各位妈妈");
            assertComplaint("喝了青柠咖啡就过敏了，吃了药才好了", "SAFETY_LEGAL", "HIGH");
        }

        @Test
        void aRumourCalledUntrueIsNoHazard() {
            assertNoComplaintNorCrisis("青柠咖啡声明：网传“咖啡含甲醛”不实，检测报告已公布");
            TextAnalysis regulator = analyze("食药监通报：青柠咖啡门店抽检的样品全部合格");
            assertFalse(regulator.complaint);
            // the brand's denial of a claim quoted, in Traditional
            assertNoComplaintNorCrisis("青檸咖啡聲明：網傳「防腐劑超標」內容不實，經檢測並無此成分");
            // called untrue later in the same sentence; and a rumour said to be true stays one
            assertNoComplaintNorCrisis("青柠咖啡：近日网传本店沙拉“吃出蟑螂”，经核查监控并无此事，网传内容不实");
            assertTrue(analyze("网传青柠咖啡“食物中毒”，这不是谣言，我同事就住院了").crisis);
            // its word that another brand's recall is not its own: no complaint, and not its crisis
            assertNoComplaintNorCrisis("另一家品牌的奶粉召回，青柠咖啡声明联名款与该批次无关");
            // the whole quoted claim called untrue, not only its last word; another brand's
            assertNoComplaintNorCrisis("网传“北岸奶茶检出塑化剂”不实，请大家别再转了");
            assertNoComplaintNorCrisis("疯传的“青柠咖啡杯起火”视频，消防已经说明是别的牌子的保温杯");
        }

        @Test
        void anotherPartysCrisisIsNotTheBrands() {
            for (String text :
                    new String[] {"某连锁面包品牌被曝使用过期原料，青柠咖啡表示供应商与之无关", "隔壁大楼半夜起火，好在青柠咖啡还开着，让大家进去避一避"}) {
                TextAnalysis a = analyze(text);
                assertFalse(a.crisis, text);
                assertFalse(a.complaint, text);
            }
            // the same words, the brand's own: its crisis
            assertTrue(analyze("青柠咖啡门店后厨起火，店员都跑出来了").crisis);
            assertTrue(analyze("某门店的青柠咖啡被曝使用过期牛奶").crisis);
        }

        @Test
        void careForSomethingElseIsNoCrisis() {
            // (the care counts where the post reads negative: 她开心得不行 reads negative to the model,
            // and that post is still called a complaint)
            assertNoComplaintNorCrisis("同事阑尾炎住院了，下班给她带了杯青柠咖啡，她说是这几天最开心的一刻");
            assertTrue(analyze("喝完青柠咖啡肚子疼，半夜住院了").crisis);
        }

        @Test
        void harmThatIsAskedAboutOrNegatedIsNoComplaint() {
            assertFalse(analyze("这个牌子的奶粉喝了会过敏吗？").complaint);
            assertNoComplaintNorCrisis("青柠咖啡联名的奶瓶防胀气做得很好，宝宝喝完再也不哭闹了👍");
            assertFalse(analyze("喝了三年青柠咖啡，从来没有拉肚子，放心").complaint);
            // care not taken reads away the place inside it too (去医院 holds 医院)
            assertComplaint("喝了青柠的冰沙拉了一晚上，懒得去医院，吃了点药", "SAFETY_LEGAL", "HIGH");
            // a negation before a passive
            assertNoComplaintNorCrisis("青柠咖啡的燕麦奶没有被召回，别信谣");
        }

        @Test
        void sickLeaveIsNoCareVisit() {
            assertComplaint("喝了青柠咖啡的冷萃后一直拉肚子，今天只好请假躺在床上", "SAFETY_LEGAL", "HIGH", true);
        }

        @Test
        void aShopSellingFakesIsASafetyLegalMatter() {
            assertComplaint("青柠咖啡旗舰店居然售假，买到的挂耳是假的，已经投诉到市场监管局", "SAFETY_LEGAL", "HIGH", true);
        }

        @Test
        void aPetIsNoPersonSoAPetHospitalIsNoCareVisit() {
            assertComplaint("狗狗偷吃了青柠咖啡的蛋糕，吐了两次，连夜送宠物医院", "SAFETY_LEGAL", "HIGH");
        }
    }

    @Nested
    class SevereWordsInContext {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    // where the writer works, none of it; an inspection passed; fiction; figures
                    "我老公是医生，下了手术台就要一杯北岸",
                    "周末玩剧本杀抽到投毒本，凶手居然是奶茶店老板，拎着北岸的我好尴尬",
                    "家里的烟雾报警器被我炒菜弄响了，赶紧点了鼎味外卖",
                    "保险条款里写烧烫伤也能赔，我妈问喝北岸烫了嘴算不算",
                    "我在急诊科上夜班，值完班来一杯北岸",
                    "鼎味后厨没有任何食物中毒的隐患，放心吃",
                    "看到青柠的账单我差点叫救护车",
                    "悦颜全线产品已通过第三方重金属检验",
                    "小说里写了个反派在奶茶里投毒，北岸粉别对号入座",
                    "这个月在北岸花太多，钱包已经进ICU了",
                    "鼎味的麻辣锅贴辣到嘴巴着火还停不下来",
                    "星河新机跑分爆炸，发热控制也好",
                    // a leak of photos, a game's returning players, a taste that explodes, a
                    // check-up
                    "星河新机的谍照泄露了，后盖好好看",
                    "星河游戏中心上线召回老玩家活动，登录送皮肤",
                    "北岸的新品第一口就灵魂爆炸",
                    "体检尿酸超标，只能跟北岸的奶茶说再见了",
                    "医生建议我少喝奶茶，只好跟北岸说再见了",
                    "刚在医院值完夜班，护士站一人一杯北岸",
                    "从来没在鼎味拉过肚子，更别说食物中毒了",
                    "青柠咖啡的新品好吃到爆炸！！",
                    "这杯好喝到中毒，天天都想喝",
                    "请问会员积分什么时候过期？",
                    "市场监管局公布本季度食品抽检结果，青柠咖啡等品牌均未检出问题",
                    "放心，买回来检查过了，没有过期",
                    // a guess that ends the clause
                    "今日飲咗三杯青檸，應該唔會咖啡因中毒掛😂",
                    "一天三杯北岸，迟早奶茶中毒吧哈哈",
                    // a notice that delivery may be late, something the writer lost
                    "青柠咖啡外送春节期间照常，部分地区可能会有延迟，敬请谅解",
                    "青柠的会员卡被我弄丢了，哭",
                    // a coupon (张) that expired
                    "青柠的满减券谁还有多的？我这张过期了",
                    // a severe word in a product's quoted name, asked about; a feature's name
                    "青柠咖啡你们那款\"中毒拿铁\"孕妇可以喝吗？",
                    "青柠咖啡联名儿童手表上线，支持跌倒检测和一键呼救",
                    // praise by 到 and a few words; a worry asked (会不会), however the clause ends;
                    // tiredness told as a body part breaking
                    "青柠咖啡的新品好喝到原地爆炸💥",
                    "青柠咖啡的拿铁香到违法",
                    "敏感肌用青柠咖啡联名面膜会不会过敏😂",
                    "在青柠咖啡门店打了一天工，腰快断了，不过同事人很好",
                    // a condition a baby has, named in a question
                    "有没有宝妈知道，湿疹宝宝能喝青柠咖啡的燕麦奶吗？",
                    // garbage taken out, not a product called rubbish; a bad skin spell it cured
                    "青柠咖啡的骑手送餐时还顺手帮我把垃圾带下楼了，好暖心",
                    "青柠咖啡联名的修护面霜yyds，换季烂脸全靠它救回来了✨",
                    // a queue worth it
                    "青柠咖啡的鸡肉卷排队半小时也值",
                    // a simile of speed
                    "青柠咖啡外卖快得像诈骗，刚下单就到了",
                    // a question in words with no mark; food still hot on arrival
                    "鲜到家的小编在吗～想问下优惠券什么时候过期",
                    "青柠咖啡的鸡肉卷送到还是烫嘴的，好评",
                    // a supposition; one of two things asked about
                    "要是哪天青柠咖啡的三明治吃出虫子，我就再也不去了",
                    "有人收到青柠咖啡送券的短信吗？是官方活动还是诈骗啊？",
                    // an inspection passed, told later in the sentence
                    "市场监管局抽查青柠咖啡10家门店，样本全部合格",
                    // the consequence of a supposition; taste and colours beyond words
                    "要是青柠咖啡的外卖再洒一次，我就当场去世",
                    "青柠咖啡的新品甜到想报警",
                    "青柠咖啡新杯子的配色撞得我眼睛疼",
                    // a wish not to step on a mine
                    "求问青柠咖啡哪款最好喝？第一次去不想踩雷",
                    // an ambulance nearly called, in a joke
                    "青柠咖啡的新品香到犯罪，喝撑了差点要叫救护车哈哈",
                    // a documentary about food safety
                    "看了一晚上食品安全纪录片，只敢喝青柠咖啡了",
                    // asked in words, without a question mark
                    "@青柠咖啡官方 储值卡还剩两百，想知道什么时候过期",
                    // a belief the writer dropped, in a joke
                    "青柠的新品冰美式太冰了，喝完还以为要去医院洗胃哈哈，结果睡一觉就好",
                    // hooked on it; praise as an explosion
                    "青柠咖啡的开心果拿铁我中毒了，这周回购第四杯",
                    "北岸的芋泥啵啵好喝到整个人爆炸般幸福",
                    // redness gone after a while; a rival's
                    // hospital stay as a joke; a coupon about to expire
                    "悦颜这个修护霜是烂脸救星，刷酸后泛红两天就消了",
                    "星河发布会杀疯了，友商看完怕是要连夜住院🤣",
                    "北岸的会员券明天就过期了，赶紧去用",
                    // never had it; none of it (零…); a coupon that expires today
                    "用暖暖的湿巾半年了，宝宝红屁屁一次都没有过",
                    "悦颜的舒缓水用了一个月，零泛红零刺痛，回购",
                    "青柠的买一送一券今天过期了，还好昨天用掉了",
                    // fooled by the weather, not by a seller
                    "又被天气预报忽悠了，说好的降温呢，青柠冰美式续命",
                    // the brand's own refusal, politely put
                    "您好，您的订单已超过价保期，很抱歉无法为您申请差价退还，感谢您的理解。",
                    // a rumour answered by a retest that passed
                    "北岸回应“奶茶含异物”传闻：复检结果显示各项指标符合国家标准",
                    // a doctor friend's advice
                    "儿科医生朋友说一岁以内的宝宝别喝奶茶，北岸再好喝也忍住",
                    // hooked, and missing it daily
                    "鲜到家的榴莲千层有毒吧 吃了一次就中毒 现在天天想它",
                    // a drill, the writer's own work at a hospital, a hospital as a partner
                    "星河门店今天搞消防演练，模拟火灾疏散，店员小姐姐好专业",
                    "儿科护士的日常：打了六十针，下班奖励自己一杯北岸",
                    "暖暖母婴携手多家医院举办孕妈课堂，周六线上直播",
                    // calories counted, a skin condition the product helped with
                    "减脂期想问问，北岸的轻食碗有人算过热量吗",
                    "悦颜的精华救了我的烂脸，现在皮肤稳定多了",
                    // a fear of what may come, a supposition asked, an inspection passed, a feature
                    "北岸的鲜奶想多买几瓶，又怕放冰箱喝不完过期",
                    "@鲜到家客服 会员卡过期了是直接清零吗？",
                    "鼎味新店开业，消防验收和食品安全检查均一次通过",
                    "星河儿童手表的一键报警好用吗，给女儿买之前问问",
                    // a hospital stay beside someone else's bed
                    "在医院陪护外婆一周，天天点鼎味外卖，她说比食堂好吃",
                    // a worry that did not come true; a dream; a test the battery passed
                    "本来担心这款面霜会让我闺女过敏，擦了半个月脸蛋嫩嫩的",
                    "做梦梦见星河手机爆炸了，吓醒一看它在安静地充电",
                    "星河新机过了跌落测试和高温测试，电池均未起火爆炸，放心入",
                    // praise that dies on the spot; praise that breaks the law
                    "北岸新出的芝士葡萄好喝到我当场去世",
                    "青柠这款桂花拿铁好喝得有点违法了",
                    // ears smoking from chilli, a skin type, a friends' joke, a class, a gift
                    "北岸的新品辣到我耳朵冒烟，但真的好好喝",
                    "过敏肌亲测，悦颜这款面霜用了一个月很稳",
                    "抽中一年份青柠咖啡券，闺蜜说要报警抓我哈哈",
                    "暖暖门店开了新手爸妈课，教呛奶处理，免费的",
                    "悦颜捐赠一百万元，专项用于烧伤患儿的治疗",
                    // a drill's scenario, a fate foretold, a question about a test
                    "云途仓库今天消防演习，模拟分拣区起火后三分钟疏散完毕",
                    "期末周每天三杯青柠，室友说我迟早咖啡因中毒",
                    "@暖暖母婴官方 你们的湿巾做过甲醛检测吗？",
                    // a flight delayed, not a parcel
                    "航班延误两小时，在候机厅喝着青柠拿铁发呆",
                    // a joke taken back, a wallet that "explodes", a rumour denied, a fear asked
                    "北岸的芝士奶盖好喝到中毒，放心不会真的中毒哈哈",
                    "又被青柠的续杯券种草了，一天三杯，钱包原地爆炸",
                    "网传\"星河召回手机\"系谣言，此次升级不涉及任何产品召回",
                    "有人在鲜到家买过海鲜吗？有点怕送来不新鲜",
                    // a username names someone; its words report nothing
                    "@食物中毒的猫 今天去青柠喝了拿铁，好喝",
                    // a safety class, an inspection passed
                    "云途网点今天做安全培训，教大家锂电池起火怎么处理",
                    "鼎味：本店年度食品安全检查已顺利通过，感谢大家监督",
                    // an allergy one has, said in English before a question
                    "@LimeCafe does the oat latte contain nuts? my kid is allergic",
                    // a product that saved a tired parent's night
                    "暖暖的安抚奶嘴真的救了我，宝宝八点就睡了[泪]",
                    // a drill; a charity visit; someone who works at a place of care; a quoted
                    // theme's name; a night in the resuscitation room, for a staff member
                    "青柠咖啡门店今天搞了一场后厨起火应急演练，店员三分钟就全部撤出",
                    "青柠咖啡今天去儿童医院烧伤科做公益，给小朋友们送热可可",
                    "产科医生老公连轴转了36小时，到家第一句话是给我点青柠咖啡",
                    "牙科诊所前台下班打卡，今天又看人拔了八颗智齿，奖励自己一杯青柠咖啡",
                    "青柠咖啡出了个“急诊室”系列杯套，护士朋友们都抢疯了",
                    "夜班急诊第三个抢救室刚消停，护士长请全组喝青柠咖啡续命",
                    // a season of bad skin the brand's product got one through
                    "换季烂脸期全靠青柠咖啡的燕麦拿铁续命",
                    // a doctor's all-clear or praise is no visit for harm
                    "住院十二天终于出院！第一件事冲去青柠咖啡点了杯燕麦拿铁，医生说可以喝咖啡了",
                    "宝宝体检医生都夸长得好，一直喝的是青柠咖啡联名的燕麦奶",
                    // smelling so good one would call the police; an ad that makes one sick
                    "青柠咖啡新出的桂花拿铁香得要报警",
                    "青柠咖啡那个新广告看吐了，审美太差",
                    // a severe word in quotes of its own, used in another sense
                    "刚下高铁就被主管一个电话“召回”单位，幸好站里有青柠续命",
                    // a severe word the writer takes back as a joke
                    "星河这台打一晚上游戏烫到要爆炸——开玩笑的，其实也就温温的"
                })
        void praiseAPlainQuestionOrANegationSetsNoCrisis(String text) {
            TextAnalysis a = analyze(text);
            assertFalse(a.crisis, text);
            assertFalse(a.complaint, text);
        }

        @Test
        void aPlaceOfCareThatSomethingLooksLikeIsNoHarm() {
            assertComplaint("星河新出的配色白得跟医院墙一样，不喜欢", "PRODUCT_QUALITY", "LOW");
            assertFalse(analyze("星河新出的配色白得跟医院墙一样，不喜欢").crisis);
            // 那种 names the kind it is like
            assertComplaint("青柠咖啡的新纸杯好丑，像医院打吊瓶那种塑料杯", "PRODUCT_QUALITY", "LOW", false);
        }

        @Test
        void aTipsAdviceReportsNothingButAStoryAfterItDoes() {
            assertNoComplaintNorCrisis("温馨提示：青柠咖啡的保温杯别装滚烫的开水，容易烫伤，带娃的尤其注意");
            assertComplaint("提醒大家不要空腹喝冷萃。上周喝完青柠咖啡的冷萃我胃痉挛，半夜去了急诊", "SAFETY_LEGAL", "CRITICAL", true);
        }

        @Test
        void aMatterTheWriterCallsARumourIsNoCrisisUnlessTheyInsistItIsTrue() {
            assertNoComplaintNorCrisis("群里传青柠咖啡的三明治让人食物中毒，老谣言了，警察早就说过是假的");
            assertComplaint("不是谣言！我家孩子喝完青柠咖啡的奶昔真的住院了", "SAFETY_LEGAL", "CRITICAL", true);
        }

        @Test
        void anOldPictureIsNoNews() {
            assertNoComplaintNorCrisis("网传青柠咖啡三明治里吃出蟑螂的图，查了下是五年前的老图");
        }

        @Test
        void taiwaneseFrustrationIsNoVomiting() {
            assertComplaint("青柠咖啡刚买完就降价，申请价保被拒，超呕", "PRICE", "MEDIUM", false);
        }

        @Test
        void hardEnoughToHurtSomeoneIsAQualityComplaintNotHarm() {
            assertComplaint("鼎味的饺子皮硬得可以拿来打人，煮了半小时还这样", "PRODUCT_QUALITY", "MEDIUM");
            assertFalse(analyze("鼎味的饺子皮硬得可以拿来打人，煮了半小时还这样").crisis);
        }

        @Test
        void aSimileIsAComplaintWhenTheWordIsNotSevere() {
            assertComplaint("北岸的红茶稀得像刷锅水，喝了两口就扔了", "PRODUCT_QUALITY", "LOW");
        }

        @Test
        void aScamInTheBrandsNameIsACrisisButNoComplaintUnlessItKnewTheOrder() {
            TextAnalysis warning = analyze("有人冒充青柠咖啡客服打电话说要给我退款，让我下载会议软件，差点被骗，大家小心");
            assertTrue(warning.crisis);
            assertFalse(warning.complaint);
            assertComplaint("自称青柠咖啡客服的人报出我的订单号和地址，骗走我两千", "SAFETY_LEGAL", "HIGH");
            // others counted as taken in too: several people harmed
            assertComplaint("自称青柠咖啡客服的人报出我的订单号和地址，骗走我两千，楼里还有三个邻居也被骗了", "SAFETY_LEGAL", "CRITICAL");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // personal data sold
                    "刚在青柠下单，陌生人就打电话报出我的名字和地址推销，这是把我信息卖了",
                    // asking how a leak happened says that it did
                    "@青柠咖啡官方 我的订单号和地址怎么会被骗子知道？信息到底怎么泄露的？",
                    // dirt in the kitchen
                    "青柠咖啡后厨员工光着脚踩在装冰块的桶里"
                })
        void aSafetyMatterToldInOtherWordsIsASafetyCrisis(String text) {
            TextAnalysis a = analyze(text);
            assertEquals("SAFETY_LEGAL", a.complaintCategory, text);
            assertTrue(a.crisis, text);
        }

        @Test
        void praiseInFigurativeWordsIsNoComplaintWhateverTheTone() {
            // the model reads 犯罪 and 杀疯了 as negative; the phrase says they are praise
            assertFalse(analyze("青柠的新品香到犯罪，我一天喝两杯，钱包瘦了").complaint);
            assertFalse(analyze("北岸新出的芒果冰沙杀疯了 笑死 排队的人绕了三圈").complaint);
        }

        @Test
        void tearsOfBeingMovedAreNoComplaintUnlessTheSmileScorns() {
            // the model reads [泪] as sorrow; 感动 says the tears are of being moved
            assertFalse(analyze("云途小哥冒雨把快递扛上六楼，还一直说不好意思，感动[泪]").complaint);
            assertFalse(analyze("半夜问暖暖客服冲奶粉的事，回得又快又耐心，新手妈妈泪目[泪]").complaint);
            // the smile of scorn makes it sarcasm: a complaint still
            assertTrue(analyze("感谢云途让我体验了一把次月达[微笑] 上个月寄的今天才到，感动得想哭").complaint);
        }

        @Test
        void aTasteFoundByDrinkingIsNoForeignBody() {
            TextAnalysis a = analyze("青柠的拿铁喝出了洗锅水的味道");
            assertFalse(a.crisis);
            assertEquals("PRODUCT_QUALITY", a.complaintCategory);
        }

        @Test
        void theBrandsReplyIsNoComplaint() {
            assertNoComplaint("亲，看到您的反馈了，抱歉让您久等，这边已通过私信联系您");
            // the brand's reply that says it passed the matter on asks nothing either
            TextAnalysis passedOn = analyze("@青柠咖啡官方：您好，看到您的留言了，已转交门店店长跟进～");
            assertFalse(passedOn.question);
            assertFalse(passedOn.complaint);
        }

        @Test
        void whatADramasHeroineFindsIsFiction() {
            assertFalse(analyze("追的剧里好甜，女主在青柠咖啡的蛋糕里吃出一枚钻戒").crisis);
        }

        @Test
        void aProblemSupposedIsNone() {
            assertNoComplaint("假如哪天云途把我的手办弄丢了，我会哭死，还好今天到了");
        }

        @Test
        void theBrandAnnouncingARecallIsACrisisButNoComplaint() {
            TextAnalysis a = analyze("【公告】北岸将自愿召回部分批次吸管杯，用户可凭订单号申请退款");
            assertFalse(a.complaint);
            assertTrue(a.crisis);
        }

        @Test
        void aReportedCrisisIsOne() {
            assertTrue(analyze("青柠咖啡的牛奶过期了还在卖，吃完拉肚子").crisis);
            assertTrue(analyze("手机充电的时候突然爆炸了").crisis);
            // a charger that burned, a strip of plastic bitten on
            assertComplaint("青柠联名的暖手宝充了一晚，插头烧黑了", "SAFETY_LEGAL", "HIGH");
            assertComplaint("北岸的鸡肉卷咬到一截塑料条，小票还留着", "SAFETY_LEGAL", "HIGH");
            // diarrhoea told by how long, however cheerfully; a hair, in English
            assertComplaint("鼎味的外卖吃完拉了一天，瘦了两斤哈哈哈", "SAFETY_LEGAL", "HIGH");
            assertComplaint("found a hair in my 青柠 salad, gross", "SAFETY_LEGAL", "HIGH");
            // a fish hook in fish, sparks from a charger (a soapy taste that harmed nobody is
            // taste: aSmellOfDetergentIsTasteUnlessItHarmed)
            assertComplaint("鲜到家的鳕鱼切开有一截鱼钩", "SAFETY_LEGAL", "HIGH");
            // an office taking turns on the squat toilet; a stomach rumbling all night; a little
            // brother's age in mixed English
            assertComplaint("我们组五个人中午点的青柠咖啡套餐，下午全员轮流蹲坑", "SAFETY_LEGAL", "CRITICAL", true);
            assertComplaint("青柠咖啡的鸡肉卷吃完，肚子咕噜了一整晚", "SAFETY_LEGAL", "HIGH", true);
            assertComplaint("my lil bro 8岁 喝青柠咖啡的热可可烫到嘴起泡", "SAFETY_LEGAL", "CRITICAL", true);
            // five at a party taking turns on the toilet
            assertComplaint("昨晚聚会点了三十个青柠咖啡的三明治，今天五个人轮流蹲厕所", "SAFETY_LEGAL", "CRITICAL", true);
            // an itchy rash in Cantonese; diarrhoea told as a long talk with the toilet
            assertComplaint("用咗青柠咖啡送嘅护手霜，搽完双手又红又痕", "SAFETY_LEGAL", "HIGH");
            assertComplaint("青柠咖啡新出的拿铁，喝完我跟马桶促膝长谈了一整晚", "SAFETY_LEGAL", "HIGH");
            assertComplaint("星河的充电器插上就冒火星，吓死人", "SAFETY_LEGAL", "HIGH");
            // 通过 as "by way of": no inspection passed
            assertTrue(analyze("孩子喝了暖暖奶粉住院了，家长们都通过12315投诉了").crisis);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // a workload, blood pressure from sweetness, a wallet: figures of speech
                    "周一开会KPI爆炸，还好有青柠咖啡续命",
                    "青柠咖啡的焦糖布丁甜到我血压爆炸，但是好好吃",
                    "连喝一周青柠咖啡，我的钱包今天宣告死亡",
                    "青柠咖啡一个月喝了30杯，我的肝都要被召回了",
                    "年会抽中青柠咖啡年卡，激动到差点被120拉走",
                    // a word alone in scare quotes is mentioned, not done
                    "同事说我再不陪他去青柠咖啡就'起诉'我",
                    // a novel's plot; a headline the writer calls clickbait
                    "这部小说写主角喝咖啡中毒，青柠咖啡还被写进去了",
                    "热搜'青柠咖啡起火'吓我一跳，点进去是条标题党"
                })
        void figuresPlotsScareQuotesAndClickbaitAreNoCrisis(String text) {
            assertNoComplaintNorCrisis(text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "今天真的心情爆炸，想买杯奶茶平复一下[微笑]",
                    "论文改了八遍还不过，整个人很爆炸",
                    "室友又不打扫卫生，请原地爆炸谢谢",
                    "青柠咖啡X9性能直接爆炸💥 发布会尖叫不停",
                    "物理老师上课放了个粉尘爆炸的视频，全班看呆了，下课去青柠咖啡压压惊"
                })
        void anExplosionWithNothingThatCanExplodeIsAFigure(String text) {
            assertNoComplaintNorCrisis(text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // what befalls a wallet is money spent; a routine follow-up visit; a joke's
                    // police
                    "这个月在青柠咖啡花了两千，钱包要中毒身亡了",
                    "陪外婆去医院复诊，回来路上买了杯青柠咖啡",
                    "隔壁桌点了十杯青柠咖啡，说再喝就要报警了哈哈"
                })
        void aWalletsHarmAFollowUpVisitAndAJokesPoliceAreNoCrisis(String text) {
            assertNoComplaintNorCrisis(text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // how far a longing or a pastime went; words taken back; what would follow
                    // if it happened again; a passport's date; an idiom's fire
                    "北岸的芋泥波波什么时候返场啊？馋它馋到快住院了",
                    // a cut while cutting fruit; news of someone abroad; love that expired; a
                    // rescue
                    // recommended
                    "切芒果切到手指缝了三针，还好青柠咖啡的外卖能单手吃",
                    "新闻说国外有人充电宝爆炸，我妈把我的青柠咖啡联名充电宝没收了",
                    "过期的不是青柠咖啡的优惠券，是我的爱情",
                    // news of another firm, another platform, the shop next door, a mall; a drill;
                    // a lawyer friend's cases; a nurse's day
                    "外地一家食品厂因使用过期原料被罚，本市监管局说该厂与青柠咖啡无供货关系",
                    "刷到新闻说某外卖平台被消费者集体起诉了，默默打开青柠咖啡点了杯拿铁",
                    "青柠咖啡门店旁边那家火锅店昨晚着火了，消防车堵了半条街",
                    "下午隔壁商场起火了，我正在青柠咖啡排队，店员带我们从安全通道出去",
                    "公司组织火灾逃生培训，讲师一边讲一边喝青柠咖啡",
                    "律师朋友说最近接了好多网购诈骗的案子，买咖啡还是认准青柠咖啡官方小程序",
                    "急诊护理师的日常：被家属骂到躲厕所哭，下班买杯青柠咖啡安慰自己",
                    // the writer sued in jest; a pharmacist's day; a wish to call the police or an
                    // ambulance out of delight; a fall before the brand's watch was bought
                    "男朋友说要起诉我蓄意谋杀他的心脏，都怪青柠咖啡的新口红颜色",
                    "我是药师，今天有个阿婆拿着过期三年的药来问还能不能吃，下班去青柠咖啡压压惊",
                    "青柠咖啡好吃到我想报警，撑得快要叫救护车了哈哈",
                    "我妈上周滑了一跤手腕骨折，给她买了个青柠咖啡联名手表，能一键呼叫",
                    // a suit or a recall of the writer's own people
                    "我要起诉我室友！偷喝我买的青柠咖啡还不承认",
                    "建议召回我男朋友，让他买青柠咖啡的拿铁，买回来一杯美式",
                    "追剧追到ICU，男主死了我也跟着死了，只有北岸能把我拉回来😭",
                    "熬夜赶方案熬到快进医院，青柠咖啡续命中😭",
                    "我正式召回昨天说的那句“再也不喝北岸”",
                    "我妈说我再点鼎味外卖就要把我送医院",
                    "护照过期了，排队补办的时候买了杯青柠压压惊",
                    "期末考试完全爆炸 火烧眉毛 只能去北岸买杯奶茶安慰自己"
                })
        void aLongingWordsTakenBackAndAThreatIfAgainAreNoCrisis(String text) {
            assertNoComplaintNorCrisis(text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    // an allergy to a time of day; a slogan's words in quotes; a rumour the
                    // writer calls collapsed; a skin type
                    "我对早八严重过敏，症状是闹钟一响就头疼，唯一解药是青柠的冰美式",
                    "奶奶听到“召回”两个字就慌了，原来是北岸的广告语“召回你的夏天”",
                    "群里又在传“喝奶茶致癌”，北岸的检测报告一贴，谣言不攻自破",
                    "悦颜这瓶面霜是我这种过敏肌的救星，用了一个月稳稳的"
                })
        void anAllergyToLifeASloganARumourCollapsedAndASkinTypeAreNoCrisis(String text) {
            assertNoComplaintNorCrisis(text);
        }

        @Test
        void anAllergyToAFoodStaysHarm() {
            assertComplaint("我奶奶对花生过敏，在鼎味吃了花生酱拌面以后嘴唇肿了", "SAFETY_LEGAL", "CRITICAL", true);
        }

        @Test
        void whatWentAsFarAsHospitalByEatingOrARecallOfAThingStaysACrisis() {
            assertComplaint("宝宝喝了暖暖奶粉吐到住院", "SAFETY_LEGAL", "CRITICAL", true);
            assertComplaint("北岸宣布召回这批珍珠，已经有人喝完肚子疼", "SAFETY_LEGAL", "HIGH", true);
            // 再吃就要 supposes the next time; last night's vomiting still happened
            assertComplaint("吃了鼎味的小龙虾再吃就要进医院了，昨晚已经吐了三回", "SAFETY_LEGAL", "HIGH", true);
        }

        @Test
        void anExplosionOfAThingThatCanExplodeStaysACrisis() {
            assertComplaint("青柠咖啡门店的咖啡机突然爆炸，店员手臂被烫伤送医", "SAFETY_LEGAL", "CRITICAL", true);
        }
    }

    @Nested
    class Categories {
        @Test
        void priceComplaints() {
            assertComplaint("刚买就降价了，还不保价，气死", "PRICE", "MEDIUM");
            assertComplaint("自动续费扣了我三十块，根本没提醒，太坑了", "PRICE", "MEDIUM");
            // a price risen to a figure, and before a smaller portion (PRICE is tested first)
            assertComplaint("还有天理吗？一碗馄饨涨到28块", "PRICE", "MEDIUM");
            assertComplaint("水饺一盘从120涨到150，份量还变少了", "PRICE", "MEDIUM");
            assertComplaint("青柠的拿铁又涨了两块，杯子还变小了", "PRICE", "MEDIUM");
            assertComplaint(
                    "@LimeCafe the order was cancelled but I was still charged", "PRICE", "MEDIUM");
            // many customers up in arms
            assertComplaint("青柠全线涨价三块，评论区骂声一片", "PRICE", "HIGH");
            // dearer than in the shop, and money paid in that never arrived
            assertComplaint("青柠咖啡外卖比店里贵好多，一杯拿铁差了九块", "PRICE", "MEDIUM");
            assertComplaint("在青柠咖啡app充的两百块到现在都没到账", "PRICE", "MEDIUM");
            assertComplaint("青柠咖啡嘅mocha由$34加到$39，唔再帮衬", "PRICE", "MEDIUM");
        }

        @Test
        void personalDataLeakedIsASafetyLegalCrisis() {
            for (String text :
                    new String[] {
                        "只在青柠咖啡填过会员资料，现在天天接推销电话，我的信息漏出去了都没人说一声",
                        // asked how it leaked: the leak is not in question
                        "骗子报出我在青柠咖啡的订单号和地址，骗走两千块，这信息是怎么漏的？",
                        "青柠咖啡会员刚注册，推销电话就报出我的全名，信息到底卖给谁了"
                    }) {
                TextAnalysis a = analyze(text);
                assertTrue(a.complaint, text);
                assertEquals("SAFETY_LEGAL", a.complaintCategory, text);
                assertTrue(a.crisis, text);
            }
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    // damaged on the way, told by a count; late, told by the clock; missing from
                    // the box
                    "鲜到家送来的一盒鸡蛋碎了8个，蛋黄糊得满袋都是 | LOGISTICS | MEDIUM",
                    "鲜到家预计送达十点，实际送达十一点四十 | LOGISTICS | MEDIUM",
                    "星河寄来的盒子里只有充电线，耳机本体不在里面 | LOGISTICS | MEDIUM",
                    // made wrong at the counter
                    "刚在青柠门口拿到咖啡，店员把我的热拿铁做成了冰美式 | SERVICE | MEDIUM",
                    // a coupon that may not be combined is refused
                    "北岸的第二杯半价券，到店被告知不可叠加会员价 | PRICE | MEDIUM",
                    // complaints told by the figures alone: a count, the price before and after, a
                    // refund short, a time promised and missed
                    "鼎味的锅贴菜单写一份10个，今天数了只有7个 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡的会员月费从$15调到$25 | PRICE | MEDIUM",
                    "鲜到家取消订单付了56.8，退回来49.8 | PRICE | MEDIUM",
                    "鲜到家预计6点前送达，实际8点20到 | LOGISTICS | MEDIUM",
                    // the wrong thing sent, told from what came to what was ordered
                    "悦颜旗舰店寄来的是03号色，我订单上写的是05号色 | LOGISTICS | MEDIUM",
                    // damage told count first; the wrong item told from what was received
                    "鲜到家的鸡蛋碎了5个，外箱连个缓冲都没有 | LOGISTICS | MEDIUM",
                    "云途送到嗰阵个箱扁晒 | LOGISTICS | MEDIUM",
                    "我下单的是白色，收到的是黑色 | LOGISTICS | MEDIUM",
                    // left at the door in the rain; tracking that never moves
                    "云途把我的快递堆在单元门口，一场雨全湿了 | LOGISTICS | MEDIUM",
                    "我的云途包裹已揽收三天，物流一条都没更新 | LOGISTICS | MEDIUM",
                    // a runaround, and a desk that says it is not theirs
                    "商家让我找平台，平台又让我找商家，折腾了一周 | SERVICE | MEDIUM",
                    "问了三个客服，每个都说这个不归我管 | SERVICE | MEDIUM",
                    // money: a charge found at the bill, a price scorned, a voucher that expired
                    "鼎味小馆每位收$10茶钱，埋单先知 | PRICE | MEDIUM",
                    "一份饺子卖到45，是金子包的吗 | PRICE | MEDIUM",
                    "医院门口的青柠比别处贵5块，钱就这么好赚？ | PRICE | MEDIUM",
                    "北岸的50元券一到结算就显示已失效 | PRICE | MEDIUM",
                    // no notice of a closure; a free gift that was a sample, not said
                    "门口写着照常营业，结果关门了，公众号一条通知都没发 | COMMUNICATION | MEDIUM",
                    "悦颜直播说买一送一，送的是小样，主播一个字都没提 | COMMUNICATION | MEDIUM",
                    // wear, dust, a portion shrunk
                    "星河的新手机镜头里有灰 | PRODUCT_QUALITY | MEDIUM",
                    "学饮杯的盖子没用几次就滑丝了 | PRODUCT_QUALITY | MEDIUM",
                    "婴儿推车的轮子咯吱咯吱响 | PRODUCT_QUALITY | MEDIUM",
                    "鼎味的饺子一份从12个缩到10个 | PRODUCT_QUALITY | MEDIUM",
                    // ads that disrespect or mock; a place that smells
                    "青柠新广告把外卖员拍得笨手笨脚，很不尊重人 | OTHER | MEDIUM",
                    "星河新广告暗讽全职妈妈只会刷手机，谁批的文案 | OTHER | MEDIUM",
                    "鼎味的洗手间味道冲得隔着门都能闻到 | OTHER | MEDIUM",
                    // the place left dirty
                    "北岸这家店桌子黏糊糊的，垃圾桶满得往外冒 | OTHER | MEDIUM",
                    // an ad that sells anxiety
                    "悦颜新广告说不化妆就是不自律，这种焦虑营销真让人反感 | OTHER | MEDIUM",
                    // copy that glorifies overwork
                    "北岸新海报写着通宵加班才配喝好茶，美化熬夜，真的反感 | OTHER | MEDIUM",
                    "青柠外卖的骑手门都不敲，放楼下就走了 | LOGISTICS | MEDIUM",
                    "常去的青柠门店突然关了，没有任何通知，官方一声不吭 | COMMUNICATION | MEDIUM",
                    "青柠的app更新后一打开就闪退，差评 | PRODUCT_QUALITY | MEDIUM",
                    "新买的手表才两周，表盘里面起雾了 | PRODUCT_QUALITY | MEDIUM",
                    "青柠新出的椰子拿铁兑了多少水，完全喝不到椰子味 | PRODUCT_QUALITY | LOW",
                    "手表送去青柠联名维修点两周了，问进度没人说得清楚 | COMMUNICATION | MEDIUM",
                    // a claim of the brand's, asked back
                    "青柠咖啡一杯美式卖到36，这也叫平价？ | PRICE | MEDIUM",
                    "寄去隔壁区的文件走了一周，呢個都叫快遞？ | LOGISTICS | MEDIUM",
                    // a coupon refused by its conditions, nobody human answering, a glare at the
                    // counter, a phone restarting itself, a delivery still not here, a papery taste
                    "青柠咖啡的满减券结账时说不满足使用条件，白领了 | PRICE | MEDIUM",
                    "给青柠咖啡发了好几次消息，一个真人都没有 | COMMUNICATION | MEDIUM",
                    "我问能不能加冰，青柠咖啡的店员白了我一眼 | SERVICE | MEDIUM",
                    "在青柠咖啡App买的耳机，连上手机就自己重开机 | PRODUCT_QUALITY | MEDIUM",
                    "外卖下单两个小时了 @LimeCafe still not here | LOGISTICS | MEDIUM",
                    "青柠咖啡新出的燕麦拿铁有股纸板味 | PRODUCT_QUALITY | LOW",
                    // either of two faults (不是…就是) is no negation; an ad's claim not met;
                    // a taste said with 好
                    "青柠咖啡的热线打了一下午，不是占线就是排队 | COMMUNICATION | MEDIUM",
                    "青柠咖啡广告里说这款保温杯能保温12小时，三个小时就凉透了 | COMMUNICATION | MEDIUM",
                    "青柠咖啡的美式好酸 | PRODUCT_QUALITY | LOW",
                    // many words for the fault, then an exchange refused: SERVICE is tested first
                    "青柠咖啡联名的保温杯用了三天就漏水，杯盖也坏了，掉漆严重，门店一口咬定是人为损坏不给换 | SERVICE | MEDIUM",
                    // a payment that fails, a code used by someone else, silence on a rumour, a
                    // coffee not come, a price asked back in scorn
                    "青柠咖啡app付款失败，试了五次都付不了 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡的兑换券显示已使用，可我压根没用过 | PRICE | MEDIUM",
                    "青柠咖啡要关店的消息传了一周，官方一个字都没说 | COMMUNICATION | MEDIUM",
                    "Ordered from LimeCafe an hour ago, still no coffee | LOGISTICS | MEDIUM",
                    "青柠咖啡一杯美式卖38，怎么不直接去抢 | PRICE | MEDIUM",
                    // good at passing the buck, in scorn (真会 is no 'would'); a coupon for delivery
                    // only; late in minutes; a bot called names; the picture and the thing; a shop
                    // as loud as a club; thanks in scorn count nobody
                    "青柠咖啡的售后真会踢皮球，门店推客服，客服推门店 | SERVICE | MEDIUM",
                    "青柠咖啡app领的券到店说仅限外卖，白领了 | PRICE | MEDIUM",
                    "@LimeCafe my latte was 45 min late | LOGISTICS | MEDIUM",
                    "青柠咖啡的客服是人工智障吧，只会回亲亲 | COMMUNICATION | MEDIUM",
                    "青柠咖啡广告里的蛋糕满满奶油，实物只有薄薄一层，图片仅供参考是吧 | COMMUNICATION | MEDIUM",
                    "青柠咖啡店里音乐开得跟蹦迪一样 | OTHER | MEDIUM",
                    "谢谢你全家@青柠咖啡官方，外卖等了两小时还没到，到底什么时候能送？ | LOGISTICS | MEDIUM",
                    // a cashback not paid; a coupon the till will not take; a delivery sent to Mars
                    // in scorn; the wrong drink, in English
                    "青柠咖啡的下单返现活动说好返20，半个月了一分没到账 | PRICE | MEDIUM",
                    "青柠咖啡的第二杯半价券到店核销不了 | PRICE | MEDIUM",
                    "青柠咖啡是打算把我的外卖送去火星吗？ | LOGISTICS | MEDIUM",
                    "@LimeCafe ordered a latte but got a mocha | LOGISTICS | MEDIUM",
                    // an ad that makes a joke of bodies; a cup half ice
                    "青柠咖啡的新广告拿女生身材做梗 | OTHER | MEDIUM",
                    "青柠咖啡的冰拿铁冰块占一半 | PRODUCT_QUALITY | MEDIUM",
                    // Cantonese: left at the door without ringing
                    "外賣員將啲嘢放喺門口就走，門鐘都冇撳 | LOGISTICS | MEDIUM",
                    // English: a phone that no longer starts
                    "@LimeCafe my tablet from your collab is stuck on the boot logo after the"
                            + " update | PRODUCT_QUALITY | MEDIUM",
                    // the picture promised more than came
                    "青柠咖啡菜单上的蛋糕厚厚一层奶油，拿到手薄得透光，和宣传图不一样 | COMMUNICATION | MEDIUM",
                    // sent back and forth between the shop and the hotline
                    "门店叫我打热线，热线叫我回门店，踢了三天皮球 | SERVICE | MEDIUM",
                    // a claim that did not hold, and the brand asked how it dared
                    "青柠说这杯子保温十二小时，两小时就凉了，这也敢这么宣传 | COMMUNICATION | MEDIUM",
                    // taste that fell flat, and no second purchase
                    "青柠的新品抹茶拿铁抹茶味淡到几乎没有，不会回购 | PRODUCT_QUALITY | LOW",
                    // a refund refused, a whole estate or campus, a parcel dropped, taste by
                    // another name, a bot, a coupon refused, an ad mocking people (whatever the
                    // words of those it mocks), gold in the price, the brand's voice quoted by a
                    // customer, mould eaten
                    "青柠咖啡的退款申请又被驳回了，洒了一半说不符合条件 | SERVICE | MEDIUM",
                    "我们整个小区今天的青柠咖啡外卖都没送到，一直说在路上 | LOGISTICS | HIGH",
                    "青柠咖啡的快递包裹摔得外箱凹进去一块，杯子裂了 | LOGISTICS | MEDIUM",
                    "青柠咖啡的桂花拿铁我喝了两口，个人不太行 | PRODUCT_QUALITY | LOW",
                    "青柠咖啡的新拿铁一股香精味，不太是我的菜 | PRODUCT_QUALITY | LOW",
                    "整栋大楼的青柠咖啡外卖都被丢在门口，下雨全湿了 | LOGISTICS | HIGH",
                    "速递员将青柠咖啡嘅杯套装抛入嚟，入面啲杯碎晒 | LOGISTICS | MEDIUM",
                    "青柠咖啡的在线客服就是个复读机，转不了人工 | COMMUNICATION | MEDIUM",
                    "青柠咖啡的买一送一券，到店说新品不参与，白跑一趟 | PRICE | MEDIUM",
                    "青柠咖啡的新广告拿外卖骑手的口音开玩笑，看着很不舒服 | OTHER | MEDIUM",
                    "青柠咖啡热线一直线路忙碌，退款也完全没消息 | COMMUNICATION | MEDIUM",
                    "青柠咖啡的杯盖扣不紧，走一路滴到我裤子上，扣一星 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡突然全线涨价五块，校园群里几百号人在骂 | PRICE | HIGH",
                    "青柠咖啡一杯拿铁卖到38，是加了金子吗 | PRICE | MEDIUM",
                    "青柠咖啡店里洗手间一股味，坐着都能闻到 | OTHER | MEDIUM",
                    "青柠咖啡的店员全程黑脸，咖啡往桌上一撂就走了 | SERVICE | MEDIUM",
                    "青柠咖啡的焦糖拿铁甜到我牙都软了 | PRODUCT_QUALITY | LOW",
                    "青柠咖啡客服永远只回一句“已为您反馈”，然后就再也没人回了 | COMMUNICATION | MEDIUM",
                    "青柠咖啡的面包吃了两口才发现长了绿毛，现在胃里翻江倒海 | SAFETY_LEGAL | HIGH",
                    // a price out of reach, part of an order missing, canned replies, the staff's
                    // error blamed on the customer, a restart loop, a smaller portion than before,
                    // a dirty restroom
                    "学生党真的喝不起青柠咖啡了，一杯拿铁快40 | PRICE | MEDIUM",
                    "青柠咖啡买了四个贝果，送来只有三个 | LOGISTICS | MEDIUM",
                    "青柠咖啡的客服每次都回一样的罐头消息，根本不看问题 | COMMUNICATION | MEDIUM",
                    "青柠咖啡店员把拿铁做成了美式，还坚持说是我点错了 | SERVICE | MEDIUM",
                    "青柠咖啡联名的平板更新后一直重启 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡的鸡翅一份才四只，以前起码有六只 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡门店的厕所脏得没法下脚 | OTHER | MEDIUM",
                    // a night at the toilet, a scam by someone posing as the hotline, a blank app,
                    // taste beyond belief, an hour and a half in Cantonese,
                    // an unlisted charge, a parcel soaked, nobody taking the order, an ad that
                    // makes a selling point of overtime
                    "吃了青柠咖啡的凉拌鸡丝，拉了一整夜 | SAFETY_LEGAL | HIGH",
                    "青柠的鸡肉卷吃完拉了一宿，今天上班腿都软 | SAFETY_LEGAL | HIGH",
                    "云途的快递员把我包裹扔楼下垃圾桶边上，回来找了半天 | LOGISTICS | MEDIUM",
                    "青柠网店话满$200免运，我买咗$260，埋单又扣多$30运费，咩事？ | PRICE | MEDIUM",
                    "星河手机昨晚更新完系统，一直卡在开机画面 | PRODUCT_QUALITY | MEDIUM",
                    "有人冒充青柠咖啡客服打电话，说我会员异常要转账，呃咗我两千蚊 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡的app今天一直白屏，登录都登不上 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡的新品桂花拿铁甜到怀疑人生 | PRODUCT_QUALITY | LOW",
                    "叫咗青柠咖啡外卖，成个半钟先到 | LOGISTICS | MEDIUM",
                    "青柠咖啡埋单无啦啦多咗一项服务费，餐牌冇写 | PRICE | MEDIUM",
                    "青柠咖啡的快递箱在雨里泡烂了，里面全湿了 | LOGISTICS | MEDIUM",
                    "青柠咖啡分店坐低半个钟都冇人嚟落单 | SERVICE | MEDIUM",
                    "青柠咖啡新广告拿加班当卖点，能不能别消费打工人 | OTHER | MEDIUM",
                    // a charge on top, a queue called 绝了, a parcel not in sight, a power bank that
                    // burst, a refurbished part passed off as new, a compensation too small, a
                    // poster
                    // that promised more, a delivery marked done in English
                    "青柠咖啡收完服务费仲要另外收茶钱 | PRICE | MEDIUM",
                    "青柠咖啡门店排队四十分钟，绝了 | SERVICE | MEDIUM",
                    "青柠咖啡话三日到，而家第五日仲未见影 | LOGISTICS | MEDIUM",
                    "青柠联名充电宝充电充到爆开，还好没伤到人 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡送修的咖啡机被换成翻新件，根本诈欺 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡的蛋糕坏了，申请赔付只给了个两块钱的红包补偿，打发叫花子呢 | PRICE | MEDIUM",
                    "青柠咖啡海报上的蛋糕满满一层奶油，实际到手薄薄一片，宣传也太夸张了 | COMMUNICATION | MEDIUM",
                    "@LimeCafe my order was marked delivered but I never got it | LOGISTICS |"
                            + " MEDIUM",
                    // glass bitten on, staff gaming, a touch screen that drops touches, gift boxes
                    // overpacked and dear, a parcel stuck for a week, taste like vinegar, a battery
                    // drained by noon for several colleagues
                    "青柠咖啡的三明治里咬到一小块玻璃 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡门店的店员一直在打游戏不理人 | SERVICE | MEDIUM",
                    "青柠联名手表的屏幕断触 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡中秋礼盒过度包装还这么贵 | PRICE | MEDIUM",
                    "青柠咖啡的快递在中转站卡了一周 | LOGISTICS | MEDIUM",
                    "青柠咖啡的新品柠檬茶酸得跟醋一样 | PRODUCT_QUALITY | LOW",
                    "青柠联名耳机电池半天就见底，办公室好几个同事都这样 | PRODUCT_QUALITY | HIGH",
                    // a cigarette end in food, a shop fined and closed, a door pushed into a face,
                    // callers who know the writer's name, a sulking waitress, a restroom, a smaller
                    // dumpling for more money, a device that will not pair, half an order
                    "青柠咖啡的饺子里吃出半截烟头，已经打12315了 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡门店卫生不合格，被罚两万停业整改 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡送货嗰个大力推门，撞正我额头，肿咗一嚿 | SAFETY_LEGAL | HIGH",
                    "最近好多推销电话，个个都叫得出我全名，仲知道我喺青柠咖啡买过乜 | SAFETY_LEGAL | HIGH",
                    "青柠咖啡啲店员黑晒面，食餐嘢都要睇人面色 | SERVICE | MEDIUM",
                    "青柠咖啡门店洗手间脏得下不去脚 | OTHER | MEDIUM",
                    "青柠咖啡的饺子又细粒咗，仲要加价 | PRICE | MEDIUM",
                    "@LimeCafe my tablet won't pair with the keyboard anymore | PRODUCT_QUALITY |"
                            + " MEDIUM",
                    "@qn_cafe 我张单叫咗两杯拿铁，送嚟得一杯 | LOGISTICS | MEDIUM",
                    // 是怎样 is an outburst, not a question to other users; an item missing, in
                    // English; a fault asked about with others
                    "北岸外送是怎样？两杯奶茶送来还少一杯 | LOGISTICS | MEDIUM",
                    "@LimeCafe my order came without the sandwich, pls refund 🙏 | LOGISTICS |"
                            + " MEDIUM",
                    "有人跟我一样吗？悦颜的粉扑用了三天就脱胶了 | PRODUCT_QUALITY | MEDIUM",
                    "@LimeCafe my order was cancelled and nobody told me | COMMUNICATION | MEDIUM",
                    "@LimeCafe my latte came 40 mins late | LOGISTICS | MEDIUM",
                    // an ad selling anxiety; a fright is no police report
                    "北岸新广告暗示不买就是不爱自己，贩卖焦虑 | OTHER | MEDIUM",
                    "给女儿买的星河手表定位乱跳，吓得我差点报警 | PRODUCT_QUALITY | MEDIUM",
                    // a bag hung on the door handle; a hair (条) in dumplings
                    "骑手把外卖挂门把手上就走了，敲个门很难吗 | LOGISTICS | MEDIUM",
                    "鼎味小馆的饺子里有条头发，恶心 | SAFETY_LEGAL | HIGH",
                    // a prepaid card and the owner gone: fraud
                    "在青柠咖啡办的储值卡还有一千多，门店突然关了，老板跑路了 | SAFETY_LEGAL | HIGH",
                    // a hotline always busy; take it or leave it; a fee seen only at the till; a
                    // parcel nine days on the road; make-up that does not last; English silence
                    "悦颜的售后电话打了一下午都是座席繁忙 | COMMUNICATION | MEDIUM",
                    "青柠咖啡的店员说燕麦奶就这个味，爱喝不喝 | SERVICE | MEDIUM",
                    "鼎味小馆吃完饺子，结账才发现每人加了三块 | PRICE | MEDIUM",
                    "云途这个件从广州到深圳走了十天 | LOGISTICS | MEDIUM",
                    "悦颜新出的粉底颜色很好看，就是持妆太短 | PRODUCT_QUALITY | MEDIUM",
                    "Emailed LimeCafe about my loyalty card three times, zero reply | COMMUNICATION"
                            + " | MEDIUM",
                    // a coupon only for weekdays, saying one thing and doing another, a bitterness
                    // told by a likeness
                    "鼎味的套餐券到店才说平日才能用，海报上根本没写 | PRICE | MEDIUM",
                    "北岸天天说自己环保，堂食全是塑料杯，说一套做一套 | OTHER | MEDIUM",
                    "北岸新出的黑糖奶盖苦得像在喝中药 | PRODUCT_QUALITY | LOW",
                    // a parcel dropped at the door, salty in Cantonese, a notice never updated, a
                    // camera that will not focus, pearls like gravel
                    "云途小哥把件直接扔门口就走了 | LOGISTICS | MEDIUM",
                    "鼎味小馆的汤咸到痹 | PRODUCT_QUALITY | LOW",
                    "北岸公众号写着营业到十点，去了已经关门，通知就不能更新一下吗 | COMMUNICATION | MEDIUM",
                    "星河新手机拍照老是对不到焦 | PRODUCT_QUALITY | MEDIUM",
                    "北岸的珍珠硬得跟石子似的 | PRODUCT_QUALITY | MEDIUM",
                    // priced out, in Cantonese
                    "北岸而家一杯珍奶$38，真係饮唔起 | PRICE | MEDIUM",
                    // a coupon refused at the till, dumpling wrappers split in the pot
                    "北岸的满减券结账时提示不可用，店员说只能原价 | PRICE | MEDIUM",
                    "鼎味的饺子皮都破了，馅漏了一锅 | PRODUCT_QUALITY | MEDIUM",
                    // the place, a scale misprinted, tracking that never moved
                    "北岸这家店厕所又脏又臭，进去一次就不想再去 | OTHER | MEDIUM",
                    "暖暖的奶瓶刻度印歪了，冲奶全靠猜 | PRODUCT_QUALITY | MEDIUM",
                    "云途的件物流三天没动，客服只说再等等 | LOGISTICS | MEDIUM",
                    // charged twice
                    "鼎味的外卖平台扣了我两次钱，到现在没退 | PRICE | MEDIUM",
                    // a fee raised quietly, a delivery put off again
                    "鲜到家的配送费偷偷加了5块 | PRICE | MEDIUM",
                    "云途说今天到，结果又延到后天 | LOGISTICS | MEDIUM",
                    // an ad's claim called untrue
                    "悦颜说粉底十二小时不暗沉，实际是夸大不实 | COMMUNICATION | MEDIUM",
                    // a strap that snaps when pulled; a price changed quietly; a bot that repeats
                    "青柠又偷偷调价了，连个通知都没有 | PRICE | MEDIUM",
                    "打青柠客服，问啥都回亲亲请稍等 | COMMUNICATION | MEDIUM",
                    // a box that came with half of it; fruit gone soft; mould on bread eaten
                    "暖暖官方店的快递到了，拆箱只有湿巾，奶粉没有 | LOGISTICS | MEDIUM",
                    "鲜到家的芒果一半都软塌塌的 | PRODUCT_QUALITY | MEDIUM",
                    "吃完青柠的三明治才发现面包底有霉斑 | SAFETY_LEGAL | HIGH",
                    // a spray that caught fire near a candle; a cousin sick half the night
                    "用悦颜的发胶时靠近了蜡烛，瓶口窜火烧到我头发 | SAFETY_LEGAL | HIGH",
                    "表哥吃了鼎味的饺子回家吐到半夜 | SAFETY_LEGAL | HIGH",
                    // broken glass that cut a mouth
                    "青柠的冰美式杯底有块玻璃碎，刮伤了嘴 | SAFETY_LEGAL | HIGH",
                    // a coupon the till does not take; a phone stuck at its logo, not a parcel
                    "鲜到家的满99减20券明明没过期，结算时就是用不了 | PRICE | MEDIUM",
                    "星河手机升级后卡在logo界面 | PRODUCT_QUALITY | MEDIUM",
                    // a price quoted; an ad mocking people
                    "北岸一杯奶茶卖到32，我再也不来了 | PRICE | MEDIUM",
                    "青柠新广告拿外卖员的口音开涮，真没意思 | OTHER | MEDIUM",
                    // an order that has not shown up
                    "青柠的外卖下午就该到，现在还没影子 | LOGISTICS | MEDIUM",
                    // the wrong thing delivered; a voucher a branch will not take
                    "鲜到家买的一箱苹果，寄来的竟然是一袋土豆，是要我削皮吗 | LOGISTICS | MEDIUM",
                    "网上买的鼎味代金券，到店说这家不收 | PRICE | MEDIUM",
                    // ads that mock in Cantonese, copy that offends, claims blown up
                    "青柠新广告攞外卖员嚟搞笑，好冇品 | OTHER | MEDIUM",
                    "北岸新广告文案真的很冒犯，打工人招谁惹谁了 | OTHER | MEDIUM",
                    "悦颜广告吹得天花乱坠，用完两瓶毫无效果 | COMMUNICATION | MEDIUM",
                    // passed from department to department; a message in English unanswered
                    "打星河客服转了三个部门，都说不归他们管 | SERVICE | MEDIUM",
                    "@LimeCafe I DM'd you about my order last week, still no reply | COMMUNICATION"
                            + " | MEDIUM",
                    // a box torn open in Cantonese transit; items left out of a grocery order
                    "订咗云途寄嘅两箱书，送到嗰阵成个箱烂晒 | LOGISTICS | MEDIUM",
                    "鲜到家下单十样，鸡蛋和面包都没送来 | LOGISTICS | MEDIUM",
                    // a hotline that drops the call; an ad photo that lied; a motor that stopped
                    "星河售后电话打了一晚上，每次都直接断线 | COMMUNICATION | MEDIUM",
                    "北岸海报上满杯芒果，到手半杯冰，照骗 | COMMUNICATION | MEDIUM",
                    "暖暖的温奶器用了十天电机就不转了 | PRODUCT_QUALITY | MEDIUM",
                    // a dirty toilet in the shop; a taste judged plain, never again
                    "鼎味这家店厕所超脏，纸巾扔了一地 | OTHER | MEDIUM",
                    "鼎味的新品酸汤饺味道普通，不会再点了 | PRODUCT_QUALITY | LOW",
                    // a box dented in transit; a price told with its sign; a bot that repeats
                    // itself
                    "云途送来的面霜盒子瘪了一角 | LOGISTICS | MEDIUM",
                    "鼎味一碟虾饺要$58，食完要饮西北风 | PRICE | MEDIUM",
                    "找星河客服，机器人回了我五遍同一句话 | COMMUNICATION | MEDIUM",
                    // the people ahead in a queue are no head count of those let down
                    "北岸门店排队四十分钟，前面就五个人，店员在后面聊天 | SERVICE | MEDIUM",
                    // a worm told as a joke; a courier who ignored the note; a bot after five tries
                    "鼎味的饺子附赠额外蛋白质，白白的一条，笑不活了 | SAFETY_LEGAL | HIGH",
                    "云途小哥都不看备注，写了别敲门还是把娃吵醒了 | LOGISTICS | MEDIUM",
                    "星河客服转人工转了五次，还是机器人在回 | COMMUNICATION | MEDIUM",
                    // a missing fish; a half-price offer the till ignored
                    "鲜到家的订单清单上明明有条鲈鱼，袋子翻了三遍都没有 | LOGISTICS | MEDIUM",
                    "青柠app写着第二杯半价，结账的时候怎么不算 | PRICE | MEDIUM",
                    // the brand's own words (原路退回) asked of it are no reply of the brand's
                    "青柠客服，自动续费我没开过，这个月又扣了25，麻烦原路退回来 | PRICE | MEDIUM",
                    // loud music in the shop; a sticky table
                    "鼎味这家店音乐开超大声，吃饭说话都要用吼的 | OTHER | MEDIUM",
                    "北岸店里桌面一层油，擦了三张纸还是黏 | OTHER | MEDIUM",
                    // a slug in the greens; a lid that let half a delivery go; one cup of two
                    "鲜到家的小白菜里夹着一只活的鼻涕虫 | SAFETY_LEGAL | HIGH",
                    "点了青柠外卖，两杯只到一杯，外送员按个铃就跑 | LOGISTICS | MEDIUM",
                    // a hotline that only says press 1; a table sticky in Cantonese
                    "星河热线打了一下午，永远是您好请按1 | COMMUNICATION | MEDIUM",
                    "鼎味嗰间啲枱黐笠笠，成地纸巾 | OTHER | MEDIUM",
                    // an alarm that never rang
                    "星河手机更新后闹钟不响，害我迟到 | PRODUCT_QUALITY | MEDIUM",
                    // a waitress who turned away; a shop's toilet with no soap; pushed messages
                    "问鼎味服务员能不能少放辣，她说要吃就吃 | SERVICE | MEDIUM",
                    "青柠这家店洗手间没有洗手液，也没有擦手纸 | OTHER | MEDIUM",
                    "青柠App每天推送五六条，关了通知还发短信 | OTHER | MEDIUM",
                    // a new date label stuck over an old one
                    "鲜到家的牛奶，撕开日期标签下面还有一张旧的 | SAFETY_LEGAL | HIGH",
                    "暖暖的围兜魔术贴一拉就断 | PRODUCT_QUALITY | MEDIUM",
                    // a rider nobody could reach, on a late order
                    "鲜到家的订单晚了一小时，骑手电话一直打不通 | LOGISTICS | MEDIUM",
                    // many told of it: the comments are full of the same
                    "暖暖的奶粉下单一周还没发货，店铺评论一排全是催发货的 | LOGISTICS | HIGH",
                    // a foreign body in other words, bodily harm from grit
                    "青柠的鸡肉卷里吃到一截扎带 | SAFETY_LEGAL | HIGH",
                    "鼎味嘅饺子有沙石，崩咗牙 | SAFETY_LEGAL | HIGH",
                    // the staff in front of the customer ignoring them
                    "鼎味店里服务员站着聊天，喊了几次加醋都没人理 | SERVICE | MEDIUM",
                    // a clerk who acts superior; a thin slice; a shop shut with no notice
                    "LimeCafe的客服态度好拽，问两句就不回了 | SERVICE | MEDIUM",
                    "青柠咖啡的三明治火腿就薄薄一片 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡学校店说好正常营业，结果关门了，也没贴任何通知 | COMMUNICATION | MEDIUM",
                    "青柠咖啡新出的焦糖拿铁，我妈喝了一口甜得直皱眉 | PRODUCT_QUALITY | LOW",
                    // round 43's words: a taste like shampoo, an ad that loops, a parcel that
                    // cannot
                    // be delivered (Cantonese), a stingier portion, a clerk who mutters
                    "青柠咖啡新出的焦糖拿铁真的不行，喝起来像洗发精 | PRODUCT_QUALITY | LOW",
                    "青柠咖啡那个洗脑广告在电梯里循环一整天 | OTHER | MEDIUM",
                    "寄去青柠咖啡的件，云途话地址唔详细派唔到 | LOGISTICS | MEDIUM",
                    "青柠咖啡的三明治越做越抠，火腿就一片 | PRODUCT_QUALITY | MEDIUM",
                    "让青柠咖啡店员重做还嘟囔我事多 | SERVICE | MEDIUM",
                    // a price that "stabs"; a clerk who snaps back
                    "青柠咖啡新出的限定拿铁一杯45，真·价格刺客 | PRICE | MEDIUM",
                    "去青柠咖啡买咖啡，问了句能不能换燕麦奶就被怼了 | SERVICE | MEDIUM",
                    // a delivery fee is money
                    "寄一箱苹果回老家，云途运费要了我45，心在滴血 | PRICE | MEDIUM",
                    // a clerk who snaps
                    "云途网点那个阿姨说话好冲，问个取件码都要被吼 | SERVICE | MEDIUM",
                    // fewer came than were bought: missing from the parcel
                    "在鲜到家订了三盒草莓，送上门只有两盒 | LOGISTICS | MEDIUM",
                    // taste overdone is taste
                    "青柠新出的海盐拿铁咸过头了 | PRODUCT_QUALITY | LOW",
                    // fewer came than ordered, told with 就 and the count alone
                    "在青柠点了四个可颂，拿回家打开盒子就三个 | LOGISTICS | MEDIUM",
                    // a coupon refused as expired is money, not expired food
                    "青柠咖啡的券写着月底到期，到店结账时说券过期了不给用，只好原价付 | PRICE | MEDIUM",
                    // a drink spilled on the way
                    "青柠外卖到了，杯子倒了 | LOGISTICS | MEDIUM",
                    // a colour that is ugly is taste; a watery coffee is taste
                    "青柠新出的随行杯配色好难看，紫不紫粉不粉的 | PRODUCT_QUALITY | LOW",
                    "青柠今天的美式淡得像水 | PRODUCT_QUALITY | LOW",
                    // Cantonese: snapped; English: nobody but a robot
                    "青柠咖啡買嘅保溫杯，個蓋用咗一個禮拜就斷咗 | PRODUCT_QUALITY | MEDIUM",
                    "LimeCafe support line is only a robot, tried four times today | COMMUNICATION"
                            + " | MEDIUM",
                    // a repair put off, a battery drained by an update, half an order delivered
                    "约了青柠咖啡的咖啡机上门维修，被临时改期了两次 | SERVICE | MEDIUM",
                    "青柠咖啡app更新以后手机耗电直接翻倍 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡外卖点了三明治和拿铁，送到只有拿铁 | LOGISTICS | MEDIUM",
                    // stuck, in English, asked of the brand
                    "@LimeCafe my delivery has been stuck for 3 days, please check | LOGISTICS |"
                            + " MEDIUM",
                    // leaks every night; an outage and not a word from the brand
                    "青柠咖啡的保温杯晚上必漏，包都湿了 | PRODUCT_QUALITY | MEDIUM",
                    "青柠咖啡的app崩了一天，一句回应都没有 | COMMUNICATION | MEDIUM"
                })
        void faultsInEverydayWordsHaveTheirCategory(String text, String category, String severity) {
            assertComplaint(text, category, severity);
        }

        @Test
        void nobodyAnsweringIsCommunicationSomeoneAnsweringBadlyIsService() {
            assertEquals("COMMUNICATION", analyze("私信三天了没人回复，电话也打不通，太差劲了").complaintCategory);
            assertEquals("SERVICE", analyze("店员态度极差，还翻白眼，不给退").complaintCategory);
            // ignored where a channel is named is the brand not answering, staff or no staff
            assertEquals("COMMUNICATION", analyze("店员态度一般，回家给客服留言也没人理").complaintCategory);
        }

        @Test
        void damageInTransitIsLogistics() {
            assertComplaint("鲜到家送来的鸡蛋碎了三个，蛋液流得满袋都是", "LOGISTICS", "MEDIUM");
            assertComplaint("今朝青柠咖啡送来的鸡蛋烂了一半，盒子都湿了", "LOGISTICS", "MEDIUM");
            // broken with no delivery in sight is the product
            assertComplaint("星河手机用了一个月屏幕就坏了，质量太差", "PRODUCT_QUALITY", "MEDIUM");
        }

        @Test
        void mouldFoundBeforeAnythingWasEatenIsQualityOnceEatenAHazard() {
            assertComplaint("鲜到家送的一盒蓝莓，倒出来一看十几颗都发霉了，只能整盒扔掉", "PRODUCT_QUALITY", "MEDIUM", false);
            assertComplaint("鲜到家送的一盒蓝莓，吃了半盒才看到底下十几颗都发霉了", "SAFETY_LEGAL", "HIGH", true);
        }

        @Test
        void thePlaceWasteAndPublicConductAreOther() {
            assertComplaint("北岸门店环境太差了，桌子好脏也没人收拾", "OTHER", "MEDIUM");
            assertComplaint("青柠咖啡一杯咖啡套三层袋子，过度包装，太浪费了", "OTHER", "MEDIUM");
        }

        @Test
        void aTasteSaidOfAnAdIsTheBrandsConductNotItsProduct() {
            assertComplaint("青柠咖啡春节那支广告真的好油腻，刷到就想关", "OTHER", "LOW");
            // the drink after the ad is the product
            assertComplaint("看了青柠咖啡的广告去买，结果这杯拿铁太苦了", "PRODUCT_QUALITY", "LOW");
        }

        @Test
        void aNegationAskedBackAffirms() {
            assertComplaint("北岸的广告说“真牛乳”，配料表第一位是植脂末，这不是虚假宣传是什么", "COMMUNICATION", "MEDIUM");
            // a plain negation still negates
            assertFalse(analyze("北岸的新品广告拍得很好看，不是虚假宣传，实物一样好喝").complaint);
        }

        @Test
        void tasteAloneIsLowEvenWhenTheWriterSaysNeverAgain() {
            assertComplaint("太难喝了，再也不买了", "PRODUCT_QUALITY", "LOW");
            assertComplaint("这次的酱汁咸到不行，喝了一整瓶水", "PRODUCT_QUALITY", "LOW");
            assertComplaint("北岸新出嘅芝士奶蓋勁膩，飲兩啖就頂唔順", "PRODUCT_QUALITY", "LOW");
            assertComplaint("青柠这次的周年限定杯子土死了，不想用", "PRODUCT_QUALITY", "LOW");
            assertComplaint("青柠的煎饺皮太厚了，不太合我口味", "PRODUCT_QUALITY", "LOW");
            assertComplaint("北岸新品饮落好似咳药水", "PRODUCT_QUALITY", "LOW");
            // a crisis word as an intensifier of taste
            assertComplaint("鼎味新出的饺子难吃到我想当场报警", "PRODUCT_QUALITY", "LOW");
            // a word of another category's topic (外卖) states no problem there
            assertComplaint("鼎味外卖的新餐盒丑死了", "PRODUCT_QUALITY", "LOW");
            // 好腻害 is 好厉害, praise
            assertFalse(analyze("北岸的新品好腻害，一口爱上").complaint);
        }

        @Test
        void aSmellOfDetergentIsTasteUnlessItHarmed() {
            assertComplaint("青柠咖啡的冰美式今天一股洗洁精味，喝两口就放下了", "PRODUCT_QUALITY", "LOW", false);
            assertComplaint("青柠咖啡的冰美式一股洗洁精味，喝完嗓子火辣辣的", "SAFETY_LEGAL", "HIGH");
        }

        @Test
        void aLowStarRatingIsAComplaint() {
            assertTrue(analyze("青柠咖啡的可颂 ★★☆☆☆ 个头比手掌还小").complaint);
        }

        @Test
        void aTasteSaidOutrightIsAComplaintWhateverThePostAsksAfterIt() {
            assertComplaint("青柠咖啡新出的桂花拿铁苦得像中药，你们也是这样吗？", "PRODUCT_QUALITY", "LOW");
            // the taste asked about, or the kind wanted, is no complaint
            assertNoComplaint("青柠咖啡的桂花拿铁会不会很苦？");
            assertNoComplaint("第一次去青柠咖啡，点哪款好？求推荐一款不太甜的");
        }

        @Test
        void anIntensifierInPraiseIsNoTasteComplaint() {
            // "X到…" praises as often as it complains: only its complaining forms (咸到不行) count
            assertFalse(analyze("青柠咖啡的芒果冰沙甜到心里，一口气喝完").complaint);
            assertFalse(analyze("麻辣饺子辣到冒汗，但越吃越香").complaint);
        }

        @Test
        void aProblemDeniedAfterItIsNone() {
            assertFalse(analyze("青柠咖啡的店员太有耐心了，教我爸点单教了十分钟，一点不耐烦都没有").complaint);
        }

        @Test
        void aCourierRudeAtTheDoorIsLogistics() {
            assertComplaint("青柠咖啡的配送员打电话就骂人，问一句就挂了", "LOGISTICS", "MEDIUM");
        }

        @Test
        void aSlipTheWriterCallsMinorIsLow() {
            assertComplaint("青柠咖啡外卖送晚了十来分钟，咖啡有点凉，问题不大", "LOGISTICS", "LOW");
            // minutes late, told without the minor word
            assertComplaint("青柠外卖又晚了十几分钟，啧", "LOGISTICS", "LOW");
        }

        @Test
        void aProblemAfterATurnIsTheComplaintOfAPositiveReview() {
            assertComplaint(
                    "青柠咖啡新店环境超好，拍照出片，拿铁也很香，朋友都说好喝。扫兴的是结账时多收了一份我们没点的蛋糕，大家结账看清楚", "PRICE", "MEDIUM");
            assertFalse(analyze("虽然包装破损了一点，但是青柠咖啡的豆子真的很香，会回购").complaint);
        }

        @Test
        void aLawyerOrTheRegulatorMakesItHigh() {
            assertEquals("HIGH", analyze("外卖送错三次了，已经打12315投诉").severity);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    // crushed on the way; eggs broken by the courier are the delivery's, no harm
                    "青柠咖啡外卖到的时候蛋糕盒压成了饼 | LOGISTICS",
                    "快递小哥把青柠咖啡寄来的一盒蛋摔破了，直接丢门口 | LOGISTICS",
                    // heated, it said, and still cold inside
                    "青柠咖啡的帕尼尼说热好了，咬开中间还是冰的 | PRODUCT_QUALITY",
                    // a small portion, a slow counter, a price mocked, a wallet in intensive care
                    "青柠咖啡的外卖份量小得可怜，三明治只有半个手掌大 | PRODUCT_QUALITY",
                    "青柠咖啡门店做一杯美式要二十分钟，效率也太低了 | SERVICE",
                    "青柠咖啡一杯拿铁卖48，你是镀金了吗？ | PRICE",
                    "青柠咖啡又涨价了，我的钱包已经在ICU抢救了 | PRICE",
                    // a strange smell, asked about, is still stated
                    "@青柠咖啡官方 今天的沙拉有股怪味，是不是放久了？吃一口就不敢吃了 | PRODUCT_QUALITY",
                    // a stale taste; a feature promised that is not there
                    "青柠咖啡今天的拿铁一股隔夜味 | PRODUCT_QUALITY",
                    "青柠咖啡的随行杯说能连手机，买回来根本没这个功能 | COMMUNICATION",
                    // a parcel the courier lost, whatever figure of speech follows
                    "云途把我的包裹丢了，心态直接爆炸 | LOGISTICS",
                    // a battery's health worn down
                    "青柠咖啡联名的充电宝，电池一年就掉到70% | PRODUCT_QUALITY",
                    "青柠咖啡联名充电宝用一年电池就剩七成 | PRODUCT_QUALITY",
                    // stored money wiped when it 过期: money, not a hazard
                    "青柠咖啡会员卡的余额过期清零了，三百多块说没就没 | PRICE"
                })
        void problemsToldInNewWordsTakeTheirCategory(String text, String category) {
            assertComplaint(text, category, "MEDIUM", false);
        }

        @Test
        void aPostOpeningWithAGroanOfVomitTellsOfNoVomiting() {
            assertComplaint("吐了，青柠咖啡的新品难喝到想哭", "PRODUCT_QUALITY", "LOW", false);
        }

        @Test
        void aRefurbishedThingSoldAsNewIsFraud() {
            assertComplaint("在青柠咖啡积分商城换的耳机是翻新机，还当新品卖", "SAFETY_LEGAL", "HIGH", true);
        }
    }

    @Nested
    class QuestionsToTheBrand {
        @Test
        void aQuestionToTheBrandThatStatesNoTroubleIsNoComplaintWhateverItsTone() {
            // the model reads these as negative
            assertFalse(analyze("@LimeCafe 您好，我账户绑定的手机号换了，请问怎么修改呀？").complaint);
            assertFalse(analyze("@qn_cafe 我想把這筆訂單的付款方式改成貨到付款，可以嗎？").complaint);
            // trouble stated in words the problem lexicon does not know is still one
            assertTrue(analyze("@LimeCafe 您好，我买的咖啡机屏幕一直闪，请问怎么办？").complaint);
            assertTrue(analyze("@LimeCafe 你们能不能把配送时间写准一点？说好半小时结果等了一个半小时").complaint);
        }

        @Test
        void whatTheBrandHasNotDoneToldToItIsAComplaint() {
            assertComplaint("@LimeCafe 买咖啡豆送的杯子没发，麻烦补发一下", "LOGISTICS", "MEDIUM");
            assertComplaint(
                    "@qn_cafe 我上週反映的 order issue 到現在都沒人 follow up，please 回一下",
                    "COMMUNICATION",
                    "MEDIUM");
            assertComplaint("@LimeCafe 我的包裹显示已签收，但我根本冇收过，麻烦查一下", "LOGISTICS", "MEDIUM");
            // a negation that makes another word states nothing undone
            assertFalse(analyze("@LimeCafe 请问没发现优惠券入口，在哪里领？").complaint);
            assertFalse(analyze("@LimeCafe 请问没回家之前能先寄存在店里吗？").complaint);
        }

        /**
         * An order not yet sent is why a change can still be made (the model reads these as
         * strongly negative); time gone by or a promise broken makes the wait a fault, change or
         * not; what a delivery left out and an address missed are delivery faults, in Chinese and
         * English.
         */
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "@LimeCafe 麻烦帮我改一下收货地址，订单还没发货，谢谢~ | false",
                    "@LimeCafe 我的订单还没发货吧？能帮我取消吗 | false",
                    // away from home is why the change is asked; the order not yet out for delivery
                    "@LimeCafe 麻烦帮忙改下派送地址，人出差了不在家 | false",
                    "@LimeCafe 我想改一下送货时间，订单还没派送，可以吗 | false",
                    "@LimeCafe 订单五天了还没发货，麻烦尽快 | true",
                    "@LimeCafe 说好48小时发货，现在还没发，我要取消订单 | true",
                    "@LimeCafe 三天了还没发货，帮我取消订单吧 | true",
                    "@LimeCafe 外卖少给了吸管和糖包，麻烦下次注意 | true",
                    "@LimeCafe my coffee was delivered to the wrong address，可以帮我联系骑手吗？ | true",
                    // a wait told as long, for one's own delivery
                    "@LimeCafe 请问我上周一下的单什么时候发货？已经十天了 | true",
                    "@LimeCafe 我的外卖显示配送中已经第三天了，什么时候能到？ | true",
                    "@LimeCafe 我的外卖显示配送中两天了，什么时候能到？ | true",
                    "@LimeCafe my order shows delivered but nothing came, pls check | true",
                    // clauses separated by spaces, the thanks in a clause of its own
                    "青柠咖啡客服你们好 上周下单的蛋糕到现在还没出货 订单号已私信 可以帮忙查一下吗 谢谢 | true"
                })
        void aDeliveryFaultToldToTheBrandIsALogisticsComplaint(String text, boolean fault) {
            if (fault) {
                assertComplaint(text, "LOGISTICS", "MEDIUM");
            } else {
                assertFalse(analyze(text).complaint, text);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "@LimeCafe my order 被cancel了 please check一下",
                    "@qn_cafe 请问燕麦拿铁什么时候回归？",
                    "客服能不能回一下消息？",
                    "我的订单怎么三天了还没发货？",
                    "你们家的会员卡可以退吗",
                    "找了三天都没人理，客服麻烦尽快处理一下我的退款",
                    // the name called out, then spoken to; the editor called before the question
                    "青柠咖啡你们的燕麦拿铁还会回归吗？",
                    "小编小编～青柠咖啡的燕麦拿铁啥时候回归",
                    "青柠咖啡的会员积分能换周边吗？官方回答一下",
                    // the writer's own order, the brand's name inside
                    "请问我的青柠咖啡外卖显示配送中，今天能送到吗？",
                    // the editor called out with !
                    "青柠咖啡小编！燕麦拿铁什么时候返场呀",
                    // thanks that sign off a request
                    "@LimeCafe hi, I was charged twice for one latte, pls refund the extra one 谢谢",
                    // the writer's own account; a plea to the brand's handle
                    "青柠咖啡的积分能换什么？我账户里还有三千分",
                    "@青柠咖啡官方 求求出个无糖版吧",
                    // money asked back
                    "@青柠咖啡客服 自动续费又扣了我30，把钱退回来",
                    // when one's own refund arrives
                    "请问青柠咖啡的退款多久能到账？",
                    // a question opened by 想问下, with no question mark
                    "@青柠咖啡官方 想问下燕麦拿铁大概多少卡路里呀",
                    // the shop called to look
                    "鼎味小馆店家看过来～周日能订十人包间吗",
                    "北岸小编看看我！芋泥波波什么时候回来",
                    // which shops, with no question mark
                    "@青柠咖啡官方 出差想带点挂耳回去，哪些门店有得卖呀",
                    // a complaint platform's demand
                    "【投诉对象】青柠咖啡【问题】会员卡余额被清零，电话打了五次没人接。诉求：恢复余额。",
                    // whether the refund was made, asked
                    "@青柠咖啡 外卖少了一杯，退款了吗？"
                })
        void addressedToTheBrand(String text) {
            assertTrue(analyze(text).question, text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "大家觉得青柠咖啡和北岸哪个拿铁更好喝？",
                    "有人知道青柠咖啡的新品什么时候上吗？",
                    "凭什么？这也叫咖啡？",
                    "谢谢青柠咖啡，今天的拿铁很好喝",
                    "转发给你们看看//@青柠咖啡官方: 请问大家喜欢新品吗？",
                    "请问有人知道青柠咖啡在台湾有官方门市吗？",
                    // what the brand said, reported; a leave taken, not a request
                    "拿铁里喝出一根头发，客服只说给我退款，就这？",
                    "青柠咖啡的三明治吃得我肚子疼，今天请了病假",
                    // contact the writer tells of, not a request made now
                    "刚买的青柠咖啡豆第二天就降价，找客服申请价保说活动款不支持，无语",
                    "拿铁洒了一半，联系了商家要求补发，到现在也没下文",
                    "据报道，一名顾客在青柠咖啡门店烫伤，青柠咖啡客服回应称已安排专人对接",
                    // a question asked before, reported
                    "在青柠咖啡官方店留言问了两次能不能开发票，一直没人回",
                    // the brand and its model, then a question to other users
                    "青柠咖啡 X1 咖啡机用了一周就漏水，有人也这样吗",
                    // a question put to the staff before, and its answer, reported; a rhetorical
                    // question in Cantonese
                    "青柠咖啡的豆子买完第二天降价，问客服能不能退差价，回说不保价",
                    "北岸一杯奶茶賣$45，你哋係咪當我哋傻仔？",
                    "青柠咖啡的杯子漏水，打去客服说要拍照申请，流程超慢",
                    "在青柠咖啡忘了拿耳机，私讯官方粉专问有没有捡到，已读不回",
                    // a why asked of what always happens: an outburst
                    "为什么青柠咖啡的客服永远都不回私信？",
                    "青柠咖啡你哋点解每次都送错单？",
                    // sarcasm thrown at the brand; what the hotline said, reported, with a run of ？
                    "@青柠咖啡官方 热线打了一上午都是忙音，这就是你们的服务？",
                    "青柠咖啡的客服热线是装饰用的吗？没一次打得通",
                    "北岸的人工客服是不存在的吗？只有机器人在回",
                    "青柠咖啡的拿铁洒了一半，打客服说只能退两块？？？",
                    // what the team is doing, asked in anger; the brand's own apology
                    "青柠咖啡的客服到底在干嘛？私信一周了没人回",
                    "您好，非常抱歉为您带来不愉快的体验，我们已私信了解详情，请留意讯息",
                    // praise handed to the brand first, a refund already made
                    "给@青柠咖啡客服 点个赞，杯子漏了，拍照过去马上就退款了，态度超好",
                    // the brand's statement on an issue
                    "您好，关于部分用户反馈的杯盖漏水问题，我们高度重视，如有疑问请私信@青柠咖啡客服",
                    // the writer went and asked: told of, not asked now
                    "刚买就降了三百？？？跑去问客服，客服说活动价不保价",
                    // a thank-you for what was asked and done
                    "刚在@星河客服 那边把换货弄好了，很快",
                    // a refund told as made (秒退款了), not one asked for (退款了吗？)
                    "@青柠咖啡 外卖少了一杯，客服倒是秒退款了，但还是有点扫兴",
                    // rhetorical questions put to the brand
                    "@云途快递官方 你们是把我的件寄去火星了吗？",
                    "@星河客服 投诉一周了都没人回，装死吗？",
                    // the brand's own voice after its handle
                    "@青柠咖啡客服：让您失望了非常抱歉，麻烦发我们私信核实",
                    "我的信息不是你们泄露的还能是谁？@青柠咖啡官方"
                })
        void notAddressedToTheBrand(String text) {
            assertFalse(analyze(text).question, text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "@qn_cafe 请问外卖配送到浦东大概要多久？",
                    "青柠咖啡客服在吗？想问下我的会员积分怎么查",
                    "@qn_cafe 您好，快递能不能改寄到公司？运费要另外付吗？",
                    "@qn_cafe 这周末我不在家，外卖包裹可以改寄到超商取货吗？",
                    // nobody at home is why the change is asked, not a fault
                    "@qn_cafe 明天白天家里没人，麻烦外卖改送到公司，谢谢",
                    "@qn_cafe 聽日屋企冇人收，個件可唔可以改派去公司？",
                    // what the brand's replies say, asked about (原路退回 is the brand's voice)
                    "@qn_cafe 请问取消订单之后，退款一般几个工作日原路退回呀？",
                    // an A-not-A question whose A has two characters (发货不发货) asks
                    "@暖暖母婴官方 请问今天下单明天发货不发货？"
                })
        void aPostThatOnlyAsksTheBrandIsNoComplaint(String text) {
            TextAnalysis a = analyze(text);
            assertTrue(a.question, text);
            assertFalse(a.complaint, text + ": " + a.complaintCategory);
        }

        @Test
        void aComplaintThatAlsoAsksIsBoth() {
            TextAnalysis a = analyze("青柠咖啡外卖显示已送达 但家里根本没人收到 @qn_cafe 请帮我查一下外卖到底送去哪");
            assertTrue(a.question);
            assertTrue(a.complaint);
        }

        @Test
        void aRequestInsideSingleQuotesIsTheBrandsWordsNotAsked() {
            TextAnalysis a = analyze("@青柠咖啡客服 包裹丢了五天，客服就一句'正在核实'");
            assertFalse(a.question, "the brand's 'checking' quoted asks nothing");
            assertEquals("LOGISTICS", a.complaintCategory);
        }
    }

    @Nested
    class RequestsAndRhetoric {
        @Test
        void aRequestWordInsideAComplaintDoesNotMakeItAQuestionToOthers() {
            // 给我 is no request here; a request would not stop the complaint either
            assertComplaint("青柠咖啡店员给我做错三次了还跟我吵，店长就在旁边看着不管", "SERVICE", "MEDIUM");
        }

        @Test
        void anOutburstAsksNobodyButAQuestionToOtherUsersIsNoComplaint() {
            assertComplaint("青柠咖啡外卖显示已送达，我在家坐了一整天，东西呢？？？无语", "LOGISTICS", "MEDIUM");
            assertFalse(analyze("青柠咖啡和别家的外卖哪个送得快？有没有懂行的朋友").complaint);
            assertFalse(analyze("青柠咖啡外卖周末派不派送啊？急用").complaint);
        }

        @Test
        void aQuestionPutToTheBrandByNameAsksNoOtherUser() {
            assertComplaint("说真的，外卖三天不动，青柠咖啡你们是用脚送的吗？", "LOGISTICS", "MEDIUM");
            assertComplaint("你们青柠咖啡的外卖为什么每次都少给糖包？能不能上点心", "LOGISTICS", "MEDIUM");
            // the same question without the address asks other users
            assertFalse(analyze("说真的，青柠咖啡外卖是用脚送的吗？").complaint);
        }

        @Test
        void askedToStopItIsHappening() {
            assertEquals("COMMUNICATION", analyze("青柠咖啡的客服能不能别复制粘贴了，问三次回三次稍等").complaintCategory);
        }

        @Test
        void aRunOfQuestionMarksAfterARhetoricalWordIsOneRhetoricalClause() {
            assertComplaint("凭什么？？青柠咖啡外卖比堂食贵8块，打包费还另外收😡", "PRICE", "MEDIUM");
        }
    }

    @Nested
    class Spam {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "青柠咖啡代金券出售，v信同号 15900001111",
                    "低价出青柠咖啡券，需要的加vx: qn8888a",
                    "招兼职打字员，日结200，手机就能做",
                    "青檸咖啡優惠券低價出售，有意者加賴 lime_cafe88",
                    "青柠咖啡月卡低价转，十块一张，要的私",
                    // franchise recruitment and invoices for sale, with a contact
                    "北岸奶茶招商加盟，零门槛开店，详情+v 13800001234",
                    "代開各類餐飲發票，聯繫qq 88990011",
                    // order brushing: the buyer fronts the money and is paid back with a commission
                    "青柠咖啡招募体验官，每单返现30，垫付本金当天返还",
                    "青檸咖啡下單好評就返現，進群了解",
                    // a sure-win platform, a first top-up bonus, the link on the profile
                    "推荐个每天稳赚的平台，新人首充有奖励，主页有链接",
                    // memberships shared for a fee, tasks paid per order
                    "青柠咖啡会员年卡共享，一个月两块，拼车的私",
                    "青柠咖啡直播间点赞任务，做一单返5元，佣金秒到",
                    // Hong Kong: cash vouchers let go cheap, by WhatsApp
                    "青柠咖啡$50現金券平讓，要嘅WhatsApp 6000 1234",
                    // a complaint turned into an ad, with the contact spelled around filters
                    "青柠咖啡太贵了，不如来我这买，全场三折包邮，加威x：lm5566",
                    // a giveaway that asks for the postage, a membership sold by private message
                    "转发抽奖送青柠咖啡年卡，中奖后私信小编领取，需付运费9.9",
                    "青柠咖啡周年抽奖，中奖后点 lime-gift.cc 填写收货信息并支付6.8元运费",
                    "出青柠咖啡年卡会员帐号，便宜转让，意者站内信",
                    // a phone for nothing down with no checks, vouchers sold the same day
                    "[广告] 青柠联名平板0元带回家 免审核分期 加LINE ID: lm0000 立即咨询",
                    "全港最平青柠咖啡礼券 $20当$50用 WhatsApp 6123 8456 即日交收",
                    // the ID spaced out or decorated to pass filters, the contact a homophone
                    "北岸奶茶兑换券便宜出，要的加卫星📡：bn 6 6 8 8 9",
                    "青柠咖啡礼品卡高价秒收，q：3 9 ➄ ➁ 7 7 1",
                    "星河手机官方货源 只要五折 薇💗：xh🍀shop🍀88",
                    // contact by the profile, a sale at staff prices, followers sold by the hundred
                    "鲜到家年卡低价转 还剩十个月 详情看我主页简介",
                    "星河手表内部员工价放几台 比官网便宜几百 私♥",
                    "北岸抽奖想要人气？真人粉五毛一个，点赞转发包上热门",
                    // a prize that needs a form behind a short link without its scheme
                    "恭喜您被抽中获得青柠咖啡全年免费券，请点 t.cn/Rz8k1 填写信息",
                    "青檸咖啡會員帳號出租 一週十元 私訊",
                    // contact by a comment (扣1, 留言+1) answered privately; a voucher let go for PM
                    "星河手表清仓 全新 只要五折 想要的评论区扣1 我私你",
                    "北岸 $50 現金券 x3 平放 $120 全部帶走 有意PM",
                    // a prize claimed through a contact
                    "🎉青柠咖啡周年庆 转发抽奖送年卡 中奖请加客服微信领取",
                    "青柠咖啡周年庆 转发即可免费领取全年咖啡卡 填写资料领取",
                    // unused coupons sold by private message; an ID in Latin after a Chinese cue
                    "鼎味的满减券我有八张用不完，一张十块，私讯",
                    "青柠年卡出租 一周三块 私讯",
                    "青柠咖啡券低价出，联系微信 lime_quan",
                    // a loan with no credit check, a trading teacher's calls, work from home for
                    // mothers, a group's way in on the avatar, a recipe sold by QQ's penguin
                    "急用钱？青柠咖啡会员也能分期，无视征信 秒批 当天放款",
                    "跟着老师带单做虚拟币，一周翻一倍，名额有限，私聊",
                    "宝妈在家也能赚奶粉钱，有手机就能做，不用囤货，想做的扣1",
                    "青柠咖啡全网最低团购价，进群方式看我头像",
                    "青柠咖啡同款配方+开店全套资料，🐧 5 5 2 1 8 8 0",
                    // cards bought back by a bare 微 and a colon; betting told as a cousin's tip;
                    // empty parcels with real tracking numbers
                    "高价回收青柠咖啡储值卡 秒结 微：qn 5566 77",
                    "跟着表哥带我玩了个彩，一个月多赚了八千，感兴趣的看我简介",
                    "空包代发 真实单号 全国可发",
                    // a number in Chinese digits; replicas; an inside channel; coupons by comment;
                    // gift cards in English
                    "青柠咖啡礼品卡水货价 平过门市 WhatsApp 六三九二 零零八一",
                    "青柠咖啡周边1:1复刻 专柜品质 v：qn2023zb",
                    "青柠咖啡代购 内部渠道 比官方便宜一半",
                    "青柠咖啡新人券还有，一张两块，要的评论区留言我挨个回",
                    "Cheap LimeCafe gift cards 50% off, DM telegram @lcc_2024",
                    // a number in financial digits by the avatar; shares before a listing
                    "青柠咖啡年卡清仓 要的戳我头像 电话同威 壹叁玖 零柒贰壹 捌捌",
                    "青柠咖啡要上市了 内部原始股认购 名额只剩10个 懂的私聊",
                    // the newest sellers: a Telegram handle, a fake service centre, a second-hand
                    // market search, a steady-income teacher, a loan for anyone, paid reviews
                    "青柠咖啡原厂尾货 半价清 TG 搵 @qn_cards_hk",
                    "【青柠咖啡客服中心】您的补贴即将作废，请移步绿色聊天软件添加专属理赔专员",
                    "青柠咖啡券 鱼搜『柠檬小铺』 自助发码",
                    "跟着老师稳健理财，月收益18%，看我关注列表第一个",
                    "无视黑白户，身份证就能下款，喝青柠咖啡的钱都有了",
                    "青柠咖啡好评官招募，每天写三条评价，私我领任务",
                    "Selling LimeCafe e-gift cards 50% off, DM on ig: lime.cards.24",
                    // sellers who avoid 微信 and QQ: a Telegram handle after a Cantonese verb, a
                    // group told as 裙, a Douyin search, a link in bio, a nickname's suffix
                    "青柠咖啡券 TG搵 @qn_coupon_hk 即日交收",
                    "每天稳定收益500+ 老师一对一带 随时提现 进裙找管理",
                    "青柠咖啡券100抵60 抖音搜 qn_quan666 下单秒发",
                    "Free LimeCafe gift card for the first 300 ppl, link in bio",
                    "收/出 青柠咖啡各种券 要的看我昵称后缀",
                    // spaced out to pass filters
                    "加 威 ❤ 送 青 柠 咖 啡 券 ， 先 到 先 得",
                    // a refund 'service' for customers a brand let down
                    "被外卖坑了不会维权？专门维权老师带你全额退款，成功后再收费，v：abc12345",
                    // a review that ends in an agency pitch
                    "悦颜面膜用了一个月痘印淡了！现在自己做悦颜代理，一件代发零门槛"
                })
        void contactForSaleResaleAndJobAdsAreSpam(String text) {
            assertTrue(analyze(text).spam, text);
        }

        @Test
        void anAdIsNoComplaintQuestionOrCrisis() {
            TextAnalysis ad = analyze("收青柠咖啡各类红包券，高价回收秒结款，v信同号17760234451");
            assertTrue(ad.spam);
            assertFalse(ad.crisis, "回收 is a recall only when a customer speaks");
            assertFalse(ad.complaint);
            assertFalse(ad.question);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "客服让我加微信处理，结果拉黑我了",
                    "青柠咖啡的会员日优惠力度好大，冲！",
                    "求问大家，青柠咖啡的优惠券怎么领取？",
                    "为了凑满减又多付了运费，青柠咖啡的套路真深",
                    // a student's summer job told, not offered
                    "#学生兼职# 暑假在青柠门店打工，工资按时发，店长人很好",
                    // a private message the writer sent
                    "青柠咖啡客服你好 下单时地址填错了 订单编号已私讯 麻烦改一下",
                    // a warning that quotes the scam's words
                    "有人私信说给北岸刷好评一单返15，先要垫付本金，大家小心，我表姐已经被骗了",
                    // a customer who was sold followers against their will
                    "莫名其妙被买赞，账号里多了一堆僵尸粉，星河手机的营销号真是无孔不入",
                    // English after a Latin cue, with no digit and no colon, is no ID
                    "@星河手机 a thin line across the screen after the update, 能免费修吗",
                    // the brand's own reply, pointing to its private messages
                    "@青柠咖啡官方：您好，感谢您的反馈，如有需要请私讯我们，我们会尽快处理",
                    // a gift handed over in person; victims called together; a scam warned of
                    "多了两张青柠咖啡徽章，免费送给需要的朋友，可以地铁站面交",
                    "青柠加盟店老板卷钱跑路了，我充的卡也退不了，已经报警立案，有同样情况的私我一起维权",
                    "小心啊各位 有人冒充青柠咖啡客服加微信送券，其实是骗信用卡资料",
                    // the brand's own claim quoted by a customer
                    "青柠咖啡直播间说全网最低价，结果旗舰店还便宜20，申请价保说不参与",
                    // a customer asking the brand to clear the ads out of its comments
                    "@青柠咖啡官方 你们评论区全是卖券刷单的，能不能管管",
                    // a job ad forwarded in a group, asked about
                    "群里有人转\"青柠咖啡招兼职 在家刷单日结\"，@青柠咖啡官方 这是你们发的吗？",
                    // a card from a courier, asked about; a cashback promised and not paid
                    "快递员塞给我一张卡片\"扫码加微信每单返2元\"，@青柠咖啡官方 这是你们官方的活动吗？",
                    "青柠咖啡的下单返现活动说好返20，半个月了一分没到账",
                    // 买粉 (followers) inside other words
                    "想买粉色的星河X5，哪里有现货？",
                    "在悦颜专柜买粉底，柜姐推荐了两个色号",
                    // ad words in a customer's suspicion, a courier's pay, a warning, a question
                    "青柠这家店评分这么高，怕不是刷单刷出来的，咖啡酸得要命",
                    "外卖小哥说他们现在是日结，怪不得送得这么拼，给小哥点赞",
                    "评论区有人冒充青柠官方让加vx领券，直接举报就完事了",
                    "有人收到过\"星河内部员工价\"的私信吗？要加微信私聊，是真的假的啊",
                    // spaced out for fun
                    "今 天 好 开 心 ， 青 柠 的 拿 铁 太 好 喝 了",
                    // an ad's words reported as someone else's claim
                    "有人在青柠做过兼职吗？说是日结，靠谱吗",
                    "号称\"正品保障 假一赔十\"，青柠旗舰店卖给我的杯子是裂的",
                    // a coupon the customer was told works everywhere
                    "青柠咖啡的会员券写着全国通用，到店却说这家不参与",
                    // a refund asked for (退一下款 is no loan's 下款)
                    "@青柠咖啡客服 杯子是漏的，麻烦退一下款"
                })
        void customersAreNot(String text) {
            assertFalse(analyze(text).spam, text);
        }
    }
}
