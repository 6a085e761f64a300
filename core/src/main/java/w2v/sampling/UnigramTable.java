package w2v.sampling;

import w2v.vocab.Vocabulary;

/**
 * Draws negative samples with probability proportional to count^0.75, by Walker's alias method: one random
 * number, one 8-byte slot read. word2vec C fills a fixed 1e8-entry table (400 MB, and a cache miss per draw);
 * this one has a slot per word (8 bytes x vocabulary) and exact probabilities.
 *
 * <p>Word 0, {@code </s>}, gets no mass: it is not a word to contrast against (C redraws it uniformly).
 * Shared by all threads; immutable after construction.
 */
public final class UnigramTable {

    public static final double POWER = 0.75;

    // slot i: high 32 bits = acceptance threshold for i in [0, 2^32), low 32 bits = alias word.
    private final long[] slots;
    private final int n;

    public UnigramTable(Vocabulary vocab) {
        this(weights(vocab));
    }

    UnigramTable(double[] weights) {
        n = weights.length;
        slots = build(weights);
    }

    private static double[] weights(Vocabulary vocab) {
        double[] w = new double[vocab.size()];
        for (int i = 1; i < w.length; i++) {
            w[i] = Math.pow(vocab.count(i), POWER);
        }
        return w;
    }

    private static long[] build(double[] weights) {
        int n = weights.length;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("no word to sample negatives from");
        }
        double[] p = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0, nl = 0;
        for (int i = 0; i < n; i++) {
            p[i] = weights[i] * n / sum;
            if (p[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        long[] slots = new long[n];
        int[] alias = new int[n];
        double[] accept = new double[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            accept[s] = p[s];
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1.0;
            if (p[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            accept[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) { // only through rounding error
            int s = small[--ns];
            accept[s] = 1.0;
            alias[s] = s;
        }
        for (int i = 0; i < n; i++) {
            long threshold = accept[i] >= 1.0 ? 0xFFFFFFFFL : (long) (accept[i] * 4294967296.0);
            slots[i] = (threshold << 32) | (alias[i] & 0xFFFFFFFFL);
        }
        return slots;
    }

    /** A word drawn from the count^0.75 distribution. */
    public int sample(Rng rng) {
        long r = rng.nextLong();
        int i = (int) (((r >>> 32) * n) >>> 32);
        long slot = slots[i];
        // Accept i when the low 32 random bits fall under its threshold, else take its alias.
        return (r & 0xFFFFFFFFL) < (slot >>> 32) ? i : (int) slot;
    }

    public int size() {
        return n;
    }

    public long footprintBytes() {
        return slots.length * 8L;
    }
}
