package w2v.search;

/** One search hit: a row of the vectors, its word and its score (cosine, or the 3CosMul objective). */
public record Neighbour(int row, String word, float score) {
}
