package w2v.train;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.train.loss.Loss;
import w2v.train.loss.PairLoss;

/**
 * {@link BinaryLogistic}'s update when the drawn targets are distinct rows (hierarchical softmax's path always,
 * negative samples nearly always): no target's update changes another target's score, and the hidden row stays
 * as it is until the caller applies the gradient, so every score can be taken first, in one
 * {@link VectorKernels#dotBlock}, and every row updated after, in one {@link VectorKernels#pathUpdate}. Same bits
 * as the one-target-at-a-time loop, but the rows' loads overlap instead of each waiting on the previous target's
 * dot product and step.
 */
final class PathLogistic {

    private static final VectorKernels K = Kernels.get();

    private PathLogistic() {
    }

    /** As {@link BinaryLogistic#update}, for the {@code n} distinct targets already in the scratch. */
    static void update(Loss loss, MemorySegment hidden, long hiddenOffset, int n, float alpha, Scratch s) {
        long[] rows = s.drawnRows;
        float[] labels = s.drawnLabels;
        float[] steps = s.pathSteps;
        MemorySegment out = loss.outputs();
        s.hiddenRow[0] = hiddenOffset;
        K.dotBlock(hidden, s.hiddenRow, 1, out, rows, n, s.stride, steps);
        boolean skipZeros = loss.skipsZeroSteps();
        int active = 0;
        float lossSum = 0; // as BinaryLogistic: every target's loss, skipped ones included
        for (int j = 0; j < n; j++) {
            lossSum += PairLoss.of(steps[j], labels[j]);
            // Written unconditionally and counted without a branch: saturated nodes, skipped as C skips them,
            // come and go at random, and a mispredicted branch per node cost more than the copy.
            float g = loss.step(steps[j], labels[j], alpha);
            rows[active] = rows[j];
            steps[active] = g;
            active += g != 0 || !skipZeros ? 1 : 0;
        }
        s.lossSum += lossSum;
        K.pathUpdate(hidden, hiddenOffset, out, rows, active, steps, s.grad, 0, s.stride);
    }
}
