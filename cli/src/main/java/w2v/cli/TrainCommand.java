package w2v.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.ParserProperties;
import w2v.cluster.KMeans;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusChangedException;
import w2v.corpus.CorpusException;
import w2v.eval.AnalogyEvaluation;
import w2v.io.ClassesWriter;
import w2v.files.OutputException;
import w2v.files.OutputPolicy;
import w2v.io.VectorWriter;
import w2v.model.Model;
import w2v.model.WordVectors;
import w2v.train.Trainer;
import w2v.train.TrainingJob;
import w2v.train.checkpoint.Checkpoint;
import w2v.train.checkpoint.CheckpointFile;
import w2v.train.config.Initialization;
import w2v.train.config.Preset;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;
import w2v.vocab.VocabularyException;
import w2v.vocab.VocabularyFile;

/**
 * {@code w2v train}: word2vec C's flags with C's meanings and defaults, except -threads, which defaults to the
 * available cores.
 */
final class TrainCommand implements Command {

    /** Evaluate on the most frequent words only, as word2vec C's compute-accuracy and most papers do. */
    static final int EVAL_RESTRICT = 30_000;
    static final String DEFAULT_CHECKPOINT_EVERY = "10m";
    /** Beyond this, K-means classes would be a few words each; the vocabulary bounds it further. */
    static final int MAX_CLASSES = 1_000_000;

