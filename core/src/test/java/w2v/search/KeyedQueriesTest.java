package w2v.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import w2v.kernel.Kernels;
import w2v.model.WordVectors;
import w2v.testing.TestVectors;

/** The row-level gensim queries and the all-rows cosines they use, for every tile kernel. */
class KeyedQueriesTest {

    private static List<TileKernel> kernels() {
        List<TileKernel> k = new ArrayList<>(List.of(new ScalarTileKernel(16), new ScalarTileKernel(3)));
        if (Kernels.vectorApiAvailable()) {
            k.add(new PanamaTileKernel());
        }
        return k;
    }

    @Test
    void cosinesEqualThePairwiseCosineAndSkipRowsThatAreNeverAnswers() {
        int rows = 101; // not a multiple of any lane count
        try (WordVectors v = TestVectors.random(rows, 19, 5)) {
            v.table().setRow(7, new float[19]); // a zero vector: never an answer
            for (TileKernel kernel : kernels()) {
                try (NormalizedMatrix m = NormalizedMatrix.of(v, Integer.MAX_VALUE, kernel)) {
                    List<float[]> queries = new ArrayList<>();
                    for (int q = 0; q < 11; q++) { // two groups of eight, the second partly empty
                        queries.add(m.unitVector(q * 9));
                    }
                    float[][] cos = m.cosines(queries, 90);
                    for (int q = 0; q < queries.size(); q++) {
                        assertEquals(90, cos[q].length);
                        for (int r = 0; r < 90; r++) {
                            if (r == 7) {
                                assertTrue(Float.isNaN(cos[q][r]), kernel + " row 7");
                            } else {
                                assertEquals(m.cosine(q * 9, r), cos[q][r], kernel + " query " + q + " row " + r);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void doesntMatchBreaksTiesByCodePointsLikePythonsSort() {
        // (1, 0) and (0, 1) are equally far from the mean direction (1, 1): Python's sorted((cos, word)) puts the
        // word that sorts first last, so gensim returns it (checked with gensim 4.2). U+FF21 sorts before U+1F600
        // by code point but after it in UTF-16 units.
        String[] words = {"\uD83D\uDE00", "\uFF21", "x"};
        float[][] vec = {{1, 0}, {0, 1}, {1, 1}};
        try (WordVectors v = TestVectors.of(words, vec); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            assertEquals(1, KeyedQueries.doesntMatch(m, new int[] {0, 1, 2}, List.of(words)));
        }
    }
}
