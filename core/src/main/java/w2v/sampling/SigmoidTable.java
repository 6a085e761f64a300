package w2v.sampling;

/**
 * word2vec C's precomputed logistic function: 1000 steps over [-6, 6]. Beyond that range the gradient is
 * taken as saturated, exactly as C does, so training behaves like the reference.
 */
public final class SigmoidTable {

    public static final int SIZE = 1000;
    public static final float MAX_EXP = 6f;
    private static final float SCALE = SIZE / MAX_EXP / 2f;

    private static final float[] TABLE = build();

    private SigmoidTable() {
    }

    private static float[] build() {
        float[] t = new float[SIZE + 1];
        for (int i = 0; i <= SIZE; i++) {
            double e = Math.exp((i / (double) SIZE * 2 - 1) * MAX_EXP);
            t[i] = (float) (e / (e + 1));
        }
        return t;
    }

    /** sigma(x) for x in (-MAX_EXP, MAX_EXP); callers handle the saturated ends themselves. */
    public static float sigmoid(float x) {
        return TABLE[(int) ((x + MAX_EXP) * SCALE)];
    }
}
