package io.brandpulse.text;

/**
 * A negation asked back affirms: 这不是虚假宣传是什么, 这不是欺骗吗, 这不是智商税吗 say that it is. Both the complaint
 * grader (a negated problem term) and the sentiment cues (negated slang) read it so.
 */
public final class RhetoricalQuestions {
    private RhetoricalQuestions() {}

    private static final String[] TAILS = {"是什么", "是啥", "又是什么", "还能是什么", "吗", "么", "嘛", "呢"};

    /**
     * Does a question asked back start at {@code end}, right after a negated term (不是虚假宣传|是什么,
     * 不是欺骗|吗)?
     */
    public static boolean askedBackAt(String text, int end) {
        for (String tail : TAILS) {
            if (text.startsWith(tail, end)) {
                return true;
            }
        }
        return false;
    }
}
