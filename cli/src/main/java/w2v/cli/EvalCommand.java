package w2v.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import w2v.eval.Analogies;
import w2v.eval.AnalogyEvaluation;
import w2v.eval.Json;
import w2v.search.NormalizedMatrix;
import w2v.eval.SimilarityEvaluation;
import w2v.model.WordVectors;

/**
 * {@code w2v eval FILE --analogies questions-words.txt [--restrict 30000] --similarity ws353.tsv ... [--json]}:
 * the standard scores, with the same figures as gensim's evaluate_word_analogies and evaluate_word_pairs.
 */
public final class EvalCommand extends QueryCommand<EvalCommand.Options> {

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE", usage = "vector file (word2vec text or binary)")
        List<String> arguments = new ArrayList<>();

        @Option(name = "--analogies", aliases = "-a", metaVar = "FILE",
                usage = "analogy questions (questions-words.txt format); repeatable")
        List<String> analogies = new ArrayList<>();

        @Option(name = "--similarity", aliases = "-s", metaVar = "FILE",
                usage = "word pairs with human scores (word1 TAB word2 TAB score, # comments); repeatable")
        List<String> similarity = new ArrayList<>();

        @Option(name = "--restrict", metaVar = "N",
                usage = "analogies use only the first N words of the file (gensim restrict_vocab; default 300000)")
        int restrict = 300_000;

        @Option(name = "--similarity-restrict", metaVar = "N",
                usage = "word pairs use only the first N words (default 300000)")
        int similarityRestrict = 300_000;

        @Option(name = "--method", metaVar = "add|mul",
                usage = "analogy objective: 3CosAdd (gensim's, default) or 3CosMul")
        String method = "add";

        @Option(name = "--case-sensitive", usage = "compare words as they are (gensim case_insensitive=False)")
        boolean caseSensitive;

        @Option(name = "--dummy4unknown",
                usage = "count questions with unknown words as wrong and score such pairs 0, instead of skipping")
        boolean dummy4unknown;

        @Option(name = "--delimiter", metaVar = "S", usage = "field separator of the similarity files (default TAB)")
        String delimiter = "\t";

