package w2v.train;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.vocab.HuffmanTree;

/**
 * word2vec C's hierarchical softmax: one binary logistic decision per inner node on the target's Huffman path.
 * Nodes whose score is saturated are skipped, as in C.
 */
public final class HierarchicalSoftmax implements Objective {

    private static final VectorKernels K = Kernels.get();
    private static final float MAX_EXP = SigmoidTable.MAX_EXP;

    private final MemorySegment nodes;
    private final long rowBytes;
    private final int stride;
    private final int[] starts;
    private final byte[] codes;
    private final int[] points;

    public HierarchicalSoftmax(EmbeddingTable innerNodes, HuffmanTree tree) {
        this.nodes = innerNodes.segment();
        this.stride = innerNodes.stride();
        this.rowBytes = (long) innerNodes.stride() * Float.BYTES;
        this.starts = tree.starts();
        this.codes = tree.codes();
        this.points = tree.points();
    }

    @Override
    public void update(MemorySegment hidden, long hiddenOffset, int target, float alpha,
                       MemorySegment grad, long gradOffset, Rng rng) {
        for (int i = starts[target], end = starts[target + 1]; i < end; i++) {
            long o = points[i] * rowBytes;
            float f = K.dot(hidden, hiddenOffset, nodes, o, stride);
            if (f <= -MAX_EXP || f >= MAX_EXP) {
                continue;
            }
            float g = (1 - codes[i] - SigmoidTable.sigmoid(f)) * alpha;
            K.axpy(g, nodes, o, grad, gradOffset, stride);
            K.axpy(g, hidden, hiddenOffset, nodes, o, stride);
        }
    }
}
