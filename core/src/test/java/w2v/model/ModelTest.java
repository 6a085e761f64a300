package w2v.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void initialisationIsTheSameWithAnyNumberOfThreadsAndInWordToVecCsRange() {
        int rows = 3 * Model.MIN_ROWS_PER_PART + 17, dim = 37; // three unequal parts, a padded dimension
        try (Model one = new Model(rows, dim, true, false); Model three = new Model(rows, dim, true, false)) {
            one.initialize(5, 1);
            three.initialize(5, 3);
            float bound = 0.5f / dim;
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < dim; i++) {
                    float v = one.input().get(r, i);
                    assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(three.input().get(r, i)),
                            "row " + r + ", component " + i);
                    assertTrue(v >= -bound && v < bound, v + " outside [-0.5/dim, 0.5/dim)");
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                for (int i = dim; i < one.input().stride(); i++) {
                    assertEquals(0f, one.input().get(r, i), "padding stays zero");
                }
            }
            assertTrue(min < -0.99f * bound && max > 0.99f * bound, "fills the whole range: " + min + ".." + max);
            assertEquals(0f, one.negativeOutput().get(rows - 1, dim - 1), "output rows stay zero");
        }
        try (Model a = new Model(100, 8, true, false); Model b = new Model(100, 8, true, false)) {
            a.initialize(5, 1);
            b.initialize(6, 1);
            assertTrue(a.input().get(50, 3) != b.input().get(50, 3), "the seed matters");
        }
    }
}
