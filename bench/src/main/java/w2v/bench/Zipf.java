package w2v.bench;

import w2v.vocab.Vocabulary;

/** Synthetic vocabularies with Zipf-distributed counts, like a natural-language corpus. */
final class Zipf {

    private Zipf() {
    }

    /**
     * A vocabulary of {@code size} entries ({@code </s>} first, then w1, w2, ...) whose word of rank r has count
     * about {@code top / r}: count 1e8 for the most frequent word, never below 5 (the default -min-count).
     */
    static Vocabulary vocabulary(int size) {
        String[] words = new String[size];
        long[] counts = new long[size];
        words[0] = Vocabulary.EOS;
        counts[0] = 10_000_000L;
        double top = 1e8;
        for (int r = 1; r < size; r++) {
            words[r] = "w" + r;
            counts[r] = Math.max(5L, Math.round(top / r));
        }
        return Vocabulary.of(words, counts);
    }
}
