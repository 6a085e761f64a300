package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Loss;

/**
 * Skip-gram as word2vec C implements it: each context word's input vector is the hidden layer and the centre
 * word is the target; the context word's vector takes the accumulated gradient after its pair. With several
 * losses (-hs 1 -negative k) each pair is trained under each in turn, hierarchical softmax first as in C.
 */
public final class SkipGram implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final long rowBytes;
    private final int stride;
    private final Loss[] losses;

    public SkipGram(EmbeddingTable input, Loss... losses) {
        this.in = input.segment();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.losses = losses.clone();
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha, Scratch s) {
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
            s.grad.fill((byte) 0);
            for (Loss loss : losses) {
                BinaryLogistic.update(loss, in, h, word, alpha, s);
            }
            K.axpy(1f, s.grad, 0, in, h, stride);
        }
    }

    @Override
    public Scratch newScratch(Rng rng, Arena arena) {
        return new Scratch(rng, arena, stride, maxTargets(losses), 0);
    }

    /** The most targets any of {@code losses} lists for one word. */
    static int maxTargets(Loss[] losses) {
        int max = 0;
        for (Loss loss : losses) {
            max = Math.max(max, loss.maxTargets());
        }
        return max;
    }
}
