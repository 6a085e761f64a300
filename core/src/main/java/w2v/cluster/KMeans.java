package w2v.cluster;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import w2v.search.Neighbour;
import w2v.search.NormalizedMatrix;
import w2v.search.NormalizedMatrix.Query;
import w2v.search.NormalizedMatrix.Scoring;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/**
 * word2vec C's {@code -classes K}: K-means over the word vectors, run the way C runs it, so that scripts written
 * for C (its demo-classes.sh) get the same kind of classes.
 *
 * <p>C's steps: word i starts in class {@code i mod K}; then, {@link #ITERATIONS} times, each class's centroid is
 * the mean of its words' vectors scaled to unit length, and each word moves to the class whose centroid has the
 * largest dot product with the word's (unscaled) vector, the lowest class winning a tie and class 0 when no dot
 * product exceeds -10. C divides each sum by the class size plus one, which the scaling to unit length undoes;
 * a class left empty gets a zero centroid, which C's scaling turns into NaNs that never win again, so here an
 * empty class is simply never chosen.
 *
 * <p>The dot products of every word with every centroid are the bulk of the work (vocabulary x K x dim, ten
 * times). They go through {@link NormalizedMatrix}, the nearest-neighbour search of the query tools, with the
 * centroids as its unit rows and the word vectors as queries: SIMD tiles, spread over the available cores.
 */
public final class KMeans {

    /** word2vec C's fixed number of passes. */
    public static final int ITERATIONS = 10;
    /** C's starting best score: a word whose dot products are all at most this stays in class 0. */
    static final float FLOOR = -10f;
    /** Words searched at once: bounds the packed query copy (chunk x dim floats) whatever the vocabulary. */
    private static final int CHUNK = 8192;

    private KMeans() {
    }

    /**
     * The class of each word of {@code words}, in [0, k).
     *
     * @throws IllegalArgumentException unless 1 <= k <= the number of words
     */
    public static int[] classes(WordVectors words, int k) {
        int n = words.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the " + n + " words, got " + k);
        }
        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            classOf[i] = i % k;
        }
        try (Arena arena = Arena.ofShared()) { // NormalizedMatrix reads the centroids on several threads
            Centroids centroids = Centroids.allocate(k, words.dim(), arena);
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                pass(words, classOf, centroids);
            }
        }
        return classOf;
    }

    /** One of C's passes on its own (tests). */
    static void pass(WordVectors words, int k, int[] classOf) {
        try (Arena arena = Arena.ofShared()) {
            pass(words, classOf, Centroids.allocate(k, words.dim(), arena));
        }
    }

    /** The centroid rows and their names, allocated once per run: every pass sets every row. */
    private record Centroids(String[] names, EmbeddingTable table) {
        static Centroids allocate(int k, int dim, Arena arena) {
            String[] names = new String[k];
            for (int c = 0; c < k; c++) {
                names[c] = Integer.toString(c); // distinct: NormalizedMatrix never returns a repeated word's row
            }
            return new Centroids(names, EmbeddingTable.allocate(arena, k, dim));
        }
    }

    /** Centroids from {@code classOf}, then every word to its best centroid. */
    private static void pass(WordVectors words, int[] classOf, Centroids centroids) {
        int n = words.size();
        int dim = words.dim();
        int k = centroids.names().length;
        double[] sums = new double[k * dim];
        float[] v = new float[dim];
        for (int i = 0; i < n; i++) {
            words.table().copyRow(i, v);
            int base = classOf[i] * dim;
            for (int d = 0; d < dim; d++) {
                sums[base + d] += v[d];
            }
        }
        float[] row = new float[dim];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) sums[c * dim + d];
            }
            centroids.table().setRow(c, row);
        }
        // NormalizedMatrix scales each centroid to unit length and leaves zero ones (empty classes) out.
        try (NormalizedMatrix normalized = NormalizedMatrix.of(new WordVectors(centroids.names(), centroids.table(),
                null))) {
            assign(words, normalized, classOf);
        }
    }

    /** Moves every word to its best centroid. */
    private static void assign(WordVectors words, NormalizedMatrix centroids, int[] classOf) {
        int n = words.size();
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            List<Query> queries = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                queries.add(Query.of(words.vector(i)));
            }
            List<Neighbour[]> best = centroids.search(Scoring.COSINE, queries, 1, centroids.rows());
            for (int i = start; i < end; i++) {
                Neighbour[] hit = best.get(i - start);
                classOf[i] = hit.length == 1 && hit[0].score() > FLOOR ? hit[0].row() : 0;
            }
        }
    }
}
