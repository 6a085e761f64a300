package w2v.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import w2v.eval.Analogies;
import w2v.model.WordVectors;
import w2v.plot.WordMap;
import w2v.testing.TestVectors;

/**
 * Queries that could blow memory or answer nothing: a k far beyond the vocabulary, rows without a direction (zero,
 * NaN, infinite) and rows whose float norm overflows (3e38), checked against a double-precision reference.
 */
class QueryBoundsTest {

    /** a, b, c, d are ordinary; "huge" overflows a float norm, "tiny" a float reciprocal of its norm. */
    private static final String[] WORDS = {"a", "b", "zero", "huge", "tiny", "nan", "inf", "c", "d"};
    private static final float[][] VECTORS = {
        {1, 0, 0}, {0.9f, 0.1f, 0}, {0, 0, 0}, {3e38f, 3e38f, -2e38f}, {1e-40f, 2e-40f, 0},
        {Float.NaN, 1, 0}, {Float.POSITIVE_INFINITY, 0, 0}, {0, 1, 0}, {-1, 0, 0},
    };

    @Test
    void hugeAndTinyFiniteRowsNormaliseLikeDoublePrecision() {
        try (WordVectors v = TestVectors.of(WORDS, VECTORS); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            for (int row : new int[] {0, 1, 3, 4, 7, 8}) {
                assertTrue(m.hasDirection(row), WORDS[row]);
                assertTrue(m.searchable(row), WORDS[row]);
                float[] u = m.unitVector(row);
                double[] expected = doubleUnit(VECTORS[row]);
                for (int d = 0; d < u.length; d++) {
                    assertEquals(expected[d], u[d], Math.ulp((float) expected[d]) + 1e-12, WORDS[row] + "[" + d + "]");
                }
                assertEquals(1.0, m.cosine(row, row), 1e-6, WORDS[row]);
            }
        }
    }

    @Test
    void zeroAndNonFiniteRowsStayZeroAndSayWhyTheyHaveNoDirection() {
        try (WordVectors v = TestVectors.of(WORDS, VECTORS); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            // gensim's unitvec leaves a zero vector zero; NaN and infinite rows are zeroed too, never NaN.
            for (int row : new int[] {2, 5, 6}) {
                assertFalse(m.hasDirection(row), WORDS[row]);
                assertFalse(m.searchable(row), WORDS[row]);
                assertArrayEquals(new float[3], m.unitVector(row), WORDS[row]);
            }
            assertEquals("'zero' has a zero vector; it has no direction to compare", m.noDirection(2));
            assertEquals("'nan' has NaN or infinite values in its vector; it has no direction to compare",
                    m.noDirection(5));
            assertEquals("'inf' has NaN or infinite values in its vector; it has no direction to compare",
                    m.noDirection(6));
            assertNull(m.noDirection(3));

            // Asked for every row, a search returns every row with a direction, never one with a NaN score.
            Neighbour[] all = m.search(NormalizedMatrix.Scoring.COSINE,
                    List.of(NormalizedMatrix.Query.of(m.unitVector(0), 0)), Integer.MAX_VALUE, Integer.MAX_VALUE).get(0);
            assertEquals(5, all.length);
            assertEquals(Set.of("b", "huge", "tiny", "c", "d"),
                    Arrays.stream(all).map(Neighbour::word).collect(Collectors.toSet()));
            for (Neighbour n : all) {
                assertTrue(Float.isFinite(n.score()), n.toString());
            }
        }
    }

    @Test
    void normalRowsKeepGensimsFloatFormulaBitForBit() {
        try (WordVectors v = TestVectors.random(50, 17, 11); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            for (int row = 0; row < 50; row++) {
                float[] raw = v.vector(row);
                double sum = 0;
                for (float x : raw) {
                    sum += (double) x * x;
                }
                float alpha = (float) (1.0 / (float) Math.sqrt(sum));
                float[] u = m.unitVector(row);
                for (int d = 0; d < raw.length; d++) {
                    assertEquals(raw[d] * alpha, u[d], 0f, "row " + row);
                }
            }
        }
    }

    @Test
    void aHugeKReturnsEveryOtherRowWithoutAllocatingK() {
        try (WordVectors v = TestVectors.random(300, 8, 5); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            NormalizedMatrix.Query q = NormalizedMatrix.Query.of(m.unitVector(7), 7);
            for (int k : new int[] {1_000_000_000, Integer.MAX_VALUE}) {
                assertEquals(299, m.search(NormalizedMatrix.Scoring.COSINE, List.of(q), k, Integer.MAX_VALUE)
                        .get(0).length, "k " + k);
                assertEquals(99, m.search(NormalizedMatrix.Scoring.COSINE, List.of(q), k, 100).get(0).length,
                        "k " + k + " within the first 100 rows");
            }
            Neighbours nb = new Neighbours(m);
            assertEquals(299, nb.similar(List.of(List.of("w3")), 1_000_000_000).get(0).neighbours().size());
            Analogies an = new Analogies(m);
            for (Analogies.Method method : Analogies.Method.values()) {
                assertEquals(297, an.solve(List.of(new Analogies.Question("w1", "w2", "w3")), method,
                        Integer.MAX_VALUE).get(0).answers().size(), method.label());
            }
            assertEquals(300, WordMap.of(nb, List.of("w0"), Integer.MAX_VALUE, Integer.MAX_VALUE).points().size());
        }
    }

