package io.brandpulse.text.sentiment;

/**
 * A question asked of other people for information (请问台中有没有推荐的车行？, 有人比较过这两款的保养费用吗,
 * 想问下去深圳用什么app叫车方便): neutral however its words lean. The review data the polarity model learnt from
 * asks almost only in complaints (请问怎么还不发货？), so it reads every question as negative, and the
 * neutral head has seen few Cantonese or forum-style ones. Questions asked back (凭什么不退款？,
 * 客服到底还管不管了？) state their answer and are opinions, as are demands (能不能快点发货？). Works on normalized
 * text (Simplified, half-width).
 */
final class PlainQuestion {
    private PlainQuestion() {}

    /** Openers of a question to other people, at the start of the text. */
    private static final String[] OPENERS = {
        "请问", "想问", "求问", "问下", "问一下", "问吓", "请教", "有人", "有没有人", "有谁", "有冇人", "板上有人"
    };

    /** Words that ask for information, in a text that ends as a question. */
    private static final String[] ASKING = {
        "哪", "什么", "有没有", "有人", "多少", "几点", "几号", "教程", "怎么设置", "怎么用", "区别", "咩", "求推荐", "有推荐",
        "推荐一下"
    };

    /** Questions asked back, demands and outbursts: they carry their writer's opinion. */
    private static final String[] ASKED_BACK = {
        "凭什么",
        "为什么",
        "为啥",
        "难道",
        "到底还",
        "还管不管",
        "管不管",
        "能不能",
        "可不可以",
        "是不是",
        "有没有搞错",
        "搞什么",
        "什么鬼",
        "干什么吃",
        "怎么这么",
        "怎么又",
        "怎么还",
        "怎么回事",
        "还要等",
        "多久才",
        "还没",
        "不是说",
        "说好的",
        "什么意思",
        "什么垃圾",
        "说什么",
        "什么玩意",
        "叫我",
        "让人",
        "如何是好",
        "什么情况",
        "什么原因",
        "哪去了",
        "还有没有",
        "好吗",
        "怎么会",
        "这能",
        "!",
        // damage or deceit named in the question: a complaint asked as one (请问我买的水果坏了…？)
        "坏",
        "烂",
        "差",
        "破",
        "坑",
        "假货",
        "骗"
    };

    /**
     * Longest text read as one question: a longer one tells more than it asks (a review that ends
     * 不知如何解决？).
     */
    static final int MAX_LENGTH = 50;

    /** Is this text, as a whole, a plain question for information? */
    static boolean asks(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH || t.contains("??")) return false;
        for (String back : ASKED_BACK) {
            if (t.contains(back)) return false;
        }
        for (String opener : OPENERS) {
            if (t.startsWith(opener)) return true;
        }
        if (!endsAsAQuestion(t)) return false;
        for (String ask : ASKING) {
            if (t.contains(ask)) return true;
        }
        return false;
    }

    private static boolean endsAsAQuestion(String t) {
        char last = t.charAt(t.length() - 1);
        return last == '?' || last == '吗' || last == '呢' || last == '嘛';
    }
}
