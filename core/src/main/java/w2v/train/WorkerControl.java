package w2v.train;

import java.util.function.LongConsumer;
import w2v.train.checkpoint.CheckpointGate;
import w2v.train.checkpoint.WorkerState;

/**
 * Everything that acts on the workers of a run from outside their own work: the stop request, the epoch
 * barrier, the checkpoint gate and a hook after each publication (tests). One per run, shared by its workers.
 * A new control has none of the optional parts, and then its calls do nothing: workers never wait for each
 * other, take no checkpoints and only stop when asked. The parts are attached before the workers start.
 */
final class WorkerControl {

    private volatile boolean stopRequested;
    private EpochBarrier epochEnds; // null: workers never wait for each other at epoch ends
    private volatile CheckpointGate checkpoints; // null: no checkpoints; volatile for requestCheckpoint
    private LongConsumer afterPublish = total -> { };

    void holdEpochEnds(EpochBarrier barrier) {
        this.epochEnds = barrier;
    }

    void takeCheckpoints(CheckpointGate gate) {
        this.checkpoints = gate;
    }

    void afterPublish(LongConsumer hook) {
        this.afterPublish = hook;
    }

    /** Any thread: every worker stops after its current sentence, or at its next publication. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Any thread: a checkpoint at the workers' next publication (nothing without checkpoints). */
    void requestCheckpoint() {
        CheckpointGate g = checkpoints;
        if (g != null) {
            g.request();
        }
    }

    /** After every publication, with the shared word count. */
    void published(long wordsDone) {
        afterPublish.accept(wordsDone);
    }

    /** Whether a checkpoint waits for this worker; cheap enough for every publication. */
    boolean checkpointRequested() {
        return checkpoints != null && checkpoints.requested();
    }

    /** Parks a worker at a publication while the requested checkpoint is written; {@code state} is exact there. */
    void pauseForCheckpoint(int worker, WorkerState state) throws InterruptedException {
        checkpoints.pause(worker, state);
    }

    /** Whether workers wait for each other at each epoch end (someone watches them). */
    boolean holdsEpochEnds() {
        return epochEnds != null;
    }

    /**
     * Waits at the end of epoch {@code boundary} until every worker is there and it is reported; a checkpoint
     * taken meanwhile records {@code state}. Returns false if a stop came first.
     */
    boolean awaitEpochEnd(int worker, int boundary, WorkerState state) throws InterruptedException {
        CheckpointGate gate = checkpoints;
        if (gate != null) {
            gate.quiet(worker, state);
        }
        boolean reported = epochEnds.arriveAndAwait(worker, boundary);
        if (gate != null) {
            gate.busy(worker);
        }
        return reported;
    }

    /** A worker is done: {@code last} is where it ended, null if it failed. Nobody waits for it any more. */
    void finished(int worker, WorkerState last) {
        CheckpointGate gate = checkpoints;
        if (gate != null) {
            gate.finished(worker, last);
        }
        if (epochEnds != null) {
            epochEnds.leave(worker);
        }
    }
}
