package w2v.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import w2v.model.WordVectors;

/**
 * gensim 4's {@code KeyedVectors} queries on rows of a {@link NormalizedMatrix}, in gensim's arithmetic (float,
 * in gensim's order): {@code most_similar} with positive and negative words, {@code most_similar_cosmul},
 * {@code n_similarity} and {@code doesnt_match}. Callers map words to rows; every row given must be a row of the
 * matrix. Input rows are never answers.
 */
public final class KeyedQueries {

    private KeyedQueries() {
    }

    /**
     * gensim's {@code most_similar(positive, negative, topn=k, restrict_vocab=rowLimit)}: cosine with the unit
     * mean of the positive rows' unit vectors and the negated negative ones'. Empty when that mean is zero (the
     * words cancel out; gensim then scores every row 0 or NaN) or when {@code k < 1}.
     *
     * @param m the unit vectors
     * @param positive rows that attract
     * @param negative rows that repel
     * @param k how many answers at most
     * @param rowLimit answers come from the first this many rows
     * @return the best rows, best first, never an input row
     * @throws IllegalArgumentException when both row lists are empty
     */
    public static Neighbour[] mostSimilar(NormalizedMatrix m, int[] positive, int[] negative, int k, int rowLimit) {
        int[] rows = concat(positive, negative);
        if (rows.length == 0) {
            throw new IllegalArgumentException("no words to compare: positive and negative are both empty");
        }
        float[] weights = new float[rows.length];
        Arrays.fill(weights, 0, positive.length, 1f);
        Arrays.fill(weights, positive.length, rows.length, -1f);
        float[] query = m.combine(rows, weights);
        int top = Math.min(k, m.rows());
        if (query == null || top < 1) {
            return new Neighbour[0];
        }
        return m.search(NormalizedMatrix.Scoring.COSINE, List.of(NormalizedMatrix.Query.of(query, rows)), top,
                rowLimit).get(0);
    }

    /**
     * gensim's {@code most_similar_cosmul(positive, negative, topn=k)} for any number of words: with
     * {@code p(x) = (1 + cos(x, row)) / 2}, the product of {@code p} over the positive rows divided by (the product
     * over the negative rows + 1e-6), an empty product being 1. Only the first {@code rowLimit} rows are answers.
     *
     * @param m the unit vectors
     * @param positive rows that attract
     * @param negative rows that repel
     * @param k how many answers at most
     * @param rowLimit answers come from the first this many rows
     * @return the best rows, best first, never an input row
     * @throws IllegalArgumentException when there is no positive row (gensim raises ValueError)
     */
    public static Neighbour[] mostSimilarCosMul(NormalizedMatrix m, int[] positive, int[] negative, int k,
                                                int rowLimit) {
        if (positive.length == 0) {
            throw new IllegalArgumentException("3CosMul needs at least one positive word");
        }
        int[] rows = concat(positive, negative);
        List<float[]> terms = new ArrayList<>(rows.length);
        for (int r : rows) {
            terms.add(m.unitVector(r));
        }
        float[][] cos = m.cosines(terms, rowLimit);
        int limit = cos[0].length;
        int top = Math.min(k, limit);
        if (top < 1) {
            return new Neighbour[0];
        }
        TopK best = new TopK(top);
        for (int r = 0; r < limit; r++) {
            if (contains(rows, r)) {
                continue;
            }
            float num = 1f;
            for (int i = 0; i < positive.length; i++) {
                num = i == 0 ? p(cos[i][r]) : num * p(cos[i][r]);
            }
            float den = 1f;
            for (int i = positive.length; i < rows.length; i++) {
                den = i == positive.length ? p(cos[i][r]) : den * p(cos[i][r]);
            }
            // NaN (a row that is never an answer) never enters.
            best.offer(num / (den + TileKernel.COSMUL_EPSILON), r);
        }
        return neighbours(m, best);
    }

    private static float p(float cosine) {
        return (1f + cosine) / 2f;
    }

    /**
     * gensim's {@code n_similarity}: the cosine of the means of the two sets' raw (not unit) vectors; 0 when a
     * mean is zero, as gensim's {@code unitvec} leaves a zero vector zero.
     *
     * @param vectors the vectors as stored
     * @param a rows of the first set (a row twice counts twice)
     * @param b rows of the second set
     * @return the cosine of the two means
     * @throws IllegalArgumentException when a set is empty
     */
    public static float nSimilarity(WordVectors vectors, int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("n_similarity needs at least one word on each side");
        }
        float[] ma = NormalizedMatrix.normalize(mean(vectors, a));
        float[] mb = NormalizedMatrix.normalize(mean(vectors, b));
        return ma == null || mb == null ? 0f : NormalizedMatrix.dot(ma, mb);
    }

    private static float[] mean(WordVectors vectors, int[] rows) {
        float[] sum = new float[vectors.dim()];
        for (int r : rows) {
            float[] v = vectors.vector(r);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        float n = rows.length;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= n;
        }
        return sum;
    }

    /**
     * gensim's {@code doesnt_match} (through {@code rank_by_centrality}): the index in {@code rows} of the word
     * whose unit vector has the lowest cosine with the unit mean of all the unit vectors. Like gensim's sort of
     * (cosine, word) pairs, equal cosines go to the word that sorts first by code points.
     *
     * @param m the unit vectors
     * @param rows the words' rows
     * @param words the words as the caller gave them, parallel to {@code rows} (they break ties)
     * @return an index into {@code rows}
     * @throws IllegalArgumentException when {@code rows} is empty
     */
    public static int doesntMatch(NormalizedMatrix m, int[] rows, List<String> words) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no words to choose from");
        }
        float[] weights = new float[rows.length];
        Arrays.fill(weights, 1f);
        float[] mean = m.combine(rows, weights);
        int odd = -1;
        float lowest = 0f;
        for (int i = 0; i < rows.length; i++) {
            // A zero mean (the words cancel out) scores every word 0, as gensim's unitvec keeps it zero.
            float c = mean == null ? 0f : NormalizedMatrix.dot(m.unitVector(rows[i]), mean);
            if (odd < 0 || c < lowest || (c == lowest && byCodePoints(words.get(i), words.get(odd)) < 0)) {
                odd = i;
                lowest = c;
            }
        }
        return odd;
    }

    /** Python's {@code str} order: by code points (String.compareTo orders UTF-16 units). */
    static int byCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static Neighbour[] neighbours(NormalizedMatrix m, TopK best) {
        int[] r = best.sortedRows();
        float[] s = best.sortedScores();
        Neighbour[] out = new Neighbour[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = new Neighbour(r[i], m.word(r[i]), s[i]);
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
