package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.sampling.UnigramTable;

/**
 * word2vec C's negative sampling: the target with label 1 and {@code negatives} words drawn from the
 * unigram^0.75 table with label 0 (a draw equal to the target is skipped, as in C).
 */
public final class NegativeSampling implements Loss {

    private final MemorySegment out;
    private final long rowBytes;
    private final UnigramTable table;
    private final int negatives;

    public NegativeSampling(EmbeddingTable output, UnigramTable table, int negatives) {
        this.out = output.segment();
        this.rowBytes = (long) output.stride() * Float.BYTES;
        this.table = table;
        this.negatives = negatives;
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

    /** With word2vec C's saturation: beyond +-6 the sigmoid counts as exactly 0 or 1, so the step may be 0. */
    @Override
    public float step(float score, float label, float alpha) {
        return (label - SigmoidTable.saturatedSigmoid(score)) * alpha;
    }

    @Override
    public boolean skipsZeroSteps() {
        return false;
    }

    /** A negative may be drawn twice, and C scores the second draw after the first one's update. */
    @Override
    public boolean distinctTargets() {
        return false;
    }
}
