package w2v.data;

/**
 * Walker's alias method (Vose's construction): draws index {@code i} with probability {@code weights[i] /
 * sum} in O(1) with one 64-bit random number, so the filler sampler costs the same for 3,000 words or
 * 3 million. Integer thresholds keep the draws identical on every platform.
 */
final class AliasTable {
    private final int[] alias;
    /** Keep {@code i} when the low 32 random bits are below {@code threshold[i]} (a value in [0, 2^32]). */
    private final long[] threshold;

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("no weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        alias = new int[n];
        threshold = new long[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = toThreshold(scaled[s]);
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // What is left has probability 1 up to rounding error.
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = 1L << 32;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            threshold[s] = 1L << 32;
            alias[s] = s;
        }
    }

    private static long toThreshold(double p) {
        return Math.min(1L << 32, Math.max(0L, Math.round(p * 0x1.0p32)));
    }

    int size() {
        return alias.length;
    }

    /** One draw: the high 32 bits of {@code random} pick a column, the low 32 bits toss its coin. */
    int sample(long random) {
        int column = (int) (((random >>> 32) * alias.length) >>> 32);
        return (random & 0xFFFFFFFFL) < threshold[column] ? column : alias[column];
    }
}
