package w2v.model;

import java.lang.foreign.Arena;
import java.util.stream.IntStream;
import w2v.sampling.Rng;
import w2v.train.config.Initialization;

/**
 * The trained parameters: input vectors (the word vectors users keep) and the output tables of the losses
 * in use, all in one shared arena so every worker thread can update them. Closed once, after writing.
 */
public final class Model implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final EmbeddingTable input;
    private final EmbeddingTable negativeOutput;
    private final EmbeddingTable softmaxNodes;

    /**
     * @param words rows of the input and negative-sampling tables
     * @param negativeSampling allocate the output table of negative sampling (word2vec C's syn1neg)
     * @param hierarchicalSoftmax allocate the V-1 inner-node table of hierarchical softmax (C's syn1)
     */
    public Model(int words, int dim, boolean negativeSampling, boolean hierarchicalSoftmax) {
        input = EmbeddingTable.allocate(arena, words, dim);
        negativeOutput = negativeSampling ? EmbeddingTable.allocate(arena, words, dim) : null;
        softmaxNodes = hierarchicalSoftmax ? EmbeddingTable.allocate(arena, Math.max(words - 1, 1), dim) : null;
    }

    /** Links the native calls that allocate large tables (see {@code Trainer.linkInBackground}). */
    public static void link() {
        LargePages.link();
    }

    /**
     * word2vec C's initialisation: input components uniform in [-0.5/dim, 0.5/dim), output tables zero
     * (the arena already zeroed them, padding included).
     */
    public void initialize(long seed) {
        initialize(seed, 1);
    }

    /**
     * {@link #initialize(long)} with the rows split into up to {@code threads} parts filled in parallel, each
     * starting the one random sequence where its first row begins ({@link Rng#skip}), so the values do not
     * depend on the thread count.
     * Why bother: this runs between the vocabulary pass and training with every other core idle. Rows filled in
     * an array and copied whole took 44-60 ms for 82k words x 100 (cold, as in a run) against 98-144 ms for a
     * VarHandle store per float; at 1M words x 100 (warm) two threads took 165 ms against 255-280 ms for one.
     */
    public void initialize(long seed, int threads) {
        initialize(seed, threads, Initialization.C);
    }

    /** {@link #initialize(long, int)} with the range of {@code init} (-init). */
    public void initialize(long seed, int threads, Initialization init) {
        int rows = input.rows();
        int parts = Math.max(1, Math.min(threads, rows / MIN_ROWS_PER_PART));
        // The same split into parts whoever runs them: the common pool, as NormalizedMatrix fills its tiles.
        IntStream.range(0, parts).parallel().forEach(p ->
                fill(seed, init, (int) ((long) rows * p / parts), (int) ((long) rows * (p + 1) / parts)));
    }

    /** Below this many rows a part of its own costs more than it saves. */
    static final int MIN_ROWS_PER_PART = 4096;

    private void fill(long seed, Initialization init, int from, int to) {
        int dim = input.dim();
        Rng rng = new Rng(seed);
        rng.skip((long) from * dim);
        float[] row = new float[dim];
        for (int r = from; r < to; r++) {
            for (int i = 0; i < dim; i++) {
                row[i] = init.value(rng.nextFloat(), dim);
            }
            input.setRow(r, row);
        }
    }

    public EmbeddingTable input() {
        return input;
    }

    /** The negative-sampling output table, or null. */
    public EmbeddingTable negativeOutput() {
        return negativeOutput;
    }

    /** The hierarchical-softmax inner-node table, or null. */
    public EmbeddingTable softmaxNodes() {
        return softmaxNodes;
    }

    public Arena arena() {
        return arena;
    }

    @Override
    public void close() {
        arena.close();
    }
}
