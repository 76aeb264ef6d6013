package io.brandpulse.model;

/**
 * A record the job could not use, with the reason, for {@code mentions-dlq}. Nothing bad is dropped
 * silently.
 */
public class DeadLetter {
    /** A machine-readable reason, the name of a {@link DeadLetterReason}. */
    public String reason;

    /** What exactly was wrong, for a person. */
    public String detail;

    /**
     * The original payload: as text when it was valid UTF-8, otherwise base64 (see {@link
     * #payloadEncoding}).
     */
    public String payload;

    /** {@code utf-8} or {@code base64}. */
    public String payloadEncoding;

    /** Bytes of the original payload (the payload field may be cut for huge records). */
    public long payloadBytes;

    /** True when {@link #payload} holds only the start of a huge payload. */
    public boolean payloadTruncated;

    public String source;
    public int partition;
    public long offset;

    /** The mention id when it could be read, to help trace the record upstream. */
    public String mentionId;

    public DeadLetter() {}
}
