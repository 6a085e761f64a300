package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Loss;
import w2v.train.loss.PairLoss;

/**
 * Skip-gram batched per centre word (HogBatch, Ji et al. 2016, as in pWord2Vec). In word2vec C every context
 * word of a window is trained against the same output rows: with negative sampling the centre word's and its
 * negatives (which HogBatch draws once per window instead of once per pair), with hierarchical softmax the
 * inner nodes on the centre word's path. So the update is the small matrix product scores = In x Out^T
 * (contexts x targets), and each output row is fetched once per window instead of once per pair. Every pair's
 * gradient uses the rows as they were at the start of the window; word2vec C applies the pairs one after
 * another. Ji et al. measured no loss of accuracy from this, and with negative sampling neither do we. With
 * hierarchical softmax it scored 0.7 points lower than one pair at a time; there each context also sees the
 * earlier contexts' steps through the Gram matrix of the window's context rows ({@link #stepsWithFeedback},
 * {@link #contextsFeedback}), which gives C's arithmetic up to a third-order term.
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
    private final boolean scoreFeedback;

    public BatchedSkipGram(EmbeddingTable input, Loss loss, int maxWindow) {
        this(input, loss, maxWindow, false);
    }

    /**
     * @param scoreFeedback whether each context's scores see the earlier contexts' steps, as in word2vec C
     *     ({@link #stepsWithFeedback}); hierarchical softmax needs it to train as well as one pair at a time
     */
    public BatchedSkipGram(EmbeddingTable input, Loss loss, int maxWindow, boolean scoreFeedback) {
        this.in = input.segment();
        this.out = loss.outputs();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.maxWindow = maxWindow;
        this.loss = loss;
        this.scoreFeedback = scoreFeedback;
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
        float lossSum; // a window's few pairs in float, the thread's total in double
        if (scoreFeedback) {
            lossSum = stepsWithFeedback(m, n, alpha, s);
        } else {
            lossSum = 0;
            for (int i = 0, r = 0; r < m; r++) {
                for (int j = 0; j < n; j++, i++) {
                    float weight = contextWeights[r] * targetWeights[j];
                    float score = coefficients[i];
                    lossSum += weight * PairLoss.of(score, labels[j]);
                    coefficients[i] = loss.step(score, labels[j], alpha) * weight;
                }
            }
        }
        s.lossSum += lossSum;
        // Output rows from the old input rows and input rows from the old output rows, in one pass.
        K.crossUpdate(in, contextRows, m, out, targetRows, n, coefficients, s.partialSums, s.partialSumRows, stride);
        if (scoreFeedback) {
            contextsFeedback(m, n, s);
        }
    }

    /**
     * The input rows' second-order term: in word2vec C context r's gradient takes the nodes after the earlier
     * contexts' steps, y_j + sum over i < r of c_ij x_i, so x_r also gains sum over i < r of d_ri x_i with
     * d_ri = sum over j of c_rj c_ij. Applied from the last context down, so each x_i it reads has not had this
     * term yet (it has had its first-order gradient: a third-order difference).
     */
    private void contextsFeedback(int m, int n, Scratch s) {
        long[] contextRows = s.contextRows;
        float[] coefficients = s.coefficients;
        for (int r = m - 1; r > 0; r--) {
            for (int i = 0; i < r; i++) {
                float d = 0f;
                for (int j = 0; j < n; j++) {
                    d += coefficients[r * n + j] * coefficients[i * n + j];
                }
                K.axpy(d, in, contextRows[i], in, contextRows[r], stride);
            }
        }
    }

    /**
     * Each context's scores as word2vec C computes them, after the earlier contexts' updates of the output rows:
     * context r's score against target j gains sum over i < r of c_ij (x_i . x_r), the earlier steps' change of
     * y_j seen from x_r. The input rows' matching term is {@link #contextsFeedback}.
     */
    private float stepsWithFeedback(int m, int n, float alpha, Scratch s) {
        float lossSum = 0;
        long[] contextRows = s.contextRows;
        float[] coefficients = s.coefficients;
        float[] gram = s.contextGram;
        for (int r = 0; r < m; r++) {
            long xr = contextRows[r];
            for (int i = 0; i < r; i++) {
                gram[i] = K.dot(in, contextRows[i], in, xr, stride);
            }
            float weight = s.contextWeights[r];
            for (int j = 0; j < n; j++) {
                float f = coefficients[r * n + j];
                for (int i = 0; i < r; i++) {
                    f += coefficients[i * n + j] * gram[i];
                }
                float pairs = weight * s.targetWeights[j];
                lossSum += pairs * PairLoss.of(f, s.targetLabels[j]);
                coefficients[r * n + j] = loss.step(f, s.targetLabels[j], alpha) * pairs;
            }
        }
        return lossSum;
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
