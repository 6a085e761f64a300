package w2v;

/**
 * The outcome of {@link WordVectors#evaluateWordAnalogies}, as gensim's {@code evaluate_word_analogies} reports it.
 *
 * @param accuracy correct answers over questions answered (gensim's returned score), NaN when none was answered
 * @param correct questions answered right
 * @param answered questions whose four words are all among the words searched
 * @param questions well-formed questions in the file
 * @param semanticAccuracy accuracy over the sections not named {@code gram*}
 * @param syntacticAccuracy accuracy over the {@code gram*} sections
 */
public record AnalogyScore(double accuracy, int correct, int answered, int questions, double semanticAccuracy,
                           double syntacticAccuracy) {
}
