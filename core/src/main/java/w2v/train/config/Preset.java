package w2v.train.config;

import java.util.Locale;

/**
 * A named set of the options beyond word2vec C's flags (-preset NAME). It sets those options only; a flag given
 * after it overrides its value. Its -min-alpha is a fraction of -alpha divided by the number of epochs, so one
 * preset fits skip-gram's and CBOW's learning rates and any -iter.
 */
public enum Preset {

    /**
     * What measured more accurate than C's behaviour over seeds (bench/results/seeds.md): gensim's initialisation,
     * and a decay that ends at alpha / (2 x epochs). With one epoch that is gensim corpus_file's effective end with
     * two workers (half of alpha, 4-5 points at 1 epoch); a fixed half of alpha lost 1.5 points at 5 epochs (CBOW),
     * a tenth did not.
     */
    ACCURATE(0.5f, true, Initialization.GENSIM);

    private final float minAlphaOfAlphaPerEpoch;
    private final boolean cbowMean;
    private final Initialization init;

    Preset(float minAlphaOfAlphaPerEpoch, boolean cbowMean, Initialization init) {
        this.minAlphaOfAlphaPerEpoch = minAlphaOfAlphaPerEpoch;
        this.cbowMean = cbowMean;
        this.init = init;
    }

    /** -min-alpha as a fraction of -alpha at one epoch, divided by the epochs otherwise (NaN: C's schedule). */
    public float minAlphaOfAlphaPerEpoch() {
        return minAlphaOfAlphaPerEpoch;
    }

    /** The options for a run whose learning rate starts at {@code alpha} and which trains {@code epochs} epochs. */
    public QualityOptions options(float alpha, int epochs) {
        return new QualityOptions(minAlpha(alpha, epochs), cbowMean, init);
    }

    /** -min-alpha for a run starting at {@code alpha} over {@code epochs} epochs (a bad count is left to check). */
    public float minAlpha(float alpha, int epochs) {
        return Float.isNaN(minAlphaOfAlphaPerEpoch) ? TrainingConfig.C_SCHEDULE
                : minAlphaOfAlphaPerEpoch * alpha / Math.max(1, epochs);
    }

    public boolean cbowMean() {
        return cbowMean;
    }

    public Initialization init() {
        return init;
    }

    /** The -preset flag's spelling. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses -preset's value; throws IllegalArgumentException with a one-line message otherwise. */
    public static Preset of(String flag) {
        for (Preset p : values()) {
            if (p.flag().equals(flag)) {
                return p;
            }
        }
        throw new IllegalArgumentException("-preset must be accurate (got " + flag + ")");
    }
}
