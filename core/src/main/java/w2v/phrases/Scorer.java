package w2v.phrases;

/** Whether word b joins the word a before it: word2phrase's score, or gensim's normalised PMI. */
final class Scorer {

    private final Phrases.Scoring scoring;
    private final long minCount;
    private final float thresholdFloat;
    private final double threshold;
    private final long trainWords;

    Scorer(Phrases.Scoring scoring, long minCount, double threshold, long trainWords) {
        this.scoring = scoring;
        this.minCount = minCount;
        // word2phrase: real threshold = atof(...), a double stored in a float.
        this.thresholdFloat = (float) threshold;
        this.threshold = threshold;
        this.trainWords = trainWords;
    }

    /**
     * @param pa the count of a, or 0 when a was itself joined to the word before it (word2phrase's pb = 0)
     * @param pb the count of b
     * @param pab the count of a_b
     * @param unknown a, b or a_b was not kept, or a is not a word of this line's stretch (word2phrase's oov)
     */
    boolean joins(boolean unknown, long pa, long pb, long pab) {
        boolean oov = unknown || pa < minCount || pb < minCount;
        if (scoring == Phrases.Scoring.NPMI) {
            return !oov && npmi(pa, pb, pab, trainWords) > threshold;
        }
        float score = oov ? 0 : defaultScore(pa, pb, pab, minCount, trainWords);
        return score > thresholdFloat;
    }

    /** gensim's npmi_scorer: ln(p(a,b) / (p(a) p(b))) / -ln(p(a,b)), probabilities as counts / corpus words. */
    static double npmi(long pa, long pb, long pab, long words) {
        double n = words;
        double a = pa / n;
        double b = pb / n;
        double ab = pab / n;
        return Math.log(ab / (a * b)) / -Math.log(ab);
    }

    /**
     * word2phrase's {@code (pab - min_count) / (real)pa / (real)pb * (real)train_words}: the long difference
     * converted to float, then float arithmetic throughout, as C evaluates it.
     */
    static float defaultScore(long pa, long pb, long pab, long minCount, long words) {
        return (float) (pab - minCount) / (float) pa / (float) pb * (float) words;
    }
}
