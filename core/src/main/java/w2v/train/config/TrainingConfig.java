package w2v.train.config;

/**
 * Training settings with word2vec C's meanings. {@link #validate()} rejects absurd values with a message
 * that names the command-line flag, before any memory is allocated.
 *
 * @param dim -size: vector dimension
 * @param window -window: maximum distance between centre and context word
 * @param sample -sample: subsampling threshold (0 = off)
 * @param hierarchicalSoftmax -hs 1
 * @param negative -negative: negative samples per pair (0 = off)
 * @param threads -threads
 * @param epochs -iter
 * @param minCount -min-count
 * @param alpha -alpha: starting learning rate
 * @param cbow -cbow 1 (else skip-gram)
 * @param seed -seed: initial vectors and every thread's random numbers derive from it
 * @param batched -batch 1: skip-gram updates each window as one matrix product ({@code BatchedSkipGram})
 * @param minAlpha -min-alpha: the learning rate decays linearly from alpha to this over the run (gensim's
 *     min_alpha); {@link #C_SCHEDULE} (NaN) keeps word2vec C's decay to 0, floored at alpha x 1e-4
 * @param cbowMean -cbow-mean 1 (the default): CBOW's hidden layer is the mean of the context and each context row
 *     receives the whole gradient, as in word2vec C and gensim's default; 0 (gensim's cbow_mean=0): the sum, and
 *     each context row receives the gradient divided by the context size
 * @param init -init: how the input vectors start
 */
public record TrainingConfig(int dim, int window, double sample, boolean hierarchicalSoftmax, int negative,
                             int threads, int epochs, long minCount, float alpha, boolean cbow, long seed,
                             boolean batched, float minAlpha, boolean cbowMean, Initialization init) {

    /** {@link #minAlpha} of word2vec C's schedule. */
    public static final float C_SCHEDULE = Float.NaN;

    /** With word2vec C's schedule, gradient and initialisation. */
    public TrainingConfig(int dim, int window, double sample, boolean hierarchicalSoftmax, int negative,
                          int threads, int epochs, long minCount, float alpha, boolean cbow, long seed,
                          boolean batched) {
        this(dim, window, sample, hierarchicalSoftmax, negative, threads, epochs, minCount, alpha, cbow, seed,
                batched, C_SCHEDULE, true, Initialization.C);
    }

    /** This configuration with the quality options set to {@code o}'s. */
    public TrainingConfig with(QualityOptions o) {
        return new TrainingConfig(dim, window, sample, hierarchicalSoftmax, negative, threads, epochs, minCount,
                alpha, cbow, seed, batched, o.minAlpha(), o.cbowMean(), o.init());
    }

    /** The options beyond word2vec C's flags. */
    public QualityOptions quality() {
        return new QualityOptions(minAlpha, cbowMean, init);
    }

    /** Whether the learning rate follows word2vec C's schedule rather than -min-alpha's. */
    public boolean cSchedule() {
        return Float.isNaN(minAlpha);
    }

    public static final int MAX_DIM = 10_000;
    public static final int MAX_WINDOW = 1_000;
    public static final int MAX_NEGATIVE = 1_000;
    public static final int MAX_THREADS = 4_096;
    public static final int MAX_EPOCHS = 100_000;

    /** word2vec C's defaults, with skip-gram or CBOW's default learning rate, and {@code threads} threads. */
    public static TrainingConfig defaults(boolean cbow, int threads) {
        return new TrainingConfig(100, 5, 1e-3, false, 5, threads, 5, 5, cbow ? 0.05f : 0.025f, cbow, 1,
                batchedByDefault(cbow, false, 5));
    }

    /**
     * -batch's default: batched where it trains as well as the one-pair update. With negative sampling it scores
     * above word2vec C. With hierarchical softmax the one-pair update, which scores a path's nodes in one block
     * (PathLogistic), is now about as fast as the batched one was, and the batched one (0.7 points below over six
     * seeds before its context feedback; bench/results/seeds.md) has not been measured over enough seeds since.
     */
    public static boolean batchedByDefault(boolean cbow, boolean hierarchicalSoftmax, int negative) {
        return !cbow && !hierarchicalSoftmax && negative > 0;
    }

    /**
     * Whether the batched update applies: skip-gram with one loss, negative sampling or hierarchical softmax
     * (with both, C sums their gradients per pair before applying them, which has no batched form here).
     */
    public static boolean batchable(boolean cbow, boolean hierarchicalSoftmax, int negative) {
        return !cbow && hierarchicalSoftmax != (negative > 0);
    }

    /** Throws IllegalArgumentException with a one-line message naming the offending flag. */
    public TrainingConfig validate() {
        check(dim >= 1 && dim <= MAX_DIM, "-size must be between 1 and " + MAX_DIM + " (got " + dim + ")");
        check(window >= 1 && window <= MAX_WINDOW,
                "-window must be between 1 and " + MAX_WINDOW + " (got " + window + ")");
        check(Double.isFinite(sample) && sample >= 0 && sample < 1,
                "-sample must be a number in [0, 1) (got " + sample + ")");
        check(negative >= 0 && negative <= MAX_NEGATIVE,
                "-negative must be between 0 and " + MAX_NEGATIVE + " (got " + negative + ")");
        check(negative > 0 || hierarchicalSoftmax,
                "nothing to train with -negative 0 -hs 0: use -negative 5, -hs 1, or both");
        check(threads >= 1 && threads <= MAX_THREADS,
                "-threads must be between 1 and " + MAX_THREADS + " (got " + threads + ")");
        check(epochs >= 1 && epochs <= MAX_EPOCHS,
                "-iter must be between 1 and " + MAX_EPOCHS + " (got " + epochs + ")");
        check(minCount >= 0, "-min-count must be 0 or more (got " + minCount + ")");
        check(Float.isFinite(alpha) && alpha > 0 && alpha <= 10,
                "-alpha must be a number in (0, 10] (got " + alpha + ")");
        check(cSchedule() || (minAlpha >= 0 && minAlpha <= alpha),
                "-min-alpha must be a number in [0, -alpha] (got " + minAlpha + " with -alpha " + alpha + ")");
        check(init != null, "-init must be c or gensim");
        check(!batched || batchable(cbow, hierarchicalSoftmax, negative),
                "-batch 1 works with skip-gram and one loss only "
                        + "(-cbow 0, and -hs 0 -negative N or -hs 1 -negative 0)");
        return this;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
