package w2v.train.config;

/**
 * The training options beyond word2vec C's flags, each with C's behaviour as its default, and the named presets
 * that set several at once.
 *
 * @param minAlpha -min-alpha, or {@link TrainingConfig#C_SCHEDULE}
 * @param cbowMean -cbow-mean (1, C's rule, unless set to 0)
 * @param init -init
 */
public record QualityOptions(float minAlpha, boolean cbowMean, Initialization init) {

    /** word2vec C's behaviour. */
    public static final QualityOptions C = new QualityOptions(TrainingConfig.C_SCHEDULE, true, Initialization.C);
}
