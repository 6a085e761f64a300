package w2v.train;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.train.loss.Loss;
import w2v.train.loss.PairLoss;

/**
 * The one-pair update of skip-gram and CBOW under any loss (fastText's binaryLogistic): for each target row o of
 * the word, in the loss's order, with label l, the step g = loss.step(hidden . o, l, alpha); the hidden vector's
 * gradient gains g o and o gains g hidden, target after target as word2vec C applies them. Each pair's loss,
 * computed from the rows before its update, is summed into {@code s.lossSum}.
 */
public final class BinaryLogistic {

    private static final VectorKernels K = Kernels.get();

    private BinaryLogistic() {
    }

    /**
     * Trains {@code hidden} (at {@code hiddenOffset}) towards {@code word} and adds alpha x dLoss/dHidden into
     * {@code s.grad}, which the caller then applies to the input rows.
     */
    public static void update(Loss loss, MemorySegment hidden, long hiddenOffset, int word, float alpha,
                              Scratch s) {
        long[] rows = s.drawnRows;
        float[] labels = s.drawnLabels;
        // Drawn beforehand when the architecture looks ahead (LookaheadCbow), in the order drawn here.
        int n = s.drawn == null ? loss.targets(word, rows, labels, s.rng) : s.drawn.replay(rows, labels);
        // Distinct rows (a path always, negatives nearly always): no update changes a later score.
        if (loss.distinctTargets() || distinct(rows, n)) {
            PathLogistic.update(loss, hidden, hiddenOffset, n, alpha, s);
            return;
        }
        MemorySegment out = loss.outputs();
        int stride = s.stride;
        boolean skipZeros = loss.skipsZeroSteps();
        float lossSum = 0; // one word's few targets in float, the thread's total in double
        for (int j = 0; j < n; j++) {
            long o = rows[j];
            float score = K.dot(hidden, hiddenOffset, out, o, stride);
            lossSum += PairLoss.of(score, labels[j]);
            float g = loss.step(score, labels[j], alpha);
            if (skipZeros && g == 0) {
                continue;
            }
            K.axpyThenAxpy(g, out, o, s.grad, 0, hidden, hiddenOffset, stride); // the gradient from the old o
        }
        s.lossSum += lossSum;
    }

    /** Whether no row occurs twice among the first {@code n}: a handful, so pairwise. */
    static boolean distinct(long[] rows, int n) {
        for (int i = 1; i < n; i++) {
            long r = rows[i];
            for (int j = 0; j < i; j++) {
                if (rows[j] == r) {
                    return false;
                }
            }
        }
        return true;
    }
}
