package w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import w2v.model.Model;

/** The driver's merge of the replicas' deltas: per row, between their sum and their mean by how the moves decayed. */
class ModelStateTest {

    /** A model of 3 rows of 2 (input table only) with the given rows. */
    private static ModelState state(float[]... rows) {
        try (Model m = new Model(rows.length, 2, false, false)) {
            for (int r = 0; r < rows.length; r++) {
                m.input().setRow(r, rows[r]);
            }
            return ModelState.of(m);
        }
    }

    /** A replica's delta: it moved from base to half, then to end. */
    private static ModelState delta(ModelState base, ModelState half, ModelState end) {
        return end.subtract(base, half);
    }

    @Test
    void aRowThatKeptMovingTakesTheSumOneThatSettledTheMean() {
        ModelState base = state(new float[] {0, 0}, new float[] {0, 0}, new float[] {1, 1});
        // Row 0 moves 1 per half round in both replicas (steady); row 1 moves in the first half only (settled);
        // row 2 only one replica changes.
        ModelState a = delta(base, state(new float[] {1, 0}, new float[] {0, 2}, new float[] {1, 1}),
                state(new float[] {2, 0}, new float[] {0, 2}, new float[] {1, 1}));
        ModelState b = delta(base, state(new float[] {1, 0}, new float[] {0, 2}, new float[] {1, 4}),
                state(new float[] {2, 0}, new float[] {0, 2}, new float[] {1, 5}));
        ModelState merged = base.addDeltas(a.add(b));
        assertArrayEquals(new float[] {4, 0, 0, 2, 1, 5}, merged.input);
    }

    @Test
    void stepScaleRunsFromTheMeanToTheSum() {
        assertEquals(1.0, ModelState.stepScale(4, 1.0), 1e-12, "steady: the sum");
        assertEquals(0.25, ModelState.stepScale(4, 0.0), 1e-12, "settled: the mean");
        assertEquals((1 + 0.5 + 0.25) / 3, ModelState.stepScale(3, 0.5), 1e-12);
        assertEquals(1.0, ModelState.stepScale(1, 0.3), 1e-12, "one replica: its whole step");
    }
}
