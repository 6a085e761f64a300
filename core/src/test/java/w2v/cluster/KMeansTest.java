package w2v.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/** K-means against word2vec C's loop written out plainly, and on vectors with clusters planted in them. */
class KMeansTest {

    @Test
    void everyPassMovesEachWordWhereWord2vecCsLoopMovesIt() {
        int n = 3000;
        int dim = 37; // not a multiple of any vector width: the tile kernel's tail is used
        int k = 23;
        float[][] v = randomVectors(n, dim, new Random(11));
        try (WordVectors words = wordVectors(v)) {
            int[] ours = new int[n];
            for (int i = 0; i < n; i++) {
                ours[i] = i % k;
            }
            int moved = 0;
            int nearTies = 0;
            for (int pass = 0; pass < KMeans.ITERATIONS; pass++) {
                double[][] centroids = referenceCentroids(v, k, ours);
                int[] before = ours.clone();
                KMeans.pass(words, k, ours);
                for (int i = 0; i < n; i++) {
                    int expected = referenceClass(centroids, v[i]);
                    moved += before[i] != ours[i] ? 1 : 0;
                    if (ours[i] != expected) {
                        // Float rounding may decide a near tie the other way; anything more is a bug.
                        double gap = dot(centroids[expected], v[i]) - dot(centroids[ours[i]], v[i]);
                        assertTrue(gap < 1e-5, "pass " + pass + ", word " + i + ": class " + ours[i]
                                + " instead of " + expected + " (dot products differ by " + gap + ")");
                        nearTies++;
                    }
                }
            }
            assertTrue(moved > n, "the passes must actually move words (moved " + moved + ")");
            assertTrue(nearTies <= 3, nearTies + " near ties decided differently");
        }
    }

    @Test
    void classesRunsTenPassesFromClassIModK() {
        float[][] v = randomVectors(500, 16, new Random(3));
        try (WordVectors words = wordVectors(v)) {
            int[] expected = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                expected[i] = i % 7;
            }
            for (int pass = 0; pass < 10; pass++) {
                KMeans.pass(words, 7, expected);
            }
            assertArrayEquals(expected, KMeans.classes(words, 7));
        }
    }

    @Test
    void keepsEveryPlantedClusterTogether() {
        int clusters = 8;
        int perCluster = 60;
        int dim = 32;
        Random r = new Random(7);
        float[][] centres = randomVectors(clusters, dim, r);
        float[][] v = new float[clusters * perCluster][];
        int[] truth = new int[v.length];
        // Shuffled, so the starting classes (i mod k) mix every cluster.
        List<Integer> order = new ArrayList<>(IntStream.range(0, v.length).boxed().toList());
        Collections.shuffle(order, r);
        for (int j = 0; j < v.length; j++) {
            int i = order.get(j);
            truth[i] = j % clusters;
            float scale = 0.5f + 2 * r.nextFloat(); // lengths differ: only directions should matter
            v[i] = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[i][d] = scale * (centres[truth[i]][d] + 0.08f * (float) r.nextGaussian());
            }
        }
        try (WordVectors words = wordVectors(v)) {
            int[] found = KMeans.classes(words, clusters);
            Map<Integer, Integer> classOfCluster = new HashMap<>();
            for (int i = 0; i < v.length; i++) {
                Integer c = classOfCluster.putIfAbsent(truth[i], found[i]);
                assertEquals(c == null ? found[i] : c, found[i], "word " + i + " left its planted cluster");
            }
            // C's start (word i in class i mod k) puts every first centroid near the mean of all words, so two
            // clusters may end up sharing a class (the class they leave empty never comes back); most must not.
            long distinct = classOfCluster.values().stream().distinct().count();
            assertTrue(distinct >= clusters - 2, distinct + " classes for " + clusters + " planted clusters");
        }
    }

    @Test
    void anEmptyClassIsNeverChosenAgain() {
        // Class 0 starts with two opposite vectors, so its sum is zero: C's centroid becomes NaN and loses every
        // comparison, though its dot product (0) would beat class 2's (about -1) for the last word.
        float[][] v = {{1, 0}, {1, 0.01f}, {1, 0.02f}, {-1, 0}};
        try (WordVectors words = wordVectors(v)) {
            int[] classes = KMeans.classes(words, 3);
            for (int c : classes) {
                assertNotEquals(0, c, "the empty class came back: " + java.util.Arrays.toString(classes));
            }
            assertEquals(2, classes[3]);
        }
    }

    @Test
    void refusesMoreClassesThanWords() {
        try (WordVectors words = wordVectors(randomVectors(5, 4, new Random(1)))) {
            assertThrows(IllegalArgumentException.class, () -> KMeans.classes(words, 6));
            assertThrows(IllegalArgumentException.class, () -> KMeans.classes(words, 0));
            assertEquals(5, KMeans.classes(words, 5).length);
        }
    }

    /** C's centroid step in double precision: mean (count starting at 1), then unit length (NaN when zero). */
    private static double[][] referenceCentroids(float[][] v, int k, int[] classOf) {
        int dim = v[0].length;
        double[][] cent = new double[k][dim];
        int[] count = new int[k];
        java.util.Arrays.fill(count, 1);
        for (int i = 0; i < v.length; i++) {
            for (int d = 0; d < dim; d++) {
                cent[classOf[i]][d] += v[i][d];
            }
            count[classOf[i]]++;
        }
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                cent[c][d] /= count[c];
                norm += cent[c][d] * cent[c][d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) {
                cent[c][d] /= norm;
            }
        }
        return cent;
    }

    /** C's assignment: the first class with the largest dot product above -10, else class 0. */
    private static int referenceClass(double[][] centroids, float[] word) {
        double best = -10;
        int bestClass = 0;
        for (int c = 0; c < centroids.length; c++) {
            double x = dot(centroids[c], word);
            if (x > best) {
                best = x;
                bestClass = c;
            }
        }
        return bestClass;
    }

    private static double dot(double[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < b.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    private static float[][] randomVectors(int n, int dim, Random r) {
        float[][] v = new float[n][dim];
        for (float[] row : v) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) r.nextGaussian();
            }
        }
        return v;
    }

    private static WordVectors wordVectors(float[][] v) {
        Arena arena = Arena.ofShared();
        EmbeddingTable table = EmbeddingTable.allocate(arena, v.length, v[0].length);
        String[] names = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            table.setRow(i, v[i]);
            names[i] = "w" + i;
        }
        return new WordVectors(names, table, arena);
    }
}
