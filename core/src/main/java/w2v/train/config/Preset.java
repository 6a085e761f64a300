package w2v.train.config;

import java.util.Locale;

/**
 * A named set of the options beyond word2vec C's flags (-preset NAME). It sets those options only; a flag given
 * after it overrides its value.
 */
public enum Preset {

    /** What measured more accurate than C's behaviour at 1 epoch over six seeds (bench/results/seeds.md). */
    ACCURATE(new QualityOptions(1e-4f, true, Initialization.GENSIM));

    private final QualityOptions options;

    Preset(QualityOptions options) {
        this.options = options;
    }

    public QualityOptions options() {
        return options;
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
