package w2v;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.files.OutputPolicy;
import w2v.train.checkpoint.CheckpointException;
import w2v.train.DivergedException;
import w2v.train.IntervalLoss;
import w2v.train.Trainer;
import w2v.train.TrainingJob;
import w2v.train.config.Initialization;
import w2v.train.config.Preset;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;
import w2v.train.TrainingProgress;
import w2v.vocab.VocabularyException;

/**
 * Trains word vectors with word2vec C's semantics: skip-gram or CBOW, negative sampling and/or hierarchical
 * softmax, subsampling, a random window of 1..window, a learning rate that decays linearly over all epochs, and
 * lock-free (Hogwild) worker threads.
 *
 * <pre>{@code
 * Word2Vec w2v = Word2Vec.builder().skipGram().dimensions(300).window(8).negative(5).epochs(5).build();
 * try (WordVectors vectors = w2v.train(Path.of("corpus.txt"))) {
 *     System.out.println(vectors.mostSimilar(List.of("king", "woman"), List.of("man"), 10));
 * }
 * }</pre>
 *
 * <p>Every setting is a method of {@link Builder}, with the default and the checks of the matching
 * {@code w2v train} flag; {@link Builder#build()} rejects a bad value with an {@link IllegalArgumentException}
 * whose one-line message is the one the command line prints. One {@code Word2Vec} may train several times,
 * one training at a time; {@link #stop()} from another thread ends the current one early.
 */
public final class Word2Vec {

    /**
     * Where a training run stands, as reported to {@link Builder#onProgress}.
     *
     * @param wordsDone corpus words processed so far, over all epochs (subsampled words included, as in C)
     * @param wordsTotal the words the whole run will process: corpus words times epochs
     * @param alpha the current learning rate
     * @param wordsPerSecond words processed per second of training so far
     * @param elapsedSeconds seconds since training (not counting the vocabulary pass) started
     * @param loss the mean loss per word trained since the previous report (the last known one if no word was
     *     trained since; NaN before the first): each pair's negative log-likelihood, -log sigma(+-score), summed
     *     over the pairs of the words trained and divided by their number
     * @param epochLosses the mean loss per word trained of each epoch every thread has finished, in order
     */
    public record Progress(long wordsDone, long wordsTotal, float alpha, double wordsPerSecond,
                           double elapsedSeconds, double loss, List<Double> epochLosses) {

        /** The part of the run done, from 0 to 1. */
        public double fraction() {
            return wordsTotal == 0 ? 1 : Math.min(1.0, (double) wordsDone / wordsTotal);
        }
    }

    private final TrainingConfig config;
    private final long maxVocab;
    private final Path readVocabulary;
    private final Path saveVocabulary;
    private final Consumer<Progress> progressListener;
    private final Duration progressEvery;
    private final Consumer<String> warningListener;
    private final BiConsumer<Integer, WordVectors> epochListener;
    private final Path checkpoint;
    private final Duration checkpointEvery;
    private final Path resumeFrom;
    private volatile Trainer running;
    private volatile boolean stopRequested;
    private Thread reporter;
    private TrainingProgress reported;
    private volatile TrainingProgress lastProgress;
    private IntervalLoss intervalLoss; // the reporter thread's, then train()'s after joining it

    private Word2Vec(Builder b, TrainingConfig config) {
        this.config = config;
        this.maxVocab = b.maxVocab;
        this.readVocabulary = b.readVocabulary;
        this.saveVocabulary = b.saveVocabulary;
        this.progressListener = b.progressListener;
        this.progressEvery = b.progressEvery;
        this.warningListener = b.warningListener;
        this.epochListener = b.epochListener;
        this.checkpoint = b.checkpoint;
        this.checkpointEvery = b.checkpointEvery;
        this.resumeFrom = b.resumeFrom;
    }

