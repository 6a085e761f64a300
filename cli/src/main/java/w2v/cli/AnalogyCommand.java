package w2v.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.spi.StopOptionHandler;
import w2v.eval.Analogies;
import w2v.search.NormalizedMatrix;
import w2v.model.WordVectors;

/**
 * {@code w2v analogy FILE A B C [-k 10] [--method add|mul]}: B - A + C, or word2vec C's {@code word-analogy}
 * prompt.
 */
public final class AnalogyCommand extends QueryCommand<AnalogyCommand.Options> {

    static final String PROMPT = "Enter three words (EXIT to break): ";

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE [A B C...]", usage = "vector file (word2vec text or binary), then word triples")
        List<String> arguments = new ArrayList<>();

        @Option(name = "-k", aliases = "--top", metaVar = "N", usage = "answers per question (default 10)")
        int k = 10;

        @Option(name = "--method", metaVar = "add|mul",
                usage = "add: 3CosAdd, cosine with b - a + c (word2vec, gensim most_similar); "
                        + "mul: 3CosMul of Levy and Goldberg 2014 (gensim most_similar_cosmul). Default add")
        String method = "add";

        @Option(name = "--restrict", metaVar = "N",
                usage = "answer only with the first N words of the file, the most frequent ones (default: all)")
        int restrict = Integer.MAX_VALUE;

        @Option(name = "--", handler = StopOptionHandler.class, usage = "everything after is a word")
        List<String> rest = new ArrayList<>();
    }

    public AnalogyCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    AnalogyCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "analogy";
    }

    @Override
    public String summary() {
        return "a is to b as c is to ? (b - a + c), 3CosAdd or 3CosMul (interactive without words)";
    }

    @Override
    String synopsis() {
        return "analogy FILE [A B C...] [-k N] [--method add|mul] [--restrict N]";
    }

    @Override
    String description() {
        return """
                Answers "A is to B as C is to ?": w2v analogy vectors.txt man king woman  ->  queen.
                Several triples may follow the file. The three words are never answers. A word missing from the
                file is looked up ignoring case. N may exceed the vocabulary: every other word is then listed.
                Without words, prompts for three words per line until EXIT or end of input, like word2vec's
                word-analogy. Exit code 1 when a word is not in the vocabulary or its vector is zero (or not
                finite) and so has no direction to compare.""";
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
        SimilarCommand.checkBounds(o.k, o.restrict);
        Analogies.Method method;
        try {
            method = Analogies.Method.parse(o.method);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> words = args.subList(1, args.size());
        if (words.size() % 3 != 0) {
            throw new UsageException("words come in threes (A B C: B - A + C), got " + words.size());
        }
        for (String w : words) {
            if (w.isBlank()) {
                throw new UsageException("an empty word; A, B and C each need one");
            }
        }
        Path file = Path.of(args.get(0));
        long start = System.nanoTime();
        try (WordVectors v = load(file, 0); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Analogies analogies = new Analogies(m);
            if (words.isEmpty()) {
                err.println("w2v analogy: " + v.size() + " words of dimension " + v.dim() + " from " + file + " in "
                        + seconds(start) + "; " + method.label());
                interactive(analogies, method, o, out);
                return 0;
            }
            List<Analogies.Question> questions = new ArrayList<>();
            for (int i = 0; i < words.size(); i += 3) {
                questions.add(new Analogies.Question(words.get(i), words.get(i + 1), words.get(i + 2)));
            }
            int status = 0;
            List<Analogies.Answer> answers = analogies.solve(questions, method, o.k, o.restrict);
            for (int i = 0; i < answers.size(); i++) {
                Analogies.Answer a = answers.get(i);
                if (!a.found()) {
                    err.println("w2v analogy: not in the vocabulary: " + String.join(", ", a.unknown()));
                    status = 1;
                    continue;
                }
                if (!a.answered()) {
                    err.println("w2v analogy: " + a.noDirection());
                    status = 1;
                    continue;
                }
                if (i > 0) {
                    out.println();
                }
                print(a, method, out);
            }
            return status;
        }
    }

    private void interactive(Analogies analogies, Analogies.Method method, Options o, PrintStream out)
            throws Exception {
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
            List<String> w = SimilarCommand.words(line);
            if (w.isEmpty()) {
                continue;
            }
            if (w.size() != 3) {
                out.println(w.size() + " words were entered; three are needed: A B C for B - A + C");
                continue;
            }
            Analogies.Answer a = analogies.solve(List.of(new Analogies.Question(w.get(0), w.get(1), w.get(2))),
                    method, o.k, o.restrict).get(0);
            if (!a.found()) {
                out.println("Out of dictionary word: " + String.join(", ", a.unknown()));
                continue;
            }
            if (!a.answered()) {
                out.println(a.noDirection());
                continue;
            }
            print(a, method, out);
            out.println();
        }
    }

    static void print(Analogies.Answer a, Analogies.Method method, PrintStream out) {
        Analogies.Question q = a.question();
        out.println(q.a() + " : " + q.b() + " :: " + q.c() + " : ?");
        SimilarCommand.printTable(a.answers(), method == Analogies.Method.ADD ? "cosine" : "3CosMul", out);
    }
}
