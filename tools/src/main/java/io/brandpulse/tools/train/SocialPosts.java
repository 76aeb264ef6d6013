package io.brandpulse.tools.train;

import io.brandpulse.text.TextNormalizer;
import io.brandpulse.tools.train.SentimentData.Example;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The social posts written for this project as training data (issue 18), in the topics, brands and
 * styles the product listens to: {@code sentiment/neutral-posts.tsv} (questions, notices, news,
 * status updates: the neutral class) and {@code sentiment/opinion-posts.tsv} (positive and negative
 * posts on the same topics, so that what tells the two apart is opinion, not topic or style). Each
 * file is split by a hash of the text: {@value #SELECTION_PERCENT}% for choosing thresholds and
 * epochs, the rest for training. Texts are normalized as the job normalizes them.
 */
final class SocialPosts {
    static final String NEUTRAL_POSTS = "/sentiment/neutral-posts.tsv";
    static final String OPINION_POSTS = "/sentiment/opinion-posts.tsv";
    static final String OPINION_SOURCE = "opinion-posts.tsv";
    static final int SELECTION_PERCENT = 20;

    final List<String> neutralTraining = new ArrayList<>();
    final List<String> neutralSelection = new ArrayList<>();
    final List<Example> opinionTraining = new ArrayList<>();
    final List<Example> opinionSelection = new ArrayList<>();

    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * The shipped files, plus {@code extraNeutral} files ({@code platform<TAB>text} or one text per
     * line).
     */
    static SocialPosts read(List<Path> extraNeutral) throws IOException {
        SocialPosts posts = new SocialPosts();
        try (BufferedReader r = resource(NEUTRAL_POSTS)) {
            posts.readNeutral(r);
        }
        for (Path p : extraNeutral) {
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                posts.readNeutral(r);
            }
        }
        try (BufferedReader r = resource(OPINION_POSTS)) {
            posts.readOpinions(r);
        }
        return posts;
    }

    private static BufferedReader resource(String name) throws IOException {
        InputStream in = SocialPosts.class.getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private void readNeutral(BufferedReader r) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("platform\t")) continue;
            int tab = line.indexOf('\t');
            String text = normalize(tab >= 0 ? line.substring(tab + 1) : line);
            if (text.isEmpty()) continue;
            (isSelection(text) ? neutralSelection : neutralTraining).add(text);
        }
    }

    private void readOpinions(BufferedReader r) throws IOException {
        int lineNumber = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) continue;
            String[] f = line.split("\t", 3);
            if (f.length != 3)
                throw new IOException(
                        OPINION_POSTS + " line " + lineNumber + ": expected 3 columns");
            int label = SentimentData.label(f[0]);
            if (label < 0)
                throw new IOException(
                        OPINION_POSTS + " line " + lineNumber + ": bad label " + f[0]);
            String text = normalize(f[2]);
            if (text.isEmpty()) continue;
            Example e = new Example(text, SentimentData.key(text), label, OPINION_SOURCE);
            (isSelection(text) ? opinionSelection : opinionTraining).add(e);
        }
    }

    private String normalize(String raw) {
        return normalizer.normalize(raw).strip();
    }

    private static boolean isSelection(String text) {
        return SentimentData.bucket(SentimentData.key(text)) < SELECTION_PERCENT;
    }
}
