package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import w2v.model.WordVectors;
import w2v.search.KeyedQueries;
import w2v.search.Neighbour;
import w2v.search.NormalizedMatrix;
import w2v.testing.TestVectors;

/** Analogies against the general keyed queries of the search engine. */
class AnalogiesTest {

    @Test
    void cosMulOfTwoPositiveAndOneNegativeWordEqualsTheSearchKernels3CosMul() {
        try (WordVectors v = TestVectors.random(300, 24, 9); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            for (int[] q : new int[][] {{3, 17, 40}, {250, 8, 199}, {0, 1, 2}}) {
                Neighbour[] general = KeyedQueries.mostSimilarCosMul(m, new int[] {q[1], q[2]}, new int[] {q[0]}, 20,
                        Integer.MAX_VALUE);
                Neighbour[] fused = Analogies.solveRows(m, new int[] {q[0]}, new int[] {q[1]}, new int[] {q[2]},
                        Analogies.Method.MUL, 20, Integer.MAX_VALUE).get(0);
                assertEquals(List.of(fused), List.of(general));
            }
        }
    }
}
