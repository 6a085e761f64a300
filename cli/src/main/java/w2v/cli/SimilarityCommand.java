package w2v.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.spi.StopOptionHandler;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.model.WordVectors;

/** {@code w2v similarity FILE [A B]...}: the cosine similarity of word pairs, gensim's {@code similarity}. */
public final class SimilarityCommand extends QueryCommand<SimilarityCommand.Options> {

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE [A B...]", usage = "vector file (word2vec text or binary), then word pairs")
        List<String> arguments = new ArrayList<>();

        @Option(name = "--", handler = StopOptionHandler.class, usage = "everything after is a word")
        List<String> rest = new ArrayList<>();
    }

    /** The command reading vectors with the standard reader and pairs from {@code System.in}. */
    public SimilarityCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    SimilarityCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "similarity";
    }

    @Override
    public String summary() {
        return "cosine similarity of word pairs (pairs from standard input without words)";
    }

    @Override
    String synopsis() {
        return "similarity FILE [A B...]";
    }

    @Override
    String description() {
        return """
                Prints the cosine similarity of A and B, one line per pair: w2v similarity vectors.txt king queen.
                Without words, reads pairs "A B" from standard input, one per line, and prints one cosine per line
                (a blank line gives a blank line), so the output lines up with the input. A pair that cannot be
                scored (a word not in the vocabulary, a line without exactly two words) prints NaN, its reason goes
                to stderr, and the exit code is 1. A word missing from the file is looked up ignoring case.""";
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int run(Options o, PrintStream out, PrintStream err) throws Exception {
        List<String> args = new ArrayList<>(o.arguments);
        args.addAll(o.rest);
        if (args.isEmpty()) {
            throw new UsageException("no vector file given");
        }
        List<String> words = args.subList(1, args.size());
        if (words.size() % 2 != 0) {
            throw new UsageException("words come in pairs (A B), got " + words.size());
        }
        try (WordVectors v = load(Path.of(args.get(0)), 0); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Neighbours nb = new Neighbours(m);
            int status = 0;
            if (!words.isEmpty()) {
                for (int i = 0; i < words.size(); i += 2) {
                    status |= score(nb, words.get(i), words.get(i + 1), "", out, err);
                }
                return status;
            }
            BufferedReader in = stdin();
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                List<String> pair = SimilarCommand.words(line);
                if (pair.isEmpty()) {
                    out.println();
                } else if (pair.size() != 2) {
                    out.println("NaN");
                    err.println("w2v similarity: line " + lineNumber + ": expected two words (A B), got "
                            + pair.size());
                    status = 1;
                } else {
                    status |= score(nb, pair.get(0), pair.get(1), "line " + lineNumber + ": ", out, err);
                }
            }
            return status;
        }
    }

    /** Prints the pair's cosine, or NaN and the unknown words on stderr; returns the exit status. */
    private static int score(Neighbours nb, String a, String b, String where, PrintStream out, PrintStream err) {
        int ra = nb.lookup(a);
        int rb = nb.lookup(b);
        if (ra < 0 || rb < 0) {
            out.println("NaN");
            err.println("w2v similarity: " + where + "not in the vocabulary: "
                    + (ra < 0 && rb < 0 ? a + ", " + b : ra < 0 ? a : b));
            return 1;
        }
        out.println(String.format(Locale.ROOT, "%.6f", nb.matrix().cosine(ra, rb)));
        return 0;
    }
}