        @Option(name = "--json", usage = "print one JSON object instead of the report")
        boolean json;
    }

    public EvalCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    EvalCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "analogy accuracy and word-similarity correlations, the same figures as gensim";
    }

    @Override
    String synopsis() {
        return "eval FILE [--analogies FILE]... [--similarity FILE]... [--restrict N] [--json]";
    }

    @Override
    String description() {
        return """
                Analogies: accuracy per section, semantic (sections not starting with "gram"), syntactic and total,
                and the questions skipped because a word is outside the first N words. Word pairs: Spearman's rho,
                Pearson's r and the pairs with unknown words. The figures equal gensim 4.2's
                evaluate_word_analogies(restrict_vocab=N, case_insensitive=True) and evaluate_word_pairs(), except
                that a pair whose score is not a finite number (nan, inf, text) is skipped with a warning, where
                gensim keeps nan and inf and reports nan correlations.
                Every file is checked before the vectors are read. Exit code 1 when a file has no question or pair,
                or when none of its questions or pairs has all its words among the first N words.""";
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int run(Options o, PrintStream out, PrintStream err) throws Exception {
        if (o.arguments.isEmpty()) {
            throw new UsageException("no vector file given");
        }
        if (o.arguments.size() > 1) {
            throw new UsageException("one vector file only; evaluation files go after --analogies or --similarity");
        }
        if (o.analogies.isEmpty() && o.similarity.isEmpty()) {
            throw new UsageException("nothing to evaluate: give --analogies FILE and/or --similarity FILE");
        }
        if (o.restrict < 1) {
            throw new UsageException("--restrict must be at least 1, got " + o.restrict);
        }
        if (o.similarityRestrict < 1) {
            throw new UsageException("--similarity-restrict must be at least 1, got " + o.similarityRestrict);
        }
        Analogies.Method method;
        try {
            method = Analogies.Method.parse(o.method);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (o.delimiter.isEmpty()) {
            throw new UsageException("--delimiter must not be empty");
        }
        // Read and check every input before the (possibly long) load.
        List<AnalogyEvaluation.Questions> questionFiles = new ArrayList<>();
        for (String f : o.analogies) {
            questionFiles.add(AnalogyEvaluation.readQuestions(Path.of(f)));
        }
        List<SimilarityEvaluation.Pairs> pairFiles = new ArrayList<>();
        for (String f : o.similarity) {
            SimilarityEvaluation.Pairs p = SimilarityEvaluation.readPairs(Path.of(f), o.delimiter);
            if (p.warning() != null) {
                err.println("w2v eval: " + p.warning());
            }
            pairFiles.add(p);
        }
        AnalogyEvaluation.Options aOpt = new AnalogyEvaluation.Options(o.restrict, !o.caseSensitive,
                o.dummy4unknown, method);
        SimilarityEvaluation.Options sOpt = new SimilarityEvaluation.Options(o.similarityRestrict, !o.caseSensitive,
                o.dummy4unknown, o.delimiter);
        int words = Math.max(o.analogies.isEmpty() ? 0 : o.restrict, o.similarity.isEmpty() ? 0 : o.similarityRestrict);

        Path file = Path.of(o.arguments.get(0));
        long start = System.nanoTime();
        try (WordVectors v = load(file, words); NormalizedMatrix m = NormalizedMatrix.of(v, words)) {
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            // A file none of whose questions or pairs could be asked has no figure: one line, exit code 1.
            int status = 0;
            List<AnalogyEvaluation.Result> analogies = new ArrayList<>();
            for (int i = 0; i < questionFiles.size(); i++) {
                AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(m, questionFiles.get(i), aOpt);
                if (r.noAnswer() != null) {
                    err.println("w2v eval: " + o.analogies.get(i) + ": " + r.noAnswer());
                    status = 1;
                } else {
                    analogies.add(r);
                }
            }
            List<SimilarityEvaluation.Result> similarities = new ArrayList<>();
            for (SimilarityEvaluation.Pairs p : pairFiles) {
                try {
                    similarities.add(SimilarityEvaluation.evaluate(m, p, sOpt));
                } catch (IllegalArgumentException e) {
                    err.println("w2v eval: " + e.getMessage());
                    status = 1;
                }
            }
            if (o.json) {
                out.println(json(file, v, loadSeconds, analogies, similarities));
                return status;
            }
            out.println(String.format(Locale.ROOT, "%s: %d words of dimension %d (read and normalised in %.2f s)",
                    file.getFileName(), v.size(), v.dim(), loadSeconds));
            for (AnalogyEvaluation.Result r : analogies) {
                out.print(r.format());
                out.println(String.format(Locale.ROOT, "  (%d questions answered in %.2f s)",
                        r.questions() - r.oov(), r.seconds()));
            }
            for (SimilarityEvaluation.Result r : similarities) {
                out.print(r.format());
            }
            return status;
        }
    }

    static String json(Path file, WordVectors v, double loadSeconds, List<AnalogyEvaluation.Result> analogies,
                       List<SimilarityEvaluation.Result> similarities) {
        StringBuilder sb = new StringBuilder("{\"vectors\":").append(Json.quote(file.toString()))
                .append(",\"words\":").append(v.size()).append(",\"dim\":").append(v.dim())
                .append(",\"loadSeconds\":").append(Json.number(loadSeconds)).append(",\"analogies\":[");
        for (int i = 0; i < analogies.size(); i++) {
            sb.append(i > 0 ? "," : "").append(analogies.get(i).toJson());
        }
        sb.append("],\"similarity\":[");
        for (int i = 0; i < similarities.size(); i++) {
            sb.append(i > 0 ? "," : "").append(similarities.get(i).toJson());
        }
        return sb.append("]}").toString();
    }
}
