package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.sampling.Rng;

/**
 * A loss over one (hidden vector, target word) pair: negative sampling or hierarchical softmax. It owns its
 * output table and updates it; it adds the gradient for the hidden vector, scaled by the learning rate, into
 * {@code grad}, which the architecture later applies to the input vectors. It knows nothing of windows or
 * sentences (the split fastText makes between its losses and its model).
 *
 * <p>All vectors are padded rows of {@code stride} floats.
 */
public interface Objective {

    /**
     * @param hidden the input (skip-gram: a context word's row; CBOW: the mean of the context)
     * @param target the word to predict
     * @param alpha the current learning rate
     * @param grad accumulates alpha * dLoss/dHidden
     * @param rng the calling thread's random numbers
     */
    void update(MemorySegment hidden, long hiddenOffset, int target, float alpha,
                MemorySegment grad, long gradOffset, Rng rng);
}
