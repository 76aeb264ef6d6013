package io.brandpulse.text.sentiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The part of the sentiment model that decides the neutral class: a second logistic model over the
 * same features as the polarity model (their buckets folded to {@code 2^bits}), which tells
 * subjective text (an opinion, a complaint, praise) from objective text (a plain question, an
 * announcement, news, a status update). A text is neutral when it reads objective enough for the
 * strength of the polarity model's verdict: {@code subjective margin + polarWeight * |polarity
 * margin| < subjectiveBelow}. The more plainly a text reads as a question or a notice, the more
 * polarity it may carry and still be neutral. The trainer chooses both numbers on texts it did not
 * train on.
 *
 * <p>Why a head and not a band of low confidence: a plain question such as 请问退货需要自己付运费吗 gets a
 * clearly negative polarity margin (in reviews, questions about returns are complaints), so no band
 * around zero catches it; what marks it neutral is that it reads like a question, not like an
 * opinion. Immutable and thread-safe.
 */
public final class NeutralHead {
    final int bits;
    final int mask;
    final float bias;
    final float[] codebook;
    final byte[] weights;
    final float subjectiveBelow;
    final float polarWeight;

    /**
     * @param bits the head's buckets are {@code 2^bits}, the polarity features' buckets folded
     *     (masked) onto them; at most the polarity model's bits
     * @param bias the head's bias
     * @param codebook 256 weights, indexed by {@code weights}
     * @param weights one codebook index per bucket
     * @param subjectiveBelow a text is neutral when its subjective margin plus {@code polarWeight}
     *     times its absolute polarity margin is below this
     * @param polarWeight how much a strong polarity counts against neutral (at least 0)
     */
    public NeutralHead(
            int bits,
            float bias,
            float[] codebook,
            byte[] weights,
            float subjectiveBelow,
            float polarWeight) {
        if (bits < 10 || bits > 26)
            throw new IllegalArgumentException("neutral head bits out of [10, 26]: " + bits);
        if (codebook.length != 256)
            throw new IllegalArgumentException("neutral head codebook must have 256 entries");
        if (weights.length != 1 << bits)
            throw new IllegalArgumentException("neutral head weights != 2^bits");
        if (!(polarWeight >= 0f))
            throw new IllegalArgumentException("polarWeight must be >= 0: " + polarWeight);
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.bias = bias;
        this.codebook = codebook;
        this.weights = weights;
        this.subjectiveBelow = subjectiveBelow;
        this.polarWeight = polarWeight;
    }

    /** The weight of one polarity-feature bucket in this head. */
    float weight(int bucket) {
        return codebook[weights[bucket & mask] & 0xff];
    }

    /** The subjective margin of a text whose features' head weights sum to {@code sum}. */
    double margin(double sum, int count) {
        return count == 0 ? bias : bias + sum / Math.sqrt(count);
    }

    /** Is a text with these margins neutral? */
    boolean isNeutral(double subjectiveMargin, double polarityMargin) {
        return subjectiveMargin + polarWeight * Math.abs(polarityMargin) < subjectiveBelow;
    }

    public float subjectiveBelow() {
        return subjectiveBelow;
    }

    public float polarWeight() {
        return polarWeight;
    }

    void write(DataOutputStream data) throws IOException {
        data.writeInt(bits);
        data.writeFloat(bias);
        data.writeFloat(subjectiveBelow);
        data.writeFloat(polarWeight);
        for (float f : codebook) data.writeFloat(f);
        data.write(weights);
    }

    static NeutralHead read(DataInputStream data, int maxBits) throws IOException {
        int bits = data.readInt();
        if (bits < 10 || bits > maxBits) throw new IOException("bad neutral head bits " + bits);
        float bias = data.readFloat();
        float subjectiveBelow = data.readFloat();
        float polarWeight = data.readFloat();
        float[] codebook = new float[256];
        for (int i = 0; i < 256; i++) codebook[i] = data.readFloat();
        byte[] weights = new byte[1 << bits];
        data.readFully(weights);
        try {
            return new NeutralHead(bits, bias, codebook, weights, subjectiveBelow, polarWeight);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad neutral head: " + e.getMessage(), e);
        }
    }

    /** The same head with other thresholds (the trainer tries several). */
    public NeutralHead withThresholds(float subjectiveBelow, float polarWeight) {
        return new NeutralHead(bits, bias, codebook, weights, subjectiveBelow, polarWeight);
    }
}
