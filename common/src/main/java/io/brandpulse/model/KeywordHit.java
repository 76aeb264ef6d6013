package io.brandpulse.model;

/** A configured or built-in term found in a mention, in the characters the author wrote. */
public class KeywordHit {
    /** The term as written in the text (original characters: Traditional stays Traditional). */
    public String text;

    /** {@code BRAND}, {@code KEYWORD} or {@code CRISIS}. */
    public String kind;

    /** The brand the term belongs to; null for the built-in crisis terms. */
    public String brand;

    /** Offsets in the original text, end exclusive. */
    public int start;

    public int end;

    public KeywordHit() {}

    public KeywordHit(String text, String kind, String brand, int start, int end) {
        this.text = text;
        this.kind = kind;
        this.brand = brand;
        this.start = start;
        this.end = end;
    }
}