    @Option(name = "-train", metaVar = "FILE|DIR", usage = "text to train on: words separated by spaces, one sentence "
            + "per line; plain or gzip; a directory stands for the files directly in it; repeat -train for more")
    List<Path> train = new ArrayList<>();
    // Outputs are kept as typed: a Path would drop a trailing '/', which the output policy refuses.
    @Option(name = "-output", metaVar = "FILE", usage = "where to write the word vectors (none: only build the vocabulary)")
    String output;
    @Option(name = "-size", metaVar = "N", usage = "vector dimension (default 100)")
    int size = 100;
    @Option(name = "-window", metaVar = "N", usage = "max distance between centre and context word (default 5)")
    int window = 5;
    @Option(name = "-sample", metaVar = "X", usage = "down-sample words with frequency above X (default 1e-3; 0 = off)")
    double sample = 1e-3;
    @Option(name = "-hs", metaVar = "0|1", usage = "hierarchical softmax (default 0)")
    int hs = 0;
    @Option(name = "-negative", metaVar = "N", usage = "negative samples per pair (default 5; 0 = off)")
    int negative = 5;
    @Option(name = "-threads", metaVar = "N", usage = "worker threads (default: available cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(name = "-iter", metaVar = "N", usage = "epochs (default 5)")
    int iter = 5;
    @Option(name = "-min-count", metaVar = "N", usage = "discard words seen fewer than N times (default 5)")
    long minCount = 5;
    @Option(name = "-alpha", metaVar = "X", usage = "starting learning rate (default 0.025 skip-gram, 0.05 CBOW)")
    Float alpha;
    @Option(name = "-binary", metaVar = "0|1", usage = "write the binary format (default 0: text)")
    int binary = 0;
    @Option(name = "-cbow", metaVar = "0|1", usage = "CBOW (default 1); 0 = skip-gram")
    int cbow = 1;
    @Option(name = "-classes", metaVar = "N", usage = "write N word classes instead of the vectors: 'word class' "
            + "lines, K-means on the vectors as word2vec C does (default 0: the vectors; -binary does not apply)")
    int classes = 0;
    @Option(name = "-max-vocab", metaVar = "N", usage = "bound memory while counting: prune the rarest words "
            + "when more than N distinct words are held (0 = no bound, the default)")
    long maxVocab = 0;
    @Option(name = "-save-vocab", metaVar = "FILE", usage = "write the vocabulary ('word count' lines)")
    String saveVocab;
    @Option(name = "-read-vocab", metaVar = "FILE", usage = "take the vocabulary from FILE instead of counting")
    Path readVocab;
    @Option(name = "-debug", metaVar = "N", usage = "0 quiet, 1 summary, 2 progress (default), 3 also stack traces")
    int debug = 2;
    @Option(name = "-seed", metaVar = "N", usage = "random seed (default 1); with -threads 1 runs are identical")
    long seed = 1;
    @Option(name = "-batch", metaVar = "0|1", usage = "skip-gram with one loss: update each window as one "
            + "matrix product (HogBatch; default 1 with negative sampling, 0 with -hs 1)")
    Integer batch;
    @Option(name = "-cbow-mean", metaVar = "0|1", usage = "CBOW: the mean of the context, each context word taking "
            + "the whole gradient (1, the default: C's and gensim's rule); 0: the sum, each taking the gradient divided "
            + "by the context size (gensim's cbow_mean=0)")
    int cbowMean = 1;
    @Option(name = "-init", metaVar = "c|gensim", usage = "input vectors start uniform in [-0.5/size, 0.5/size) "
            + "(c, the default) or in [-1/size, 1/size) (gensim)")
    String init = Initialization.C.flag();
    @Option(name = "-discard-on-interrupt", usage = "on SIGINT/SIGTERM write nothing (default: write the vectors "
            + "trained so far)")
    boolean discardOnInterrupt;
    @Option(name = "-eval", metaVar = "FILE", usage = "after training, evaluate on an analogy file "
            + "(questions-words.txt format; first 30000 words, as gensim's restrict_vocab); checked before training")
    Path eval;
    @Option(name = "-eval-every-epoch", usage = "with -eval: also evaluate after each epoch (workers pause meanwhile)")
    boolean evalEveryEpoch;
    @Option(name = "-checkpoint", metaVar = "FILE", usage = "write the full training state to FILE every "
            + "-checkpoint-every and when interrupted; continue later with -resume FILE")
    String checkpoint;
    @Option(name = "-checkpoint-every", metaVar = "T", usage = "with -checkpoint: how often, as 30s, 10m or 2h "
            + "(default " + DEFAULT_CHECKPOINT_EVERY + ")")
    String checkpointEvery;
    @Option(name = "-resume", metaVar = "FILE", usage = "continue the run saved in FILE (by -checkpoint); give the "
            + "same flags and training file as the run that wrote it")
    Path resume;
    @Option(name = "--help", aliases = "-help", help = true, usage = "show this help")
    boolean help;

    private Float minAlpha; // -min-alpha as given
    private Preset minAlphaPreset; // set by -preset when no -min-alpha follows it: a fraction of -alpha / -iter

    @Option(name = "-min-alpha", metaVar = "X", usage = "the learning rate decays linearly from -alpha to X over "
            + "the run, as gensim's min_alpha (default: word2vec C's decay to 0, floored at -alpha x 1e-4)")
    void minAlpha(float x) {
        minAlpha = x;
        minAlphaPreset = null;
    }

    /** Sets the options of the preset; flags after it override them (args4j calls these in command-line order). */
    @Option(name = "-preset", metaVar = "NAME", usage = "accurate: -init gensim and -min-alpha of "
            + "-alpha / (2 x -iter), with C's -cbow-mean (README lists what it sets and why); flags after it override "
            + "it")
    void preset(String name) {
        Preset p = Preset.of(name);
        minAlpha = null;
        minAlphaPreset = p;
        cbowMean = p.cbowMean() ? 1 : 0;
        init = p.init().flag();
    }

    private volatile boolean lastCheckpointFailed; // the newest checkpoint attempt failed: do not offer -resume
    private boolean vocabularySaved; // -save-vocab is written: a later failure has not written "nothing"
    /** Tests: sees the trainer just before it trains (to change the corpus at an epoch boundary, say). */
    Consumer<Trainer> beforeTraining = trainer -> { };

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train word vectors (word2vec C's flags: -train FILE -output FILE -size 100 ...)";
    }

    /** Entry for bare word2vec-style invocations ({@code w2v -train ...}). */
    int runOrReport(String[] args, PrintStream out, PrintStream err) {
        try {
            return run(args, out, err);
        } catch (Exception e) {
            err.println("w2v train: " + Errors.describe(e));
            return 1;
        }
    }

    /** Input files that cannot be trained on, or that changed meanwhile, end here as one line naming flag and file. */
    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        try {
            return parseAndRun(args, out, err);
        } catch (CorpusChangedException e) {
            err.println("w2v train: " + InputProblem.line("-train", e.file(), "changed during training ("
                    + e.change() + "); " + (vocabularySaved ? output + " not written" : "nothing written")));
            return 1;
        } catch (CorpusException e) {
            err.println("w2v train: " + InputProblem.line("-train", e.file(), e.reason()));
            return 1;
        } catch (InputProblem e) {
            err.println("w2v train: " + e.getMessage());
            return 1;
        }
    }

