package io.brandpulse.text;

import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gambling and lottery ads, scams, resale and job ads, link farms and bot-like text. One strong ad
 * term (娱乐城, 体验金, 打字员, 同号...) is enough; a way to reach a seller (v信, vx, QQ, 加赖, or an ID after
 * one) with a sale word (出售, 低价, 兼职...) is enough; weak terms (领取, 红包...) need company (another
 * weak term or a link). What no rule lists, the {@link NgramModel} reads: a text that reads like
 * the ads it learned from is spam too ({@code AD_MODEL}), unless it warns others of an ad. Repeats
 * of the same post by many accounts are the stream's business (see {@link DuplicateKey}), not one
 * text's.
 */
public final class SpamDetector {
    /**
     * A way to reach someone that an ID follows: v信, vx, QQ, 加赖, 卫星 (a homophone of 微信), tg,
     * WhatsApp, or a bare v, q, 微, 威 or 薇 set off by a symbol (V❤️：id, q: 2 8 4 7, 微：hsk 0712).
     */
    private static final Pattern CONTACT_CUE =
            Pattern.compile(
                    "(?:v信|薇信|威信|微信|微信号|扣扣|赖|加v|加q|卫星"
                            + "|(?<![a-z])(?:vx|wx|qq|line|telegram|tg|whatsapp)"
                            + "|(?<![a-z])[vq威薇微](?=[^\\p{IsHan}a-z0-9]))");

    private static final Pattern PHONE_ID =
            Pattern.compile("(?:whatsapp|tel|电话)\\s*[:：]?\\s*\\d[\\d\\s\\-]{6,}");

    /** How many letters or digits an ID has at least (vx 12345, yy🌸mei). */
    private static final int ID_MIN_CHARS = 5;

    /** How far after a cue an ID is looked for, separators included (dw 1 2 3 4 5). */
    private static final int ID_MAX_SPAN = 40;

    private SpamDetector() {}

