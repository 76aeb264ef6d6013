package io.brandpulse.tools.evaluate;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.brandpulse.text.sentiment.Sentiment;
import io.brandpulse.tools.train.SentimentData.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain baseline the shipped sentiment model is measured against ({@code
 * scripts/evaluate-sentiment --baseline}, issue 18): scikit-learn's {@code
 * TfidfVectorizer(analyzer='char', ngram_range=(1, 3), min_df=2, sublinear_tf=True)} followed by
 * {@code LogisticRegression(C=4)}, nothing tuned.
 *
 * <p>The vectorizer is {@link CharNgramTfidf}. The logistic regression is liblinear's L2R_LR
 * (trust-region Newton on the primal) with C = 4 and an intercept (bias feature 1) that is not
 * penalized, which is exactly the objective of scikit-learn's default {@code LogisticRegression}
 * (lbfgs, unpenalized intercept): {@code ½‖w‖² + C Σ log(1 + exp(−y (w·x + b)))}. Both solvers
 * reach the same optimum of that convex objective, up to their stopping tolerances.
 *
 * <p>It sees the text exactly as the shipped model does ({@link Example#text()}: {@code
 * TextNormalizer}'s output, NFKC, Simplified script, lower-case Latin), so neither has an advantage
 * from normalization; scikit-learn's own lower-casing is then close to a no-op.
 *
 * <p>Checked against scikit-learn 1.2.1 on the trainer's 61,060 texts of the shared data: the same
 * vocabulary (505,550 n-grams) and, with {@code solver='liblinear'}, the same accuracy on every
 * evaluation set to four decimals ({@code lbfgs}, which stops at 100 iterations there, differs by
 * at most 0.001).
 *
 * <p>Deterministic: the same examples in the same order give the same weights and predictions (the
 * Newton solver draws no random numbers). Immutable and thread-safe once trained.
 */
public final class NgramBaseline {
    /** Inverse regularization strength, as in the issue's {@code LogisticRegression(C=4)}. */
    public static final double C = 4;

    /** liblinear's default stopping tolerance for L2R_LR (relative gradient norm). */
    static final double EPS = 0.01;

    private final CharNgramTfidf tfidf;
    private final Model model;

    /** Index of the bias feature (liblinear's features are numbered from 1). */
    private final int biasIndex;

    private NgramBaseline(CharNgramTfidf tfidf, Model model) {
        this.tfidf = tfidf;
        this.model = model;
        this.biasIndex = tfidf.vocabularySize() + 1;
    }

    /**
     * Fits the vectorizer and the logistic regression on labelled texts (label 1 positive, 0
     * negative; both must occur).
     */
    public static NgramBaseline train(List<Example> examples) {
        boolean[] seen = new boolean[2];
        List<String> texts = new ArrayList<>(examples.size());
        for (Example e : examples) {
            texts.add(e.text());
            seen[e.label()] = true;
        }
        if (!seen[0] || !seen[1])
            throw new IllegalArgumentException("the baseline needs positive and negative texts");
        CharNgramTfidf tfidf = CharNgramTfidf.fit(texts);
        int bias = tfidf.vocabularySize() + 1;
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = bias;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = features(tfidf.transform(texts.get(i)), bias);
            problem.y[i] = examples.get(i).label();
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, EPS);
        parameter.setRegularizeBias(false); // scikit-learn's default solver leaves b unpenalized
        Linear.disableDebugOutput(); // liblinear logs its iterations to stdout otherwise
        Model model = Linear.train(problem, parameter);
        return new NgramBaseline(tfidf, model);
    }

    /** {@link Sentiment#POSITIVE} or {@link Sentiment#NEGATIVE}: never neutral. */
    public String predict(String text) {
        return Linear.predict(model, features(tfidf.transform(text), biasIndex)) == 1
                ? Sentiment.POSITIVE
                : Sentiment.NEGATIVE;
    }

    /** P(positive | text) of the logistic model. */
    double probabilityPositive(String text) {
        double[] p = new double[2];
        Linear.predictProbability(model, features(tfidf.transform(text), biasIndex), p);
        return model.getLabels()[0] == 1 ? p[0] : p[1];
    }

    int vocabularySize() {
        return tfidf.vocabularySize();
    }

    /** One line: what the baseline is. */
    public String description() {
        return String.format(
                Locale.ROOT,
                "TF-IDF character 1-3-grams (min_df %d, sublinear tf, smooth idf, L2 rows; %,d"
                        + " n-grams from %,d texts) + logistic regression (liblinear L2R_LR, C=%s,"
                        + " unpenalized intercept)",
                CharNgramTfidf.MIN_DF,
                tfidf.vocabularySize(),
                tfidf.documents(),
                C == Math.rint(C) ? Integer.toString((int) C) : Double.toString(C));
    }

    private static Feature[] features(CharNgramTfidf.Row row, int biasIndex) {
        int[] cols = row.columns();
        double[] values = row.values();
        Feature[] out = new Feature[cols.length + 1];
        for (int k = 0; k < cols.length; k++) out[k] = new FeatureNode(cols[k] + 1, values[k]);
        out[cols.length] = new FeatureNode(biasIndex, 1);
        return out;
    }
}
