package w2v.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusFile;
import w2v.train.checkpoint.Checkpoint;
import w2v.train.checkpoint.CheckpointException;
import w2v.train.checkpoint.CheckpointFile;
import w2v.train.checkpoint.CorpusStamp;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;
import w2v.vocab.VocabularyFile;

/**
 * A whole training run in its order: the vocabulary (counted, read from a file, or taken from a checkpoint), the
 * vocabulary file, then the trainer. The library's {@code Word2Vec} and {@code w2v train} both run one, so the two
 * cannot drift apart; each watches it through a {@link Watcher} for its own reports.
 */
public final class TrainingJob {

    /** What the caller sees of the run, in order; every method has a no-op default. */
    public interface Watcher {
        /**
         * Counting is about to start; {@code builder} can be polled for progress meanwhile, its bytes read against
         * {@code corpusBytes}, the bytes of the files as stored (compressed for gzip files).
         */
        default void counting(VocabularyBuilder builder, long corpusBytes) {
        }

        /** Counting ended with {@code vocabulary}. */
        default void counted(VocabularyBuilder builder, Vocabulary vocabulary) {
        }

        /** The vocabulary was read from {@code file} (-read-vocab). */
        default void read(Path file, Vocabulary vocabulary) {
        }

        /** The run continues from {@code checkpoint} (-resume). */
        default void resuming(Path file, Checkpoint checkpoint) {
        }

        /** The trainer is ready and about to train: the moment to attach listeners and progress printers. */
        default void training(Trainer trainer) {
        }
    }

    private final TrainingConfig config;
    private final Corpus corpus;
    private long maxVocab;
    private Path readVocabulary;
    private Path saveVocabulary;
    private Path resume;
    private Path checkpoint;
    private Duration checkpointEvery;
    private Vocabulary vocabulary;
    private Checkpoint resumed;

    public TrainingJob(TrainingConfig config, CorpusFile corpus) {
        this(config, Corpus.of(corpus));
    }

    /** A run on every file of {@code corpus}. */
    public TrainingJob(TrainingConfig config, Corpus corpus) {
        this.config = config.validate();
        this.corpus = Objects.requireNonNull(corpus);
    }

    /** -max-vocab: prune the rarest words while counting when more than this many are held (0: no bound). */
    public TrainingJob maxVocabulary(long words) {
        this.maxVocab = words;
        return this;
    }

    /** -read-vocab: the vocabulary comes from this file (null: counted). */
    public TrainingJob readVocabulary(Path file) {
        this.readVocabulary = file;
        return this;
    }

    /** -save-vocab: the vocabulary goes to this file before training. */
    public TrainingJob saveVocabulary(Path file) {
        this.saveVocabulary = file;
        return this;
    }

    /** -resume: continue the run saved in this checkpoint, which must match the settings and the corpus. */
    public TrainingJob resume(Path file) {
        this.resume = file;
        return this;
    }

    /** -checkpoint and -checkpoint-every: write the training state to {@code file} every {@code every}. */
    public TrainingJob checkpoints(Path file, Duration every) {
        this.checkpoint = file;
        this.checkpointEvery = every;
        return this;
    }

    /**
     * The vocabulary, counted, read or taken from the checkpoint, and written to the -save-vocab file.
     *
     * @param trainingFollows start linking the kernels on the core counting leaves idle, as training comes next
     */
    public Vocabulary vocabulary(Watcher watcher, boolean trainingFollows) throws IOException, InterruptedException {
        if (vocabulary == null) {
            vocabulary = build(watcher, trainingFollows);
            if (saveVocabulary != null) {
                VocabularyFile.write(vocabulary, saveVocabulary);
            }
        }
        return vocabulary;
    }

    /** Trains (after {@link #vocabulary}, which it runs if need be) and returns the model; the caller closes it. */
    public Trained train(Watcher watcher) throws IOException, InterruptedException {
        Vocabulary vocab = vocabulary(watcher, true);
        Trainer trainer = resumed != null ? Trainer.resume(resumed, corpus) : new Trainer(config, corpus, vocab);
        if (checkpoint != null) {
            trainer.checkpoints(checkpoint, checkpointEvery);
        }
        watcher.training(trainer);
        return new Trained(trainer, vocab, trainer.train());
    }

    /** A finished (or stopped) run: the trainer for its figures, the vocabulary and the model. */
    public record Trained(Trainer trainer, Vocabulary vocabulary, w2v.model.Model model) {
    }

    private Vocabulary build(Watcher watcher, boolean trainingFollows) throws IOException, InterruptedException {
        if (resume != null) {
            CorpusStamp now = CorpusStamp.of(corpus);
            resumed = CheckpointFile.read(resume, settings -> {
                String why = settings.mismatch(config, now);
                if (why != null) {
                    throw new CheckpointException("cannot resume from " + resume + ": " + why);
                }
            });
            watcher.resuming(resume, resumed);
            return resumed.vocabulary();
        }
        if (readVocabulary != null) {
            if (trainingFollows) {
                Trainer.linkInBackground(); // reading the file is single-threaded
            }
            Vocabulary v = VocabularyFile.read(readVocabulary, config.minCount());
            watcher.read(readVocabulary, v);
            return v;
        }
        VocabularyBuilder builder = new VocabularyBuilder(config.threads(), config.minCount(), maxVocab);
        if (trainingFollows) {
            builder.afterCounting(Trainer::linkInBackground);
        }
        watcher.counting(builder, corpus.size());
        Vocabulary v = builder.build(corpus);
        watcher.counted(builder, v);
        return v;
    }
}
