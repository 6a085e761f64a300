package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;

/**
 * Skip-gram batched per centre word (HogBatch, Ji et al. 2016, as in pWord2Vec). In word2vec C every context
 * word of a window is trained against the same output rows: with negative sampling the centre word's and its
 * negatives (which HogBatch draws once per window instead of once per pair), with hierarchical softmax the
 * inner nodes on the centre word's path. So the update is the small matrix product scores = In x Out^T
 * (contexts x targets), and each output row is fetched once per window instead of once per pair. Every pair's
 * gradient uses the rows as they were at the start of the window; word2vec C applies the pairs one after
 * another. Ji et al. measured no loss of accuracy from this, and with negative sampling neither do we; with
 * hierarchical softmax, whose nodes near the root are on every path, it scored 0.7 points lower than one pair
 * at a time, so there it is used on request only ({@link TrainingConfig#batchedByDefault}).
 */
public final class BatchedSkipGram implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final MemorySegment out;
    private final long rowBytes;
    private final int stride;
    private final BatchObjective objective;
    private final Rng rng;

    private final long[] contextRows;
    private final long[] targetRows;
    private final float[] labels;
    private final float[] coefficients; // contexts x targets: alpha * (label - sigma(score))
    private final MemorySegment grads; // one gradient row per context word
    private final long[] gradRows;

    public BatchedSkipGram(EmbeddingTable input, BatchObjective objective, int maxWindow, Rng rng, Arena arena) {
        this.in = input.segment();
        this.out = objective.outputs();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.objective = objective;
        this.rng = rng;
        int maxContexts = 2 * maxWindow;
        int maxTargets = objective.maxTargets();
        this.contextRows = new long[maxContexts];
        this.targetRows = new long[maxTargets];
        this.labels = new float[maxTargets];
        this.coefficients = new float[maxContexts * maxTargets];
        this.grads = arena.allocate(rowBytes * maxContexts, 64);
        this.gradRows = new long[maxContexts];
        for (int i = 0; i < maxContexts; i++) {
            gradRows[i] = i * rowBytes;
        }
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha) {
        int from = Math.max(0, position - window);
        int end = Math.min(length, position + window + 1); // exclusive: see SkipGram
        int m = 0;
        for (int c = from; c < end; c++) {
            if (c != position) {
                contextRows[m++] = sentence[c] * rowBytes;
            }
        }
        if (m == 0) {
            return;
        }
        int n = objective.targets(sentence[position], targetRows, labels, rng);

        // Scores and their gradient coefficients, all from the rows as they are now.
        K.dotBlock(in, contextRows, m, out, targetRows, n, stride, coefficients);
        for (int i = 0, r = 0; r < m; r++) {
            for (int j = 0; j < n; j++, i++) {
                coefficients[i] = objective.step(coefficients[i], labels[j], alpha);
            }
        }
        if (distinct(contextRows, m) && distinct(targetRows, n)) {
            K.crossUpdate(in, contextRows, m, out, targetRows, n, coefficients, grads, gradRows, stride);
            return;
        }
        // A word twice in the window or among the targets: the same updates in three passes, each applied in turn.
        // Input gradients from the old output rows: grads_i = sum_j g_ij out_j.
        grads.asSlice(0, m * rowBytes).fill((byte) 0);
        K.accumulate(out, targetRows, n, coefficients, n, 1, grads, gradRows, m, stride);
        // Output update from the old input rows: out_j += sum_i g_ij in_i.
        K.accumulate(in, contextRows, m, coefficients, 1, n, out, targetRows, n, stride);
        for (int i = 0; i < m; i++) {
            K.axpy(1f, grads, i * rowBytes, in, contextRows[i], stride);
        }
    }

    private static boolean distinct(long[] rows, int count) {
        for (int i = 1; i < count; i++) {
            for (int j = 0; j < i; j++) {
                if (rows[i] == rows[j]) {
                    return false;
                }
            }
        }
        return true;
    }
}
