package w2v.train;

import java.lang.foreign.Arena;
import w2v.sampling.Rng;

/**
 * How a window becomes (hidden, target) pairs: skip-gram or CBOW. One instance serves every worker thread; each
 * thread brings its own {@link Scratch}.
 */
public interface Architecture {

    /**
     * Trains the word at {@code position} of {@code sentence} against its context within {@code window}
     * positions on each side (already shrunk at random by the caller).
     */
    void train(int[] sentence, int length, int position, int window, float alpha, Scratch scratch);

    /**
     * Trains every position of {@code sentence}, each with its window shrunk at random to 1..{@code window} as
     * word2vec C does. An architecture may override it to see the sentence whole, as long as it draws the same
     * numbers in the same order.
     */
    default void trainSentence(int[] sentence, int length, int window, float alpha, Scratch scratch) {
        for (int pos = 0; pos < length; pos++) {
            int shrunk = window - scratch.rng.nextInt(window);
            train(sentence, length, pos, shrunk, alpha, scratch);
        }
    }

    /** The scratch one thread needs to train with this architecture, drawing from {@code rng}. */
    Scratch newScratch(Rng rng, Arena arena);
}