    /** The reasons a text is spam; empty when it is not. */
    public static List<String> reasons(List<Hit> hits, SocialMarkup markup, String normalized) {
        List<String> reasons = new ArrayList<>(2);
        Set<String> weak = new HashSet<>();
        Set<String> contact = new HashSet<>();
        Set<String> sale = new HashSet<>();
        boolean strong = false;
        boolean warning = false;
        List<Hit> notAds = new ArrayList<>(0);
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.SPAM && hit.meaning().tag().equals("NOT")) {
                notAds.add(hit);
            }
        }
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.SPAM
                    && !isInside(hit, notAds)
                    && !isDenied(normalized, hit)) {
                switch (hit.meaning().tag()) {
                    case "STRONG" -> strong = true;
                    case "CONTACT" -> {
                        // 订单编号已私讯: a message the writer sent, not a way to reach a seller;
                        // 请私讯我们: the brand's channel
                        if (!isSent(normalized, hit)) {
                            contact.add(hit.term());
                        }
                    }
                    case "SALE" -> sale.add(hit.term());
                    case "WARNING" -> warning = true;
                    case "NOT" -> {}
                    default -> weak.add(hit.term());
                }
            }
        }
        // a contact ID only matters beside a word of sale: most texts have none, and skip the scan
        if ((!sale.isEmpty() || !weak.isEmpty()) && hasContactId(normalized)) {
            contact.add("id");
        }
        sale.addAll(weak);
        sale.removeAll(contact); // 私聊 is both: a seller still needs a word of sale
        boolean adTerms =
                strong
                        || (!contact.isEmpty() && !sale.isEmpty())
                        || weak.size() >= 2
                        || (!weak.isEmpty() && !markup.urls.isEmpty());
        // 刷好评一单返20…钱转过去人就没了，千万别碰: the ad's words, quoted by a customer warning others
        if (!warning) {
            if (adTerms) {
                reasons.add("AD_TERMS");
            } else if (NgramModel.spam().accepts(normalized)) {
                // the seller hid the way to reach them where no rule looks (主页简介, 口令, 图三)
                reasons.add("AD_MODEL");
            }
        }
        if (markup.urls.size() >= 3
                || (markup.urls.size() >= 1 && linkShare(markup, normalized) > 0.6)) {
            reasons.add("LINK_FARM");
        }
        if (markup.mentions.size() >= 6) {
            reasons.add("MENTION_FARM");
        }
        if (isRepetitive(normalized)) {
            reasons.add("REPETITIVE");
        }
        return reasons;
    }

    /**
     * A text written with a space after nearly every character (加 威 ❤ 送 青 柠 咖 啡 券 ， 先 到 先 得), as
     * sellers write to pass filters, with its single spaces taken out; null for any other text (few
     * are spaced out, and only those pay for a second reading).
     */
    public static String closeUpSpacedOut(String normalized) {
        // the pieces between single spaces: one visible character each when spaced out (an emoji
        // with its variation selector or joiners is one)
        String[] pieces = normalized.split(" ");
        int single = 0;
        for (String piece : pieces) {
            if (isOneCharacter(piece)) {
                single++;
            }
        }
        if (pieces.length < MIN_SPACED_CHARS || single < SPACED_SHARE * pieces.length) {
            return null;
        }
        return normalized.replaceAll("(?<=\\S) (?=\\S)", "");
    }

    /** One code point, not counting variation selectors and zero-width joiners (❤️ is one). */
    private static boolean isOneCharacter(String piece) {
        int visible = 0;
        for (int i = 0; i < piece.length(); ) {
            int cp = piece.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != 0x200D && !(cp >= 0xFE00 && cp <= 0xFE0F)) {
                visible++;
            }
        }
        return visible == 1;
    }

    /** At least this many pieces between spaces, and this share of them one character. */
    private static final int MIN_SPACED_CHARS = 8;

    private static final double SPACED_SHARE = 0.7;

    /** A contact ID after a cue (v信: abc123, vx 12345678, 加赖 @id, WhatsApp 9876 5432). */
    private static boolean hasContactId(String normalized) {
        if (PHONE_ID.matcher(normalized).find()) {
            return true;
        }
        Matcher cue = CONTACT_CUE.matcher(normalized);
        while (cue.find()) {
            // 微信 dw_quan: after a cue in Chinese, Latin is an ID whatever it holds
            boolean latinCue = normalized.charAt(cue.start()) < 0x80;
            if (isIdAt(normalized, cue.end(), !latinCue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Do at least {@link #ID_MIN_CHARS} letters or digits follow, before the next Chinese
     * character, however the seller spaced or decorated them to pass filters (dw 1 2 3 4 5,
     * yy🌸mei🌸zhuang, 2 8 4 7 ➈ ➀)? Up to two other characters may stand between two of them. An
     * ID has a digit, or is set off by a colon, an @ or a cue in Chinese (line: lime_cafe,
     * 加赖 @limecafe, 微信 dw_quan): a green line since the last update is English, not an ID.
     */
    private static boolean isIdAt(String text, int from, boolean setOffByCue) {
        int idChars = 0;
        int gap = 0;
        boolean digit = false;
        boolean setOff = setOffByCue;
        int end = Math.min(text.length(), from + ID_MAX_SPAN);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (isIdChar(c)) {
                idChars++;
                gap = 0;
                digit |= !(c >= 'a' && c <= 'z') && c != '_' && c != '-';
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    || c == '\n'
                    || (idChars > 0 && ++gap > 2)) {
                break;
            } else if (idChars == 0) {
                setOff |= c == ':' || c == '：' || c == '@';
            }
        }
        return idChars >= ID_MIN_CHARS && (digit || setOff);
    }

    /**
     * Latin letters, digits, _ and -, circled digits (①, ➈) and digits in Chinese that stand for
     * digits.
     */
    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || (c >= '\u2460' && c <= '\u2473')
                || (c >= '\u2776' && c <= '\u2793')
                || CHINESE_DIGITS.indexOf(c) >= 0;
    }

    /** Digits written in Chinese to pass filters (WhatsApp 六三九二 零零八一, 壹叁玖 零柒贰壹). */
    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖";

    /**
     * 不是代购不是微商, 不是什么高仿: a customer saying what their purchase was not. (A seller's 不是高仿 comes with
     * its other words: 原单, 假一赔十.)
     */
    private static boolean isDenied(String normalized, Hit hit) {
        if (hit.meaning().tag().equals("WARNING")) {
            return false;
        }
        for (String denial : new String[] {"不是什么", "不是", "并非", "绝非"}) {
            if (normalized.startsWith(denial, hit.start() - denial.length())) {
                return true;
            }
        }
        // 号称"官方正品 假一赔十", 说是日结, 说自己是兼职日结的: someone else's claim, reported
        int from = Math.max(0, hit.start() - REPORTED_WITHIN);
        for (int i = hit.start() - 1;
                i >= from && "，。！？,.!?\n".indexOf(normalized.charAt(i)) < 0;
                i--) {
            for (String reported : REPORTED) {
                if (normalized.startsWith(reported, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words that report another's claim: what follows is theirs, not the writer's offer. */
    private static final String[] REPORTED = {"号称", "说是", "自称", "声称", "说自己是", "说他是", "说他们是"};

    /** How far before a spam term a reporting word is looked for (within its clause). */
    private static final int REPORTED_WITHIN = 10;

    /** 买粉 (followers) inside 买粉底 (foundation): a longer word that is no ad's. */
    private static boolean isInside(Hit hit, List<Hit> notAds) {
        for (Hit not : notAds) {
            if (not.start() <= hit.start() && hit.end() <= not.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSent(String normalized, Hit hit) {
        return (hit.start() > 0 && normalized.charAt(hit.start() - 1) == '已')
                // 如有需要请私讯我们: the brand's own service channel, not a seller's
                || normalized.startsWith("我们", hit.end());
    }

    private static double linkShare(SocialMarkup markup, String normalized) {
        int linkChars = 0;
        for (int[] url : markup.urls) {
            linkChars += url[1] - url[0];
        }
        return (double) linkChars / Math.max(1, normalized.strip().length());
    }

    /** Long text made of very few distinct characters: 顶顶顶顶..., copy-paste floods. */
    private static boolean isRepetitive(String normalized) {
        int letters = 0;
        Set<Character> distinct = new HashSet<>();
        for (int i = 0; i < normalized.length() && distinct.size() <= 12; i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters++;
                distinct.add(c);
            }
        }
        return letters >= 30 && distinct.size() <= 5;
    }
}
