package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.sampling.Rng;

/**
 * A loss as {@code BatchedSkipGram} uses it. In word2vec C's skip-gram every context word of a window is
 * trained against the same output rows: the centre word's (plus negatives) or the inner nodes on the centre
 * word's Huffman path. This names those rows once per window, with the label each is trained towards, and
 * gives the rule that turns a score into a step. The loss decides which rows and which rule; the architecture
 * does the matrix products.
 */
public interface BatchObjective {

    /** The table the target rows live in. */
    MemorySegment outputs();

    /** The most targets {@link #targets} can return for one word. */
    int maxTargets();

    /**
     * Fills byte offsets into {@link #outputs()} and labels (1 or 0) of the rows centre word {@code word} is
     * trained against; returns how many. A row may occur more than once (a negative drawn twice), always with
     * the same label.
     */
    int targets(int word, long[] rows, float[] labels, Rng rng);

    /** alpha x (label - sigma(score)) under this loss's rule for saturated scores. */
    float step(float score, float label, float alpha);
}
