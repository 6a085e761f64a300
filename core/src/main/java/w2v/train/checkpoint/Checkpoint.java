package w2v.train.checkpoint;

import w2v.corpus.ChunkQueue;
import w2v.model.Model;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;

/**
 * A read checkpoint: the complete training state of a run, from which {@code Trainer.resume} continues as if
 * the run had never stopped. Owns its model until a trainer takes it.
 */
public final class Checkpoint implements AutoCloseable {

    /**
     * What decides whether a run may continue from a checkpoint, read before the (large) tables so an
     * incompatible checkpoint is refused at once.
     */
    public record Settings(TrainingConfig config, CorpusStamp corpus) {

        /**
         * Why a run with {@code run}'s settings on {@code corpus} cannot continue from here, or null. Everything
         * that shapes the training must match, so the learning-rate schedule, the corpus chunks and the tables
         * are the ones saved; only the seed is free (the generators' states are restored instead).
         */
        public String mismatch(TrainingConfig run, CorpusStamp now) {
            TrainingConfig c = config;
            String m = differs("-size", c.dim(), run.dim());
            m = m != null ? m : differs("-cbow", c.cbow() ? 1 : 0, run.cbow() ? 1 : 0);
            m = m != null ? m : differs("-hs", c.hierarchicalSoftmax() ? 1 : 0, run.hierarchicalSoftmax() ? 1 : 0);
            m = m != null ? m : differs("-negative", c.negative(), run.negative());
            m = m != null ? m : differs("-window", c.window(), run.window());
            m = m != null ? m : differs("-sample", c.sample(), run.sample());
            m = m != null ? m : differs("-iter", c.epochs(), run.epochs());
            m = m != null ? m : differs("-alpha", c.alpha(), run.alpha());
            m = m != null ? m : differs("-min-count", c.minCount(), run.minCount());
            m = m != null ? m : differs("-threads", c.threads(), run.threads());
            m = m != null ? m : differs("-batch", c.batched() ? 1 : 0, run.batched() ? 1 : 0);
            m = m != null ? m : differs("-min-alpha", c.cSchedule() ? "(C's schedule)" : c.minAlpha(),
                    run.cSchedule() ? "(C's schedule)" : run.minAlpha());
            m = m != null ? m : differs("-cbow-mean", c.cbowMean() ? 1 : 0, run.cbowMean() ? 1 : 0);
            return m != null ? m : corpus.mismatch(now);
        }

        private static String differs(String flag, Object saved, Object now) {
            return saved.equals(now) ? null
                    : "it was made with " + flag + " " + saved + ", this run has " + flag + " " + now;
        }
    }

    private final Settings settings;
    private final WorkerState[] workers;
    private final long chunks;
    private final Vocabulary vocab;
    private Model model;

    Checkpoint(Settings settings, WorkerState[] workers, long chunks, Vocabulary vocab, Model model) {
        this.settings = settings;
        this.workers = workers;
        this.chunks = chunks;
        this.vocab = vocab;
        this.model = model;
    }

    public Settings settings() {
        return settings;
    }

    public TrainingConfig config() {
        return settings.config();
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** One state per thread, in thread order. */
    public WorkerState[] workers() {
        return workers.clone();
    }

    /** The next chunk of the corpus to hand out ({@link ChunkQueue#position()}). */
    public long chunks() {
        return chunks;
    }

    /** Words all threads had processed: where the learning-rate schedule continues. */
    public long wordsDone() {
        long n = 0;
        for (WorkerState w : workers) {
            n += w.published() + w.unpublished();
        }
        return n;
    }

    /** The tables; the caller owns them from now on (and this checkpoint no longer closes them). */
    public Model takeModel() {
        Model m = model;
        if (m == null) {
            throw new IllegalStateException("checkpoint already resumed");
        }
        model = null;
        return m;
    }

    /** Read access to the tables that stay owned by this checkpoint (tests). */
    public Model model() {
        return model;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
