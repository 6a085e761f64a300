package w2v.train.config;

import java.util.Locale;

/** How the input vectors start; the output vectors start at zero either way, as in both word2vec C and gensim. */
public enum Initialization {

    /** word2vec C: uniform in [-0.5/dim, 0.5/dim). */
    C,
    /** gensim 4 (KeyedVectors' prep_vectors): uniform in [-1/dim, 1/dim), twice C's range. */
    GENSIM;

    /** The value of component {@code u} (uniform in [0, 1)) of a row of {@code dim} floats. */
    public float value(float u, int dim) {
        return this == C ? (u - 0.5f) / dim : (2 * u - 1) / dim;
    }

    /** The -init flag's spelling. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses -init's value; throws IllegalArgumentException with a one-line message otherwise. */
    public static Initialization of(String flag) {
        for (Initialization i : values()) {
            if (i.flag().equals(flag)) {
                return i;
            }
        }
        throw new IllegalArgumentException("-init must be c or gensim (got " + flag + ")");
    }
}
