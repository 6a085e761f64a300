package w2v.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.ParserProperties;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.files.OutputException;
import w2v.files.OutputPolicy;
import w2v.phrases.Phrases;

/**
 * {@code w2v phrases}: word2vec C's word2phrase, with its flags, defaults and output bytes; -threads and
 * -scoring npmi are additions.
 */
final class PhrasesCommand implements Command {

    @Option(name = "-train", metaVar = "FILE", usage = "text to find phrases in: words separated by spaces, one "
            + "sentence per line")
    Path train;
    @Option(name = "-output", metaVar = "FILE", usage = "where to write the text with the words of each phrase "
            + "joined by _")
    String output; // as typed: a Path would drop a trailing '/', which the output policy refuses
    @Option(name = "-min-count", metaVar = "N", usage = "never join words or bigrams seen fewer than N times "
            + "(default 5)")
    long minCount = 5;
    @Option(name = "-threshold", metaVar = "X", usage = "join a bigram when its score is above X; higher means "
            + "fewer phrases (default 100; with -scoring npmi give one in [-1, 1])")
    String threshold;
    @Option(name = "-scoring", metaVar = "default|npmi", usage = "default: word2phrase's (count(a_b) - min-count) "
            + "/ count(a) / count(b) * words; npmi: gensim's normalised pointwise mutual information")
    String scoring = "default";
    @Option(name = "-threads", metaVar = "N", usage = "threads (default: available cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(name = "-max-vocab", metaVar = "N", usage = "bound memory while counting: prune the rarest words and "
            + "bigrams when more than N are held, as word2phrase does beyond 350M (default 0: what half the heap "
            + "holds, at most 350M)")
    long maxVocab = 0;
    @Option(name = "-debug", metaVar = "N", usage = "0 quiet, 1 summary, 2 progress (default)")
    int debug = 2;
    @Option(name = "--help", aliases = "-help", help = true, usage = "show this help")
    boolean help;

    @Override
    public String name() {
        return "phrases";
    }

    @Override
    public String summary() {
        return "join frequent bigrams with _ (word2phrase's flags: -train FILE -output FILE -threshold 100 ...)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CmdLineParser parser = new CmdLineParser(this, ParserProperties.defaults().withUsageWidth(100));
        try {
            parser.parseArgument(args);
        } catch (CmdLineException e) {
            err.println("w2v phrases: " + e.getMessage() + "; run 'w2v phrases --help' for the flags");
            return 2;
        }
        if (help) {
            out.println("usage: w2v phrases -train FILE -output FILE [flags]");
            parser.printUsage(out);
            return 0;
        }
        Phrases.Options options;
        try {
            check(train != null, "-train FILE is required; run 'w2v phrases --help' for the flags");
            check(output != null, "-output FILE is required; run 'w2v phrases --help' for the flags");
            check(scoring.equals("default") || scoring.equals("npmi"),
                    "-scoring must be default or npmi (got '" + scoring + "')");
            boolean npmi = scoring.equals("npmi");
            check(!npmi || threshold != null, "-scoring npmi needs a -threshold in [-1, 1] (the default 100 is "
                    + "for the default scoring)");
            double t = threshold == null ? 100 : parseThreshold(threshold);
            check(!npmi || (t >= -1 && t <= 1), "-threshold " + threshold + " is outside [-1, 1], where npmi "
                    + "scores lie");
            check(minCount >= 1, "-min-count must be at least 1 (got " + minCount + ")");
            check(threads >= 1, "-threads must be at least 1 (got " + threads + ")");
            check(maxVocab >= 0, "-max-vocab must be 0 (the default bound) or more (got " + maxVocab + ")");
            options = Phrases.Options.defaults(threads).withMinCount(minCount).withThreshold(t)
                    .withScoring(npmi ? Phrases.Scoring.NPMI : Phrases.Scoring.DEFAULT);
            if (maxVocab > 0) {
                options = options.withMaxKeys(maxVocab);
            }
        } catch (IllegalArgumentException e) {
            err.println("w2v phrases: " + e.getMessage());
            return 2;
        }
        try {
            new OutputPolicy().output("-output", output).input("-train", train).check(); // before any work
        } catch (OutputException e) {
            err.println("w2v phrases: " + e.getMessage());
            return 1;
        }
        CorpusFile corpus;
        try {
            corpus = CorpusFile.of(train);
            Phrases.refuseGzip(corpus);
        } catch (CorpusException e) {
            err.println("w2v phrases: " + InputProblem.line("-train", e.file(), e.reason()));
            return 1;
        }

        Phrases phrases = new Phrases(options);
        ProgressPrinter printer = debug >= 2 ? ProgressPrinter.start(() -> progress(phrases, corpus.size()), err)
                : null;
        Phrases.Result r;
        try (InterruptGuard guard = InterruptGuard.install(phrases::requestStop)) {
            try {
                r = phrases.run(corpus, Path.of(output));
            } catch (CancellationException e) {
                err.println("w2v phrases: interrupted; " + output + " was not written");
                return 130;
            } catch (OutOfMemoryError e) {
                err.printf(Locale.ROOT, "w2v phrases: out of memory; give the JVM more (W2V_JAVA_OPTS=-Xmx...) or "
                        + "hold fewer words and bigrams while counting (-max-vocab, now %d)%n", options.maxKeys());
                return 1;
            } finally {
                if (printer != null) {
                    printer.stop();
                }
            }
        }
        if (debug > 0) {
            err.printf(Locale.ROOT, "Counted %,d words in %,d lines: %,d distinct words and bigrams, %,d seen at "
                    + "least %d times (%.1f s)%n", r.words(), r.lines(), r.distinct(), r.kept(), minCount,
                    r.countSeconds());
            if (r.pruned() > 0) {
                err.printf(Locale.ROOT, "Pruned %,d rare words and bigrams while counting (-max-vocab %d): the "
                        + "counts, and so the phrases, may differ from word2phrase's%n", r.pruned(), options.maxKeys());
            }
            err.printf(Locale.ROOT, "Joined %,d bigrams (%s scoring, threshold %s); wrote %s in %.1f s%n",
                    r.joined(), scoring, threshold == null ? "100" : threshold, output, r.writeSeconds());
        }
        return 0;
    }

    private static String progress(Phrases p, long size) {
        long counted = p.bytesCounted();
        return counted < size
                ? String.format(Locale.ROOT, "Phrases: counting %5.1f%%", 100.0 * counted / Math.max(1, size))
                : String.format(Locale.ROOT, "Phrases: writing  %5.1f%%", 100.0 * p.bytesRewritten() / Math.max(1, size));
    }

    /** As word2phrase reads it (atof into a float), but refusing what is not a finite number. */
    private static double parseThreshold(String s) {
        double t;
        try {
            t = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-threshold must be a number (got '" + s + "')");
        }
        check(Double.isFinite(t), "-threshold must be a finite number (got '" + s + "')");
        return t;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
