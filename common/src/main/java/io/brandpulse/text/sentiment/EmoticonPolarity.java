package io.brandpulse.text.sentiment;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The polarity of Weibo bracket emoticons ({@code [怒]}, {@code [哈哈]}) and emoji ({@code 😡}, {@code
 * 👍}): +1 clearly positive, -1 clearly negative. Ambiguous ones (e.g. {@code [微笑]}, {@code 🙂},
 * {@code [doge]}, {@code 😂}, which Weibo users mostly use ironically) are simply not listed.
 * Immutable and thread-safe.
 */
public final class EmoticonPolarity {
    /** Bracket emoticons, lower case, with brackets. */
    private final Map<String, Float> brackets;

    /** Emoji code points, sorted, and their polarities. */
    private final int[] emojiCodePoints;

    private final float[] emojiPolarities;

    public EmoticonPolarity(Map<String, Float> entries) {
        Map<String, Float> b = new HashMap<>();
        TreeMap<Integer, Float> e = new TreeMap<>();
        for (Map.Entry<String, Float> en : entries.entrySet()) {
            String k = en.getKey();
            if (k.startsWith("[") && k.endsWith("]") && k.length() > 2) {
                b.put(k.toLowerCase(Locale.ROOT), en.getValue());
            } else if (!k.isEmpty()) {
                e.put(k.codePointAt(0), en.getValue());
            }
        }
        this.brackets = b;
        this.emojiCodePoints = e.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.emojiPolarities = new float[emojiCodePoints.length];
        int i = 0;
        for (float v : e.values()) emojiPolarities[i++] = v;
    }

    /**
     * Every entry (bracket emoticons and emoji as strings), sorted, for writing into a model file.
     */
    Map<String, Float> entries() {
        TreeMap<String, Float> all = new TreeMap<>(brackets);
        for (int i = 0; i < emojiCodePoints.length; i++) {
            all.put(new String(Character.toChars(emojiCodePoints[i])), emojiPolarities[i]);
        }
        return Collections.unmodifiableMap(all);
    }

    public int size() {
        return brackets.size() + emojiCodePoints.length;
    }

    /** The polarity of one bracket emoticon such as {@code [怒]} (0 when unknown or ambiguous). */
    float bracket(String emoticon) {
        if (emoticon == null) return 0f;
        Float v = brackets.get(emoticon);
        if (v == null) v = brackets.get(emoticon.trim().toLowerCase(Locale.ROOT));
        return v == null ? 0f : v;
    }

    /** Sum of the polarities of the given bracket emoticons. */
    float brackets(List<String> emoticons) {
        float sum = 0f;
        for (int i = 0, n = emoticons.size(); i < n; i++) sum += bracket(emoticons.get(i));
        return sum;
    }

    /**
     * Sum of the polarities of the bracket emoticons written in the text (when the caller did not
     * list them).
     */
    float bracketsInText(CharSequence text) {
        float sum = 0f;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            if (text.charAt(i) != '[') continue;
            int end = -1;
            for (int j = i + 2, max = Math.min(len, i + 12); j < max; j++) {
                char c = text.charAt(j);
                if (c == ']') {
                    end = j;
                    break;
                }
                if (c == '[') break;
            }
            if (end > 0) {
                sum += bracket(text.subSequence(i, end + 1).toString());
                i = end;
            }
        }
        return sum;
    }

    /** Sum of the polarities of the emoji in the text. */
    float emoji(CharSequence text) {
        if (emojiCodePoints.length == 0) return 0f;
        float sum = 0f;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            int cp;
            if (c >= '\u2600' && c <= '\u2bff') {
                cp = c;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < len
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            } else {
                continue;
            }
            int k = Arrays.binarySearch(emojiCodePoints, cp);
            if (k >= 0) sum += emojiPolarities[k];
        }
        return sum;
    }
}