    /** A builder with word2vec C's defaults (CBOW, 100 dimensions, window 5, 5 negatives, 5 epochs). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts the vocabulary of {@code corpus} (or reads it, with {@link Builder#readVocabulary}) and trains on it.
     * The corpus is text, words separated by whitespace, one sentence per line, read once per epoch: each source
     * is a regular file, plain or gzip-compressed (told by its first bytes), or a directory, which stands for the
     * files directly in it in the byte order of their names. Several sources are read in the order given, as if
     * concatenated (each file ending its last sentence); an empty file among several is skipped with a warning
     * ({@link Builder#onWarning}). No file may change while training runs.
     *
     * @return the trained vectors, one per vocabulary word, most frequent first; close them to free their memory.
     *     After {@link #stop()}, the vectors trained so far.
     * @throws IOException when a file cannot be read or written, or when an output ({@link Builder#saveVocabulary},
     *     {@link Builder#checkpoint}) is the same file as an input; nothing is written then
     * @throws TrainingException with a one-line message for a corpus that cannot be trained on (not a regular
     *     file, empty, binary, NUL bytes, changed during training, no word reaching the minimum count), a
     *     vocabulary file or checkpoint that does not fit, or a run that diverged
     * @throws InterruptedException when the calling thread is interrupted (training stops first)
     */
    public WordVectors train(Path... corpus) throws IOException, InterruptedException {
        return train(List.of(corpus));
    }

