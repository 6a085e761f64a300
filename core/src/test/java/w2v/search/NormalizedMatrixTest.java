package w2v.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import w2v.kernel.Kernels;
import w2v.model.WordVectors;
import w2v.testing.TestVectors;

class NormalizedMatrixTest {

    @Test
    void rowsAreUnitLength() {
        try (WordVectors v = TestVectors.random(37, 21, 1); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            for (int r = 0; r < 37; r++) {
                float[] u = m.unitVector(r);
                float[] raw = v.vector(r);
                double n = 0;
                for (float x : raw) {
                    n += (double) x * x;
                }
                n = Math.sqrt(n);
                for (int d = 0; d < 21; d++) {
                    assertEquals(raw[d] / n, u[d], 1e-6);
                }
                assertEquals(1.0, m.cosine(r, r), 1e-6);
            }
        }
    }

    /** Every kernel and every split of the work returns exactly the brute-force answer, scores included. */
    @Test
    void searchEqualsBruteForceForEveryKernel() {
        int rows = 1001; // not a multiple of any lane count
        int dim = 100;
        try (WordVectors v = TestVectors.random(rows, dim, 7)) {
            List<TileKernel> kernels = new ArrayList<>(List.of(new ScalarTileKernel(16), new ScalarTileKernel(3)));
            if (Kernels.vectorApiAvailable()) {
                kernels.add(new PanamaTileKernel());
            }
            Random rnd = new Random(3);
            List<NormalizedMatrix.Query> cos = new ArrayList<>();
            List<NormalizedMatrix.Query> mul = new ArrayList<>();
            try (NormalizedMatrix ref = NormalizedMatrix.of(v, Integer.MAX_VALUE, new ScalarTileKernel(16))) {
                for (int i = 0; i < 203; i++) {
                    int a = rnd.nextInt(rows);
                    int b = rnd.nextInt(rows);
                    int c = rnd.nextInt(rows);
                    cos.add(new NormalizedMatrix.Query(new float[][] {ref.combine(new int[] {b, c, a},
                            new float[] {1, 1, -1})}, new int[] {a, b, c}));
                    mul.add(new NormalizedMatrix.Query(new float[][] {ref.unitVector(b), ref.unitVector(c),
                        ref.unitVector(a)}, new int[] {a, b, c}));
                }
                int limit = 950;
                List<Neighbour[]> expectCos = bruteForce(ref, cos, 10, limit, false);
                List<Neighbour[]> expectMul = bruteForce(ref, mul, 10, limit, true);
                for (TileKernel k : kernels) {
                    try (NormalizedMatrix m = NormalizedMatrix.of(v, Integer.MAX_VALUE, k)) {
                        assertSame(expectCos, m.search(NormalizedMatrix.Scoring.COSINE, cos, 10, limit), k);
                        assertSame(expectMul, m.search(NormalizedMatrix.Scoring.COSMUL, mul, 10, limit), k);
                        // One query at a time: the rows are split between threads instead of the queries.
                        for (int i = 0; i < 5; i++) {
                            assertSame(expectCos.subList(i, i + 1),
                                    m.search(NormalizedMatrix.Scoring.COSINE, cos.subList(i, i + 1), 10, limit), k);
                            assertSame(expectMul.subList(i, i + 1),
                                    m.search(NormalizedMatrix.Scoring.COSMUL, mul.subList(i, i + 1), 10, limit), k);
                        }
                    }
                }
            }
        }
    }

