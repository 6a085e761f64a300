package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.sampling.UnigramTable;

/**
 * word2vec C's negative sampling: the target with label 1 and {@code negatives} words drawn from the
 * unigram^0.75 table with label 0 (a draw equal to the target is skipped, as in C).
 */
public final class NegativeSampling implements Objective, BatchObjective {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment out;
    private final long rowBytes;
    private final int stride;
    private final UnigramTable table;
    private final int negatives;

    public NegativeSampling(EmbeddingTable output, UnigramTable table, int negatives) {
        this.out = output.segment();
        this.stride = output.stride();
        this.rowBytes = (long) output.stride() * Float.BYTES;
        this.table = table;
        this.negatives = negatives;
    }

    /**
     * alpha x (label - sigma(score)): the step for one (hidden, word) pair, with word2vec C's saturation: beyond
     * +-6 the sigmoid counts as exactly 0 or 1.
     */
    static float coefficient(float score, float label, float alpha) {
        return (label - SigmoidTable.saturatedSigmoid(score)) * alpha;
    }

    @Override
    public void update(MemorySegment hidden, long hiddenOffset, int target, float alpha,
                       MemorySegment grad, long gradOffset, Rng rng) {
        for (int d = 0; d <= negatives; d++) {
            int word;
            float label;
            if (d == 0) {
                word = target;
                label = 1f;
            } else {
                word = table.sample(rng);
                if (word == target) {
                    continue;
                }
                label = 0f;
            }
            long o = word * rowBytes;
            float g = coefficient(K.dot(hidden, hiddenOffset, out, o, stride), label, alpha);
            // g is 0 when the pair is saturated the right way; C adds the zeros too, and a test for it would be a
            // branch C2 first sees never taken (see SigmoidTable.saturatedSigmoid).
            K.axpy(g, out, o, grad, gradOffset, stride);
            K.axpy(g, hidden, hiddenOffset, out, o, stride);
        }
    }

    @Override
    public MemorySegment outputs() {
        return out;
    }

    @Override
    public int maxTargets() {
        return negatives + 1;
    }

    /** The target (label 1) and {@code negatives} draws (label 0), a draw of the target itself dropped as in C. */
    @Override
    public int targets(int word, long[] rows, float[] labels, Rng rng) {
        int n = 0;
        rows[n] = word * rowBytes;
        labels[n++] = 1f;
        for (int d = 0; d < negatives; d++) {
            int w = table.sample(rng);
            if (w != word) {
                rows[n] = w * rowBytes;
                labels[n++] = 0f;
            }
        }
        return n;
    }

    @Override
    public float step(float score, float label, float alpha) {
        return coefficient(score, label, alpha);
    }
}
