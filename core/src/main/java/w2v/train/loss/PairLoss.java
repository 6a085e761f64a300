package w2v.train.loss;

/**
 * The loss of one binary logistic decision, -log sigma(score) for label 1 and -log sigma(-score) for label 0,
 * from a table: it is summed for every pair trained, and Math.log there would cost more than the pair's update.
 * softplus(z) = max(z, 0) + log(1 + e^-|z|) with z = -score for label 1 and score for label 0; the second term
 * comes from a table over [0, 16] interpolated linearly (error below 1e-5; beyond 16 it is below 1.2e-7).
 */
public final class PairLoss {

    private static final float RANGE = 16f;
    private static final int STEPS_PER_UNIT = 64;
    private static final float SCALE = STEPS_PER_UNIT;
    private static final float[] TABLE = build(); // log(1 + e^-u) at u = i / STEPS_PER_UNIT, one spare at the end

    private PairLoss() {
    }

    private static float[] build() {
        int n = (int) (RANGE * STEPS_PER_UNIT) + 2;
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = (float) Math.log1p(Math.exp(-(double) i / STEPS_PER_UNIT));
        }
        return t;
    }

    /** -log sigma(score) for label 1, -log sigma(-score) for label 0. */
    public static float of(float score, float label) {
        float z = score * (1 - 2 * label);
        float x = Math.min(Math.abs(z), RANGE) * SCALE;
        int i = (int) x;
        float lo = TABLE[i];
        return Math.max(z, 0f) + Math.fma(x - i, TABLE[i + 1] - lo, lo);
    }
}
