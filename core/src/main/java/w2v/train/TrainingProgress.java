package w2v.train;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Words processed, in total and per thread, published by the workers every few thousand words; read by the
 * learning-rate schedule and by whoever prints progress.
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

    /** @param target total words the run will process (epochs x words per epoch) */
    public TrainingProgress(int threads, long target, float alpha) {
        this.threads = threads;
        this.target = target;
        this.perThread = new AtomicLongArray(threads * PAD);
        this.alpha = alpha;
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
