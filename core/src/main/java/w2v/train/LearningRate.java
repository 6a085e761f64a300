package w2v.train;

/**
 * word2vec C's schedule: linear decay from alpha to 0 over every word of every epoch, floored at
 * alpha * 1e-4, driven by the number of words all threads have processed so far.
 */
public final class LearningRate {

    public static final double FLOOR = 1e-4;

    private final double start;
    private final double totalWords;

    /** @param totalWords words to process over the whole run: epochs x words per epoch */
    public LearningRate(float start, long totalWords) {
        this.start = start;
        this.totalWords = totalWords;
    }

    public float start() {
        return (float) start;
    }

    public float at(long wordsDone) {
        double a = start * (1 - wordsDone / (totalWords + 1));
        return (float) Math.max(a, start * FLOOR);
    }
}
