package io.brandpulse.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A boolean keyword rule of a brand, matched on normalized text: every {@code allOf} term, at least
 * one {@code anyOf} term (when any are listed), no {@code noneOf} term, and the two {@code near}
 * terms within {@code near.within} characters of each other (when given).
 */
public class KeywordRule implements Serializable {
    private static final long serialVersionUID = 1L;

    public String id;
    public List<String> allOf = new ArrayList<>();
    public List<String> anyOf = new ArrayList<>();
    public List<String> noneOf = new ArrayList<>();
    public Near near;

    /** Two terms within a number of characters of each other (gap between them, either order). */
    public static class Near implements Serializable {
        private static final long serialVersionUID = 1L;

        public List<String> terms = new ArrayList<>();
        public int within = 10;
    }

    /** Every term the rule names. */
    public List<String> terms() {
        List<String> all = new ArrayList<>(allOf);
        all.addAll(anyOf);
        all.addAll(noneOf);
        if (near != null) {
            all.addAll(near.terms);
        }
        return all;
    }
}
