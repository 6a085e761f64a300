package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Loss;

/**
 * {@link Cbow} with the memory latency hidden, same vectors bit for bit. A CBOW step is a few dozen multiply-adds
 * per row on rows scattered over tables larger than the cache, so it mostly waits for them. Here a sentence's
 * random draws come first, in the order the per-word path makes them (each position's window shrink, then its
 * targets loss by loss); they do not depend on the vectors. Before a word is trained, the rows of the next word
 * are touched (one load per cache line), so their misses overlap each other and the current word's arithmetic.
 * The step itself is {@link Cbow#train}, which takes the drawn targets back from the scratch
 * ({@link BinaryLogistic}).
 */
public final class LookaheadCbow implements Architecture {

    // Unaligned: rows start on 64-byte boundaries anyway, and the aligned layout checked that on every touch
    // (AbstractMemorySegmentImpl.isAlignedForElement took ~10% of a 1-thread CBOW profile).
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final int LINE = 64; // bytes per cache line

    private final Cbow cbow;
    private final MemorySegment in;
    private final long rowBytes;
    private final Loss[] losses;
    private final MemorySegment[] outputs;

    /** @param cbow the per-word path to run, built on {@code input} and {@code losses} */
    public LookaheadCbow(Cbow cbow, EmbeddingTable input, Loss... losses) {
        this.cbow = cbow;
        this.in = input.segment();
        this.rowBytes = (long) input.stride() * Float.BYTES;
        this.losses = losses.clone();
        this.outputs = new MemorySegment[losses.length];
        for (int l = 0; l < losses.length; l++) {
            outputs[l] = losses[l].outputs();
        }
    }

    /** One position on its own: the per-word path, drawing as it goes. */
    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha, Scratch s) {
        cbow.train(sentence, length, position, window, alpha, s);
    }

    @Override
    public void trainSentence(int[] sentence, int length, int window, float alpha, Scratch s) {
        DrawnTargets plan = s.plan;
        plan.draw(sentence, length, window, losses, s);
        int sink = 0;
        s.drawn = plan; // only while this sentence is trained: between sentences nothing is held back
        try {
            for (int pos = 0; pos < length; pos++) {
                if (pos + 1 < length) {
                    sink ^= touch(sentence, pos + 1, plan);
                }
                cbow.train(sentence, length, pos, plan.window[pos], alpha, s);
            }
        } finally {
            s.drawn = null;
        }
        plan.sink = sink; // keeps the touching loads alive
    }

    /** XOR of one int per cache line of every row {@code position} will read. */
    private int touch(int[] sentence, int position, DrawnTargets plan) {
        int x = 0;
        int w = plan.window[position];
        for (int c = Math.max(0, position - w), end = Math.min(plan.length, position + w + 1); c < end; c++) {
            if (c != position) {
                x ^= touchRow(in, sentence[c] * rowBytes);
            }
        }
        int block = position * losses.length;
        for (int l = 0; l < losses.length; l++, block++) {
            MemorySegment out = outputs[l];
            for (int t = plan.blockStart[block], stop = t + plan.blockSize[block]; t < stop; t++) {
                x ^= touchRow(out, plan.rows[t]);
            }
        }
        return x;
    }

    private int touchRow(MemorySegment table, long row) {
        int x = 0;
        for (long b = 0; b < rowBytes; b += LINE) {
            x ^= table.get(INT, row + b);
        }
        return x;
    }

    @Override
    public Scratch newScratch(Rng rng, Arena arena) {
        Scratch s = cbow.newScratch(rng, arena);
        s.plan = new DrawnTargets(Worker.MAX_SENTENCE, losses);
        return s;
    }

    /**
     * A sentence's window shrinks and targets, drawn before it is trained, and handed back block by block (one
     * block per position and loss, in draw order) as {@link BinaryLogistic} asks for them. One per thread.
     */
    static final class DrawnTargets {

        final int[] window;
        final int[] blockStart; // position x loss
        final int[] blockSize;
        final long[] rows;
        final float[] labels;
        int length;
        private int next; // the block to hand back next
        int sink;

        DrawnTargets(int maxLength, Loss[] losses) {
            int perPosition = 0;
            for (Loss loss : losses) {
                perPosition += loss.maxTargets();
            }
            window = new int[maxLength];
            blockStart = new int[maxLength * losses.length];
            blockSize = new int[maxLength * losses.length];
            rows = new long[maxLength * perPosition];
            labels = new float[maxLength * perPosition];
        }

        /** Every draw the per-word path makes for this sentence, in its order. */
        void draw(int[] sentence, int length, int maxWindow, Loss[] losses, Scratch s) {
            Rng rng = s.rng;
            this.length = length;
            this.next = 0;
            int t = 0;
            for (int pos = 0, block = 0; pos < length; pos++) {
                window[pos] = maxWindow - rng.nextInt(maxWindow); // as Architecture.trainSentence draws it
                if (length < 2) {
                    continue; // no context: Cbow returns before drawing targets
                }
                for (Loss loss : losses) {
                    int n = loss.targets(sentence[pos], s.drawnRows, s.drawnLabels, rng);
                    System.arraycopy(s.drawnRows, 0, rows, t, n);
                    System.arraycopy(s.drawnLabels, 0, labels, t, n);
                    blockStart[block] = t;
                    blockSize[block++] = n;
                    t += n;
                }
            }
        }

        /** The next block's targets into {@code rows} and {@code labels}; returns how many. */
        int replay(long[] toRows, float[] toLabels) {
            int b = next++;
            int n = blockSize[b];
            System.arraycopy(rows, blockStart[b], toRows, 0, n);
            System.arraycopy(labels, blockStart[b], toLabels, 0, n);
            return n;
        }
    }
}
