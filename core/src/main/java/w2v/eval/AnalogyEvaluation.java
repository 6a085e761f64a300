package w2v.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import w2v.model.WordVectors;
import w2v.search.Neighbour;
import w2v.search.NormalizedMatrix;
import w2v.search.RestrictedVocab;

/**
 * Analogy accuracy on a questions-words.txt style file, with the semantics of gensim 4.2's
 * {@code KeyedVectors.evaluate_word_analogies(questions, restrict_vocab, case_insensitive, dummy4unknown)}:
 * <ul>
 * <li>only the first {@code restrict} words of the file (in file order) are known; a question with any other
 *     word is skipped and counted as out-of-vocabulary (or counted wrong with {@code dummy4unknown});</li>
 * <li>case-insensitive: words are upper-cased and a word stands for the first of its case variants;</li>
 * <li>the answer is the best of the top 5 (3CosAdd over the first {@code restrict} words, the three input rows
 *     excluded) whose upper-cased form is none of the three inputs; a question is right when it equals the
 *     expected word;</li>
 * <li>{@code ": name"} lines open sections; lines without exactly four words are ignored; sections whose name
 *     starts with {@code gram} are syntactic, the others semantic (the convention of word2vec's file; gensim
 *     does not split them).</li>
 * </ul>
 * Unlike gensim, a file without any question is refused ({@link #readQuestions}) rather than scored 0/0, and
 * a result none of whose questions could be asked says so ({@link Result#noAnswer()}).
 * With {@link Analogies.Method#MUL} the same procedure ranks with 3CosMul instead (gensim has no such option).
 * All questions are scored in one batched, parallel search.
 */
public final class AnalogyEvaluation {

    /** How many candidates gensim inspects per question. */
    private static final int TOP_N = 5;

    /**
     * @param restrict only the first this many words are known (gensim's restrict_vocab, default 300000)
     * @param caseInsensitive upper-case everything (gensim's default, true)
     * @param dummy4unknown count questions with unknown words as wrong instead of skipping them
     * @param method 3CosAdd (gensim's) or 3CosMul
     */
    public record Options(int restrict, boolean caseInsensitive, boolean dummy4unknown, Analogies.Method method) {
        public static final Options DEFAULT = new Options(300_000, true, false, Analogies.Method.ADD);

        public Options {
            if (restrict < 1) {
                throw new IllegalArgumentException("restrict must be at least 1, got " + restrict);
            }
        }

        public Options withRestrict(int n) {
            return new Options(n, caseInsensitive, dummy4unknown, method);
        }
    }

    /** One section's counts. */
    public record Section(String name, int correct, int incorrect) {
        public int total() {
            return correct + incorrect;
        }

        /** correct / total, or 0 for an empty section (gensim's score). */
        public double accuracy() {
            return total() == 0 ? 0.0 : (double) correct / total();
        }

        /** By word2vec's convention, sections named gram* test syntax, the others semantics. */
        public boolean syntactic() {
            return name.startsWith("gram");
        }

        /** gensim's log line: {@code name: 74.3% (376/506)}. */
        public String format() {
            if (total() == 0) {
                return name + ": n/a (0/0)";
            }
            return name + ": " + PythonText.percent(100.0 * accuracy()) + " (" + correct + "/" + total() + ")";
        }

        String toJson() {
            return "{\"section\":" + Json.quote(name) + ",\"correct\":" + correct + ",\"total\":" + total()
                    + ",\"accuracy\":" + Json.number(accuracy()) + "}";
        }
    }

