package io.brandpulse.text.sentiment;

/**
 * How much the polarity of Weibo bracket emoticons ({@code [怒]}) and of emoji ({@code 😡}) moves a
 * text's margin: each adds {@code weight} per unit of polarity, and when its polarity is not zero
 * and {@code floor} is above zero, the margin is at least {@code floor} in its direction (so the
 * label follows it); a floor of zero lets the text outvote the mood.
 *
 * <p>The two are weighed apart because the training data teaches them apart: Weibo posts of
 * 2012-2018 are full of bracket emoticons, so the n-gram model learns what {@code [泪]} or {@code
 * [哈哈]} means in context, each also as one feature counted in full (the shipped model adds only a
 * nudge of weight 0.25 and no floor), while it has seen few emoji, whose meaning the curated table
 * supplies.
 */
public record MoodWeights(
        float bracketWeight, float bracketFloor, float emojiWeight, float emojiFloor) {
    public MoodWeights {
        if (!(bracketWeight >= 0f && bracketFloor >= 0f && emojiWeight >= 0f && emojiFloor >= 0f))
            throw new IllegalArgumentException("mood weights and floors must be >= 0");
    }

    /** The margin {@code z} moved by the bracket emoticons' and then the emoji's polarity sums. */
    double apply(double z, float brackets, float emoji) {
        return move(move(z, brackets, bracketWeight, bracketFloor), emoji, emojiWeight, emojiFloor);
    }

    private static double move(double z, float polarity, float weight, float floor) {
        if (polarity == 0f) return z;
        z += weight * polarity;
        if (floor == 0f) return z; // no floor: the text may outvote the mood
        if (polarity > 0f && z < floor) return floor;
        if (polarity < 0f && z > -floor) return -floor;
        return z;
    }

    /** These weights times {@code scale} (the trainer's calibration scales every margin). */
    public MoodWeights scaled(double scale) {
        return new MoodWeights(
                (float) (bracketWeight * scale),
                (float) (bracketFloor * scale),
                (float) (emojiWeight * scale),
                (float) (emojiFloor * scale));
    }
}
