package w2v.train;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.util.concurrent.Phaser;
import java.util.function.BiConsumer;
import w2v.corpus.ByteRange;
import w2v.corpus.CorpusFile;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.Subsampler;
import w2v.sampling.UnigramTable;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * Runs a training job: builds the sampling tables and the model, starts one Hogwild worker per byte range,
 * waits for them, and checks the result is finite. Progress can be watched from another thread through
 * {@link #progress()}; {@link #requestStop()} ends the run early with what was trained so far.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final CorpusFile corpus;
    private final Vocabulary vocab;
    private final StopSignal stop = new StopSignal();
    private final TrainingProgress progress;
    private String memory = "";
    private BiConsumer<Integer, Model> epochListener;

    public Trainer(TrainingConfig config, CorpusFile corpus, Vocabulary vocab) {
        this.config = config.validate();
        this.corpus = corpus;
        this.vocab = vocab;
        this.progress = new TrainingProgress(config.threads(), vocab.totalCount() * config.epochs(), config.alpha());
    }

    public TrainingProgress progress() {
        return progress;
    }

    /**
     * Calls {@code listener} with the epoch number (1-based) and the model after every epoch but the last,
     * while all workers wait at the epoch boundary (so it sees a quiet model). Costs the time the fastest
     * worker waits for the slowest at each boundary; without a listener workers never wait for each other.
     */
    public void onEpochEnd(BiConsumer<Integer, Model> listener) {
        this.epochListener = listener;
    }

    /** Asks the workers to stop after their current sentence. */
    public void requestStop() {
        stop.request();
    }

    public boolean stopRequested() {
        return stop.requested();
    }

    /**
     * Trains and returns the model (the caller closes it).
     *
     * @throws DivergedException if the vectors are no longer finite (learning rate too high)
     */
    public Model train() throws IOException, InterruptedException {
        Model model = new Model(vocab.size(), config.dim(), config.negative() > 0, config.hierarchicalSoftmax());
        try {
            model.initialize(config.seed());
            UnigramTable unigram = config.negative() > 0 ? new UnigramTable(vocab) : null;
            Objective objective = objective(model, unigram);
            Subsampler subsampler = new Subsampler(vocab, config.sample());
            LearningRate schedule = new LearningRate(config.alpha(), vocab.totalCount() * (long) config.epochs());
            ByteRange[] ranges = corpus.split(config.threads());
            Phaser barrier = epochListener == null ? null : new Phaser(config.threads()) {
                @Override
                protected boolean onAdvance(int phase, int registered) {
                    if (registered > 0 && !stop.requested()) {
                        epochListener.accept(phase + 1, model);
                    }
                    return registered == 0;
                }
            };
            memory = memoryReport(model, unigram);
            Worker[] workers = new Worker[config.threads()];
            Thread[] threads = new Thread[workers.length];
            for (int t = 0; t < workers.length; t++) {
                Rng rng = new Rng(mix(config.seed(), t));
                Arena arena = model.arena();
                Architecture arch = architecture(model, objective, unigram, rng, arena);
                workers[t] = new Worker(t, corpus, ranges[t], vocab, subsampler, arch, rng, progress, schedule,
                        config.epochs(), config.window(), stop, model.input(), barrier);
                threads[t] = Thread.ofPlatform().name("w2v-train-" + t).unstarted(workers[t]);
            }
            for (Thread t : threads) {
                t.start();
            }
            try {
                for (Thread t : threads) {
                    t.join();
                }
            } catch (InterruptedException e) {
                stop.request();
                for (Thread t : threads) {
                    t.join();
                }
                throw e;
            } finally {
                progress.finish();
            }
            for (Worker w : workers) {
                Throwable f = w.failure();
                if (f instanceof DivergedException) {
                    throw (DivergedException) f; // the first cause, not a worker stopped by it
                }
            }
            for (Worker w : workers) {
                Throwable f = w.failure();
                if (f instanceof IOException io) {
                    throw io;
                } else if (f instanceof RuntimeException re) {
                    throw re;
                } else if (f instanceof Error err) {
                    throw err;
                }
            }
            int bad = model.input().firstNonFiniteRow();
            if (bad >= 0) {
                throw new DivergedException("training diverged: the vector of '" + vocab.word(bad)
                        + "' is not finite; lower -alpha (was " + config.alpha() + ")");
            }
            return model;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /** What each component of the last {@link #train()} took, for the summary line. */
    public String memory() {
        return memory;
    }

    private String memoryReport(Model model, UnigramTable unigram) {
        StringBuilder b = new StringBuilder();
        b.append("vectors ").append(mb(model.input().rows() * 4L * model.input().stride()));
        if (model.negativeOutput() != null) {
            b.append(", negative-sampling table ").append(mb(model.negativeOutput().rows() * 4L * model.input().stride()));
            b.append(", unigram sampler ").append(mb(unigram.footprintBytes()));
        }
        if (model.softmaxNodes() != null) {
            b.append(", softmax nodes ").append(mb(model.softmaxNodes().rows() * 4L * model.input().stride()));
        }
        b.append(", vocabulary ").append(mb(vocab.footprintBytes()));
        b.append(", read buffers ").append(mb((long) config.threads() * (1 << 20)));
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private Architecture architecture(Model model, Objective objective, UnigramTable unigram, Rng rng, Arena arena) {
        if (config.cbow()) {
            return new Cbow(model.input(), objective, rng, arena);
        }
        if (config.batched()) {
            return new BatchedSkipGram(model.input(), model.negativeOutput(), unigram, config.negative(),
                    config.window(), rng, arena);
        }
        return new SkipGram(model.input(), objective, rng, arena);
    }

    private Objective objective(Model model, UnigramTable unigram) {
        Objective hs = config.hierarchicalSoftmax()
                ? new HierarchicalSoftmax(model.softmaxNodes(), HuffmanTree.build(vocab)) : null;
        Objective ns = config.negative() > 0
                ? new NegativeSampling(model.negativeOutput(), unigram, config.negative()) : null;
        if (hs != null && ns != null) {
            return new CombinedObjective(hs, ns);
        }
        return hs != null ? hs : ns;
    }

    /** Distinct, well-spread seeds per thread from one run seed. */
    static long mix(long seed, int thread) {
        return new Rng(seed ^ (0x632BE59BD9B4E019L * (thread + 1))).nextLong();
    }

    /** A flag all workers poll between sentences. */
    static final class StopSignal {
        private volatile boolean requested;

        void request() {
            requested = true;
        }

        boolean requested() {
            return requested;
        }
    }
}