    private int parseAndRun(String[] args, PrintStream out, PrintStream err) throws Exception {
        CmdLineParser parser = new CmdLineParser(this, ParserProperties.defaults().withUsageWidth(100));
        try {
            parser.parseArgument(args);
        } catch (IllegalArgumentException e) { // a bad -preset NAME
            err.println("w2v train: " + e.getMessage());
            return 2;
        } catch (CmdLineException e) {
            // "-train shards/*" expands to several names after one flag
            String hint = e.getMessage().startsWith("No argument is allowed") && !train.isEmpty()
                    ? "; give each file its own -train, or -train the directory" : "";
            err.println("w2v train: " + e.getMessage() + hint + "; run 'w2v train --help' for the flags");
            return 2;
        }
        if (help) {
            out.println("usage: w2v train -train FILE|DIR [-train FILE|DIR ...] -output FILE [flags]");
            parser.printUsage(out);
            return 0;
        }
        if (train.isEmpty()) {
            err.println("w2v train: -train FILE is required; run 'w2v train --help' for the flags");
            return 2;
        }
        TrainingConfig config;
        Duration every;
        try {
            check(checkpointEvery == null || checkpoint != null, "-checkpoint-every needs -checkpoint FILE");
            every = DurationFlag.parse("-checkpoint-every",
                    checkpointEvery != null ? checkpointEvery : DEFAULT_CHECKPOINT_EVERY);
            check(resume == null || output != null, "-resume needs -output FILE");
            check(resume == null || readVocab == null, "-resume takes the vocabulary from the checkpoint: drop -read-vocab");
            check(hs == 0 || hs == 1, "-hs must be 0 or 1 (got " + hs + ")");
            check(cbow == 0 || cbow == 1, "-cbow must be 0 or 1 (got " + cbow + ")");
            check(binary == 0 || binary == 1, "-binary must be 0 or 1 (got " + binary + ")");
            float a = alpha != null ? alpha : (cbow == 1 ? 0.05f : 0.025f);
            check(classes >= 0 && classes <= MAX_CLASSES,
                    "-classes must be between 0 and " + MAX_CLASSES + " (got " + classes + ")");
            check(maxVocab >= 0, "-max-vocab must be 0 (no bound) or more (got " + maxVocab + ")");
            check(batch == null || batch == 0 || batch == 1, "-batch must be 0 or 1 (got " + batch + ")");
            boolean batched = batch != null
                    ? batch == 1 : TrainingConfig.batchedByDefault(cbow == 1, hs == 1, negative);
            check(cbowMean == 0 || cbowMean == 1, "-cbow-mean must be 0 or 1 (got " + cbowMean + ")");
            float endAlpha = minAlphaPreset != null ? minAlphaPreset.minAlpha(a, iter)
                    : minAlpha != null ? minAlpha : TrainingConfig.C_SCHEDULE;
            QualityOptions quality = new QualityOptions(endAlpha, cbowMean == 1, Initialization.of(init));
            config = new TrainingConfig(size, window, sample, hs == 1, negative, threads, iter, minCount, a,
                    cbow == 1, seed, batched).with(quality).validate();
        } catch (IllegalArgumentException e) {
            err.println("w2v train: " + e.getMessage());
            return 2;
        }
        if (debug >= 3) {
            System.setProperty("w2v.debug", "true");
        }
        // Fail before hours of training, not after, and never write over a file this run reads.
        String unwritable = null;
        try {
            new OutputPolicy()
                    .output("-output", output).output("-save-vocab", saveVocab).output("-checkpoint", checkpoint)
                    .inputs("-train", Corpus.filesOf(train)).input("-read-vocab", readVocab).input("-eval", eval)
                    // Read whole before training, then replaced atomically: continuing a run in place is the point.
                    .inputReadFirst("-resume", resume, "-checkpoint")
                    .check();
        } catch (OutputException e) {
            unwritable = e.getMessage();
        }
        if (evalEveryEpoch && eval == null) {
            err.println("w2v train: -eval-every-epoch needs -eval FILE");
            return 2;
        }
        if (unwritable != null) {
            err.println("w2v train: " + unwritable);
            return 1;
        }
        AnalogyEvaluation.Questions questions = null;
        if (eval != null) {
            try {
                questions = AnalogyEvaluation.readQuestions(eval); // parsed once, used after each evaluation
            } catch (java.io.IOException e) {
                err.println("w2v train: -eval " + Errors.describe(e));
                return 1;
            }
        }
        AnalogyEvaluation.Options evalOptions = AnalogyEvaluation.Options.DEFAULT.withRestrict(EVAL_RESTRICT);
        Path outputFile = output == null ? null : Path.of(output);
        Path checkpointFile = checkpoint == null ? null : Path.of(checkpoint);

        Corpus corpus = Corpus.of(train);
        for (Corpus.Warning w : corpus.warnings()) {
            err.println("w2v train: warning: " + InputProblem.line("-train", w.file(), w.reason()));
        }
        if (resume != null) {
            InputProblem.check("-resume", resume, "checkpoint", CheckpointFile.NEEDS_REGULAR);
        }
        if (readVocab != null) {
            InputProblem.check("-read-vocab", readVocab, "vocabulary file", VocabularyFile.NEEDS_REGULAR);
        }
        TrainingJob job = new TrainingJob(config, corpus).maxVocabulary(maxVocab).readVocabulary(readVocab)
                .resume(resume);
        if (checkpoint != null) {
            job.checkpoints(checkpointFile, every);
        }
        Reports reports = new Reports(config, out, err, questions, evalOptions);
        Vocabulary vocab;
        try {
            vocab = job.vocabulary(reports, output != null);
        } catch (VocabularyException e) { // its messages start with the file's name
            throw new InputProblem((readVocab != null ? "-read-vocab " : "-train ") + e.getMessage());
        } finally {
            reports.stopPrinter();
        }
        if (classes > vocab.size()) {
            err.println("w2v train: -classes " + classes + " is more than the " + vocab.size()
                    + " words of the vocabulary");
            return 2;
        }
        if (saveVocab != null) {
            VocabularyFile.write(vocab, Path.of(saveVocab));
            vocabularySaved = true;
        }
        if (output == null) {
            if (debug > 0) {
                err.println("No -output given: vocabulary only.");
            }
            return 0;
        }

        try (InterruptGuard guard = InterruptGuard.install(reports::requestStop)) {
            TrainingJob.Trained run;
            try {
                run = job.train(reports);
            } finally {
                reports.stopPrinter();
            }
            Trainer trainer = run.trainer();
            try (Model model = run.model()) {
                String done = String.format(Locale.ROOT, "%.1f%%", 100 * trainer.progress().fraction());
                if (guard.interrupted() && discardOnInterrupt) {
                    err.println("w2v train: interrupted at " + done + "; nothing written (-discard-on-interrupt)");
                    return 130;
                }
                long t0 = System.nanoTime();
                WordVectors vectors = new WordVectors(vocab.words(), model.input(), null);
                String written;
                if (classes > 0) {
                    ClassesWriter.write(vectors, KMeans.classes(vectors, classes), outputFile);
                    written = String.format(Locale.ROOT, "%,d classes of %,d words (K-means, %d passes)",
                            classes, vocab.size(), KMeans.ITERATIONS);
                } else {
                    VectorWriter.write(vectors, outputFile,
                            binary == 1 ? VectorWriter.Format.BINARY : VectorWriter.Format.TEXT, config.threads());
                    written = String.format(Locale.ROOT, "%,d x %d vectors (%s)",
                            vocab.size(), config.dim(), binary == 1 ? "binary" : "text");
                }
                double writeSeconds = (System.nanoTime() - t0) / 1e9;
                if (guard.interrupted()) {
                    err.println("w2v train: interrupted at " + done + "; wrote the "
                            + (classes > 0 ? "classes of the vectors" : "vectors") + " trained so far to " + outputFile
                            + (checkpointFile == null ? ""
                                    : lastCheckpointFailed ? "; the checkpoint of this point could not be written"
                                    : "; continue with -resume " + checkpointFile));
                    return 130;
                }
                if (debug > 0) {
                    err.println(Summary.training(trainer.progress(), config, written, outputFile, writeSeconds));
                }
                if (debug >= 2) {
                    err.println("Memory: " + trainer.memory());
                }
                if (questions != null) {
                    report(AnalogyEvaluation.evaluate(vectors, questions, evalOptions), out, err);
                }
            }
        }
        return 0;
    }

