package w2v;

/**
 * A word and its score in a query's answer: a cosine similarity for {@link WordVectors#mostSimilar}, the 3CosMul
 * objective for {@link WordVectors#mostSimilarCosMul}. Scores are computed in float arithmetic, as gensim computes
 * them on float32 vectors, and widened to double.
 *
 * @param word a word of the vocabulary
 * @param score higher is more similar
 */
public record ScoredWord(String word, double score) {
}
