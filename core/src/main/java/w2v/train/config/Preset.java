package w2v.train.config;

import java.util.Locale;

/**
 * A named set of the options beyond word2vec C's flags (-preset NAME). It sets those options only; a flag given
 * after it overrides its value. Its -min-alpha is a fraction of -alpha, so one preset fits skip-gram's and CBOW's
 * learning rates.
 */
public enum Preset {

    /**
     * What measured more accurate than C's behaviour over six seeds at 1 epoch and kept it at 5 (CBOW, three
     * seeds; bench/results/seeds.md): gensim's initialisation. A -min-alpha of half -alpha gained 4-5 points at
     * 1 epoch but lost 1.5 at 5 epochs (CBOW), so it is not part of it.
     */
    ACCURATE(Float.NaN, true, Initialization.GENSIM);

    private final float minAlphaOfAlpha;
    private final boolean cbowMean;
    private final Initialization init;

    Preset(float minAlphaOfAlpha, boolean cbowMean, Initialization init) {
        this.minAlphaOfAlpha = minAlphaOfAlpha;
        this.cbowMean = cbowMean;
        this.init = init;
    }

    /** -min-alpha as a fraction of -alpha (NaN: C's schedule). */
    public float minAlphaOfAlpha() {
        return minAlphaOfAlpha;
    }

    /** The options for a run whose starting learning rate is {@code alpha}. */
    public QualityOptions options(float alpha) {
        return new QualityOptions(minAlpha(alpha), cbowMean, init);
    }

    /** -min-alpha for a run starting at {@code alpha}. */
    public float minAlpha(float alpha) {
        return Float.isNaN(minAlphaOfAlpha) ? TrainingConfig.C_SCHEDULE : minAlphaOfAlpha * alpha;
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
