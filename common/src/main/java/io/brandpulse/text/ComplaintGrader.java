package io.brandpulse.text;

import io.brandpulse.model.TextAnalysis;
import io.brandpulse.text.TermMatcher.Hit;
import io.brandpulse.text.TermMatcher.Kind;
import io.brandpulse.text.sentiment.Sentiment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a mention is a complaint, about what, and how serious; whether it asks the brand
 * something.
 *
 * <p>A complaint is a negative mention with a complaint cue, or one where the writer says so (投诉,
 * 差评, 维权...). Its category is the one with most cues (SAFETY_LEGAL wins ties: it is the one a brand
 * must not miss), OTHER when none. Severity: safety and legal issues are HIGH, CRITICAL when
 * someone was harmed or a child is involved; personal taste is LOW; the rest MEDIUM; many people
 * affected raises a grade, and so does a crisis term.
 */
public final class ComplaintGrader {
    public static final String OTHER = "OTHER";
    public static final String SAFETY_LEGAL = "SAFETY_LEGAL";
    public static final String PRODUCT_QUALITY = "PRODUCT_QUALITY";
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};

    private ComplaintGrader() {}

    public static void grade(
            List<Hit> hits, Sentiment sentiment, SocialMarkup markup, TextAnalysis out) {
        Map<String, Integer> categoryCues = new HashMap<>();
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        boolean brandNamed = false;
        for (Hit hit : hits) {
            Kind kind = hit.meaning().kind();
            counts.merge(kind, 1, Integer::sum);
            if (kind == Kind.COMPLAINT) {
                categoryCues.merge(hit.meaning().tag(), 1, Integer::sum);
            } else if (kind == Kind.TASTE) {
                categoryCues.merge(
                        PRODUCT_QUALITY, 1, Integer::sum); // a matter of taste is about the product
            }
            brandNamed |= kind == Kind.BRAND;
        }
        boolean explicit = has(counts, Kind.EXPLICIT);
        boolean negative = sentiment.isNegative();
        out.crisis = has(counts, Kind.CRISIS);
        out.complaint = explicit || (negative && (!categoryCues.isEmpty() || out.crisis));
        boolean addressed = brandNamed || !markup.mentions.isEmpty() || has(counts, Kind.ADDRESS);
        out.question = addressed && (has(counts, Kind.QUESTION) || has(counts, Kind.REQUEST));
        out.suggestion = has(counts, Kind.SUGGESTION);
        if (!out.complaint) {
            out.complaintCategory = null;
            out.severity = null;
            return;
        }
        out.complaintCategory = topCategory(categoryCues);
        int grade;
        if (out.complaintCategory.equals(SAFETY_LEGAL)) {
            grade = has(counts, Kind.HARM) || has(counts, Kind.VULNERABLE) ? 3 : 2;
        } else if (has(counts, Kind.HARM)) {
            grade = 2;
        } else if (has(counts, Kind.TASTE) && !explicit) {
            grade = 0;
        } else {
            grade = 1;
        }
        if (has(counts, Kind.MANY)) {
            grade++;
        }
        if (out.crisis) {
            grade = Math.max(grade, 2);
        }
        out.severity = SEVERITIES[Math.min(grade, 3)];
    }

    /**
     * The category with most cues; ties go to the earlier in this order (the costlier to miss
     * first).
     */
    private static final String[] PRIORITY = {
        SAFETY_LEGAL, PRODUCT_QUALITY, "LOGISTICS", "SERVICE", "COMMUNICATION", "PRICE"
    };

    private static String topCategory(Map<String, Integer> cues) {
        String best = OTHER;
        int bestCount = 0;
        for (String category : PRIORITY) {
            int count = cues.getOrDefault(category, 0);
            if (count > bestCount) {
                best = category;
                bestCount = count;
            }
        }
        return best;
    }

    private static boolean has(Map<Kind, Integer> counts, Kind kind) {
        return counts.getOrDefault(kind, 0) > 0;
    }
}
