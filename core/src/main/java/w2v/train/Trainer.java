package w2v.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import w2v.corpus.ChunkQueue;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusFile;
import w2v.kernel.Kernels;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.Subsampler;
import w2v.sampling.UnigramTable;
import w2v.train.checkpoint.Checkpoint;
import w2v.train.checkpoint.CheckpointFile;
import w2v.train.checkpoint.CheckpointGate;
import w2v.train.checkpoint.CorpusStamp;
import w2v.train.checkpoint.WorkerState;
import w2v.train.config.TrainingConfig;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.Loss;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * Runs a training job: builds the sampling tables and the model, starts the Hogwild workers, which draw the
 * corpus chunk by chunk from one {@link ChunkQueue}, waits for them, and checks the result is finite. Progress
 * can be watched from another thread through {@link #progress()}; {@link #requestStop()} ends the run early
 * with what was trained so far.
 *
 * <p>With {@link #checkpoints}, the complete training state goes to a file every so often and when the run is
 * stopped early; {@link #resume} continues from such a file. With one thread the resumed run ends with exactly
 * the vectors of an uninterrupted one, wherever the checkpoint was taken.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final Corpus corpus;
    private final Vocabulary vocab;
    private final WorkerControl control = new WorkerControl();
    private final TrainingProgress progress;
    private String memory = "";
    private BiConsumer<Integer, Model> epochListener;
    private Checkpoint resumeFrom;
    private Path checkpointFile;
    private Duration checkpointEvery;
    private LongConsumer checkpointListener;
    private Consumer<IOException> checkpointFailureListener = e -> { };
    private CorpusStamp stamp;

    public Trainer(TrainingConfig config, CorpusFile corpus, Vocabulary vocab) {
        this(config, Corpus.of(corpus), vocab);
    }

    /** Trains on every file of {@code corpus}, each epoch reading them in order. */
    public Trainer(TrainingConfig config, Corpus corpus, Vocabulary vocab) {
        this.config = config.validate();
        this.corpus = corpus;
        this.vocab = vocab;
        this.progress = new TrainingProgress(config.threads(), vocab.totalCount() * config.epochs(), config.alpha());
    }

    /**
     * A trainer that continues from {@code checkpoint} (which it takes over) on {@code corpus}, the file the
     * checkpoint was made from (the caller checks {@link Checkpoint.Settings#mismatch}).
     */
    public static Trainer resume(Checkpoint checkpoint, CorpusFile corpus) {
        return resume(checkpoint, Corpus.of(corpus));
    }

    /** As {@link #resume(Checkpoint, CorpusFile)}, for a corpus of several files. */
    public static Trainer resume(Checkpoint checkpoint, Corpus corpus) {
        Trainer t = new Trainer(checkpoint.config(), corpus, checkpoint.vocabulary());
        t.resumeFrom = checkpoint;
        WorkerState[] states = checkpoint.workers();
        for (int i = 0; i < states.length; i++) {
            t.progress.restore(i, states[i].published());
        }
        return t;
    }

    /**
     * Writes the training state to {@code file} every {@code every} (null: never on a timer) and when the run is
     * stopped early. A periodic write that fails (full disk, say) leaves the previous checkpoint intact, is
     * reported to {@link #onCheckpointFailure} and training goes on: hours of training are worth more than one
     * missed checkpoint. Likewise when stopped early: the caller still gets the model to write.
     */
    public void checkpoints(Path file, Duration every) {
        this.checkpointFile = file;
        this.checkpointEvery = every;
    }

    /** Called, on a worker thread, when a periodic checkpoint could not be written; training goes on. */
    public void onCheckpointFailure(Consumer<IOException> listener) {
        this.checkpointFailureListener = listener;
    }

    /** Called after each checkpoint written, with the milliseconds the write took. */
    public void onCheckpoint(LongConsumer listener) {
        this.checkpointListener = listener;
    }

    /** Asks for a checkpoint at the workers' next publication (no-op without {@link #checkpoints}). */
    public void requestCheckpoint() {
        control.requestCheckpoint();
    }

    /** Tests: called by a worker after each publication with the shared word count (stops, checkpoints). */
    void afterPublish(LongConsumer hook) {
        control.afterPublish(hook);
    }

    /** The vocabulary the model's rows stand for, in row order. */
    public Vocabulary vocabulary() {
        return vocab;
    }

    public TrainingProgress progress() {
        return progress;
    }

    /**
     * Calls {@code listener} with the epoch number (1-based) and the model after every epoch but the last,
     * while all workers wait at the epoch boundary (so it sees a quiet model). Costs the time the fastest
     * worker waits for the slowest at each boundary; without a listener workers never wait for each other.
     * A resumed run reports the epochs that remain, by their numbers in the whole run. If its checkpoint was taken
     * without a listener, a worker may already be past the first boundary it reports: that one is reported once
     * the last worker reaches it, without the model being quiet.
     */
    public void onEpochEnd(BiConsumer<Integer, Model> listener) {
        this.epochListener = listener;
    }

    /** Asks the workers to stop after their current sentence. */
    public void requestStop() {
        control.requestStop();
    }

    /**
     * Trains and returns the model (the caller closes it).
     *
     * @throws DivergedException if the vectors are no longer finite (learning rate too high)
     * @throws w2v.corpus.CorpusChangedException if the corpus changed since it was checked (its vocabulary
     *     counted), checked at every chunk a worker takes and once more at the end
     */
    public Model train() throws IOException, InterruptedException {
        corpus.checkUnchanged();
        Model model = resumeFrom != null ? resumeFrom.takeModel() : freshModel();
        ChunkQueue chunks = resumeFrom != null
                ? ChunkQueue.resume(corpus, config.threads(), config.epochs(), resumeFrom.chunks())
                : ChunkQueue.of(corpus, config.threads(), config.epochs());
        try {
            WorkerState[] starts = resumeFrom != null ? resumeFrom.workers() : new WorkerState[config.threads()];
            EpochBarrier barrier = epochListener == null ? null : epochBarrier(starts, model);
            if (barrier != null) {
                control.holdEpochEnds(barrier);
            }
            if (checkpointFile != null) {
                control.takeCheckpoints(checkpointGate(model, chunks, barrier));
            }
            Worker[] workers = workers(model, chunks, starts);
            runToTheEnd(workers);
            throwFirstFailure(workers);
            corpus.checkUnchanged(); // changed after the last chunk was taken: the vectors mix two files
            checkFinite(model);
            if (checkpointFile != null && control.stopRequested()) {
                checkpointWhereStopped(model, workers, chunks, barrier);
            }
            return model;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            model.close();
            throw e;
        } finally {
            chunks.close(); // a gzip file left in the middle by a stop holds a decompressor
        }
    }

    private Model freshModel() {
        Model model = new Model(vocab.size(), config.dim(), config.negative() > 0, config.hierarchicalSoftmax());
        model.initialize(config.seed(), config.threads());
        return model;
    }

    /** Writes checkpoints of this run (to {@link #checkpointFile}) from the states the workers give it. */
    private CheckpointGate checkpointGate(Model model, ChunkQueue chunks, EpochBarrier barrier) throws IOException {
        // A resumed run's stamp was checked against this corpus already (Settings.mismatch): not read twice.
        stamp = resumeFrom != null ? resumeFrom.settings().corpus() : CorpusStamp.of(corpus);
        return new CheckpointGate(config.threads(), states -> writeCheckpoint(model, states, chunks, barrier),
                checkpointFailureListener);
    }

    /** One worker per thread, each with its scratch and its random numbers (from its checkpoint when resumed). */
    private Worker[] workers(Model model, ChunkQueue chunks, WorkerState[] starts) {
        UnigramTable unigram = config.negative() > 0 ? new UnigramTable(vocab) : null;
        Architecture architecture = architecture(model, losses(model, unigram));
        Subsampler subsampler = new Subsampler(vocab, config.sample());
        LearningRate schedule = new LearningRate(config.alpha(), vocab.totalCount() * (long) config.epochs());
        memory = memoryReport(model, unigram);
        Job job = new Job(corpus, chunks, vocab, subsampler, architecture, model.input(), schedule, progress,
                config.epochs(), config.window());
        Worker[] workers = new Worker[config.threads()];
        for (int t = 0; t < workers.length; t++) {
            Rng rng = new Rng(starts[t] != null ? starts[t].rngState() : mix(config.seed(), t));
            workers[t] = new Worker(t, job, control, architecture.newScratch(rng, model.arena()), starts[t]);
        }
        return workers;
    }

    /** Starts the workers (and the checkpoint timer) and waits for all of them; interrupted, stops them first. */
    private void runToTheEnd(Worker[] workers) throws InterruptedException {
        Thread[] threads = new Thread[workers.length];
        for (int t = 0; t < workers.length; t++) {
            threads[t] = Thread.ofPlatform().name("w2v-train-" + t).unstarted(workers[t]);
        }
        for (Thread t : threads) {
            t.start();
        }
        Thread timer = checkpointFile != null && checkpointEvery != null ? startTimer(control, checkpointEvery) : null;
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            control.requestStop();
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        } finally {
            progress.finish();
            if (timer != null) {
                timer.interrupt();
            }
        }
    }

    /** What ended a worker abnormally: a divergence first (the cause, not a worker stopped by it), else the first. */
    private static void throwFirstFailure(Worker[] workers) throws IOException, InterruptedException {
        for (Worker w : workers) {
            if (w.failure() instanceof DivergedException d) {
                throw d;
            }
        }
        for (Worker w : workers) {
            Throwable f = w.failure();
            if (f instanceof IOException io) {
                throw io;
            } else if (f instanceof InterruptedException ie) {
                throw ie;
            } else if (f instanceof RuntimeException re) {
                throw re;
            } else if (f instanceof Error err) {
                throw err;
            }
        }
    }

    /** The workers check a recently trained row as they go; this checks every row once at the end. */
    private void checkFinite(Model model) {
        int bad = model.input().firstNonFiniteRow();
        if (bad >= 0) {
            throw new DivergedException("training diverged: the vector of '" + vocab.word(bad)
                    + "' is not finite; lower -alpha (was " + config.alpha() + ")");
        }
    }

    /** Stopped early: keeps what a resume needs, unless every worker had finished anyway. */
    private void checkpointWhereStopped(Model model, Worker[] workers, ChunkQueue chunks, EpochBarrier barrier) {
        WorkerState[] last = new WorkerState[workers.length];
        boolean unfinished = false;
        for (int t = 0; t < workers.length; t++) {
            last[t] = workers[t].lastState();
            unfinished |= last[t].epoch() < config.epochs();
        }
        if (unfinished) {
            try {
                writeCheckpoint(model, last, chunks, barrier);
            } catch (IOException e) {
                checkpointFailureListener.accept(e); // the vectors trained so far are still worth writing
            }
        }
    }

    /** Reports epoch ends to the listener; a resumed run's workers start in the epochs their states say. */
    private EpochBarrier epochBarrier(WorkerState[] starts, Model model) {
        int[] startEpochs = new int[starts.length];
        for (int t = 0; t < starts.length; t++) {
            startEpochs[t] = starts[t] != null ? starts[t].epoch() : 0;
        }
        return new EpochBarrier(startEpochs, config.epochs(), e -> epochListener.accept(e, model),
                control::stopRequested);
    }

    private void writeCheckpoint(Model model, WorkerState[] states, ChunkQueue chunks, EpochBarrier barrier)
            throws IOException {
        long t0 = System.nanoTime();
        WorkerState[] resumable = barrier == null ? states : pastReportedBoundaries(states, chunks, barrier.reported());
        CheckpointFile.write(checkpointFile, new Checkpoint.Settings(config, stamp), resumable, chunks.position(),
                vocab, model);
        if (checkpointListener != null) {
            checkpointListener.accept((System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * A worker recorded while it waited at an epoch boundary that has been reported since (a checkpoint taken
     * during the report, or a stop that came in meanwhile) is past that boundary: resumed, it must not wait
     * there and have the epoch reported a second time. Its state is otherwise that of a worker that crossed.
     */
    private static WorkerState[] pastReportedBoundaries(WorkerState[] states, ChunkQueue chunks, int reported) {
        WorkerState[] out = states.clone();
        for (int t = 0; t < out.length; t++) {
            WorkerState s = out[t];
            if (s != null && s.ticket() != ChunkQueue.NONE) {
                int crossed = Math.min(chunks.pass(s.ticket()), reported);
                if (crossed > s.epoch()) {
                    out[t] = s.withEpoch(crossed);
                }
            }
        }
        return out;
    }

    /** Requests a checkpoint every {@code every}; a daemon, interrupted when training ends. */
    private static Thread startTimer(WorkerControl control, Duration every) {
        return Thread.ofPlatform().daemon().name("w2v-checkpoint-timer").start(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    control.requestCheckpoint();
                }
            } catch (InterruptedException e) {
                // training is over
            }
        });
    }

    /** What each component of the last {@link #train()} took, for the summary line. */
    public String memory() {
        return memory;
    }

    private String memoryReport(Model model, UnigramTable unigram) {
        StringBuilder b = new StringBuilder();
        b.append("vectors ").append(mb(model.input().rows() * 4L * model.input().stride()));
        if (model.negativeOutput() != null) {
            long bytes = model.negativeOutput().rows() * 4L * model.input().stride();
            b.append(", negative-sampling table ").append(mb(bytes));
            b.append(", unigram sampler ").append(mb(unigram.footprintBytes()));
        }
        if (model.softmaxNodes() != null) {
            b.append(", softmax nodes ").append(mb(model.softmaxNodes().rows() * 4L * model.input().stride()));
        }
        b.append(", vocabulary ").append(mb(vocab.footprintBytes()));
        // Gzip files add a block of decompressed text per thread (and an inflater's few hundred KB).
        b.append(", read buffers ").append(mb((long) config.threads() * (1 << 20) * (corpus.hasGzip() ? 2 : 1)));
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private Architecture architecture(Model model, Loss[] losses) {
        if (config.cbow()) {
            return new Cbow(model.input(), losses);
        }
        if (config.batched()) {
            if (losses.length != 1) { // validate() allows -batch 1 with one loss only
                throw new IllegalStateException("no batched form of " + losses.length + " losses");
            }
            // Hierarchical softmax's scores need the window's earlier steps to train as well as one pair at a time.
            return new BatchedSkipGram(model.input(), losses[0], config.window(), config.hierarchicalSoftmax());
        }
        return new SkipGram(model.input(), losses);
    }

    /** The losses in the order word2vec C applies them to a pair: hierarchical softmax, then negative sampling. */
    private Loss[] losses(Model model, UnigramTable unigram) {
        List<Loss> losses = new ArrayList<>(2);
        if (config.hierarchicalSoftmax()) {
            losses.add(new HierarchicalSoftmax(model.softmaxNodes(), HuffmanTree.build(vocab)));
        }
        if (config.negative() > 0) {
            losses.add(new NegativeSampling(model.negativeOutput(), unigram, config.negative()));
        }
        return losses.toArray(Loss[]::new);
    }

    /**
     * Starts a thread that links, ahead of time, what the first steps of training would otherwise link on the
     * critical path: the Vector API kernels (~150 ms on first call) and the native calls behind the model's
     * large-page tables. Meant to run while a core is idle, as during the serial steps between counting the
     * vocabulary and training; with every core busy it would only move the cost around.
     */
    public static Thread linkInBackground() {
        return Thread.ofPlatform().daemon().name("w2v-link").start(() -> {
            Kernels.link();
            Model.link();
        });
    }

    /** Distinct, well-spread seeds per thread from one run seed. */
    static long mix(long seed, int thread) {
        return new Rng(seed ^ (0x632BE59BD9B4E019L * (thread + 1))).nextLong();
    }
}
