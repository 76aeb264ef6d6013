package io.brandpulse.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.text.sentiment.SentimentModel;
import io.brandpulse.tools.train.SentimentCorpora;
import io.brandpulse.tools.train.SentimentData;
import io.brandpulse.tools.train.SentimentData.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the shipped model where it was never trained: the ChnSentiCorp standard test split
 * (the trainer removes its texts and their near duplicates from every source) and the held-out 5%
 * of the Weibo sets. Neutral counts as wrong. The floors guard today's figures against regressions
 * ({@code scripts/evaluate-sentiment} prints them all).
 *
 * <p>Training on Weibo posts (issue 18) traded 0.6 points of ChnSentiCorp test (0.8867 to 0.8808)
 * for 11 points on hand-labelled Weibo posts (0.746 to 0.859), so both are guarded; with the cues,
 * the neutral head and the Weibo sets counted twice they stand at 0.885 and 0.859. The bar
 * on ChnSentiCorp ({@link EvaluateSentiment#BAR}) was set from a baseline that trained on copies of
 * test texts; see the closing note.
 */
class ShippedSentimentModelTest {
    private static final SentimentModel MODEL = SentimentModel.loadDefault();
    private static final Path DATA = Path.of("../../shared/data");
    static final double CHNSENTICORP_TEST_FLOOR = 0.88;
    static final double WEIBO_HAND_LABELLED_FLOOR = 0.85;
    static final double WEIBO_EMOTICON_LABELLED_FLOOR = 0.97;

    /** Issue 18's targets on social posts with neutral ones among them. */
    static final double SOCIAL_THREE_CLASS_FLOOR = 0.80;

    static final double SOCIAL_NEUTRAL_CALLED_NEGATIVE_CEILING = 0.10;

    private static SentimentMetrics score(List<Example> examples) {
        SentimentMetrics m = new SentimentMetrics();
        for (Example e : examples) m.add(e.label(), MODEL.score(e.text(), null).label);
        return m;
    }

    @Test
    void chnSentiCorpTestAccuracy() throws IOException {
        Path test = DATA.resolve("chnsenticorp_bert_split/test.tsv");
        assumeTrue(Files.isRegularFile(test), "no shared data at " + test.toAbsolutePath());
        List<Example> examples = new SentimentData().readTable(test).examples();
        assertEquals(1200, examples.size());
        SentimentMetrics m = score(examples);
        assertTrue(m.accuracy() >= CHNSENTICORP_TEST_FLOOR, m.summary());
        assertTrue(m.neutralShare() < 0.02, "a narrow neutral band: " + m.summary());
    }

    @Test
    void confidenceIsCalibratedOnTheHeldOutSets() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "no shared data at " + DATA.toAbsolutePath());
        SentimentCorpora c =
                SentimentCorpora.build(new SentimentData(), DATA, true, List.of(), false);
        Reliability r = new Reliability(); // pooled as scripts/evaluate-sentiment pools it
        List<List<Example>> sets = new ArrayList<>(c.slices.values());
        sets.add(c.test);
        sets.add(c.devForSelection);
        for (List<Example> slice : sets) {
            for (Example e : slice) {
                Sentiment s = MODEL.score(e.text(), null);
                r.add(s.confidence, SentimentMetrics.isRight(e.label(), s.label));
            }
        }
        // 0.026 before the trainer fitted a calibration scale, 0.016 after
        assertTrue(r.expectedCalibrationError() <= 0.022, "ECE " + r.expectedCalibrationError());
    }

    @Test
    void neutralIsAClassOnSocialPosts() throws IOException {
        // the development set of scripts/evaluate-sentiment: 249 posts, 90 of them neutral
        ThreeClassMetrics social = EvaluateSentiment.socialPosts(MODEL);
        assertTrue(social.accuracy() >= SOCIAL_THREE_CLASS_FLOOR, social.json());
        assertTrue(
                social.neutralCalledNegative() <= SOCIAL_NEUTRAL_CALLED_NEGATIVE_CEILING,
                social.json());
    }

    @Test
    void heldOutWeiboAccuracy() throws IOException {
        assumeTrue(
                Files.isDirectory(DATA.resolve("weibo2018_train")),
                "no shared data at " + DATA.toAbsolutePath());
        SentimentCorpora c =
                SentimentCorpora.build(new SentimentData(), DATA, true, List.of(), false);
        SentimentMetrics hand = score(c.slices.get("weibo2018_train"));
        assertTrue(hand.size() > 400, "the held-out 5% of 10,000 posts: " + hand.summary());
        assertTrue(hand.accuracy() >= WEIBO_HAND_LABELLED_FLOOR, hand.summary());
        SentimentMetrics emoticons = score(c.slices.get("weibo_senti_100k_train"));
        assertTrue(emoticons.accuracy() >= WEIBO_EMOTICON_LABELLED_FLOOR, emoticons.summary());
    }
}