    /**
     * The -eval report, or one line when no question could be asked (every one has a word outside the
     * vocabulary): a warning, since the vectors are written and fine.
     */
    private void report(AnalogyEvaluation.Result r, PrintStream out, PrintStream err) {
        if (r.noAnswer() != null) {
            err.println("w2v train: warning: -eval " + eval + ": " + r.noAnswer());
        } else {
            out.print(r.format());
        }
    }

    /** What {@code w2v train} prints as the job runs, and the listeners it attaches to the trainer. */
    private final class Reports implements TrainingJob.Watcher {
        private final TrainingConfig config;
        private final PrintStream out;
        private final PrintStream err;
        private final AnalogyEvaluation.Questions questions;
        private final AnalogyEvaluation.Options evalOptions;
        private ProgressPrinter printer;
        private volatile Trainer trainer;
        private volatile boolean stopRequested;

        Reports(TrainingConfig config, PrintStream out, PrintStream err, AnalogyEvaluation.Questions questions,
                AnalogyEvaluation.Options evalOptions) {
            this.config = config;
            this.out = out;
            this.err = err;
            this.questions = questions;
            this.evalOptions = evalOptions;
        }

        @Override
        public void counting(VocabularyBuilder builder, long corpusBytes) {
            printer = debug >= 2 ? ProgressPrinter.start(builder, corpusBytes, err) : null;
        }

