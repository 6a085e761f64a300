package w2v.plot;

/**
 * Principal component analysis of a few hundred points, exactly (no sampling): the points are centred and the
 * smaller of the Gram matrix (n x n) and the scatter matrix (d x d) is diagonalised with cyclic Jacobi
 * rotations. Each component's sign is chosen so that its largest coordinate is positive (like scikit-learn's
 * svd_flip), which makes plots reproducible.
 */
public final class Pca {

    /**
     * @param coordinates n x components: the projections of the centred points
     * @param explained the share of the total variance each component explains
     */
    public record Projection(double[][] coordinates, double[] explained) {
    }

    private Pca() {
    }

    /** Projects the rows of {@code data} (n points of dimension d) on their first {@code components} axes. */
    public static Projection project(float[][] data, int components) {
        int n = data.length;
        if (n == 0) {
            return new Projection(new double[0][components], new double[components]);
        }
        int d = data[0].length;
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : data) {
                mean += row[j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                x[i][j] = data[i][j] - mean;
            }
        }
        double[][] coords = new double[n][components];
        double[] eigenvalues;
        if (n <= d) {
            // Gram matrix X X^T = U L U^T; the projection on component c is U[:, c] * sqrt(L[c]).
            double[][] g = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += x[a][j] * x[b][j];
                    }
                    g[a][b] = s;
                    g[b][a] = s;
                }
            }
            double[][] u = new double[n][n];
            eigenvalues = jacobi(g, u);
            int[] order = descending(eigenvalues);
            for (int c = 0; c < components && c < n; c++) {
                double scale = Math.sqrt(Math.max(0, eigenvalues[order[c]]));
                for (int i = 0; i < n; i++) {
                    coords[i][c] = u[i][order[c]] * scale;
                }
            }
            eigenvalues = sorted(eigenvalues, order);
        } else {
            // Scatter matrix X^T X = V L V^T; the projection is X V[:, c].
            double[][] s = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double t = 0;
                    for (int i = 0; i < n; i++) {
                        t += x[i][a] * x[i][b];
                    }
                    s[a][b] = t;
                    s[b][a] = t;
                }
            }
            double[][] v = new double[d][d];
            eigenvalues = jacobi(s, v);
            int[] order = descending(eigenvalues);
            for (int c = 0; c < components && c < d; c++) {
                for (int i = 0; i < n; i++) {
                    double t = 0;
                    for (int j = 0; j < d; j++) {
                        t += x[i][j] * v[j][order[c]];
                    }
                    coords[i][c] = t;
                }
            }
            eigenvalues = sorted(eigenvalues, order);
        }
        double total = 0;
        for (double e : eigenvalues) {
            total += Math.max(0, e);
        }
        double[] explained = new double[components];
        for (int c = 0; c < components && c < eigenvalues.length; c++) {
            explained[c] = total > 0 ? Math.max(0, eigenvalues[c]) / total : 0;
        }
        for (int c = 0; c < components; c++) {
            int arg = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(coords[i][c]) > Math.abs(coords[arg][c])) {
                    arg = i;
                }
            }
            if (coords[arg][c] < 0) {
                for (int i = 0; i < n; i++) {
                    coords[i][c] = -coords[i][c];
                }
            }
        }
        return new Projection(coords, explained);
    }

    /**
     * Eigen-decomposition of the symmetric matrix {@code a} (destroyed) by cyclic Jacobi rotations. Returns the
     * eigenvalues; column k of {@code vectors} is the eigenvector of eigenvalue k.
     */
    static double[] jacobi(double[][] a, double[][] vectors) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < n; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vectors[k][p];
                        double vkq = vectors[k][q];
                        vectors[k][p] = c * vkp - s * vkq;
                        vectors[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    private static int[] descending(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (p, q) -> Double.compare(values[q], values[p]));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static double[] sorted(double[] values, int[] order) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
