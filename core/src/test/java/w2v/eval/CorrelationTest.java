package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values from scipy 1.10 (spearmanr, pearsonr, rankdata). */
class CorrelationTest {

    private static final double[] X = {1, 2, 2, 4, 5, 6, 7, 7, 9, 10};
    private static final double[] Y = {2.5, 1, 4, 3, 7, 8, 6, 5, 9.5, 9.5};

    @Test
    void ranksAverageTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 5, 6, 7.5, 7.5, 9, 10}, Correlation.ranks(X));
    }

    @Test
    void spearmanAndPearsonWithPValuesLikeScipy() {
        assertEquals(0.8562731170922719, Correlation.spearman(X, Y), 1e-14);
        assertEquals(0.0015638307971753565, Correlation.pValue(Correlation.spearman(X, Y), X.length), 1e-12);
        assertEquals(0.8707340383320222, Correlation.pearson(X, Y), 1e-14);
        assertEquals(0.001042090072897932, Correlation.pValue(Correlation.pearson(X, Y), X.length), 1e-12);
        double r = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {1.1, 1.9, 3.2, 3.9, 5.1});
        assertEquals(0.0002570679779830461, Correlation.pValue(r, 5), 1e-13);
    }

    @Test
    void degenerateInputsHaveNoCorrelation() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3})));
        assertEquals(0.0, Correlation.pValue(1.0, 10));
        assertEquals(1.0, Correlation.pValue(0.0, 10), 1e-12);
    }
}