    /** As {@link #train(Path...)}. */
    public WordVectors train(List<Path> corpus) throws IOException, InterruptedException {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no corpus file given");
        }
        stopRequested = false;
        new OutputPolicy().output("saveVocabulary", saveVocabulary).output("checkpoint", checkpoint)
                .inputs("corpus", Corpus.filesOf(corpus)).input("readVocabulary", readVocabulary)
                .inputReadFirst("resumeFrom", resumeFrom, "checkpoint").check();
        try {
            Corpus sources = Corpus.of(corpus);
            for (Corpus.Warning w : sources.warnings()) {
                warningListener.accept(w.file() + ": " + w.reason());
            }
            TrainingJob job = new TrainingJob(config, sources).maxVocabulary(maxVocab)
                    .readVocabulary(readVocabulary).saveVocabulary(saveVocabulary).resume(resumeFrom);
            if (checkpoint != null) {
                job.checkpoints(checkpoint, checkpointEvery);
            }
            TrainingJob.Trained run = job.train(new Watcher());
            List<Path> inputs = new ArrayList<>(sources.files().stream().map(CorpusFile::path).toList());
            if (readVocabulary != null) {
                inputs.add(readVocabulary);
            }
            return new WordVectors(new w2v.model.WordVectors(run.vocabulary().words(), run.model().input(), null),
                    run.model(), inputs);
        } catch (CorpusException | VocabularyException | CheckpointException | DivergedException e) {
            throw new TrainingException(e.getMessage(), e);
        } finally {
            running = null;
            stopReporter();
        }
    }

    /** Attaches this object's listeners to the trainer the job builds. */
    private final class Watcher implements TrainingJob.Watcher {
        @Override
        public void training(Trainer trainer) {
            running = trainer;
            lastProgress = trainer.progress();
            intervalLoss = new IntervalLoss(trainer.progress());
            if (stopRequested) {
                trainer.requestStop();
            }
            if (epochListener != null) {
                String[] words = trainer.vocabulary().words();
                trainer.onEpochEnd((epoch, model) -> {
                    try (WordVectors view = new WordVectors(new w2v.model.WordVectors(words, model.input(), null))) {
                        epochListener.accept(epoch, view);
                    }
                });
            }
            if (progressListener != null) {
                reported = trainer.progress();
                reporter = startReporter(reported);
            }
        }
    }

    /** Ends the progress reports with one for where training ended. */
    private void stopReporter() throws InterruptedException {
        Thread r = reporter;
        if (r != null) {
            r.interrupt();
            r.join();
            reporter = null;
            progressListener.accept(progress(reported));
        }
    }

    /**
     * Trains on sentences the caller supplies, each a list of words (no word may be empty or contain whitespace).
     * The sentences are read once, streamed to a temporary file (deleted afterwards) and trained on as
     * {@link #train(Path...)} does, so a one-shot iterator works and memory does not grow with the corpus.
     */
    public WordVectors train(Iterable<? extends List<String>> sentences) throws IOException, InterruptedException {
        Objects.requireNonNull(sentences, "sentences");
        return train(sentences.iterator());
    }

    /** As {@link #train(Iterable)}, for a stream of sentences (consumed once). */
    public WordVectors train(Stream<? extends List<String>> sentences) throws IOException, InterruptedException {
        Objects.requireNonNull(sentences, "sentences");
        try (sentences) {
            return train(sentences.iterator());
        }
    }

    private WordVectors train(Iterator<? extends List<String>> sentences) throws IOException, InterruptedException {
        Path spool = Files.createTempFile("w2v-corpus-", ".txt");
        try {
            spool(sentences, spool);
            return train(spool);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** One line per sentence, words separated by one space: the corpus format {@link #train(Path...)} reads. */
    static void spool(Iterator<? extends List<String>> sentences, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long n = 0;
            while (sentences.hasNext()) {
                List<String> sentence = sentences.next();
                n++;
                if (sentence == null) {
                    throw new IllegalArgumentException("sentence " + n + " is null");
                }
                boolean first = true;
                for (String word : sentence) {
                    checkWord(word, n);
                    if (!first) {
                        w.write(' ');
                    }
                    w.write(word);
                    first = false;
                }
                w.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void checkWord(String word, long sentence) {
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException("sentence " + sentence + " has an empty or null word");
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0)) {
                throw new IllegalArgumentException("sentence " + sentence + ": the word '" + word.strip()
                        + "' contains whitespace or NUL; split it into words first");
            }
        }
    }

    /**
     * Ends the training in progress after each worker's current sentence; {@code train} then returns the vectors
     * trained so far. A stop asked for before the corpus is read ends the next training at once.
     */
    public void stop() {
        stopRequested = true;
        Trainer t = running;
        if (t != null) {
            t.requestStop(); // a trainer built after this sees stopRequested in Watcher.training
        }
    }

    private Thread startReporter(TrainingProgress p) {
        return Thread.ofPlatform().daemon().name("w2v-progress-listener").start(() -> {
            try {
                while (true) {
                    Thread.sleep(progressEvery);
                    progressListener.accept(progress(p));
                }
            } catch (InterruptedException e) {
                // training is over; train() sends the last report
            }
        });
    }

    private Progress progress(TrainingProgress p) {
        double loss = intervalLoss.sinceLast();
        return new Progress(p.wordsDone(), p.target(), p.alpha(), p.wordsPerSecond(), p.elapsedSeconds(), loss,
                Arrays.stream(p.epochLosses()).boxed().toList());
    }

    /**
     * The mean loss per word trained of each epoch of the current (or else the last) training that every thread
     * has finished, in order; within {@link Builder#onEpochEnd} it includes the epoch just ended.
     */
    public double[] epochLosses() {
        TrainingProgress p = lastProgress;
        return p == null ? new double[0] : p.epochLosses();
    }

    /**
     * The settings of a training run. Each method names the {@code w2v train} flag it stands for; the defaults
     * are word2vec C's, except {@link #threads}, which defaults to the available processors.
     */
    public static final class Builder {
        private int dim = 100;
        private int window = 5;
        private double sample = 1e-3;
        private boolean hierarchicalSoftmax;
        private int negative = 5;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int epochs = 5;
        private long minCount = 5;
        private Float alpha;
        private boolean cbow = true;
        private long seed = 1;
        private Boolean batched;
        private QualityOptions quality = QualityOptions.C; // its minAlpha unless minAlphaPreset is set
        private Preset minAlphaPreset; // a preset's -min-alpha (of alpha and epochs) until minAlpha is called
        private long maxVocab;
        private Path readVocabulary;
        private Path saveVocabulary;
        private Consumer<Progress> progressListener;
        private Duration progressEvery = Duration.ofSeconds(1);
        private Consumer<String> warningListener =
                w -> System.getLogger(Word2Vec.class.getName()).log(System.Logger.Level.WARNING, w);
        private BiConsumer<Integer, WordVectors> epochListener;
        private Path checkpoint;
        private Duration checkpointEvery;
        private Path resumeFrom;

        private Builder() {
        }

        /** {@code -cbow 0}: skip-gram, predicting each context word from the centre word. */
        public Builder skipGram() {
            cbow = false;
            return this;
        }

        /** {@code -cbow 1} (the default): CBOW, predicting the centre word from the mean of its context. */
        public Builder cbow() {
            cbow = true;
            return this;
        }

        /** {@code -size}: the vector dimension (default 100). */
        public Builder dimensions(int dimensions) {
            this.dim = dimensions;
            return this;
        }

        /** {@code -window}: the largest distance between centre and context word (default 5). */
        public Builder window(int window) {
            this.window = window;
            return this;
        }

        /** {@code -sample}: subsample words more frequent than this (default 1e-3; 0 turns it off). */
        public Builder sample(double sample) {
            this.sample = sample;
            return this;
        }

        /** {@code -hs}: hierarchical softmax over a Huffman tree of the vocabulary (default off). */
        public Builder hierarchicalSoftmax(boolean on) {
            this.hierarchicalSoftmax = on;
            return this;
        }

        /** {@code -negative}: negative samples per pair, from unigram^0.75 (default 5; 0 turns it off). */
        public Builder negative(int negative) {
            this.negative = negative;
            return this;
        }

        /** {@code -threads}: worker threads (default: the available processors). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** {@code -iter}: passes over the corpus (default 5). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** {@code -min-count}: words seen fewer times are dropped (default 5). */
        public Builder minCount(long minCount) {
            this.minCount = minCount;
            return this;
        }

        /** {@code -alpha}: the starting learning rate (default 0.025 for skip-gram, 0.05 for CBOW). */
        public Builder alpha(float alpha) {
            this.alpha = alpha;
            return this;
        }

        /** {@code -seed}: initial vectors and every thread's random numbers derive from it (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * {@code -batch}: skip-gram updates each window as one matrix product (default: on with negative sampling
         * alone, off otherwise).
         */
        public Builder batched(boolean on) {
            this.batched = on;
            return this;
        }

        /**
         * {@code -min-alpha}: the learning rate decays linearly from {@link #alpha} to exactly {@code minAlpha} at
         * the last word, as gensim's min_alpha (default: word2vec C's decay towards 0, floored at alpha x 1e-4).
         * Must be in [0, alpha].
         */
        public Builder minAlpha(float minAlpha) {
            minAlphaPreset = null;
            quality = new QualityOptions(minAlpha, quality.cbowMean(), quality.init());
            return this;
        }

        /**
         * {@code -cbow-mean}: with CBOW, true (the default) takes the mean of the context vectors and adds the whole
         * gradient to each, as word2vec C and gensim (cbow_mean=1) do; false takes their sum and adds the gradient
         * divided by the context size to each, as gensim's cbow_mean=0.
         */
        public Builder cbowMean(boolean on) {
            quality = new QualityOptions(quality.minAlpha(), on, quality.init());
            return this;
        }

        /**
         * {@code -init}: the range the input vectors start in, uniform in [-0.5/dim, 0.5/dim) with
         * {@link Initialization#C} (the default) or [-1/dim, 1/dim) with {@link Initialization#GENSIM} (gensim 4's).
         */
        public Builder init(Initialization init) {
            quality = new QualityOptions(quality.minAlpha(), quality.cbowMean(), Objects.requireNonNull(init, "init"));
            return this;
        }

        /**
         * {@code -preset}: sets {@link #minAlpha} (as a fraction of {@link #alpha} divided by {@link #epochs},
         * whenever those are set), {@link #cbowMean} and {@link #init} to the preset's values; those methods called
         * after it override them.
         */
        public Builder preset(Preset preset) {
            minAlphaPreset = preset;
            quality = new QualityOptions(TrainingConfig.C_SCHEDULE, preset.cbowMean(), preset.init());
            return this;
        }

        /** {@code -max-vocab}: bound memory while counting by pruning the rarest words (default 0: no bound). */
        public Builder maxVocabulary(long maxWords) {
            this.maxVocab = maxWords;
            return this;
        }

        /** {@code -read-vocab}: take the vocabulary ({@code word count} lines) from this file instead of counting. */
        public Builder readVocabulary(Path file) {
            this.readVocabulary = file;
            return this;
        }

        /** {@code -save-vocab}: write the vocabulary ({@code word count} lines, {@code </s>} first) to this file. */
        public Builder saveVocabulary(Path file) {
            this.saveVocabulary = file;
            return this;
        }

        /**
         * Calls {@code listener} about once a second while training runs (on a thread of its own), and once when
         * it ends.
         */
        public Builder onProgress(Consumer<Progress> listener) {
            this.progressListener = listener;
            return this;
        }

        /**
         * Receives, as one line naming the file, what training goes on without: an empty file among several
         * skipped, the subdirectories of a directory not read (default: a {@link System.Logger} warning).
         */
        public Builder onWarning(Consumer<String> listener) {
            this.warningListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How often {@link #onProgress} is called (default 1 second). */
        public Builder progressEvery(Duration every) {
            if (every == null || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("the progress interval must be positive (got " + every + ")");
            }
            this.progressEvery = every;
            return this;
        }

        /**
         * Calls {@code listener} after every epoch but the last with the epoch number (from 1) and the vectors as
         * they are, while the workers wait (so it sees a quiet model; evaluating there costs training time). The
         * vectors are valid only during the call.
         */
        public Builder onEpochEnd(BiConsumer<Integer, WordVectors> listener) {
            this.epochListener = listener;
            return this;
        }

        /**
         * {@code -checkpoint} and {@code -checkpoint-every}: write the whole training state to {@code file} every
         * {@code every} (null: only when stopped early), atomically; a failed periodic write keeps the previous
         * checkpoint and training goes on.
         */
        public Builder checkpoint(Path file, Duration every) {
            if (every != null && (every.isNegative() || every.isZero())) {
                throw new IllegalArgumentException("the checkpoint interval must be positive (got " + every + ")");
            }
            this.checkpoint = file;
            this.checkpointEvery = every;
            return this;
        }

        /**
         * {@code -resume}: continue the run saved in this checkpoint, with the same corpus and settings (anything
         * else is refused with a message naming the difference). With one thread the result equals, bit for bit,
         * a run that never stopped.
         */
        public Builder resumeFrom(Path checkpointFile) {
            this.resumeFrom = checkpointFile;
            return this;
        }

        /**
         * Checks every setting as {@code w2v train} checks its flags.
         *
         * @throws IllegalArgumentException naming the first bad setting by its flag, e.g. "-size must be between
         *     1 and 10000 (got 0)"
         */
        public Word2Vec build() {
            if (resumeFrom != null && readVocabulary != null) {
                throw new IllegalArgumentException(
                        "-resume takes the vocabulary from the checkpoint: drop -read-vocab");
            }
            if (maxVocab < 0) {
                throw new IllegalArgumentException("-max-vocab must be 0 (no bound) or more (got " + maxVocab + ")");
            }
            float a = alpha != null ? alpha : (cbow ? 0.05f : 0.025f);
            boolean batch = batched != null
                    ? batched : TrainingConfig.batchedByDefault(cbow, hierarchicalSoftmax, negative);
            TrainingConfig config = new TrainingConfig(dim, window, sample, hierarchicalSoftmax, negative, threads,
                    epochs, minCount, a, cbow, seed, batch).with(minAlphaPreset == null ? quality
                    : new QualityOptions(minAlphaPreset.minAlpha(a, epochs), quality.cbowMean(), quality.init()))
                    .validate();
            return new Word2Vec(this, config);
        }
    }
}
