package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.vocab.HuffmanTree;

/**
 * word2vec C's hierarchical softmax: one binary logistic decision per inner node on the target's Huffman path.
 * Nodes whose score is saturated are skipped, as in C.
 */
public final class HierarchicalSoftmax implements Loss {

    private static final float MAX_EXP = SigmoidTable.MAX_EXP;

    private final MemorySegment nodes;
    private final long rowBytes;
    private final int[] starts;
    private final byte[] codes;
    private final int[] points;
    private final int maxCodeLength;

    public HierarchicalSoftmax(EmbeddingTable innerNodes, HuffmanTree tree) {
        this.nodes = innerNodes.segment();
        this.rowBytes = (long) innerNodes.stride() * Float.BYTES;
        this.starts = tree.starts();
        this.codes = tree.codes();
        this.points = tree.points();
        int longest = 0;
        for (int w = 0; w < tree.size(); w++) {
            longest = Math.max(longest, tree.codeLength(w));
        }
        this.maxCodeLength = longest;
    }

    @Override
    public MemorySegment outputs() {
        return nodes;
    }

    @Override
    public int maxTargets() {
        return maxCodeLength;
    }

    /** The inner nodes on {@code word}'s path, each labelled 1 - (its code bit), as C trains them. */
    @Override
    public int targets(int word, long[] rows, float[] labels, Rng rng) {
        int n = 0;
        for (int i = starts[word], end = starts[word + 1]; i < end; i++, n++) {
            rows[n] = points[i] * rowBytes;
            labels[n] = 1 - codes[i];
        }
        return n;
    }

    /**
     * alpha x (label - sigma(score)), and 0 where C skips the node (|score| >= MAX_EXP; in range, sigma is never
     * exactly 0 or 1). Without a branch: early in training no score is saturated, and a branch C2 had never seen
     * taken would be compiled as a trap that throws the training loop back to the interpreter once scores grow
     * (see SigmoidTable.saturatedSigmoid).
     */
    @Override
    public float step(float score, float label, float alpha) {
        float inRange = Float.floatToRawIntBits(Math.abs(score) - MAX_EXP) >>> 31; // 1 when |score| < MAX_EXP
        float clamped = Math.min(Math.max(score, -MAX_EXP), MAX_EXP);
        return (label - SigmoidTable.sigmoid(clamped)) * alpha * inRange;
    }

    @Override
    public boolean skipsZeroSteps() {
        return true;
    }

    /** A path visits each inner node once. */
    @Override
    public boolean distinctTargets() {
        return true;
    }
}
