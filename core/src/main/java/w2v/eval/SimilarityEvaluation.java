package w2v.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import w2v.model.WordVectors;

/**
 * Correlation with human similarity judgements (WordSim-353, SimLex-999, ...) with the semantics of gensim 4.2's
 * {@code KeyedVectors.evaluate_word_pairs(pairs, delimiter, restrict_vocab, case_insensitive, dummy4unknown)}:
 * lines are {@code word1 <delimiter> word2 <delimiter> score}; empty lines and lines starting with {@code #}
 * are comments, other malformed lines are ignored; a pair with a word outside the first {@code restrict} words
 * is skipped and counted (or scored 0 with {@code dummy4unknown}); the model's score is the cosine of the two
 * words' vectors; Spearman's rho (ties ranked by average) and Pearson's r as scipy computes them.
 */
public final class SimilarityEvaluation {

    /**
     * @param restrict only the first this many words are known (gensim's restrict_vocab, default 300000)
     * @param caseInsensitive upper-case words, a word standing for its first case variant (default true)
     * @param dummy4unknown score pairs with unknown words 0 instead of skipping them
     * @param delimiter field separator (default tab)
     */
    public record Options(int restrict, boolean caseInsensitive, boolean dummy4unknown, String delimiter) {
        public static final Options DEFAULT = new Options(300_000, true, false, "\t");

        public Options {
            if (restrict < 1) {
                throw new IllegalArgumentException("restrict must be at least 1, got " + restrict);
            }
            if (delimiter == null || delimiter.isEmpty()) {
                throw new IllegalArgumentException("empty delimiter");
            }
        }

        public Options withRestrict(int n) {
            return new Options(n, caseInsensitive, dummy4unknown, delimiter);
        }
    }

    /**
     * The outcome. {@code pairs} is the number of judgements correlated, {@code oov} the pairs with an unknown
     * word (skipped, or included with score 0 under dummy4unknown).
     */
    public record Result(String source, Options options, int pairs, int oov, double spearman, double spearmanP,
                         double pearson, double pearsonP) {

        /** gensim's "Pairs with unknown words ratio", in percent. */
        public double oovPercent() {
            int denominator = options.dummy4unknown() ? pairs : pairs + oov;
            return denominator == 0 ? 0.0 : (double) oov / denominator * 100;
        }

        /** One line: Spearman and Pearson to 4 decimals and the OOV ratio to 1, as gensim logs them. */
        public String format() {
            return "similarity " + source + ": Spearman " + Py.fixed(spearman, 4) + " (p " + p(spearmanP)
                    + "), Pearson " + Py.fixed(pearson, 4) + " (p " + p(pearsonP) + "), " + pairs + " pairs, "
                    + oov + " with unknown words (" + Py.percent(oovPercent()) + ")\n";
        }

        private static String p(double p) {
            return Double.isNaN(p) ? "nan" : String.format(java.util.Locale.ROOT, "%.2e", p);
        }

        public String toJson() {
            return "{\"file\":" + Json.quote(source) + ",\"restrict\":" + options.restrict()
                    + ",\"caseInsensitive\":" + options.caseInsensitive()
                    + ",\"dummy4unknown\":" + options.dummy4unknown()
                    + ",\"pairs\":" + pairs + ",\"oov\":" + oov + ",\"oovPercent\":" + Json.number(oovPercent())
                    + ",\"spearman\":" + Json.number(spearman) + ",\"spearmanP\":" + Json.number(spearmanP)
                    + ",\"pearson\":" + Json.number(pearson) + ",\"pearsonP\":" + Json.number(pearsonP) + "}";
        }
    }

    private SimilarityEvaluation() {
    }

    /** gensim's {@code evaluate_word_pairs(pairs)} with its defaults. */
    public static Result evaluate(WordVectors vectors, Path pairs) throws IOException {
        return evaluate(vectors, pairs, Options.DEFAULT);
    }

    public static Result evaluate(WordVectors vectors, Path pairs, Options options) throws IOException {
        try (NormalizedMatrix m = NormalizedMatrix.of(vectors, options.restrict())) {
            return evaluate(m, pairs, options);
        }
    }

    /** Evaluates with an existing matrix (which may cover more words than {@code options.restrict()}). */
    public static Result evaluate(NormalizedMatrix matrix, Path pairs, Options options) throws IOException {
        String name = String.valueOf(pairs.getFileName());
        return evaluate(matrix, name, Py.textLines(Files.readAllBytes(pairs), name), options);
    }

    /**
     * Evaluates judgements given as lines.
     *
     * @throws IllegalArgumentException when no line is a usable judgement (gensim raises ValueError)
     */
    public static Result evaluate(NormalizedMatrix matrix, String source, List<String> lines, Options options) {
        int rowLimit = Math.min(matrix.rows(), NormalizedMatrix.rowsForWords(matrix.vectors(), options.restrict()));
        Map<String, Integer> ok = Vocab.okVocab(matrix, rowLimit, options.caseInsensitive());
        List<Double> gold = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        int oov = 0;
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> parts = Py.split(line, options.delimiter());
            if (parts.size() != 3) {
                continue;
            }
            String a = options.caseInsensitive() ? Vocab.upper(parts.get(0)) : parts.get(0);
            String b = options.caseInsensitive() ? Vocab.upper(parts.get(1)) : parts.get(1);
            Double sim = Py.parseFloat(options.caseInsensitive() ? Vocab.upper(parts.get(2)) : parts.get(2));
            if (sim == null) {
                continue;
            }
            Integer ra = ok.get(a);
            Integer rb = ok.get(b);
            if (ra == null || rb == null) {
                oov++;
                if (options.dummy4unknown()) {
                    gold.add(sim);
                    model.add(0.0);
                }
                continue;
            }
            gold.add(sim);
            // gensim's similarity of a zero vector is NaN (0 / 0), which makes the correlations NaN too.
            boolean zero = !matrix.searchable(ra) || !matrix.searchable(rb);
            model.add(zero ? Double.NaN : (double) matrix.cosine(ra, rb));
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("no usable similarity judgements in " + source
                    + ": wrong format (word1" + printable(options.delimiter()) + "word2" + printable(options.delimiter())
                    + "score) or every pair has an unknown word");
        }
        double[] g = gold.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = model.stream().mapToDouble(Double::doubleValue).toArray();
        double rho = Correlation.spearman(g, s);
        double r = Correlation.pearson(g, s);
        return new Result(source, options, g.length, oov, rho, Correlation.pValue(rho, g.length), r,
                Correlation.pValue(r, g.length));
    }

    private static String printable(String delimiter) {
        return delimiter.equals("\t") ? "<TAB>" : delimiter;
    }
}
