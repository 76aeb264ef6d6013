package io.brandpulse.text;

import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gambling and lottery ads, scams, link farms and bot-like text. One strong ad term (娱乐城, 体验金,
 * 首存...) is enough; weak ones (加微信, 领取, 红包...) need company (another weak term or a link). Repeats
 * of the same post by many accounts are the stream's business (see {@link DuplicateKey}), not one
 * text's.
 */
public final class SpamDetector {
    private SpamDetector() {}

    /** The reasons a text is spam; empty when it is not. */
    public static List<String> reasons(List<Hit> hits, SocialMarkup markup, String normalized) {
        List<String> reasons = new ArrayList<>(2);
        Set<String> weak = new HashSet<>();
        boolean strong = false;
        for (Hit hit : hits) {
            if (hit.meaning().kind() == Kind.SPAM) {
                if ("STRONG".equals(hit.meaning().tag())) {
                    strong = true;
                } else {
                    weak.add(hit.term());
                }
            }
        }
        if (strong) {
            reasons.add("AD_TERMS");
        } else if (weak.size() >= 2 || (!weak.isEmpty() && !markup.urls.isEmpty())) {
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
