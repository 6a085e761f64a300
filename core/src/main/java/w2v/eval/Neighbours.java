package w2v.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Nearest neighbours by cosine, like word2vec C's {@code distance} and gensim's {@code most_similar(positive=...)}:
 * a query of several words is the normalised sum of their unit vectors, and the query words are never returned.
 */
public final class Neighbours {

    /** One query's outcome. {@code neighbours} is empty when a word is unknown. */
    public record Result(List<String> words, int[] rows, List<String> unknown, List<Neighbour> neighbours) {
        public boolean found() {
            return unknown.isEmpty();
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
            upper = Vocab.okVocab(matrix, matrix.rows(), true);
        }
        return upper.getOrDefault(Vocab.upper(word), -1);
    }

    /** The {@code k} nearest rows to each query among all rows. */
    public List<Result> similar(List<List<String>> queries, int k) {
        return similar(queries, k, Integer.MAX_VALUE);
    }

    /**
     * The {@code k} nearest rows to each query (a list of words whose vectors are summed) among the first
     * {@code restrict} rows; all queries are scored in one batched pass.
     */
    public List<Result> similar(List<List<String>> queries, int k, int restrict) {
        List<Result> results = new ArrayList<>(queries.size());
        List<NormalizedMatrix.Query> batch = new ArrayList<>();
        List<Integer> batchIndex = new ArrayList<>();
        for (List<String> words : queries) {
            int[] rows = new int[words.size()];
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                rows[i] = lookup(words.get(i));
                if (rows[i] < 0) {
                    unknown.add(words.get(i));
                }
            }
            results.add(new Result(List.copyOf(words), rows, List.copyOf(unknown), List.of()));
            if (unknown.isEmpty() && rows.length > 0) {
                float[] weights = new float[rows.length];
                Arrays.fill(weights, 1f);
                float[] q = matrix.combine(rows, weights);
                if (q != null) {
                    batch.add(NormalizedMatrix.Query.of(q, rows));
                    batchIndex.add(results.size() - 1);
                }
            }
        }
        List<Neighbour[]> hits = matrix.search(NormalizedMatrix.Scoring.COSINE, batch, k, restrict);
        for (int i = 0; i < hits.size(); i++) {
            int at = batchIndex.get(i);
            Result r = results.get(at);
            results.set(at, new Result(r.words(), r.rows(), r.unknown(), List.of(hits.get(i))));
        }
        return results;
    }
}
