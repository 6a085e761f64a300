package w2v.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import w2v.model.WordVectors;
import w2v.search.NormalizedMatrix;
import w2v.search.RestrictedVocab;

/**
 * Correlation with human similarity judgements (WordSim-353, SimLex-999, ...) with the semantics of gensim 4.2's
 * {@code KeyedVectors.evaluate_word_pairs(pairs, delimiter, restrict_vocab, case_insensitive, dummy4unknown)}:
 * lines are {@code word1 <delimiter> word2 <delimiter> score}; empty lines and lines starting with {@code #}
 * are comments, other malformed lines are ignored; a pair with a word outside the first {@code restrict} words
 * is skipped and counted (or scored 0 with {@code dummy4unknown}); the model's score is the cosine of the two
 * words' vectors; Spearman's rho (ties ranked by average) and Pearson's r as scipy computes them.
 *
 * <p>One deviation: gensim skips a score {@code float()} cannot parse but keeps {@code nan} and {@code inf},
 * which turn both correlations into NaN (scipy propagates them); here those pairs are skipped too, and counted
 * with the first line holding one ({@link Pairs#warning()}), so one bad line cannot void a whole file. Lines
 * that are blank (whitespace only) are comments here; gensim skips them as invalid, which changes no figure.
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
     * A word-pair file parsed, before any vectors are needed.
     *
     * @param source the file name, as reports show it
     * @param path the file as given, for messages
     * @param invalidScores pairs skipped for a score that is not a finite number; {@code firstInvalidLine} is the
     *        line of the first (0 when there is none)
     * @param malformedLines lines that are not three fields; {@code firstMalformedLine} is the first
     */
    public record Pairs(String source, String path, List<Pair> pairs, int invalidScores, int firstInvalidLine,
                        int malformedLines, int firstMalformedLine) {

        /** One human judgement: two words and their score. */
        public record Pair(String a, String b, double score) {
        }

        public Pairs {
            pairs = List.copyOf(pairs);
        }

        /**
         * What was skipped, for the user ("wordsim.tsv: 1 pair with a non-numeric score skipped (first at line
         * 12)"), or null when nothing was.
         */
        public String warning() {
            List<String> parts = new ArrayList<>();
            if (invalidScores > 0) {
                parts.add(invalidScores + (invalidScores == 1 ? " pair" : " pairs")
                        + " with a non-numeric score skipped (first at line " + firstInvalidLine + ")");
            }
            if (malformedLines > 0) {
                parts.add(malformedLines + (malformedLines == 1 ? " line" : " lines")
                        + " without three fields skipped (first at line " + firstMalformedLine + ")");
            }
            return parts.isEmpty() ? null : path + ": " + String.join("; ", parts);
        }
    }

    /** Collects pairs line by line, as gensim reads them. */
    private static final class PairParser {
        private final String path;
        private final String delimiter;
        private final List<Pairs.Pair> pairs = new ArrayList<>();
        private int invalid;
        private int firstInvalid;
        private int malformed;
        private int firstMalformed;

        PairParser(String path, String delimiter) {
            this.path = path;
            this.delimiter = delimiter;
        }

        void line(String line, int number) {
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            List<String> parts = PythonText.split(line, delimiter);
            if (parts.size() != 3) {
                if (malformed++ == 0) {
                    firstMalformed = number;
                }
                return;
            }
            Double score = PythonText.parseFloat(parts.get(2));
            if (score == null || !Double.isFinite(score)) {
                if (invalid++ == 0) {
                    firstInvalid = number;
                }
                return;
            }
            pairs.add(new Pairs.Pair(parts.get(0), parts.get(1), score));
        }

        Pairs done(String source) throws IOException {
            if (pairs.isEmpty()) {
                String expected = " (expected lines 'word1" + printable(delimiter) + "word2" + printable(delimiter)
                        + "score'; '#' starts a comment)";
                throw new IOException(path + ": no word pair " + (invalid > 0
                        ? "with a numeric score found (" + invalid + " skipped, the first at line " + firstInvalid + ")"
                        : "found" + expected));
            }
            return new Pairs(source, path, pairs, invalid, firstInvalid, malformed, firstMalformed);
        }
    }

    /**
     * The outcome. {@code pairs} is the number of judgements correlated, {@code oov} the pairs with an unknown
     * word (skipped, or included with score 0 under dummy4unknown), {@code invalidScores} the pairs skipped for
     * a score that is not a finite number.
     */
    public record Result(String source, Options options, int pairs, int oov, double spearman, double spearmanP,
                         double pearson, double pearsonP, int invalidScores) {

        /** gensim's "Pairs with unknown words ratio", in percent. */
        public double oovPercent() {
            int denominator = options.dummy4unknown() ? pairs : pairs + oov;
            return denominator == 0 ? 0.0 : (double) oov / denominator * 100;
        }

        /** One line: Spearman and Pearson to 4 decimals and the OOV ratio to 1, as gensim logs them. */
        public String format() {
            return "similarity " + source + ": Spearman " + PythonText.fixed(spearman, 4) + " (p " + p(spearmanP)
                    + "), Pearson " + PythonText.fixed(pearson, 4) + " (p " + p(pearsonP) + "), " + pairs + " pairs, "
                    + oov + " with unknown words (" + PythonText.percent(oovPercent()) + ")\n";
        }

        private static String p(double p) {
            return Double.isNaN(p) ? "nan" : String.format(java.util.Locale.ROOT, "%.2e", p);
        }

        public String toJson() {
            return "{\"file\":" + Json.quote(source) + ",\"restrict\":" + options.restrict()
                    + ",\"caseInsensitive\":" + options.caseInsensitive()
                    + ",\"dummy4unknown\":" + options.dummy4unknown()
                    + ",\"pairs\":" + pairs + ",\"oov\":" + oov + ",\"oovPercent\":" + Json.number(oovPercent())
                    + ",\"invalidScores\":" + invalidScores
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

    /**
     * Reads and checks a word-pair file without any vectors (text mode, strict UTF-8, as gensim reads it), so a
     * bad file is refused before a long load.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws IOException naming the file when it is a directory, not UTF-8 text, or holds no pair with a
     *         numeric score
     */
    public static Pairs readPairs(Path file, String delimiter) throws IOException {
        PairParser parser = new PairParser(file.toString(), delimiter);
        EvalFiles.forEachLine(file, "a word-pair file", true, (line, number) -> parser.line(line, number));
        return parser.done(String.valueOf(file.getFileName()));
    }

    /** Parses judgements given as lines. */
    public static Pairs parsePairs(String source, List<String> lines, String delimiter) throws IOException {
        PairParser parser = new PairParser(source, delimiter);
        int number = 0;
        for (String line : lines) {
            parser.line(line, ++number);
        }
        return parser.done(source);
    }

    /** Evaluates with an existing matrix (which may cover more words than {@code options.restrict()}). */
    public static Result evaluate(NormalizedMatrix matrix, Path pairs, Options options) throws IOException {
        return evaluate(matrix, readPairs(pairs, options.delimiter()), options);
    }

    /** Evaluates judgements given as lines. */
    public static Result evaluate(NormalizedMatrix matrix, String source, List<String> lines, Options options)
            throws IOException {
        return evaluate(matrix, parsePairs(source, lines, options.delimiter()), options);
    }

    /**
     * Evaluates parsed judgements (read with {@code options.delimiter()}).
     *
     * @throws IllegalArgumentException when every pair has an unknown word and dummy4unknown is off (gensim
     *         raises ValueError)
     */
    public static Result evaluate(NormalizedMatrix matrix, Pairs pairs, Options options) {
        int rowLimit = Math.min(matrix.rows(), NormalizedMatrix.rowsForWords(matrix.vectors(), options.restrict()));
        Map<String, Integer> ok = RestrictedVocab.okVocab(matrix, rowLimit, options.caseInsensitive());
        List<Double> gold = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        int oov = 0;
        for (Pairs.Pair p : pairs.pairs()) {
            String a = options.caseInsensitive() ? RestrictedVocab.upper(p.a()) : p.a();
            String b = options.caseInsensitive() ? RestrictedVocab.upper(p.b()) : p.b();
            Integer ra = ok.get(a);
            Integer rb = ok.get(b);
            if (ra == null || rb == null) {
                oov++;
                if (options.dummy4unknown()) {
                    gold.add(p.score());
                    model.add(0.0);
                }
                continue;
            }
            gold.add(p.score());
            // gensim's similarity of a zero vector is NaN (0 / 0), which makes the correlations NaN too.
            boolean zero = !matrix.hasDirection(ra) || !matrix.hasDirection(rb);
            model.add(zero ? Double.NaN : (double) matrix.cosine(ra, rb));
        }
        if (gold.isEmpty()) {
            int n = pairs.pairs().size();
            throw new IllegalArgumentException(pairs.path() + ": " + (n == 1
                    ? "the only pair could not be scored: it has" : "none of the " + n
                    + " pairs could be scored: each has") + " a word that is not among the first "
                    + options.restrict() + " words of the vectors");
        }
        double[] g = gold.stream().mapToDouble(Double::doubleValue).toArray();
        double[] s = model.stream().mapToDouble(Double::doubleValue).toArray();
        double rho = Correlation.spearman(g, s);
        double r = Correlation.pearson(g, s);
        return new Result(pairs.source(), options, g.length, oov, rho, Correlation.pValue(rho, g.length), r,
                Correlation.pValue(r, g.length), pairs.invalidScores());
    }

    private static String printable(String delimiter) {
        return delimiter.equals("\t") ? "<TAB>" : delimiter;
    }
}
