package w2v.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes up pronounceable lowercase words ({@code kolam}, {@code ravintburg}) and guarantees that no word,
 * and no derived form of one, is handed out twice.
 */
final class Names {
    private static final String[] ONSETS = {
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        "br", "dr", "gr", "kr", "pl", "st", "tr", "sh", "ch", "th"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou"};
    /** Final consonants; no {@code s}, so that a plural {@code stem + "s"} never ends in a double s. */
    private static final String[] CODAS = {"n", "r", "l", "m", "k", "t", "d", "v", "p", "g"};

    private final SplitMix64 rng;
    private final Set<String> taken = new HashSet<>();

    Names(long seed) {
        this.rng = new SplitMix64(seed);
    }

    /** Marks fixed words (function words, role markers) as taken; fails on a duplicate. */
    void reserve(List<String> words) {
        for (String w : words) {
            if (!taken.add(w)) {
                throw new IllegalStateException("duplicate built-in word: " + w);
            }
        }
    }

    private String pick(String[] options) {
        return options[rng.nextInt(options.length)];
    }

    private String syllable(double codaChance) {
        String s = pick(ONSETS) + pick(VOWELS);
        return rng.nextDouble() < codaChance ? s + pick(CODAS) : s;
    }

    /** A word of {@code syllables} syllables; the last one ends in a consonant when {@code closed}. */
    private String word(int syllables, boolean closed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            boolean last = i == syllables - 1;
            sb.append(syllable(last ? (closed ? 1.0 : 0.4) : 0.15));
        }
        return sb.toString();
    }

    /** A new word of the given syllable count that is not taken; takes it. */
    String fresh(int syllables, boolean closed) {
        for (int attempt = 0; ; attempt++) {
            // After many collisions the syllable space is crowded: lengthen instead of looping forever.
            String w = word(syllables + attempt / 64, closed);
            if (taken.add(w)) {
                return w;
            }
        }
    }

    /**
     * A new stem ending in a consonant such that {@code stem + suffix} is free for every suffix given; takes
     * all the derived words (not the bare stem unless the empty suffix is among them) and returns the stem.
     */
    String freshStem(int syllables, String... suffixes) {
        for (int attempt = 0; ; attempt++) {
            String stem = word(syllables + attempt / 64, true);
            boolean free = true;
            for (String suffix : suffixes) {
                free &= !taken.contains(stem + suffix);
            }
            if (free && distinct(stem, suffixes)) {
                for (String suffix : suffixes) {
                    taken.add(stem + suffix);
                }
                return stem;
            }
        }
    }

    private static boolean distinct(String stem, String[] suffixes) {
        Set<String> forms = new HashSet<>();
        for (String s : suffixes) {
            if (!forms.add(stem + s)) {
                return false;
            }
        }
        return true;
    }

    /** One of {@code options}, chosen with this generator. */
    String choose(List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }
}
