package w2v.train;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import w2v.train.checkpoint.WorkerState;

/**
 * Holds the workers at each epoch boundary until every one of them has reached it, then reports that boundary
 * once, from the last to arrive, while the others still wait: the model it reports is the model of exactly that
 * many whole epochs.
 *
 * <p>Arrivals are keyed by epoch number, not counted as a {@link java.util.concurrent.Phaser} counts them. A run
 * resumed from a checkpoint starts with its workers wherever they stood: some still finishing the last chunks of
 * an epoch, others already waiting at its end. A phaser restarted at phase 0 took the first arrivals of each
 * worker as one boundary, whichever epochs they ended, and reported the wrong epoch at the wrong moment.
 *
 * <p>A stop ends every wait. A boundary not reported by then stays unreported, and its workers are recorded as
 * before it, so that a resumed run reports it; one reported before the stop is not reported again.
 */
final class EpochBarrier {

    private static final int LEFT = Integer.MAX_VALUE;

    private final int[] reached; // per worker: the last boundary it reached, or LEFT
    private final int lastBoundary;
    private final IntConsumer onBoundary;
    private final BooleanSupplier stopped;
    private volatile int reported; // read without the lock by a checkpoint writer (see Trainer)

    /**
     * @param startEpochs per worker, the epochs it has finished ({@link WorkerState#epoch()} of a resumed run,
     *     zeros for a fresh one); boundaries up to the smallest are taken as reported already
     * @param epochs how many the run has: the end of the last one is the end of training, not a boundary
     * @param onBoundary called with the number of epochs done (1-based) while every worker waits, unless a
     *     stop was requested
     */
    EpochBarrier(int[] startEpochs, int epochs, IntConsumer onBoundary, BooleanSupplier stopped) {
        this.reached = startEpochs.clone();
        this.lastBoundary = epochs - 1;
        this.onBoundary = onBoundary;
        this.stopped = stopped;
        this.reported = Math.min(lowest(), lastBoundary);
    }

    /**
     * Worker {@code worker} has finished epoch {@code boundary}. Returns true once all workers have and the
     * boundary is reported; false if a stop came first (the other workers then leave at their next publication,
     * which ends the wait).
     */
    synchronized boolean arriveAndAwait(int worker, int boundary) throws InterruptedException {
        reached[worker] = boundary;
        advance();
        while (reported < boundary) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            wait();
        }
        return true;
    }

    /** Worker {@code worker} is done (finished, stopped or failed): nobody waits for it any more. */
    synchronized void leave(int worker) {
        reached[worker] = LEFT;
        advance();
    }

    /** Boundaries reported so far (those a run resumed from a checkpoint starts past included). */
    int reported() {
        return reported;
    }

    private void advance() {
        int all = Math.min(lowest(), lastBoundary);
        try {
            // Workers resumed past a boundary count as arrived, so several may complete at once; each is reported.
            // After a stop none is: its workers are recorded before it, and a resumed run reports it.
            while (reported < all && !stopped.getAsBoolean()) {
                onBoundary.accept(reported + 1);
                reported++;
            }
        } finally {
            notifyAll();
        }
    }

    private int lowest() {
        int min = LEFT;
        for (int r : reached) {
            min = Math.min(min, r);
        }
        return min;
    }
}