    private static void assertSame(List<Neighbour[]> expected, List<Neighbour[]> actual, TileKernel k) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), k.getClass().getSimpleName() + " lanes " + k.lanes()
                    + " query " + i);
        }
    }

    static List<Neighbour[]> bruteForce(NormalizedMatrix m, List<NormalizedMatrix.Query> qs, int k, int limit,
                                        boolean cosMul) {
        List<Neighbour[]> out = new ArrayList<>();
        for (NormalizedMatrix.Query q : qs) {
            List<Neighbour> all = new ArrayList<>();
            for (int r = 0; r < Math.min(limit, m.rows()); r++) {
                final int row = r;
                if (!m.searchable(r) || IntStream.of(q.exclude()).anyMatch(x -> x == row)) {
                    continue;
                }
                float[] u = m.unitVector(r);
                float s;
                if (cosMul) {
                    float c1 = NormalizedMatrix.dot(u, q.vectors()[0]);
                    float c2 = NormalizedMatrix.dot(u, q.vectors()[1]);
                    float cn = NormalizedMatrix.dot(u, q.vectors()[2]);
                    s = ((1f + c1) / 2f) * ((1f + c2) / 2f) / ((1f + cn) / 2f + 1e-6f);
                } else {
                    s = NormalizedMatrix.dot(u, q.vectors()[0]);
                }
                all.add(new Neighbour(r, m.word(r), s));
            }
            all.sort(Comparator.comparingDouble((Neighbour n) -> -n.score()).thenComparingInt(Neighbour::row));
            out.add(all.subList(0, Math.min(k, all.size())).toArray(Neighbour[]::new));
        }
        return out;
    }

    @Test
    void zeroAndNonFiniteVectorsAndRepeatedWordsAreNeverAnswers() {
        String[] words = {"a", "zero", "b", "nan", "a", "c", "d"};
        float[][] v = {{1, 0, 0}, {0, 0, 0}, {0.9f, 0.1f, 0}, {Float.NaN, 1, 0}, {1, 0, 0}, {0, 1, 0}, {-1, 0, 0}};
        try (WordVectors wv = TestVectors.of(words, v); NormalizedMatrix m = NormalizedMatrix.of(wv)) {
            assertFalse(m.searchable(1));
            assertFalse(m.searchable(3));
            assertFalse(m.searchable(4));
            assertTrue(m.isRepeat(4));
            assertTrue(m.searchable(0));
            // From the far side every other row scores below zero rows' 0, yet only real rows come back.
            List<Neighbour[]> hits = m.search(NormalizedMatrix.Scoring.COSINE,
                    List.of(NormalizedMatrix.Query.of(new float[] {-1, 0, 0})), 10, Integer.MAX_VALUE);
            assertArrayEquals(new int[] {6, 5, 2, 0}, IntStream.range(0, hits.get(0).length)
                    .map(i -> hits.get(0)[i].row()).toArray());
            List<Neighbour[]> mul = m.search(NormalizedMatrix.Scoring.COSMUL, List.of(new NormalizedMatrix.Query(
                    new float[][] {{0, 1, 0}, {0, 1, 0}, {1, 0, 0}}, new int[0])), 10, Integer.MAX_VALUE);
            assertEquals(4, mul.get(0).length);
            // p(d) p(d) / (p(-d's opposite) + eps): the row opposite the negative vector wins by far.
            assertEquals(6, mul.get(0)[0].row());
            assertEquals(0.25f / 1e-6f, mul.get(0)[0].score(), 1f);
        }
    }

    @Test
    void restrictCountsDistinctWordsLikeGensim() {
        String[] words = {"a", "b", "a", "c", "d"};
        float[][] v = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, {0, -1}};
        try (WordVectors wv = TestVectors.of(words, v); NormalizedMatrix m = NormalizedMatrix.of(wv, 3)) {
            assertEquals(4, m.rows()); // a, b, (a again), c
            assertEquals(-1, m.indexOf("d"));
            assertEquals(2, NormalizedMatrix.rowsForWords(wv, 2));
            assertEquals(5, NormalizedMatrix.rowsForWords(wv, 10));
        }
    }

    @Test
    void tiesGoToTheEarlierRowAndKLargerThanRowsReturnsAll() {
        String[] words = {"q", "x1", "x2", "x3"};
        float[][] v = {{1, 0}, {0, 1}, {0, 1}, {0, 2}};
        try (WordVectors wv = TestVectors.of(words, v); NormalizedMatrix m = NormalizedMatrix.of(wv)) {
            Neighbour[] hits = m.search(NormalizedMatrix.Scoring.COSINE,
                    List.of(NormalizedMatrix.Query.of(new float[] {0, 1}, 0)), 50, Integer.MAX_VALUE).get(0);
            assertEquals(3, hits.length);
            assertEquals(List.of(1, 2, 3), List.of(hits[0].row(), hits[1].row(), hits[2].row()));
            assertEquals(0, m.search(NormalizedMatrix.Scoring.COSINE,
                    List.of(NormalizedMatrix.Query.of(new float[] {0, 1})), 0, 10).get(0).length);
        }
    }
}
