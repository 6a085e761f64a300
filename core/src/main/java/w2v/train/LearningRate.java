package w2v.train;

/**
 * The learning rate as a function of the words all threads have processed so far. word2vec C's schedule: linear
 * decay from alpha to 0 over every word of every epoch, floored at alpha * 1e-4. With a final rate (-min-alpha,
 * gensim's min_alpha): linear decay from alpha to exactly that rate at the last word, without a floor.
 */
public final class LearningRate {

    public static final double FLOOR = 1e-4;

    private final double start;
    private final double end; // NaN: C's schedule
    private final double totalWords;

    /** word2vec C's schedule. @param totalWords words to process over the whole run: epochs x words per epoch */
    public LearningRate(float start, long totalWords) {
        this(start, Float.NaN, totalWords);
    }

    /** @param end the rate at the last word, or NaN for word2vec C's schedule */
    public LearningRate(float start, float end, long totalWords) {
        this.start = start;
        this.end = end;
        this.totalWords = totalWords;
    }

    public float start() {
        return (float) start;
    }

    public float at(long wordsDone) {
        if (Double.isNaN(end)) {
            double a = start * (1 - wordsDone / (totalWords + 1));
            return (float) Math.max(a, start * FLOOR);
        }
        double done = totalWords == 0 ? 1 : Math.min(1, wordsDone / totalWords);
        return (float) (start - (start - end) * done);
    }
}