    @Test
    void theHeapGrowsWithThePairsKeptNotWithK() {
        TopK top = new TopK(1_000_000_000);
        assertTrue(top.capacity() <= 16, "capacity " + top.capacity());
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            top.offer(rnd.nextFloat(), i);
            assertTrue(top.capacity() <= Math.max(16, 2 * top.size()), top.size() + " kept, capacity " + top.capacity());
        }
        assertEquals(1000, top.size());
        // A small k never grows beyond k, and keeps the best k.
        TopK three = new TopK(3);
        for (int i = 0; i < 100; i++) {
            three.offer(i, i);
        }
        assertEquals(3, three.capacity());
        assertArrayEquals(new int[] {99, 98, 97}, three.sortedRows());
    }

    @Test
    void queriesThatCouldOnlyAnswerNothingAreRefused() {
        try (WordVectors v = TestVectors.of(WORDS, VECTORS); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Neighbours nb = new Neighbours(m);
            assertEquals("k must be at least 1, got 0",
                    assertThrows(IllegalArgumentException.class, () -> nb.similar(List.of(List.of("a")), 0))
                            .getMessage());
            assertEquals("restrict must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                    () -> nb.similar(List.of(List.of("a")), 5, 0)).getMessage());
            assertEquals("an empty query word", assertThrows(IllegalArgumentException.class,
                    () -> nb.similar(List.of(List.of(" ")), 5)).getMessage());
            assertEquals("an empty query: give at least one word", assertThrows(IllegalArgumentException.class,
                    () -> nb.similar(List.of(List.of()), 5)).getMessage());
            Analogies an = new Analogies(m);
            assertEquals("k must be at least 1, got -2", assertThrows(IllegalArgumentException.class,
                    () -> an.solve(List.of(new Analogies.Question("a", "b", "c")), Analogies.Method.ADD, -2))
                    .getMessage());
            assertEquals("an empty query word", assertThrows(IllegalArgumentException.class,
                    () -> an.solve(List.of(new Analogies.Question("a", "", "c")), Analogies.Method.ADD, 2))
                    .getMessage());
        }
    }

    @Test
    void queriesWithoutADirectionSayWhyInsteadOfAnsweringNothing() {
        try (WordVectors v = TestVectors.of(WORDS, VECTORS); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            List<Neighbours.Result> r = new Neighbours(m).similar(List.of(List.of("zero"), List.of("a", "zero"),
                    List.of("a", "d"), List.of("huge")), 3);
            assertFalse(r.get(0).answered());
            assertEquals("'zero' has a zero vector; it has no direction to compare", r.get(0).noDirection());
            assertEquals(r.get(0).noDirection(), r.get(1).noDirection(), "one word without a direction is enough");
            assertEquals("the unit vectors of 'a d' add up to zero; the query has no direction to compare",
                    r.get(2).noDirection());
            assertTrue(r.get(3).answered());
            assertEquals(3, r.get(3).neighbours().size());

            Analogies an = new Analogies(m);
            List<Analogies.Answer> a = an.solve(List.of(new Analogies.Question("a", "nan", "c"),
                    new Analogies.Question("a", "b", "c")), Analogies.Method.MUL, 2);
            assertEquals("'nan' has NaN or infinite values in its vector; it has no direction to compare",
                    a.get(0).noDirection());
            assertTrue(a.get(0).answers().isEmpty());
            assertTrue(a.get(1).answered());
            // Unit vectors whose b - a + c is exactly zero in float: (1,1,1,1)/2 + (1,-1,-1,-1)/2 - (1,0,0,0).
            try (WordVectors v4 = TestVectors.of(new String[] {"x", "y", "z", "w"},
                    new float[][] {{1, 0, 0, 0}, {1, 1, 1, 1}, {1, -1, -1, -1}, {0, 1, 0, 0}});
                 NormalizedMatrix m4 = NormalizedMatrix.of(v4)) {
                Analogies.Answer cancel = new Analogies(m4).solve(List.of(new Analogies.Question("x", "y", "z")),
                        Analogies.Method.ADD, 2).get(0);
                assertEquals("b - a + c is zero for 'x : y :: z'; the question has no direction to compare",
                        cancel.noDirection());
                assertTrue(cancel.answers().isEmpty());
            }

            WordMap map = WordMap.of(new Neighbours(m), List.of("a", "zero"), 2, Integer.MAX_VALUE);
            assertEquals(List.of("'zero' has a zero vector; it has no direction to compare"), map.noDirection());
            assertEquals(3, map.points().size());
            assertEquals(1, WordMap.of(new Neighbours(m), List.of("a"), 0, Integer.MAX_VALUE).points().size(),
                    "k 0 draws the words alone");
        }
    }

    private static double[] doubleUnit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        double[] u = new double[v.length];
        for (int d = 0; d < v.length; d++) {
            u[d] = v[d] / norm;
        }
        return u;
    }
}
