package w2v.train;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Words processed, in total and per thread, published by the workers every few thousand words; read by the
 * learning-rate schedule and by whoever prints progress. Also the training loss: each worker sums its pairs'
 * losses in its own scratch and adds them here, with the words it trained, at its publications and when it
 * moves to the next epoch, so each epoch's loss is exactly that of the words trained in it.
 */
public final class TrainingProgress {

    private static final int PAD = 8; // one 64-byte line per thread: no false sharing between workers

    private final AtomicLong total = new AtomicLong();
    private final AtomicLongArray perThread;
    private final int threads;
    private final long target;
    private final long startNanos = System.nanoTime();
    private volatile float alpha;
    private volatile long resumedWords; // done before a resume: not part of this process's speed
    private volatile long endNanos;
    // Loss, guarded by this: added to every 10,000 words per thread, so a lock costs nothing measurable.
    private final double[] epochLoss;
    private final long[] epochWords;
    private final int[] threadEpoch; // the epoch each thread trains now; epochs once it is done
    private double lossTotal;
    private long lossWords;

    /** @param target total words the run will process (epochs x words per epoch) */
    public TrainingProgress(int threads, long target, float alpha) {
        this(threads, 1, target, alpha);
    }

    /** @param target total words the run will process (epochs x words per epoch) */
    public TrainingProgress(int threads, int epochs, long target, float alpha) {
        this.threads = threads;
        this.target = target;
        this.perThread = new AtomicLongArray(threads * PAD);
        this.alpha = alpha;
        this.epochLoss = new double[epochs];
        this.epochWords = new long[epochs];
        this.threadEpoch = new int[threads];
    }

    /**
     * The loss sum {@code loss} of the {@code words} words {@code thread} trained in {@code epoch} (0-based) since
     * its last call; {@code nowIn} is the epoch it trains from now on ({@link #epochs()} once it is done).
     */
    synchronized void addLoss(int thread, int epoch, double loss, long words, int nowIn) {
        int e = Math.min(epoch, epochLoss.length - 1);
        epochLoss[e] += loss;
        epochWords[e] += words;
        lossTotal += loss;
        lossWords += words;
        threadEpoch[thread] = nowIn;
    }

    /** A resumed run's threads start in the epochs their checkpoint says (the loss before it is not known). */
    synchronized void startEpoch(int thread, int epoch) {
        threadEpoch[thread] = epoch;
    }

    /** The loss summed over every pair trained so far, and the words trained; for the loss of an interval. */
    public record LossTotals(double loss, long words) {

        /** The mean loss per word trained between {@code earlier} and this; NaN when no word was trained. */
        public double meanSince(LossTotals earlier) {
            long w = words - earlier.words;
            return w == 0 ? Double.NaN : (loss - earlier.loss) / w;
        }
    }

    public synchronized LossTotals lossTotals() {
        return new LossTotals(lossTotal, lossWords);
    }

    public int epochs() {
        return epochLoss.length;
    }

    /**
     * The mean loss per word trained of every epoch that all threads have finished, in order: each pair's
     * negative log-likelihood, -log sigma(+-score), summed and divided by the centre words trained.
     */
    public synchronized double[] epochLosses() {
        int done = epochLoss.length;
        for (int e : threadEpoch) {
            done = Math.min(done, e);
        }
        double[] mean = new double[done];
        for (int e = 0; e < done; e++) {
            mean[e] = epochWords[e] == 0 ? Double.NaN : epochLoss[e] / epochWords[e];
        }
        return mean;
    }

    /** Adds a thread's words since its last call; returns the new total. */
    long add(int thread, long words) {
        perThread.addAndGet(thread * PAD, words);
        return total.addAndGet(words);
    }

    /** A resumed run starts from the words each thread had published when the checkpoint was taken. */
    void restore(int thread, long words) {
        add(thread, words);
        resumedWords = total.get();
    }

    void alpha(float a) {
        alpha = a;
    }

    void finish() {
        endNanos = System.nanoTime();
    }

    public long wordsDone() {
        return total.get();
    }

    public long wordsDone(int thread) {
        return perThread.get(thread * PAD);
    }

    public int threads() {
        return threads;
    }

    public long target() {
        return target;
    }

    public float alpha() {
        return alpha;
    }

    /** Seconds since training started (until it finished, once it has). */
    public double elapsedSeconds() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return (end - startNanos) / 1e9;
    }

    public double fraction() {
        return target == 0 ? 1 : Math.min(1.0, wordsDone() / (double) target);
    }

    public double wordsPerSecond() {
        double s = elapsedSeconds();
        return s > 0 ? (wordsDone() - resumedWords) / s : 0;
    }
}
