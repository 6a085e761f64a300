package w2v.model;

import java.lang.foreign.Arena;
import w2v.sampling.Rng;

/**
 * The trained parameters: input vectors (the word vectors users keep) and the output tables of the objectives
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

    /** Bytes the tables take. */
    public static long bytesFor(int words, int dim, boolean negativeSampling, boolean hierarchicalSoftmax) {
        long b = EmbeddingTable.bytesFor(words, dim);
        if (negativeSampling) {
            b += EmbeddingTable.bytesFor(words, dim);
        }
        if (hierarchicalSoftmax) {
            b += EmbeddingTable.bytesFor(Math.max(words - 1, 1), dim);
        }
        return b;
    }

    /**
     * word2vec C's initialisation: input components uniform in [-0.5/dim, 0.5/dim), output tables zero
     * (the arena already zeroed them, padding included).
     */
    public void initialize(long seed) {
        Rng rng = new Rng(seed);
        int dim = input.dim();
        for (int r = 0; r < input.rows(); r++) {
            for (int i = 0; i < dim; i++) {
                input.set(r, i, (rng.nextFloat() - 0.5f) / dim);
            }
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
