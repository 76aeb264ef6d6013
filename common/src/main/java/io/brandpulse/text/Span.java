package io.brandpulse.text;

/**
 * A piece of text found in a mention: what it is, its text as written, and where it is in the
 * original.
 */
public record Span(String text, int start, int end) {}
