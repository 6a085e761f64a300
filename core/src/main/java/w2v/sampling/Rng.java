package w2v.sampling;

/**
 * Per-thread random numbers (SplitMix64): a few cycles per draw and far better low bits than word2vec C's
 * 48-bit LCG. Not thread-safe by design: every worker owns one, seeded from the run seed and its id.
 */
public final class Rng extends RngState {

    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7; // the line after the state: see RngState

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The whole generator state: {@code new Rng(state())} continues the same sequence (checkpoints). */
    public long state() {
        return state;
    }

    /**
     * Moves on {@code draws} numbers at once: SplitMix64's state only counts, so the generator after n draws is
     * the seed plus n steps. Lets several threads fill one sequence in parts with exactly the sequential values.
     */
    public void skip(long draws) {
        state += draws * GOLDEN;
    }

    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), bound > 0 (Lemire's multiply-shift on the high 32 bits). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, 1). */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }
}
