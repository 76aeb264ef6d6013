package io.brandpulse.text;

import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gambling and lottery ads, scams, resale and job ads, link farms and bot-like text. One strong ad
 * term (娱乐城, 体验金, 打字员, 同号...) is enough; a way to reach a seller (v信, vx, QQ, 加赖, or an ID after
 * one) with a sale word (出售, 低价, 兼职...) is enough; weak terms (领取, 红包...) need company (another
 * weak term or a link). Repeats of the same post by many accounts are the stream's business (see
 * {@link DuplicateKey}), not one text's.
 */
public final class SpamDetector {
    /**
     * A contact ID after a way to reach someone: v信: abc123, vx 12345678, qq 123456, 加赖 @id,
     * V❤️：id, WhatsApp 9876 5432.
     */
    private static final Pattern CONTACT_ID =
            Pattern.compile(
                    "(?:v信|薇信|威信|vx|wx|微信|微信号|qq|扣扣|line|赖|加v|加q)\\s*[:：号]?\\s*@?[a-z0-9_\\-]{5,20}"
                            + "|(?<![a-z])v[^\\p{IsHan}a-z0-9]{1,4}[a-z0-9_\\-]{5,20}"
                            + "|(?:whatsapp|tel|电话)\\s*[:：]?\\s*\\d[\\d\\s\\-]{6,}");

    private SpamDetector() {}

    /** The reasons a text is spam; empty when it is not. */
    public static List<String> reasons(List<Hit> hits, SocialMarkup markup, String normalized) {
        List<String> reasons = new ArrayList<>(2);
        Set<String> weak = new HashSet<>();
        Set<String> contact = new HashSet<>();
        Set<String> sale = new HashSet<>();
        boolean strong = false;
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.SPAM) {
                switch (hit.meaning().tag()) {
                    case "STRONG" -> strong = true;
                    case "CONTACT" -> {
                        // 订单编号已私讯: a message the writer sent, not a way to reach a seller
                        if (!isSent(normalized, hit)) {
                            contact.add(hit.term());
                        }
                    }
                    case "SALE" -> sale.add(hit.term());
                    default -> weak.add(hit.term());
                }
            }
        }
        // a contact ID only matters beside a word of sale: most texts have none, and skip the scan
        if ((!sale.isEmpty() || !weak.isEmpty()) && CONTACT_ID.matcher(normalized).find()) {
            contact.add("id");
        }
        sale.addAll(weak);
        sale.removeAll(contact); // 私聊 is both: a seller still needs a word of sale
        if (strong
                || (!contact.isEmpty() && !sale.isEmpty())
                || weak.size() >= 2
                || (!weak.isEmpty() && !markup.urls.isEmpty())) {
            reasons.add("AD_TERMS");
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

    private static boolean isSent(String normalized, Hit hit) {
        return hit.start() > 0 && normalized.charAt(hit.start() - 1) == '已';
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
