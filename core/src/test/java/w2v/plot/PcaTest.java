package w2v.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /** Points spread 3:1 along two known orthogonal directions of a 6-d space come back as they were made. */
    @Test
    void recoversKnownAxes() {
        double[] u = {1, 1, 0, 0, 0, 0};
        double[] v = {0, 0, 1, -1, 0, 0};
        Random rnd = new Random(5);
        int n = 40;
        double[][] made = new double[n][2];
        float[][] data = new float[n][6];
        for (int i = 0; i < n; i++) {
            made[i][0] = rnd.nextGaussian() * 3;
            made[i][1] = rnd.nextGaussian();
        }
        centre(made);
        // Make the two made-up coordinates exactly uncorrelated, so the sample's principal axes are u and v.
        double dot = 0;
        double norm = 0;
        for (double[] row : made) {
            dot += row[0] * row[1];
            norm += row[0] * row[0];
        }
        for (double[] row : made) {
            row[1] -= dot / norm * row[0];
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 6; d++) {
                data[i][d] = (float) (made[i][0] * u[d] / Math.sqrt(2) + made[i][1] * v[d] / Math.sqrt(2) + 7);
            }
        }
        Pca.Projection p = Pca.project(data, 2);
        for (int c = 0; c < 2; c++) {
            double sign = Math.signum(p.coordinates()[0][c] * made[0][c]);
            for (int i = 0; i < n; i++) {
                assertEquals(made[i][c], sign * p.coordinates()[i][c], 1e-4, "point " + i + " component " + c);
            }
        }
        assertEquals(1.0, p.explained()[0] + p.explained()[1], 1e-9);
        // Fewer dimensions than points takes the other branch (scatter matrix): same answer.
        float[][] many = new float[8][3];
        for (int i = 0; i < 8; i++) {
            // The third coordinate is centred and uncorrelated with i: the first axis is exactly (1, 2, 0).
            float z = (i % 4 == 0 || i % 4 == 3) ? 0.5f : -0.5f;
            many[i] = new float[] {i, 2 * i, z};
        }
        Pca.Projection q = Pca.project(many, 2);
        double sign = Math.signum(q.coordinates()[7][0]);
        for (int i = 0; i < 8; i++) {
            assertEquals((i - 3.5) * Math.sqrt(5), sign * q.coordinates()[i][0], 1e-5);
            assertEquals(0.5, Math.abs(q.coordinates()[i][1]), 1e-5);
        }
    }

    private static void centre(double[][] m) {
        for (int c = 0; c < m[0].length; c++) {
            double mean = 0;
            for (double[] row : m) {
                mean += row[c];
            }
            mean /= m.length;
            for (double[] row : m) {
                row[c] -= mean;
            }
        }
    }
}