    /**
     * The outcome. {@code questions} counts every well-formed question, {@code oov} those with an unknown word,
     * {@code ignoredLines} lines that were neither a header nor four words.
     */
    public record Result(String source, Options options, List<Section> sections, int questions, int oov,
                         int ignoredLines, double seconds) {

        public Result {
            sections = List.copyOf(sections);
        }

        public Section semantic() {
            return sum("semantic", false);
        }

        public Section syntactic() {
            return sum("syntactic", true);
        }

        /** All sections together: gensim's "Total accuracy" section, whose accuracy gensim returns as score. */
        public Section total() {
            int c = 0;
            int i = 0;
            for (Section s : sections) {
                c += s.correct();
                i += s.incorrect();
            }
            return new Section("Total accuracy", c, i);
        }

        /** Overall accuracy (gensim's returned score). */
        public double accuracy() {
            return total().accuracy();
        }

        /** Questions put to the vectors: those whose four words are all among the first {@code restrict}. */
        public int answered() {
            return questions - oov;
        }

        /**
         * Null when some question was answered; else why the accuracy means nothing: every question has a word
         * outside the vocabulary searched (gensim would report 0/0, or 0% with dummy4unknown).
         */
        public String noAnswer() {
            if (answered() > 0) {
                return null;
            }
            String which = questions == 1 ? "the only question could not be answered: it has"
                    : "none of the " + questions + " questions could be answered: each has";
            return which + " a word that is not among the first " + options.restrict() + " words of the vectors"
                    + (options.dummy4unknown() ? " (all counted wrong)" : "");
        }

        /** Percentage of questions with an unknown word, as gensim logs it. */
        public double oovPercent() {
            return questions == 0 ? 0.0 : (double) oov / questions * 100;
        }

        private Section sum(String name, boolean syntactic) {
            int c = 0;
            int i = 0;
            for (Section s : sections) {
                if (s.syntactic() == syntactic) {
                    c += s.correct();
                    i += s.incorrect();
                }
            }
            return new Section(name, c, i);
        }

        /** A report for people: every section, semantic, syntactic, total and the OOV count. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append("analogies ").append(source).append(": ").append(options.method().label())
                    .append(", first ").append(options.restrict()).append(" words, ")
                    .append(options.caseInsensitive() ? "case-insensitive" : "case-sensitive").append('\n');
            for (Section s : sections) {
                sb.append("  ").append(s.format()).append('\n');
            }
            sb.append("  ").append(semantic().format()).append('\n');
            sb.append("  ").append(syntactic().format()).append('\n');
            sb.append("  ").append(total().format()).append('\n');
            sb.append("  out of vocabulary: ").append(oov).append(" of ").append(questions).append(" questions ")
                    .append(options.dummy4unknown() ? "counted wrong" : "skipped").append(" (")
                    .append(PythonText.percent(oovPercent())).append(")\n");
            return sb.toString();
        }

        public String toJson() {
            StringBuilder sb = new StringBuilder("{");
            sb.append("\"file\":").append(Json.quote(source));
            sb.append(",\"method\":").append(Json.quote(options.method().label()));
            sb.append(",\"restrict\":").append(options.restrict());
            sb.append(",\"caseInsensitive\":").append(options.caseInsensitive());
            sb.append(",\"dummy4unknown\":").append(options.dummy4unknown());
            sb.append(",\"questions\":").append(questions);
            sb.append(",\"oov\":").append(oov);
            sb.append(",\"oovPercent\":").append(Json.number(oovPercent()));
            sb.append(",\"sections\":[");
            for (int i = 0; i < sections.size(); i++) {
                sb.append(i > 0 ? "," : "").append(sections.get(i).toJson());
            }
            sb.append("],\"semantic\":").append(semantic().toJson());
            sb.append(",\"syntactic\":").append(syntactic().toJson());
            sb.append(",\"total\":").append(total().toJson());
            sb.append(",\"seconds\":").append(Json.number(seconds));
            return sb.append('}').toString();
        }
    }

    /**
     * A questions file parsed, before any vectors are needed: its section names in order and its well-formed
     * questions, each in its section.
     *
     * @param source the file name, as reports show it
     * @param ignoredLines lines after the first header that were neither a header nor four words
     */
    public record Questions(String source, List<String> sections, List<Entry> entries, int ignoredLines) {

        /** One question "a b c expected" of section {@code section} (an index into {@code sections}). */
        public record Entry(int section, String a, String b, String c, String expected) {
        }

        public Questions {
            sections = List.copyOf(sections);
            entries = List.copyOf(entries);
        }

        public int size() {
            return entries.size();
        }
    }

    /** Collects questions line by line, as gensim reads them. */
    private static final class QuestionParser {
        private final String label;
        private final List<String> sections = new ArrayList<>();
        private final List<Questions.Entry> entries = new ArrayList<>();
        private int ignored;

        QuestionParser(String label) {
            this.label = label;
        }

        void line(String line, int number) throws IOException {
            if (line.startsWith(": ")) {
                sections.add(PythonText.strip(PythonText.lstrip(line, ": ")));
                return;
            }
            if (sections.isEmpty()) {
                throw new IOException(label + " line " + number + ": a question before the first ': section' line"
                        + " (expected lines 'a b c d' after ': section' headers)");
            }
            List<String> words = PythonText.split(line);
            if (words.size() != 4) {
                ignored++;
                return;
            }
            entries.add(new Questions.Entry(sections.size() - 1, words.get(0), words.get(1), words.get(2),
                    words.get(3)));
        }

        Questions done(String source) throws IOException {
            if (entries.isEmpty()) {
                throw new IOException(label + ": no analogy question found (expected lines 'a b c d' and "
                        + "': section' headers)");
            }
            return new Questions(source, sections, entries, ignored);
        }
    }

    private AnalogyEvaluation() {
    }

    /**
     * Reads and checks a questions file without any vectors, so a bad file is refused before a long training or
     * load. Lines are read as gensim reads them (binary mode, strict UTF-8).
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws IOException naming the file when it is a directory, not UTF-8 text, has a question before the first
     *         section header, or holds no question at all
     */
    public static Questions readQuestions(Path file) throws IOException {
        QuestionParser parser = new QuestionParser(file.toString());
        EvalFiles.forEachLine(file, "an analogy questions file", false, parser::line);
        return parser.done(String.valueOf(file.getFileName()));
    }

    /** Parses questions given as lines (as read from a file, terminators optional). */
    public static Questions parseQuestions(String source, List<String> lines) throws IOException {
        QuestionParser parser = new QuestionParser(source);
        int number = 0;
        for (String line : lines) {
            parser.line(line, ++number);
        }
        return parser.done(source);
    }

    /** gensim's {@code evaluate_word_analogies(questions, restrict_vocab=restrict)} with its other defaults. */
    public static Result evaluate(WordVectors vectors, Path questions, int restrict) throws IOException {
        return evaluate(vectors, questions, Options.DEFAULT.withRestrict(restrict));
    }

    public static Result evaluate(WordVectors vectors, Path questions, Options options) throws IOException {
        return evaluate(vectors, readQuestions(questions), options);
    }

    public static Result evaluate(WordVectors vectors, Questions questions, Options options) {
        try (NormalizedMatrix m = NormalizedMatrix.of(vectors, options.restrict())) {
            return evaluate(m, questions, options);
        }
    }

    /** Evaluates with an existing matrix (which may cover more words than {@code options.restrict()}). */
    public static Result evaluate(NormalizedMatrix matrix, Path questions, Options options) throws IOException {
        return evaluate(matrix, readQuestions(questions), options);
    }

    /** Evaluates questions given as lines (as read from a file, terminators optional). */
    public static Result evaluate(NormalizedMatrix matrix, String source, List<String> lines, Options options)
            throws IOException {
        return evaluate(matrix, parseQuestions(source, lines), options);
    }

    /** Evaluates parsed questions with an existing matrix (which may cover more than the restricted words). */
    public static Result evaluate(NormalizedMatrix matrix, Questions questions, Options options) {
        long start = System.nanoTime();
        int rowLimit = Math.min(matrix.rows(), NormalizedMatrix.rowsForWords(matrix.vectors(), options.restrict()));
        Map<String, Integer> ok = RestrictedVocab.okVocab(matrix, rowLimit, options.caseInsensitive());

        List<int[]> counts = new ArrayList<>(); // {correct, incorrect} per section
        for (int s = 0; s < questions.sections().size(); s++) {
            counts.add(new int[2]);
        }
        // Questions to score: section, rows a b c, keys a b c expected.
        List<Integer> qSection = new ArrayList<>();
        List<int[]> qRows = new ArrayList<>();
        List<String[]> qKeys = new ArrayList<>();
        int oov = 0;
        for (Questions.Entry e : questions.entries()) {
            String[] k = {e.a(), e.b(), e.c(), e.expected()};
            if (options.caseInsensitive()) {
                for (int i = 0; i < 4; i++) {
                    k[i] = RestrictedVocab.upper(k[i]);
                }
            }
            Integer a = ok.get(k[0]);
            Integer b = ok.get(k[1]);
            Integer c = ok.get(k[2]);
            if (a == null || b == null || c == null || !ok.containsKey(k[3])) {
                oov++;
                if (options.dummy4unknown()) {
                    counts.get(e.section())[1]++;
                }
                continue;
            }
            qSection.add(e.section());
            qRows.add(new int[] {a, b, c});
            qKeys.add(k);
        }

        int n = qRows.size();
        int[] ra = new int[n];
        int[] rb = new int[n];
        int[] rc = new int[n];
        for (int i = 0; i < n; i++) {
            ra[i] = qRows.get(i)[0];
            rb[i] = qRows.get(i)[1];
            rc[i] = qRows.get(i)[2];
        }
        List<Neighbour[]> hits = Analogies.solveRows(matrix, ra, rb, rc, options.method(), TOP_N, rowLimit);
        for (int i = 0; i < n; i++) {
            String[] k = qKeys.get(i);
            boolean right = k[3].equals(predicted(hits.get(i), k, ok, options.caseInsensitive()));
            counts.get(qSection.get(i))[right ? 0 : 1]++;
        }

        List<Section> sections = new ArrayList<>(counts.size());
        for (int s = 0; s < counts.size(); s++) {
            sections.add(new Section(questions.sections().get(s), counts.get(s)[0], counts.get(s)[1]));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(questions.source(), options, sections, questions.size(), oov, questions.ignoredLines(),
                seconds);
    }

    /**
     * gensim's choice among the candidates: the first whose key is known and none of the three inputs; if every
     * candidate is an input, the last one.
     */
    private static String predicted(Neighbour[] candidates, String[] k, Map<String, Integer> ok,
                                    boolean caseInsensitive) {
        String predicted = null;
        for (Neighbour nb : candidates) {
            predicted = caseInsensitive ? RestrictedVocab.upper(nb.word()) : nb.word();
            if (ok.containsKey(predicted) && !predicted.equals(k[0]) && !predicted.equals(k[1])
                    && !predicted.equals(k[2])) {
                break;
            }
        }
        return predicted;
    }
}
