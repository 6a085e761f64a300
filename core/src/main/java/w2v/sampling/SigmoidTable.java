package w2v.sampling;

/**
 * word2vec C's precomputed logistic function: 1000 steps over [-6, 6]. Beyond that range the gradient is
 * taken as saturated, exactly as C does, so training behaves like the reference.
 */
public final class SigmoidTable {

    public static final int SIZE = 1000;
    public static final float MAX_EXP = 6f;
    private static final float SCALE = SIZE / MAX_EXP / 2f;

    /** Index 0: 0 (below -MAX_EXP); 1..SIZE + 1: sigma at the SIZE + 1 steps over [-6, 6]; last: 1 (above). */
    private static final float[] TABLE = build();

    private SigmoidTable() {
    }

    private static float[] build() {
        float[] t = new float[SIZE + 3];
        for (int i = 0; i <= SIZE; i++) {
            double e = Math.exp((i / (double) SIZE * 2 - 1) * MAX_EXP);
            t[i + 1] = (float) (e / (e + 1));
        }
        t[SIZE + 2] = 1f;
        return t;
    }

    /**
     * word2vec C's sigmoid for negative sampling: exactly 1 above MAX_EXP, exactly 0 below -MAX_EXP, the table
     * in between. Written without branches on purpose: early in training no score is saturated, so C2 compiled
     * the two ends as traps, and when scores grew the whole training loop was thrown back to the interpreter
     * and compiled again, three times per run (0.3 s of compiler time taken from the workers).
     */
    public static float saturatedSigmoid(float x) {
        int above = Float.floatToRawIntBits(MAX_EXP - x) >>> 31; // 1 when x > MAX_EXP (6 - x is exact there)
        int below = Float.floatToRawIntBits(x + MAX_EXP) >>> 31; // 1 when x < -MAX_EXP
        float inRange = Math.min(Math.max(x, -MAX_EXP), MAX_EXP);
        int index = ((int) ((inRange + MAX_EXP) * SCALE) + 1) * (1 - above - below) + above * (SIZE + 2);
        return TABLE[index];
    }

    /** sigma(x) for x in (-MAX_EXP, MAX_EXP); callers handle the saturated ends themselves. */
    public static float sigmoid(float x) {
        return TABLE[(int) ((x + MAX_EXP) * SCALE) + 1];
    }
}