        @Override
        public void counted(VocabularyBuilder builder, Vocabulary vocabulary) {
            try {
                stopPrinter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the next blocking step of the run sees it
            }
            if (debug > 0) {
                err.println(Summary.vocabulary(builder.stats(), vocabulary, config.minCount()));
            }
        }

        @Override
        public void read(Path file, Vocabulary vocabulary) {
            if (debug > 0) {
                err.printf("Vocabulary: %,d words read from %s%n", vocabulary.size(), file);
            }
        }

        @Override
        public void resuming(Path file, Checkpoint c) {
            if (debug > 0) {
                err.printf(Locale.ROOT, "Resuming from %s: %.1f%% done, %,d words%n", file,
                        100.0 * c.wordsDone() / (c.vocabulary().totalCount() * (double) config.epochs()),
                        c.wordsDone());
            }
        }

        @Override
        public void training(Trainer t) {
            trainer = t;
            if (checkpoint != null) {
                // AtomicFile's message already says "cannot write FILE: why"; the previous checkpoint is untouched.
                t.onCheckpointFailure(e -> {
                    lastCheckpointFailed = true;
                    err.println("\nw2v train: warning: " + e.getMessage()
                            + "; the previous checkpoint is kept and training goes on");
                });
                String lineBreak = debug >= 2 ? "\n" : ""; // leave the progress line in place on a terminal
                t.onCheckpoint(ms -> {
                    lastCheckpointFailed = false;
                    if (debug > 0) {
                        err.printf(Locale.ROOT, "%sCheckpoint: %s at %.1f%% (%.1f s)%n",
                                lineBreak, checkpoint, 100 * t.progress().fraction(), ms / 1000.0);
                    }
                });
            }
            if (evalEveryEpoch) {
                String[] words = t.vocabulary().words();
                t.onEpochEnd((epoch, m) -> {
                    var r = AnalogyEvaluation.evaluate(new WordVectors(words, m.input(), null), questions, evalOptions);
                    out.println("After epoch " + epoch + " of " + config.epochs() + ":");
                    report(r, out, err);
                    out.flush();
                });
            }
            beforeTraining.accept(t);
            if (stopRequested) {
                t.requestStop(); // the signal came while the trainer was being built
            }
            printer = debug >= 2 ? ProgressPrinter.start(t.progress(), err) : null;
        }

        /** SIGINT or SIGTERM: the workers stop after their sentence (nothing to stop before training starts). */
        void requestStop() {
            stopRequested = true;
            Trainer t = trainer;
            if (t != null) {
                t.requestStop();
            }
        }

        void stopPrinter() throws InterruptedException {
            if (printer != null) {
                printer.stop();
                printer = null;
            }
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
