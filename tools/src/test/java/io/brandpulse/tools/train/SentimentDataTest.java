package io.brandpulse.tools.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brandpulse.text.TextNormalizer;
import io.brandpulse.tools.train.SentimentData.Example;
import io.brandpulse.tools.train.SentimentData.ProtectedTexts;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentDataTest {
    private final SentimentData data = new SentimentData();

    @Test
    void theKeyIgnoresSpacingPunctuationWidthAndScript() {
        String a = SentimentData.key(new TextNormalizer().normalize("房間很乾淨， 服務也好！"));
        String b = SentimentData.key(new TextNormalizer().normalize("房间很干净服务也好"));
        assertEquals(b, a);
        assertEquals("abc123", SentimentData.key("abc, 1 2-3!😀"));
    }

    @Test
    void readsWeibo2018LinesSplitOnTheFirstTwoCommasWithoutItsMarks(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("train.txt");
        Files.writeString(
                file,
                "4231,1,{%#静下心来听音乐#%} 好听,真的好听\n4232,0,太差了[怒]\n4233,x,坏行\n",
                StandardCharsets.UTF_8);
        SentimentData.Corpus c = data.readWeibo2018("weibo2018_train", file);
        assertEquals(List.of(1, 0), c.examples().stream().map(Example::label).toList());
        assertEquals(
                new TextNormalizer().normalize("#静下心来听音乐# 好听,真的好听"),
                c.examples().get(0).text(),
                "the commas of the text kept, the {%...%} marks dropped");
        assertEquals("weibo2018_train", c.examples().get(0).source());
        assertEquals(1, c.unreadable(), "the line whose label is not 0 or 1");
    }

    @Test
    void readsCsvWithAHeaderAndQuotedFields() throws IOException {
        String csv = "cat,label,review\n书籍,1,\"好书,值得\"\"一读\"\"\"\n书籍,0,\"第一行\n第二行\"\n书籍,2,中立\n";
        SentimentData.Corpus c = data.readTable("t.csv", new StringReader(csv));
        assertEquals(2, c.examples().size());
        assertEquals("好书,值得\"一读\"", c.examples().get(0).text());
        assertEquals(1, c.examples().get(0).label());
        assertEquals("第一行\n第二行", c.examples().get(1).text());
        assertEquals(0, c.examples().get(1).label());
        assertEquals(1, c.unreadable(), "the row labelled 2");
    }

    @Test
    void readsTsvAndHeaderlessTablesWithWordLabels() throws IOException {
        SentimentData.Corpus tsv =
                data.readTable("t.tsv", new StringReader("label\ttext_a\n1\t很好\n0\t很差\n"));
        assertEquals(List.of(1, 0), tsv.examples().stream().map(Example::label).toList());
        SentimentData.Corpus plain =
                data.readTable("p.csv", new StringReader("positive,很好\nnegative,很差\nneg,差\n"));
        assertEquals(List.of(1, 0, 0), plain.examples().stream().map(Example::label).toList());
        assertEquals("很好", plain.examples().get(0).text());
        SentimentData.Corpus textFirst = data.readTable("q.csv", new StringReader("很好,1\n很差,0\n"));
        assertEquals("很差", textFirst.examples().get(1).text());
        assertEquals(0, textFirst.examples().get(1).label());
    }

    @Test
    void deduplicationKeepsTheMajorityLabelAndDropsTies() {
        List<Example> in =
                List.of(
                        new Example("好", "好", 1, "a"),
                        new Example("好!", "好", 1, "b"),
                        new Example("好。", "好", 0, "c"),
                        new Example("差", "差", 0, "a"),
                        new Example("差!", "差", 1, "b"),
                        new Example("中", "中", 1, "a"));
        int[] stats = new int[2];
        List<Example> out = SentimentData.deduplicate(in, stats);
        assertEquals(List.of("好", "中"), out.stream().map(Example::key).toList());
        assertEquals(1, out.get(0).label());
        assertEquals(3, stats[0], "copies merged");
        assertEquals(1, stats[1], "ties dropped");
    }

    @Test
    void nearDuplicatesOfProtectedTextsAreCaught() {
        ProtectedTexts p = new ProtectedTexts();
        String review = "这个宾馆比较陈旧了特价的房间也很一般总体来说一般";
        p.add(review);
        assertTrue(p.containsExactly(review));
        assertTrue(p.nearlyContains(review + "下次不会再来了"), "a sentence added");
        assertTrue(p.nearlyContains("这个宾馆比较陈旧了特价的房间也很一般"), "a sentence cut");
        assertFalse(p.nearlyContains("房间很大很干净服务也很周到早餐丰富"), "another review");
        assertFalse(p.nearlyContains("一般"), "too short to say");
    }

    @Test
    void theHeldOutRuleDependsOnTheTextAloneAndHoldsOutAboutFivePercent() {
        int held = 0;
        for (int i = 0; i < 20000; i++) if (SentimentData.heldOut("评论" + i)) held++;
        assertTrue(held > 800 && held < 1200, "about 5%: " + held);
        assertEquals(SentimentData.heldOut("同一条评论"), SentimentData.heldOut("同一条评论"));
    }
}
