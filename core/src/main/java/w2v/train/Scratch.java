package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import w2v.sampling.Rng;

/**
 * Everything one worker thread writes besides the model, allocated once per thread (fastText's Model::State):
 * its random numbers, the sentence in hand, and the rows and arrays its updates work in. Architectures and
 * losses are shared by all threads and keep nothing of their own. Each architecture makes the scratch it needs
 * ({@link Architecture#newScratch}).
 */
public final class Scratch {

    final Rng rng;
    final int stride; // floats per row
    final int[] sentence = new int[Worker.MAX_SENTENCE];
    final MemorySegment hidden; // one row: CBOW's mean of the context
    final MemorySegment grad; // one row: the gradient for the hidden vector, summed over its targets
    final long[] drawnRows; // a loss's targets for one word as it listed them, repeats included
    final float[] drawnLabels;
    double lossSum; // the loss of every pair trained since the worker last took it (PairLoss), in double
    final float[] pathSteps; // PathLogistic: the targets' scores, then their steps
    final long[] hiddenRow = new long[1]; // PathLogistic: the hidden row's offset, as dotBlock takes rows

    // Batched skip-gram only (empty otherwise): a window's distinct rows, each with how often it occurs.
    final long[] contextRows;
    final float[] contextWeights;
    final long[] targetRows;
    final float[] targetLabels;
    final float[] targetWeights;
    final float[] coefficients; // contexts x targets: alpha * (label - sigma(score)) * weights
    final MemorySegment partialSums; // one row per context word for the kernel's partial sums
    final long[] partialSumRows;
    final float[] contextGram; // x_i . x_r of the window's earlier context rows i with row r

    private long[] windowRows = new long[10]; // CBOW: the context rows of one window, in window order

    LookaheadCbow.DrawnTargets plan; // LookaheadCbow only: a sentence's draws
    LookaheadCbow.DrawnTargets drawn; // the plan while it is being trained, else null: BinaryLogistic draws

    /**
     * @param stride floats per row, as the model's tables have them
     * @param maxTargets the most targets a loss lists for one word
     * @param maxContexts the most context words of one batched window (0 when not batched)
     */
    Scratch(Rng rng, Arena arena, int stride, int maxTargets, int maxContexts) {
        long rowBytes = (long) stride * Float.BYTES;
        this.rng = rng;
        this.stride = stride;
        this.hidden = arena.allocate(rowBytes, 64);
        this.grad = arena.allocate(rowBytes, 64);
        this.drawnRows = new long[maxTargets];
        this.drawnLabels = new float[maxTargets];
        this.pathSteps = new float[maxTargets];
        int batchTargets = maxContexts == 0 ? 0 : maxTargets;
        this.contextRows = new long[maxContexts];
        this.contextWeights = new float[maxContexts];
        this.targetRows = new long[batchTargets];
        this.targetLabels = new float[batchTargets];
        this.targetWeights = new float[batchTargets];
        this.coefficients = new float[maxContexts * batchTargets];
        this.partialSums = arena.allocate(Math.max(rowBytes * maxContexts, 1), 64);
        this.contextGram = new float[maxContexts];
        this.partialSumRows = new long[maxContexts];
        for (int i = 0; i < maxContexts; i++) {
            partialSumRows[i] = i * rowBytes;
        }
    }

    /** CBOW's array for a window's context rows, at least {@code size} long (grown once for a wide -window). */
    long[] windowRows(int size) {
        if (windowRows.length < size) {
            windowRows = new long[size];
        }
        return windowRows;
    }

    /** The gradient row that {@link BinaryLogistic#update} sums into. */
    public MemorySegment grad() {
        return grad;
    }
}
