package w2v.train.loss;

import java.lang.foreign.MemorySegment;
import w2v.sampling.Rng;

/** {@code -hs 1 -negative k}: both losses on the same hidden vector, hierarchical softmax first as in C. */
public final class CombinedObjective implements Objective {

    private final Objective first;
    private final Objective second;

    public CombinedObjective(Objective first, Objective second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void update(MemorySegment hidden, long hiddenOffset, int target, float alpha,
                       MemorySegment grad, long gradOffset, Rng rng) {
        first.update(hidden, hiddenOffset, target, alpha, grad, gradOffset, rng);
        second.update(hidden, hiddenOffset, target, alpha, grad, gradOffset, rng);
    }
}
