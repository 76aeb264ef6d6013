package io.brandpulse.engagement;

import io.brandpulse.model.EnrichedMention;
import io.brandpulse.model.KeywordHit;
import io.brandpulse.model.TextAnalysis;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one interaction is worth, 0–100: quality, not count. A detailed original review with
 * photos and a suggestion scores high; "nice!" scores a few points; spam scores zero (and so does
 * the customer repeating a post, decided by the caller). Every part saturates, so nothing can be
 * gamed by volume alone.
 */
public final class InteractionQuality {
    /**
     * Characters of substance at which length gives about 63% of its weight (diminishing returns
     * after).
     */
    static final double LENGTH_SCALE = 80;

    /** A repost without words of its own counts this much of an original post. */
    static final double REPOST_FACTOR = 0.2;

    /** A repost with a comment of its own counts this much. */
    static final double QUOTE_FACTOR = 0.6;

    private InteractionQuality() {}

    /** The parts of an interaction's quality, each in [0, 1], and the total in [0, 100]. */
    public record Parts(
            double substance,
            double specificity,
            double media,
            double constructive,
            double feeling,
            double resonance,
            double originality,
            double total) {}

    public static Parts of(EnrichedMention m) {
        TextAnalysis a = m.analysis;
        if (a == null || a.spam) {
            return new Parts(0, 0, 0, 0, 0, 0, 0, 0);
        }
        int chars = substanceChars(m.text, a);
        double substance = 1 - Math.exp(-chars / LENGTH_SCALE);
        double specificity = specificity(m.text, a);
        int images = m.media == null ? 0 : m.media.images;
        int videos = m.media == null ? 0 : m.media.videos;
        double media = 1 - Math.exp(-(images + 2.0 * videos) / 2.0);
        double constructive = a.suggestion ? 1.0 : a.question ? 0.5 : 0;
        double feeling = Math.min(1, Math.abs(a.sentimentScore)) * a.sentimentConfidence;
        long likes = m.metrics == null ? 0 : Math.max(0, m.metrics.likes);
        long comments = m.metrics == null ? 0 : Math.max(0, m.metrics.comments);
        long reposts = m.metrics == null ? 0 : Math.max(0, m.metrics.reposts);
        double resonance =
                Math.min(1, Math.log1p(likes + 2.0 * comments + 3.0 * reposts) / Math.log(1000));
        boolean repost = a.repost || m.repostOfId != null;
        // A bare repost ("转发微博") is amplification; a repost with a real comment of its own is
        // partly original.
        double originality = !repost ? 1 : chars < 10 ? REPOST_FACTOR : QUOTE_FACTOR;
        double total =
                100
                        * originality
                        * (0.35 * substance
                                + 0.15 * specificity
                                + 0.15 * media
                                + 0.15 * constructive
                                + 0.10 * feeling
                                + 0.10 * resonance);
        return new Parts(
                r(substance),
                r(specificity),
                r(media),
                r(constructive),
                r(feeling),
                r(resonance),
                r(originality),
                r(total));
    }

    /** URLs, Weibo emoticons ({@code [哈哈]}) and @mentions: not the author's own words. */
    private static final Pattern NOT_OWN_WORDS =
            Pattern.compile(
                    "(?i)\\b(?:https?://|www\\.)\\S+"
                            + "|\\[[^\\[\\]\\s]{1,10}]"
                            + "|@[^\\s:：@,，。!！?？]+");

    /**
     * Letters, digits and CJK characters of the author's own words: the repost chain ({@code
     * //@user: ...}), URLs, Weibo emoticons ({@code [哈哈]}) and @mentions left out. Counted between
     * the matches, in one pass with no copies of the text (this runs for every customer
     * interaction). The pattern is tried only where a match can start ({@code [}, {@code @}, or the
     * h or w of a URL): a regex search tries it at every character, which cost more than the
     * counting.
     */
    static int substanceChars(String text, TextAnalysis a) {
        if (text == null) {
            return 0;
        }
        int chain = text.indexOf("//@");
        int end = chain >= 0 ? chain : text.length();
        // Transparent bounds: the URL's \b sees the character before the region, as a search over
        // the text would.
        Matcher notOwn = NOT_OWN_WORDS.matcher(text).useTransparentBounds(true);
        int n = 0;
        int from = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if ((c == '[' || c == '@' || c == 'h' || c == 'H' || c == 'w' || c == 'W')
                    && notOwn.region(i, end).lookingAt()) {
                n += lettersAndDigits(text, from, i);
                from = notOwn.end();
                i = from - 1;
            }
        }
        return n + lettersAndDigits(text, from, end);
    }

    private static int lettersAndDigits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /**
     * Concrete detail: numbers (prices, sizes, dates), the brand's products and keywords, a variety
     * of words.
     */
    static double specificity(String text, TextAnalysis a) {
        boolean number = text != null && text.chars().anyMatch(Character::isDigit);
        int keywords = 0;
        for (KeywordHit hit : a.keywords == null ? new KeywordHit[0] : a.keywords) {
            if ("KEYWORD".equals(hit.kind)) {
                keywords++;
            }
        }
        long distinctWords =
                a.tokens == null
                        ? 0
                        : Arrays.stream(a.tokens).filter(t -> t.length() >= 2).distinct().count();
        return Math.min(
                1,
                (number ? 0.3 : 0)
                        + Math.min(0.3, 0.15 * keywords)
                        + Math.min(0.4, distinctWords / 40.0));
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
