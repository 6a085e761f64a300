package w2v.sampling;

import w2v.vocab.Vocabulary;

/**
 * Randomly drops frequent words with word2vec C's formula: a word with frequency f = count / total is kept with
 * probability (sqrt(f / t) + 1) * t / f, where t is {@code -sample}. Probabilities are precomputed per word as
 * 24-bit thresholds, so the hot loop does one comparison.
 */
public final class Subsampler {

    private static final int ONE = 1 << 24;

    private final int[] keepThreshold; // keep when (random 24 bits) < threshold; ONE means always

    public Subsampler(Vocabulary vocab, double sample) {
        keepThreshold = new int[vocab.size()];
        double total = vocab.totalCount();
        for (int i = 0; i < keepThreshold.length; i++) {
            keepThreshold[i] = (int) Math.min(ONE, Math.ceil(keepProbability(vocab.count(i), total, sample) * ONE));
        }
    }

    /** word2vec C's keep probability, capped at 1; 1 when sampling is off. */
    public static double keepProbability(long count, double total, double sample) {
        if (sample <= 0 || count == 0) {
            return 1.0;
        }
        double st = sample * total;
        return Math.min(1.0, (Math.sqrt(count / st) + 1) * st / count);
    }

    public boolean keep(int word, Rng rng) {
        int t = keepThreshold[word];
        return t >= ONE || (int) (rng.nextLong() >>> 40) < t;
    }
}
