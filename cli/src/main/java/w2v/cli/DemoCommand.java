package w2v.cli;

import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import w2v.data.Analogy;
import w2v.data.PlantedCorpus;
import w2v.data.Relation;
import w2v.eval.Analogies;
import w2v.eval.AnalogyEvaluation;
import w2v.search.Neighbour;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.files.AtomicFile;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.model.WordVectors;

/**
 * {@code w2v demo}: the README's first command. Generates a corpus whose structure is known (pairs such as a
 * country and its capital that share topic words, with one role marker per side), trains skip-gram on it
 * through the same code path as {@code w2v train}, and shows that the vectors found the structure.
 */
final class DemoCommand implements Command {

    private static final long WORDS = 1_000_000;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "generate a small corpus with planted structure, train on it, show neighbours and an analogy";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.println("usage: w2v demo [DIRECTORY]   (default: a new temporary directory)");
            return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2;
        }
        Path dir = args.length == 1 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("w2v-demo");
        Path corpusFile = dir.resolve("corpus.txt");
        Path questions = dir.resolve("questions.txt");
        Path vectors = dir.resolve("vectors.bin");

        PlantedCorpus corpus = new PlantedCorpus(PlantedCorpus.Spec.defaults().withWords(WORDS));
        // Through the output policy like every other file w2v writes (DIRECTORY may hold links or older files).
        AtomicFile.replace(corpusFile, ch -> corpus.write(Channels.newOutputStream(ch)));
        AtomicFile.replace(questions, ch -> corpus.writeQuestions(Channels.newOutputStream(ch)));
        out.printf(Locale.ROOT, "Generated %,d words with %d planted relations (%d analogy questions) in %s%n",
                WORDS, corpus.relations().size(), corpus.analogies().size(), corpusFile);

        String[] train = {"-train", corpusFile.toString(), "-output", vectors.toString(), "-binary", "1",
                "-cbow", "0", "-size", "50", "-window", "5", "-negative", "5", "-sample", "1e-3", "-iter", "5",
                "-min-count", "5", "-debug", "1"};
        out.println("Training: w2v train " + String.join(" ", train));
        int code = new TrainCommand().run(train, out, err);
        if (code != 0) {
            return code;
        }

        try (WordVectors v = VectorReader.read(vectors, ReadOptions.DEFAULT);
             NormalizedMatrix m = NormalizedMatrix.of(v)) {
            Relation capitals = corpus.relations().get(0);
            Relation.Pair pair = capitals.pairs().get(0);
            Neighbours neighbours = new Neighbours(m);
            for (String word : List.of(pair.x(), pair.y())) {
                out.println();
                out.println("Nearest neighbours of '" + word + "' (planted: its partner, its topic words and the other "
                        + (word.equals(pair.x()) ? capitals.xRole() : capitals.yRole()) + " words):");
                var result = neighbours.similar(List.of(List.of(word)), 8).get(0);
                for (Neighbour n : result.neighbours()) {
                    boolean planted = corpus.expectedNeighbours(word).contains(n.word());
                    out.printf(Locale.ROOT, "  %-16s %.3f%s%n", n.word(), n.score(), planted ? "  (planted)" : "");
                }
            }
            Analogy q = corpus.analogies().get(1);
            var answer = new Analogies(m).solve(List.of(new Analogies.Question(q.a(), q.b(), q.c())),
                    Analogies.Method.ADD, 3).get(0);
            out.println();
            out.printf("Analogy: %s is to %s as %s is to ?  (planted answer: %s)%n", q.a(), q.b(), q.c(), q.d());
            for (Neighbour n : answer.answers()) {
                out.printf(Locale.ROOT, "  %-16s %.3f%s%n", n.word(), n.score(), n.word().equals(q.d()) ? "  <- right" : "");
            }
            AnalogyEvaluation.Result all = AnalogyEvaluation.evaluate(v, questions, 30_000);
            out.println();
            out.printf(Locale.ROOT, "All %d planted analogies: %.1f%% answered right%n",
                    all.total().correct() + all.total().incorrect(), 100.0 * all.total().correct()
                            / Math.max(1, all.total().correct() + all.total().incorrect()));
        }
        out.println();
        out.println("Try: bin/w2v similar " + vectors + " " + pair0(corpus) + "   or   bin/w2v eval " + vectors
                + " --analogies " + questions);
        return 0;
    }

    private static String pair0(PlantedCorpus corpus) {
        return corpus.relations().get(0).pairs().get(0).y();
    }
}
