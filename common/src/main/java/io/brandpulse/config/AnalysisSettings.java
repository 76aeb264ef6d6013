package io.brandpulse.config;

import java.io.Serializable;

/** How the text analysis runs (what it decides is in the shipped model and lexicons). */
public class AnalysisSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * {@code fast}: smartcn's dictionaries and algorithm over primitive arrays, the same words
     * several times faster; {@code smartcn}: Lucene's own HMMChineseTokenizer, the reference.
     */
    public String segmenter = "fast";
}
