package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.config.TrainingConfig;
import w2v.train.loss.Loss;
import w2v.train.loss.PairLoss;

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
 *
 * <p>A word twice in the window, or a negative drawn twice, is one row with twice the step, as pWord2Vec does:
 * both pairs are computed from the same old rows, so their steps are equal, and the kernel that applies both
 * sides of the update in one pass needs each row once.
 */
public final class BatchedSkipGram implements Architecture {

    private static final VectorKernels K = Kernels.get();

    private final MemorySegment in;
    private final MemorySegment out;
    private final long rowBytes;
    private final int stride;
    private final int maxWindow;
    private final Loss loss;

    public BatchedSkipGram(EmbeddingTable input, Loss loss, int maxWindow) {
        this.in = input.segment();
        this.out = loss.outputs();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.maxWindow = maxWindow;
        this.loss = loss;
    }

    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha, Scratch s) {
        long[] contextRows = s.contextRows;
        float[] contextWeights = s.contextWeights;
        long[] targetRows = s.targetRows;
        float[] labels = s.targetLabels;
        float[] targetWeights = s.targetWeights;
        float[] coefficients = s.coefficients;
        int from = Math.max(0, position - window);
        int end = Math.min(length, position + window + 1); // exclusive: see SkipGram
        int m = 0;
        for (int c = from; c < end; c++) {
            if (c != position) {
                m = addRow(contextRows, contextWeights, m, sentence[c] * rowBytes);
            }
        }
        if (m == 0) {
            return;
        }
        int drawn = loss.targets(sentence[position], s.drawnRows, s.drawnLabels, s.rng);
        int n = 0;
        for (int j = 0; j < drawn; j++) {
            int before = n;
            n = addRow(targetRows, targetWeights, n, s.drawnRows[j]);
            if (n > before) {
                labels[before] = s.drawnLabels[j];
            }
        }

        // Scores and their gradient coefficients, all from the rows as they are now. A row that occurs w times
        // stands for w identical pairs: its coefficient is w times the pair's.
        K.dotBlock(in, contextRows, m, out, targetRows, n, stride, coefficients);
        float lossSum = 0; // a window's few pairs in float, the thread's total in double
        for (int i = 0, r = 0; r < m; r++) {
            for (int j = 0; j < n; j++, i++) {
                float weight = contextWeights[r] * targetWeights[j];
                float score = coefficients[i];
                lossSum += weight * PairLoss.of(score, labels[j]);
                coefficients[i] = loss.step(score, labels[j], alpha) * weight;
            }
        }
        s.lossSum += lossSum;
        // Output rows from the old input rows and input rows from the old output rows, in one pass.
        K.crossUpdate(in, contextRows, m, out, targetRows, n, coefficients, s.partialSums, s.partialSumRows, stride);
    }

    @Override
    public Scratch newScratch(Rng rng, Arena arena) {
        return new Scratch(rng, arena, stride, loss.maxTargets(), 2 * maxWindow);
    }

    /**
     * Adds {@code row} to the first {@code count} distinct rows, or counts it once more if it is there already;
     * returns the new count. The kernel needs distinct rows: a row given twice would keep only one update.
     */
    private static int addRow(long[] rows, float[] weights, int count, long row) {
        for (int i = 0; i < count; i++) {
            if (rows[i] == row) {
                weights[i] += 1f;
                return count;
            }
        }
        rows[count] = row;
        weights[count] = 1f;
        return count + 1;
    }
}
