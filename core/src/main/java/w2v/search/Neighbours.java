package w2v.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Nearest neighbours by cosine, like word2vec C's {@code distance} and gensim's {@code most_similar(positive=...)}:
 * a query of several words is the normalised sum of their unit vectors, and the query words are never returned.
 */
public final class Neighbours {

    /**
     * One query's outcome. {@code neighbours} is empty when a word is unknown ({@code unknown} lists them) or
     * when the query has no direction ({@code noDirection} says why: a word's vector is zero or not finite, or
     * the words' unit vectors cancel out); it is otherwise empty only if no row can be an answer.
     */
    public record Result(List<String> words, int[] rows, List<String> unknown, String noDirection,
                         List<Neighbour> neighbours) {
        public boolean found() {
            return unknown.isEmpty();
        }

        /** Whether the query was compared with the rows: every word known and a direction to compare. */
        public boolean answered() {
            return found() && noDirection == null;
        }
    }

    private final NormalizedMatrix matrix;
    private Map<String, Integer> upper;

    public Neighbours(NormalizedMatrix matrix) {
        this.matrix = matrix;
    }

    public NormalizedMatrix matrix() {
        return matrix;
    }

    /**
     * The row of {@code word}: its first exact occurrence, else the first row whose word has the same upper-case
     * form (so "Paris" finds "paris"), else -1.
     */
    public synchronized int lookup(String word) {
        int r = matrix.indexOf(word);
        if (r >= 0) {
            return r;
        }
        if (upper == null) {
            upper = RestrictedVocab.okVocab(matrix, matrix.rows(), true);
        }
        return upper.getOrDefault(RestrictedVocab.upper(word), -1);
    }

    /** The {@code k} nearest rows to each query among all rows. */
    public List<Result> similar(List<List<String>> queries, int k) {
        return similar(queries, k, Integer.MAX_VALUE);
    }

    /**
     * The {@code k} nearest rows to each query (a list of words whose vectors are summed) among the first
     * {@code restrict} rows; all queries are scored in one batched pass. A {@code k} beyond the rows returns
     * every row but the query's own.
     *
     * @throws IllegalArgumentException if {@code k} or {@code restrict} is below 1, or a query is empty or has a
     *         blank word
     */
    public List<Result> similar(List<List<String>> queries, int k, int restrict) {
        checkBounds(k, restrict);
        List<Result> results = new ArrayList<>(queries.size());
        List<NormalizedMatrix.Query> batch = new ArrayList<>();
        List<Integer> batchIndex = new ArrayList<>();
        for (List<String> words : queries) {
            checkWords(words);
            int[] rows = new int[words.size()];
            List<String> unknown = new ArrayList<>();
            String noDirection = null;
            for (int i = 0; i < rows.length; i++) {
                rows[i] = lookup(words.get(i));
                if (rows[i] < 0) {
                    unknown.add(words.get(i));
                } else if (noDirection == null) {
                    noDirection = matrix.noDirection(rows[i]);
                }
            }
            float[] q = null;
            if (unknown.isEmpty() && noDirection == null) {
                float[] weights = new float[rows.length];
                Arrays.fill(weights, 1f);
                q = matrix.combine(rows, weights);
                if (q == null) {
                    noDirection = "the unit vectors of '" + String.join(" ", words)
                            + "' add up to zero; the query has no direction to compare";
                }
            }
            results.add(new Result(List.copyOf(words), rows, List.copyOf(unknown), noDirection, List.of()));
            if (q != null) {
                batch.add(NormalizedMatrix.Query.of(q, rows));
                batchIndex.add(results.size() - 1);
            }
        }
        List<Neighbour[]> hits = matrix.search(NormalizedMatrix.Scoring.COSINE, batch, k, restrict);
        for (int i = 0; i < hits.size(); i++) {
            int at = batchIndex.get(i);
            Result r = results.get(at);
            results.set(at, new Result(r.words(), r.rows(), r.unknown(), null, List.of(hits.get(i))));
        }
        return results;
    }

    /** Refuses a k or restrict that could only give empty answers. */
    public static void checkBounds(int k, int restrict) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (restrict < 1) {
            throw new IllegalArgumentException("restrict must be at least 1, got " + restrict);
        }
    }

    /** Refuses an empty query or a blank word, which no row can match. */
    public static void checkWords(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty query: give at least one word");
        }
        for (String w : words) {
            if (w.isBlank()) {
                throw new IllegalArgumentException("an empty query word");
            }
        }
    }
}
