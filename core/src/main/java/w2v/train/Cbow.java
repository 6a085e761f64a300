package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Objective;

/**
 * Continuous bag of words as word2vec C implements it: the mean of the context vectors is the hidden layer,
 * the centre word the target, and every context vector receives the whole gradient (not divided by the
 * context size: that is C's behaviour, and what its default learning rate of 0.05 is tuned for).
 */
public final class Cbow implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final long rowBytes;
    private final int stride;
    private final Objective objective;
    private final Rng rng;
    private final MemorySegment hidden;
    private final MemorySegment grad;

    public Cbow(EmbeddingTable input, Objective objective, Rng rng, Arena arena) {
        this.in = input.segment();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.objective = objective;
        this.rng = rng;
        this.hidden = arena.allocate(rowBytes, 64);
        this.grad = arena.allocate(rowBytes, 64);
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha) {
        int from = Math.max(0, position - window);
        int end = Math.min(length, position + window + 1); // exclusive: see SkipGram
        int contextSize = end - from - 1; // every position in [from, end) but the centre
        if (contextSize == 0) {
            return;
        }
        hidden.fill((byte) 0);
        for (int c = from; c < end; c++) {
            if (c != position) {
                K.axpy(1f, in, sentence[c] * rowBytes, hidden, 0, stride);
            }
        }
        K.scale(1f / contextSize, hidden, 0, stride);
        grad.fill((byte) 0);
        objective.update(hidden, 0, sentence[position], alpha, grad, 0, rng);
        for (int c = from; c < end; c++) {
            if (c != position) {
                K.axpy(1f, grad, 0, in, sentence[c] * rowBytes, stride);
            }
        }
    }
}
