package w2v.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import w2v.search.Neighbour;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;

/**
 * Analogies "a is to b as c is to ?" (b - a + c), with the two objectives of Levy and Goldberg (2014), in
 * gensim's exact forms:
 * <ul>
 * <li>{@link Method#ADD} 3CosAdd: cosine with the normalised mean of unit(b), unit(c), -unit(a), as
 *     {@code most_similar(positive=[b, c], negative=[a])} and word2vec C's {@code word-analogy};</li>
 * <li>{@link Method#MUL} 3CosMul: {@code p(b) p(c) / (p(a) + 1e-6)} with {@code p(x) = (1 + cos(x, row)) / 2},
 *     as {@code most_similar_cosmul(positive=[b, c], negative=[a])}.</li>
 * </ul>
 * The three input rows are never answers.
 */
public final class Analogies {

    public enum Method {
        ADD("3CosAdd"), MUL("3CosMul");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** "add" or "mul" (or the labels), any case. */
        public static Method parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "add", "3cosadd" -> ADD;
                case "mul", "3cosmul" -> MUL;
                default -> throw new IllegalArgumentException("unknown analogy method '" + s + "' (add or mul)");
            };
        }
    }

    /** a : b :: c : ?, for instance man : king :: woman : ? (queen). */
    public record Question(String a, String b, String c) {
    }

    /**
     * The answers, best first; empty when a word is unknown ({@code unknown} lists which) or the question has no
     * direction to compare ({@code noDirection} says why: a word's vector is zero or not finite, or b - a + c
     * is zero).
     */
    public record Answer(Question question, List<String> unknown, String noDirection, List<Neighbour> answers) {
        public boolean found() {
            return unknown.isEmpty();
        }

        /** Whether the question was compared with the rows: every word known and a direction to compare. */
        public boolean answered() {
            return found() && noDirection == null;
        }
    }

    private final Neighbours lookup;

    public Analogies(NormalizedMatrix matrix) {
        this.lookup = new Neighbours(matrix);
    }

    public NormalizedMatrix matrix() {
        return lookup.matrix();
    }

    /** The {@code k} best answers to each question among all rows. */
    public List<Answer> solve(List<Question> questions, Method method, int k) {
        return solve(questions, method, k, Integer.MAX_VALUE);
    }

    /**
     * The {@code k} best answers to each question among the first {@code restrict} rows, in one batched pass.
     * Words are looked up exactly, else case-insensitively (first row in file order). A {@code k} beyond the
     * rows returns every row but the three inputs.
     *
     * @throws IllegalArgumentException if {@code k} or {@code restrict} is below 1, or a word is blank
     */
    public List<Answer> solve(List<Question> questions, Method method, int k, int restrict) {
        Neighbours.checkBounds(k, restrict);
        int n = questions.size();
        int[] a = new int[n];
        int[] b = new int[n];
        int[] c = new int[n];
        List<Answer> answers = new ArrayList<>(n);
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Question q = questions.get(i);
            Neighbours.checkWords(List.of(q.a(), q.b(), q.c()));
            a[i] = lookup.lookup(q.a());
            b[i] = lookup.lookup(q.b());
            c[i] = lookup.lookup(q.c());
            List<String> unknown = new ArrayList<>();
            if (a[i] < 0) {
                unknown.add(q.a());
            }
            if (b[i] < 0) {
                unknown.add(q.b());
            }
            if (c[i] < 0) {
                unknown.add(q.c());
            }
            String noDirection = unknown.isEmpty() ? noDirection(q, a[i], b[i], c[i], method) : null;
            answers.add(new Answer(q, List.copyOf(unknown), noDirection, List.of()));
            if (unknown.isEmpty() && noDirection == null) {
                asked.add(i);
            }
        }
        int[] qa = new int[asked.size()];
        int[] qb = new int[asked.size()];
        int[] qc = new int[asked.size()];
        for (int j = 0; j < qa.length; j++) {
            qa[j] = a[asked.get(j)];
            qb[j] = b[asked.get(j)];
            qc[j] = c[asked.get(j)];
        }
        List<Neighbour[]> hits = solveRows(matrix(), qa, qb, qc, method, k, restrict);
        for (int j = 0; j < qa.length; j++) {
            int i = asked.get(j);
            answers.set(i, new Answer(questions.get(i), List.of(), null, List.of(hits.get(j))));
        }
        return answers;
    }

    /** Why the question cannot be compared with the rows, or null; gensim would score every row NaN. */
    private String noDirection(Question q, int a, int b, int c, Method method) {
        for (int row : new int[] {a, b, c}) {
            String why = matrix().noDirection(row);
            if (why != null) {
                return why;
            }
        }
        if (method == Method.ADD && matrix().combine(new int[] {b, c, a}, new float[] {1f, 1f, -1f}) == null) {
            return "b - a + c is zero for '" + q.a() + " : " + q.b() + " :: " + q.c()
                    + "'; the question has no direction to compare";
        }
        return null;
    }

    /** Row-level batch: answers to a[i] : b[i] :: c[i] : ? among the first {@code rowLimit} rows. */
    static List<Neighbour[]> solveRows(NormalizedMatrix m, int[] a, int[] b, int[] c, Method method, int k,
                                       int rowLimit) {
        List<NormalizedMatrix.Query> queries = new ArrayList<>(a.length);
        float[] weights = {1f, 1f, -1f};
        for (int i = 0; i < a.length; i++) {
            int[] exclude = {b[i], c[i], a[i]};
            float[][] vectors;
            if (method == Method.ADD) {
                float[] q = m.combine(new int[] {b[i], c[i], a[i]}, weights);
                // b + c - a can only vanish for degenerate input; such a query matches nothing, as in gensim (NaN).
                vectors = new float[][] {q == null ? nanVector(m.dim()) : q};
            } else {
                vectors = new float[][] {m.unitVector(b[i]), m.unitVector(c[i]), m.unitVector(a[i])};
            }
            queries.add(new NormalizedMatrix.Query(vectors, exclude));
        }
        NormalizedMatrix.Scoring scoring =
                method == Method.ADD ? NormalizedMatrix.Scoring.COSINE : NormalizedMatrix.Scoring.COSMUL;
        return m.search(scoring, queries, k, rowLimit);
    }

    private static float[] nanVector(int dim) {
        float[] v = new float[dim];
        java.util.Arrays.fill(v, Float.NaN);
        return v;
    }
}
