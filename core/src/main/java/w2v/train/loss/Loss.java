package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.sampling.Rng;

/**
 * A loss in fastText's shape: for the word to predict it lists the output rows to train against, each with the
 * label (1 or 0) its score is pushed towards, and gives the rule that turns a score into a step. Negative
 * sampling lists the word and its negatives, hierarchical softmax the inner nodes on the word's Huffman path.
 * The architecture does the vector math, one pair at a time (skip-gram, CBOW: {@code BinaryLogistic}) or a
 * window at once (batched skip-gram). Shared by every thread: the caller gives the arrays and the random numbers.
 */
public interface Loss {

    /** The table the target rows live in. */
    MemorySegment outputs();

    /** The most targets {@link #targets} can return for one word. */
    int maxTargets();

    /**
     * Fills byte offsets into {@link #outputs()} and labels of the rows {@code word} is trained against, in the
     * order word2vec C trains them; returns how many. A row may occur more than once (a negative drawn twice),
     * always with the same label. Every random draw of the loss is made here.
     */
    int targets(int word, long[] rows, float[] labels, Rng rng);

    /** alpha x (label - sigma(score)) under this loss's rule for saturated scores. */
    float step(float score, float label, float alpha);

    /**
     * Whether a pair whose step is 0 is skipped rather than applied. Either way the rows keep their values;
     * word2vec C skips saturated hierarchical-softmax nodes, which saves two row passes where saturation is
     * common, and applies negative sampling's zero steps, where a test would be a branch that C2 first sees
     * never taken (see {@code SigmoidTable.saturatedSigmoid}).
     */
    boolean skipsZeroSteps();

    /**
     * Whether {@link #targets} never lists a row twice (hierarchical softmax's path, not negative sampling's
     * draws): then no target's update changes another's score, and all scores may be taken before any update.
     */
    boolean distinctTargets();
}
