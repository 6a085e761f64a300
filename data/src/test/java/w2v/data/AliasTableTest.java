package w2v.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AliasTableTest {
    @Test
    void drawsInProportionToWeights() {
        double[] w = {5, 0, 1, 3, 1};
        AliasTable t = new AliasTable(w);
        SplitMix64 rng = new SplitMix64(9);
        int n = 1_000_000;
        int[] hits = new int[w.length];
        for (int i = 0; i < n; i++) {
            hits[t.sample(rng.nextLong())]++;
        }
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] / 10, hits[i] / (double) n, 0.003, "index " + i);
        }
    }

    @Test
    void rejectsBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.NaN}));
    }
}
