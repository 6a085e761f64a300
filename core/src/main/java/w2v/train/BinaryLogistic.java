package w2v.train;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.train.loss.Loss;

/**
 * The one-pair update of skip-gram and CBOW under any loss (fastText's binaryLogistic): for each target row o of
 * the word, in the loss's order, with label l, the step g = loss.step(hidden . o, l, alpha); the hidden vector's
 * gradient gains g o and o gains g hidden, target after target as word2vec C applies them.
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
        if (loss.distinctTargets()) {
            PathLogistic.update(loss, hidden, hiddenOffset, word, alpha, s);
            return;
        }
        MemorySegment out = loss.outputs();
        long[] rows = s.drawnRows;
        float[] labels = s.drawnLabels;
        int stride = s.stride;
        int n = loss.targets(word, rows, labels, s.rng);
        boolean skipZeros = loss.skipsZeroSteps();
        for (int j = 0; j < n; j++) {
            long o = rows[j];
            float g = loss.step(K.dot(hidden, hiddenOffset, out, o, stride), labels[j], alpha);
            if (skipZeros && g == 0) {
                continue;
            }
            K.axpy(g, out, o, s.grad, 0, stride);
            K.axpy(g, hidden, hiddenOffset, out, o, stride);
        }
    }
}
