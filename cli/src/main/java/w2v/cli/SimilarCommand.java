package w2v.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.spi.StopOptionHandler;
import w2v.search.Neighbour;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.model.WordVectors;

/** {@code w2v similar FILE WORD... [-k 10]}: nearest neighbours by cosine, or word2vec C's {@code distance} prompt. */
public final class SimilarCommand extends QueryCommand<SimilarCommand.Options> {

    static final String PROMPT = "Enter word or sentence (EXIT to break): ";

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE [QUERY...]", usage = "vector file (word2vec text or binary), then queries")
        List<String> arguments = new ArrayList<>();

        @Option(name = "-k", aliases = "--top", metaVar = "N", usage = "neighbours per query (default 10)")
        int k = 10;

        @Option(name = "--restrict", metaVar = "N",
                usage = "answer only with the first N words of the file, the most frequent ones (default: all)")
        int restrict = Integer.MAX_VALUE;

        @Option(name = "--negative", metaVar = "WORD",
                usage = "subtract WORD from every query, as gensim's most_similar(negative=...); repeatable")
        List<String> negative = new ArrayList<>();

        @Option(name = "--", handler = StopOptionHandler.class, usage = "everything after is a query")
        List<String> rest = new ArrayList<>();
    }

    public SimilarCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    SimilarCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "similar";
    }

    @Override
    public String summary() {
        return "nearest neighbours of words by cosine (interactive without words)";
    }

    @Override
    String synopsis() {
        return "similar FILE [QUERY...] [--negative WORD]... [-k N] [--restrict N]";
    }

    @Override
    String description() {
        return """
                Prints the N words closest to each QUERY by cosine similarity. A QUERY is a word, or several words
                in one argument ("king woman"), whose unit vectors are summed, like word2vec's distance tool; the
                query words themselves are never listed. A word missing from the file is looked up ignoring case.
                N may exceed the vocabulary: every other word is then listed. Without queries, prompts for one
                query per line until EXIT or end of input (blank lines are skipped).
                --negative WORD subtracts WORD from every query, as in gensim's most_similar: king - man + woman is
                  w2v similar vectors.txt "king woman" --negative man
                (a flag rather than a "-man" prefix, which would read as an option and clash with words that start
                with '-'; such a word is typed after --, or as the value of --negative).
                Exit code 1 when a query word is not in the vocabulary or its vector is zero (or not finite) and
                so has no direction to compare.""";
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
        checkBounds(o.k, o.restrict);
        Path file = Path.of(args.get(0));
        List<String> queries = args.subList(1, args.size());
        if (!o.negative.isEmpty() && queries.isEmpty()) {
            throw new UsageException("--negative needs a QUERY after FILE (the prompt takes positive words only)");
        }
        for (String q : queries) {
            if (q.isBlank() && o.negative.isEmpty()) { // with --negative, "" asks for negative words alone
                throw new UsageException("an empty query; each query needs at least one word");
            }
        }
        long start = System.nanoTime();
        try (WordVectors v = load(file, 0); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Neighbours nb = new Neighbours(m);
            if (queries.isEmpty()) {
                err.println("w2v similar: " + v.size() + " words of dimension " + v.dim() + " from " + file + " in "
                        + seconds(start));
                interactive(nb, o, out);
                return 0;
            }
            if (!o.negative.isEmpty()) {
                return SignedQueries.print(nb, queries, o.negative, o.k, o.restrict, out, err);
            }
            List<List<String>> batch = new ArrayList<>();
            for (String q : queries) {
                batch.add(words(q));
            }
            int status = 0;
            List<Neighbours.Result> results = nb.similar(batch, o.k, o.restrict);
            for (int i = 0; i < results.size(); i++) {
                Neighbours.Result r = results.get(i);
                if (!r.found()) {
                    err.println("w2v similar: not in the vocabulary: " + String.join(", ", r.unknown()));
                    status = 1;
                    continue;
                }
                if (!r.answered()) {
                    err.println("w2v similar: " + r.noDirection());
                    status = 1;
                    continue;
                }
                if (i > 0) {
                    out.println();
                }
                print(m, r, out);
            }
            return status;
        }
    }

    private void interactive(Neighbours nb, Options o, PrintStream out) throws Exception {
        BufferedReader in = stdin();
        while (true) {
            out.print(PROMPT);
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return;
            }
            line = line.strip();
            if (line.equals("EXIT")) {
                return;
            }
            List<String> words = words(line);
            if (words.isEmpty()) {
                continue;
            }
            Neighbours.Result r = nb.similar(List.of(words), o.k, o.restrict).get(0);
            if (!r.found()) {
                out.println("Out of dictionary word: " + String.join(", ", r.unknown()));
                continue;
            }
            if (!r.answered()) {
                out.println(r.noDirection());
                continue;
            }
            print(nb.matrix(), r, out);
            out.println();
        }
    }

    /** -k and --restrict of the query commands: below 1 they could only give empty answers. */
    static void checkBounds(int k, int restrict) throws UsageException {
        if (k < 1) {
            throw new UsageException("-k must be at least 1, got " + k);
        }
        if (restrict < 1) {
            throw new UsageException("--restrict must be at least 1, got " + restrict);
        }
    }

    static List<String> words(String query) {
        String s = query.strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    /** The query line (words as found, with their rows) and the ranked neighbours with their cosines. */
    static void print(NormalizedMatrix m, Neighbours.Result r, PrintStream out) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < r.rows().length; i++) {
            head.append(i > 0 ? " + " : "").append(m.word(r.rows()[i])).append(" (#").append(r.rows()[i] + 1)
                    .append(')');
        }
        out.println(head);
        printTable(r.neighbours(), "cosine", out);
    }

    static void printTable(List<Neighbour> hits, String scoreName, PrintStream out) {
        int width = 4;
        for (Neighbour n : hits) {
            width = Math.max(width, n.word().length());
        }
        out.println(String.format(Locale.ROOT, "%4s  %-" + width + "s  %s", "rank", "word", scoreName));
        for (int i = 0; i < hits.size(); i++) {
            Neighbour n = hits.get(i);
            out.println(String.format(Locale.ROOT, "%4d  %-" + width + "s  %.6f", i + 1, n.word(), n.score()));
        }
    }
}
