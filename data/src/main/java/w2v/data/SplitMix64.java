package w2v.data;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014), written out here so that a corpus is the same
 * byte for byte on every JDK: {@link java.util.SplittableRandom} does not promise its algorithm.
 * Not thread-safe; one instance per stream.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A seed for an independent stream {@code stream} derived from {@code seed}. */
    static long derive(long seed, long stream) {
        return mix(seed ^ mix(stream * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /**
     * Uniform in {@code [0, bound)} for {@code 0 < bound <= 2^31}, by Lemire's multiply-shift without the
     * rejection step: the bias is below {@code bound / 2^32}, far under anything a corpus statistic can see.
     */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
