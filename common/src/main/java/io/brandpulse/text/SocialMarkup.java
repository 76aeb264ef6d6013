package io.brandpulse.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The social-media markup in a normalized text: Weibo bracket emoticons ({@code [怒]}), emoji, URLs,
 * {@code @mentions}, {@code #topics#} and the repost chain ({@code //@user: reposted text}). Each
 * is reported as a span of the normalized text, and {@link #maskedForSegmentation} blanks them out
 * so that the segmenter sees only words (offsets stay the same).
 */
public final class SocialMarkup {
    // Weibo emoticons are short names in brackets: [怒], [哈哈], [good], [doge], [笑cry].
    private static final Pattern EMOTICON =
            Pattern.compile("\\[[\\p{IsHan}\\p{IsLatin}\\d]{1,8}\\]");

    /** Link shorteners posts write without a scheme (t.cn/A6xk9Lz on Weibo, reurl.cc in Taiwan). */
    private static final String SHORT_LINK_HOSTS =
            "(?:t\\.cn|dwz\\.cn|url\\.cn|suo\\.im|bit\\.ly|tinyurl\\.com|goo\\.gl|reurl\\.cc|pse\\.is|lihi\\.cc)";

    private static final Pattern URL =
            Pattern.compile(
                    "(?:https?://|www\\.|(?<![\\w.])"
                            + SHORT_LINK_HOSTS
                            + "/)"
                            // a link does not end in the punctuation after it (full-width ， is ,
                            // here)
                            + "[\\w\\-.~:/?#\\[\\]@!$&'()*+,;=%]*[\\w\\-~/#=%&+]",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTION =
            Pattern.compile("@[\\p{IsHan}\\p{IsLatin}\\d_\\-]{1,30}");
    private static final Pattern TOPIC = Pattern.compile("#[^#\\n]{1,60}#");
    private static final String REPOST_MARK = "//@";

    public final List<int[]> emoticons = new ArrayList<>();
    public final List<int[]> emoji = new ArrayList<>();
    public final List<int[]> urls = new ArrayList<>();
    public final List<int[]> mentions = new ArrayList<>();
    public final List<int[]> topics = new ArrayList<>();

    /**
     * Where the reposted part starts ({@code //@...}), or the text's length when it is not a
     * repost.
     */
    public final int ownTextEnd;

    private final String normalized;

    public SocialMarkup(String normalized) {
        this.normalized = normalized;
        int repost = normalized.indexOf(REPOST_MARK);
        this.ownTextEnd = repost < 0 ? normalized.length() : repost;
        // A cheap test before each pattern: most posts have none of these.
        find(URL, normalized.indexOf('/') >= 0 || normalized.contains("www."), urls);
        find(EMOTICON, normalized.indexOf('[') >= 0, emoticons);
        find(MENTION, normalized.indexOf('@') >= 0, mentions);
        find(TOPIC, normalized.indexOf('#') >= 0, topics);
        findEmoji();
    }

    public boolean isRepostChain() {
        return ownTextEnd < normalized.length();
    }

    private void find(Pattern pattern, boolean worthLooking, List<int[]> into) {
        if (!worthLooking) {
            return;
        }
        Matcher m = pattern.matcher(normalized);
        while (m.find()) {
            into.add(new int[] {m.start(), m.end()});
        }
    }

    private void findEmoji() {
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int len = Character.charCount(cp);
            if (isEmoji(cp)) {
                int end = i + len;
                // keep a variation selector or skin tone with its emoji
                while (end < normalized.length() && isEmojiModifier(normalized.codePointAt(end))) {
                    end += Character.charCount(normalized.codePointAt(end));
                }
                emoji.add(new int[] {i, end});
                i = end;
            } else {
                i += len;
            }
        }
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x1F000 && cp <= 0x1F2FF)
                || cp == 0x2B50
                || cp == 0x2B55;
    }

    private static boolean isEmojiModifier(int cp) {
        return cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    /**
     * The normalized text with markup (but not topics' words) replaced by spaces, for the
     * segmenter.
     */
    public String maskedForSegmentation() {
        if (emoticons.isEmpty()
                && emoji.isEmpty()
                && urls.isEmpty()
                && mentions.isEmpty()
                && topics.isEmpty()) {
            return normalized;
        }
        char[] chars = normalized.toCharArray();
        for (List<int[]> spans : List.of(emoticons, emoji, urls, mentions)) {
            for (int[] s : spans) {
                Arrays.fill(chars, s[0], s[1], ' ');
            }
        }
        for (int[] t : topics) { // the words of a #topic# are words; its hashes are not
            chars[t[0]] = ' ';
            chars[t[1] - 1] = ' ';
        }
        return new String(chars);
    }

    public String text(int[] span) {
        return normalized.substring(span[0], span[1]);
    }
}
