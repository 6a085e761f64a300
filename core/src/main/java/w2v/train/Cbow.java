package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Loss;

/**
 * Continuous bag of words as word2vec C implements it: the mean of the context vectors is the hidden layer,
 * the centre word the target, and every context vector receives the whole gradient (not divided by the
 * context size: that is C's behaviour, and what its default learning rate of 0.05 is tuned for). With several
 * losses the hidden vector is trained under each in turn, hierarchical softmax first as in C. This is also gensim's
 * default (cbow_mean=1). Without {@code cbowMean} (-cbow-mean 0, gensim's cbow_mean=0) the hidden layer is the sum
 * of the context vectors and each receives the gradient divided by the context size.
 */
public final class Cbow implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final long rowBytes;
    private final int stride;
    private final Loss[] losses;
    private final boolean cbowMean;

    /** word2vec C's CBOW: the mean of the context, and every context vector receives the whole gradient. */
    public Cbow(EmbeddingTable input, Loss... losses) {
        this(input, true, losses);
    }

    /** @param cbowMean C's rule; false: the sum of the context, the gradient divided among its vectors */
    public Cbow(EmbeddingTable input, boolean cbowMean, Loss... losses) {
        this.cbowMean = cbowMean;
        this.in = input.segment();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.losses = losses.clone();
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha, Scratch s) {
        int from = Math.max(0, position - window);
        int end = Math.min(length, position + window + 1); // exclusive: see SkipGram
        int contextSize = end - from - 1; // every position in [from, end) but the centre
        if (contextSize == 0) {
            return;
        }
        long[] context = s.windowRows(2 * window);
        for (int c = from, i = 0; c < end; c++) {
            if (c != position) {
                context[i++] = sentence[c] * rowBytes;
            }
        }
        MemorySegment hidden = s.hidden;
        K.sumRows(in, context, contextSize, cbowMean ? 1f / contextSize : 1f, hidden, 0, stride);
        s.grad.fill((byte) 0);
        for (Loss loss : losses) {
            BinaryLogistic.update(loss, hidden, 0, sentence[position], alpha, s);
        }
        float share = cbowMean ? 1f : 1f / contextSize; // -cbow-mean 0: gensim's rule for the sum
        K.addToRows(share, s.grad, 0, in, context, contextSize, stride);
    }

    @Override
    public Scratch newScratch(Rng rng, Arena arena) {
        return new Scratch(rng, arena, stride, SkipGram.maxTargets(losses), 0);
    }
}
