package w2v.train.checkpoint;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Brings all workers to a quiet point so a checkpoint sees one consistent model and every worker's exact
 * position. After {@link #request()}, each busy worker parks at its next publication ({@link #pause}); workers
 * waiting at an epoch barrier or finished are already quiet. The last one to become quiet writes the
 * checkpoint on its own thread, then everyone continues. Without a request the workers only read a volatile
 * flag every few thousand words.
 */
public final class CheckpointGate {

    /** Writes a checkpoint from these states while no worker touches the model. */
    public interface Writer {
        void write(WorkerState[] states) throws IOException;
    }

    private final int workers;
    private final Writer writer;
    private final Consumer<IOException> onFailure;
    private final WorkerState[] states;
    private int paused;
    private int quiet; // at an epoch barrier or finished: their state in states[] stays valid
    private int finished;
    private long generation;
    private boolean broken; // a worker failed: its state is unknown, no more checkpoints
    private volatile boolean requested;

    /** @param onFailure called on a worker thread when a write fails; the next request tries again */
    public CheckpointGate(int workers, Writer writer, Consumer<IOException> onFailure) {
        this.workers = workers;
        this.writer = writer;
        this.onFailure = onFailure;
        this.states = new WorkerState[workers];
    }

    /** Asks for a checkpoint at the workers' next quiet point; any thread. */
    public synchronized void request() {
        if (!broken) {
            requested = true;
        }
    }

    public boolean requested() {
        return requested;
    }

    /** A busy worker at a publication: parks here until the requested checkpoint is written. */
    public synchronized void pause(int worker, WorkerState state) throws InterruptedException {
        if (!requested) {
            return;
        }
        states[worker] = state;
        paused++;
        if (paused + quiet == workers) {
            release();
            return;
        }
        long g = generation;
        while (g == generation) {
            wait();
        }
    }

    /** A worker about to wait at an epoch barrier: it will not touch the model until {@link #busy}. */
    public synchronized void quiet(int worker, WorkerState state) {
        states[worker] = state;
        quiet++;
        if (requested && paused + quiet == workers) {
            release();
        }
    }

    /** Back from an epoch barrier; waits out a checkpoint that is being taken, which may include its state. */
    public synchronized void busy(int worker) throws InterruptedException {
        while (requested) {
            if (paused + quiet == workers) {
                release();
            } else {
                wait();
            }
        }
        quiet--;
    }

    /** A worker is done for good: its final state, or null when it failed (then no checkpoint can be exact). */
    public synchronized void finished(int worker, WorkerState state) {
        if (state == null) {
            broken = true;
            requested = false;
            generation++;
            notifyAll();
            return;
        }
        finished++;
        quiet(worker, state);
    }

    private void release() {
        try {
            if (!broken && finished < workers) { // once all have finished, the output follows anyway
                writer.write(states.clone());
            }
        } catch (IOException e) {
            onFailure.accept(e);
        } finally {
            requested = false;
            paused = 0;
            generation++;
            notifyAll();
        }
    }
}
