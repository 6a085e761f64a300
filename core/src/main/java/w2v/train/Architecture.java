package w2v.train;

/**
 * How a window becomes (hidden, target) pairs: skip-gram or CBOW. One instance per worker thread; it holds
 * that thread's scratch vectors.
 */
public interface Architecture {

    /**
     * Trains the word at {@code position} of {@code sentence} against its context within {@code window}
     * positions on each side (already shrunk at random by the caller).
     */
    void train(int[] sentence, int length, int position, int window, float alpha);
}
