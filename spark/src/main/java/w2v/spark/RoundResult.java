package w2v.spark;

import java.io.Serializable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import w2v.train.ReplicaTrainer.ThreadState;

/**
 * What the replicas of one round send back, summed as Spark combines them: the sum of their models, their words
 * and the threads' states, keyed by round and partition. Spark keeps the result of one successful attempt per
 * task; the keys make sure of it: a partition that arrived twice, or a result of another round, fails the run
 * instead of being averaged in.
 */
final class RoundResult implements Serializable {

    private static final long serialVersionUID = 1L;

    final long round;
    final BitSet partitions = new BitSet();
    final Map<Integer, ThreadState[]> states = new HashMap<>();
    final ModelState modelSum;
    long wordsRead;
    long wordsPublished;

    RoundResult(long round, int partition, ThreadState[] states, ModelState model, long read, long published) {
        this.round = round;
        this.partitions.set(partition);
        this.states.put(partition, states);
        this.modelSum = model;
        this.wordsRead = read;
        this.wordsPublished = published;
    }

    RoundResult merge(RoundResult other) {
        if (other.round != round) {
            throw new IllegalStateException("results of rounds " + round + " and " + other.round + " met");
        }
        if (partitions.intersects(other.partitions)) {
            throw new IllegalStateException("round " + round + ": a partition's result arrived twice");
        }
        partitions.or(other.partitions);
        states.putAll(other.states);
        modelSum.add(other.modelSum);
        wordsRead += other.wordsRead;
        wordsPublished += other.wordsPublished;
        return this;
    }
}
