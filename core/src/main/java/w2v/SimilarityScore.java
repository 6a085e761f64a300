package w2v;

/**
 * The outcome of {@link WordVectors#evaluateWordPairs}, as gensim's {@code evaluate_word_pairs} reports it.
 *
 * @param spearman Spearman's rank correlation between the human scores and the cosines
 * @param pearson Pearson's correlation between them
 * @param pairs pairs correlated
 * @param unknownPairs pairs left out because a word is not among the words searched
 * @param invalidScores pairs left out because their score is not a finite number
 */
public record SimilarityScore(double spearman, double pearson, int pairs, int unknownPairs, int invalidScores) {
}
