package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Objective;

/**
 * Skip-gram as word2vec C implements it: each context word's input vector is the hidden layer and the centre
 * word is the target; the context word's vector takes the accumulated gradient after its pair.
 */
public final class SkipGram implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final long rowBytes;
    private final int stride;
    private final Objective objective;
    private final Rng rng;
    private final MemorySegment grad;

    public SkipGram(EmbeddingTable input, Objective objective, Rng rng, Arena arena) {
        this.in = input.segment();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.objective = objective;
        this.rng = rng;
        this.grad = arena.allocate(rowBytes, 64);
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha) {
        int word = sentence[position];
        int from = Math.max(0, position - window);
        // An exclusive bound: with c <= last, C2 guards against last + 1 overflowing, and the guard failing once
        // early in a run threw the compiled training loop away (a second 0.2 s compilation on a worker's core).
        int end = Math.min(length, position + window + 1);
        for (int c = from; c < end; c++) {
            if (c == position) {
                continue;
            }
            long h = sentence[c] * rowBytes;
            grad.fill((byte) 0);
            objective.update(in, h, word, alpha, grad, 0, rng);
            K.axpy(1f, grad, 0, in, h, stride);
        }
    }
}
