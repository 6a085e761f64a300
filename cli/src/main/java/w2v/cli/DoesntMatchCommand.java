package w2v.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.spi.StopOptionHandler;
import w2v.search.KeyedQueries;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.model.WordVectors;

/** {@code w2v doesnt-match FILE WORD...}: the word that goes least with the others, gensim's {@code doesnt_match}. */
public final class DoesntMatchCommand extends QueryCommand<DoesntMatchCommand.Options> {

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE WORD...", usage = "vector file (word2vec text or binary), then two words or more")
        List<String> arguments = new ArrayList<>();

        @Option(name = "--", handler = StopOptionHandler.class, usage = "everything after is a word")
        List<String> rest = new ArrayList<>();
    }

    /** The command reading vectors with the standard reader. */
    public DoesntMatchCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    DoesntMatchCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "doesnt-match";
    }

    @Override
    public String summary() {
        return "the word that goes least with the others";
    }

    @Override
    String synopsis() {
        return "doesnt-match FILE WORD WORD...";
    }

    @Override
    String description() {
        return """
                Prints the odd word out: w2v doesnt-match vectors.txt breakfast cereal dinner lunch  ->  cereal.
                It is the word whose unit vector is least similar to the normalised mean of all the words' unit
                vectors (gensim's doesnt_match). Like gensim, words not in the vocabulary are left out (listed on
                stderr); exit code 1 when none is in it. A word missing from the file is looked up ignoring case.""";
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
        if (words.size() < 2) {
            throw new UsageException("give two words or more after FILE, got " + words.size());
        }
        try (WordVectors v = load(Path.of(args.get(0)), 0); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Neighbours nb = new Neighbours(m);
            List<String> used = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String w : words) {
                int r = nb.lookup(w);
                if (r < 0) {
                    unknown.add(w);
                } else {
                    used.add(w);
                    rows.add(r);
                }
            }
            if (used.isEmpty()) {
                err.println("w2v doesnt-match: none of the words is in the vocabulary: " + String.join(", ", words));
                return 1;
            }
            if (!unknown.isEmpty()) {
                err.println("w2v doesnt-match: not in the vocabulary, left out: " + String.join(", ", unknown));
            }
            int odd = KeyedQueries.doesntMatch(m, rows.stream().mapToInt(Integer::intValue).toArray(), used);
            out.println(used.get(odd));
            return 0;
        }
    }
}
