package w2v.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.train.loss.Loss;

/**
 * {@link Cbow}'s updates, bit for bit, with the memory latency hidden. A CBOW step is a few dozen multiply-adds
 * per row on rows scattered over tables larger than the cache, so it mostly waits for them: in word2vec C's order
 * each output row is fetched only once the previous one is trained. Here a sentence's random draws come first,
 * in the order the per-word path makes them (each position's window shrink, then its targets); they do not depend
 * on the vectors. While a word is trained, the rows of the word {@link #AHEAD} positions on are then touched
 * (one load per cache line), so their misses overlap each other and the current word's arithmetic.
 */
public final class LookaheadCbow implements Architecture {

    /** How many positions ahead rows are touched. */
    static final int AHEAD = Integer.getInteger("w2v.ahead", 1);
    static final boolean FUSED = !Boolean.getBoolean("w2v.unfused");
    static final boolean ALL_LINES = !Boolean.getBoolean("w2v.firstLine");
    private static final VectorKernels K = Kernels.get();
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final int LINE = 64;

    private final Cbow perWord;
    private final MemorySegment in;
    private final long rowBytes;
    private final int stride;
    private final Loss[] losses;
    private final MemorySegment[] outputs;

    public LookaheadCbow(EmbeddingTable input, Loss... losses) {
        this.perWord = new Cbow(input, losses);
        this.in = input.segment();
        this.stride = input.stride();
        this.rowBytes = (long) stride * Float.BYTES;
        this.losses = losses.clone();
        this.outputs = new MemorySegment[losses.length];
        for (int l = 0; l < losses.length; l++) {
            outputs[l] = losses[l].outputs();
        }
    }

    /** One position: as {@link Cbow} (no draws ahead to keep). */
    @Override
    public void train(int[] sentence, int length, int position, int window, float alpha, Scratch s) {
        perWord.train(sentence, length, position, window, alpha, s);
    }

    @Override
    public void trainSentence(int[] sentence, int length, int window, float alpha, Scratch s) {
        SentencePlan plan = s.plan;
        plan.draw(sentence, length, window, losses, s);
        if (length < 2) {
            return; // no context: Cbow trains nothing and draws no targets
        }
        int sink = 0;
        for (int pos = 0; pos < length; pos++) {
            int next = pos + AHEAD;
            if (AHEAD > 0 && next < length) {
                sink ^= touch(sentence, next, plan);
            }
            trainAt(sentence, pos, alpha, plan, s);
        }
        plan.sink = sink; // keeps the touching loads alive
    }

    /** XOR of one int per cache line of every row {@code position} reads. */
    private int touch(int[] sentence, int position, SentencePlan plan) {
        int x = 0;
        for (int c = plan.from[position], end = plan.end[position]; c < end; c++) {
            if (c != position) {
                x ^= touchRow(in, sentence[c] * rowBytes);
            }
        }
        int t = plan.firstTarget[position];
        for (int l = 0; l < losses.length; l++) {
            MemorySegment out = outputs[l];
            for (int stop = plan.firstTarget[position] + plan.targetCounts[position * losses.length + l]; t < stop;
                 t++) {
                x ^= touchRow(out, plan.rows[t]);
            }
        }
        return x;
    }

    private int touchRow(MemorySegment table, long row) {
        int x = 0;
        if (!ALL_LINES) {
            return table.get(INT, row);
        }
        for (long b = 0; b < rowBytes; b += LINE) {
            x ^= table.get(INT, row + b);
        }
        return x;
    }

    /** {@link Cbow#train} with the targets drawn beforehand: the same operations in the same order. */
    private void trainAt(int[] sentence, int position, float alpha, SentencePlan plan, Scratch s) {
        int from = plan.from[position];
        int end = plan.end[position];
        MemorySegment hidden = s.hidden;
        MemorySegment grad = s.grad;
        hidden.fill((byte) 0);
        for (int c = from; c < end; c++) {
            if (c != position) {
                K.axpy(1f, in, sentence[c] * rowBytes, hidden, 0, stride);
            }
        }
        K.scale(1f / (end - from - 1), hidden, 0, stride);
        grad.fill((byte) 0);
        long[] rows = plan.rows;
        float[] labels = plan.labels;
        int t = plan.firstTarget[position];
        for (int l = 0; l < losses.length; l++) {
            Loss loss = losses[l];
            MemorySegment out = outputs[l];
            boolean skipZeros = loss.skipsZeroSteps();
            for (int stop = t + plan.targetCounts[position * losses.length + l]; t < stop; t++) {
                long o = rows[t];
                float g = loss.step(K.dot(hidden, 0, out, o, stride), labels[t], alpha);
                if (skipZeros && g == 0) {
                    continue;
                }
                if (FUSED) {
                    K.axpyThenAxpy(g, out, o, grad, 0, hidden, 0, stride);
                } else {
                    K.axpy(g, out, o, grad, 0, stride);
                    K.axpy(g, hidden, 0, out, o, stride);
                }
            }
        }
        for (int c = from; c < end; c++) {
            if (c != position) {
                K.axpy(1f, grad, 0, in, sentence[c] * rowBytes, stride);
            }
        }
    }

    @Override
    public Scratch newScratch(Rng rng, Arena arena) {
        Scratch s = perWord.newScratch(rng, arena);
        s.plan = new SentencePlan(Worker.MAX_SENTENCE, losses);
        return s;
    }

    /** A sentence's windows and targets, drawn before it is trained. One per thread, in its {@link Scratch}. */
    static final class SentencePlan {

        final int[] from;
        final int[] end; // exclusive
        final int[] firstTarget;
        final int[] targetCounts; // position x loss
        final long[] rows;
        final float[] labels;
        int sink;

        SentencePlan(int maxLength, Loss[] losses) {
            int perPosition = 0;
            for (Loss loss : losses) {
                perPosition += loss.maxTargets();
            }
            from = new int[maxLength];
            end = new int[maxLength];
            firstTarget = new int[maxLength];
            targetCounts = new int[maxLength * losses.length];
            rows = new long[maxLength * perPosition];
            labels = new float[maxLength * perPosition];
        }

        /** Every draw the per-word path makes for this sentence, in its order. */
        void draw(int[] sentence, int length, int window, Loss[] losses, Scratch s) {
            Rng rng = s.rng;
            int t = 0;
            for (int pos = 0; pos < length; pos++) {
                int shrunk = window - rng.nextInt(window); // as Worker draws it
                from[pos] = Math.max(0, pos - shrunk);
                end[pos] = Math.min(length, pos + shrunk + 1);
                firstTarget[pos] = t;
                if (length < 2) {
                    continue;
                }
                for (int l = 0; l < losses.length; l++) {
                    int n = losses[l].targets(sentence[pos], s.drawnRows, s.drawnLabels, rng);
                    System.arraycopy(s.drawnRows, 0, rows, t, n);
                    System.arraycopy(s.drawnLabels, 0, labels, t, n);
                    targetCounts[pos * losses.length + l] = n;
                    t += n;
                }
            }
        }
    }
}
