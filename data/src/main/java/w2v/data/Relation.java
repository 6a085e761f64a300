package w2v.data;

import java.util.List;

/**
 * One planted relation family, e.g. country to capital. The two words of a pair {@code x_i -> y_i} occur
 * among the same topic words (the entity's context), every {@code x} among the {@code xMarkers} and every
 * {@code y} among the {@code yMarkers},
 * so {@code vec(y_j) - vec(x_j) + vec(x_i)} lands near {@code vec(y_i)}.
 *
 * @param section  the name of the relation and of its questions-file section, e.g. {@code gram-plural}
 * @param xRole    what the {@code x} words are, e.g. {@code country}
 * @param yRole    what the {@code y} words are, e.g. {@code capital}
 * @param xMarkers context words that occur around every {@code x} word and no {@code y} word
 * @param yMarkers context words that occur around every {@code y} word and no {@code x} word
 * @param pairs    the entities, in a fixed order
 */
public record Relation(String section, String xRole, String yRole, List<String> xMarkers, List<String> yMarkers,
                       List<Pair> pairs) {

    public Relation {
        xMarkers = List.copyOf(xMarkers);
        yMarkers = List.copyOf(yMarkers);
        pairs = List.copyOf(pairs);
    }

    /**
     * One entity: its two words and the topic words that occur around both of them. A topic word also serves
     * a few other pairs of the same relation, never the same set of them.
     */
    public record Pair(String x, String y, List<String> topicWords) {
        public Pair {
            topicWords = List.copyOf(topicWords);
        }
    }

    /** Every {@code x} word, in pair order. */
    public List<String> xWords() {
        return pairs.stream().map(Pair::x).toList();
    }

    /** Every {@code y} word, in pair order. */
    public List<String> yWords() {
        return pairs.stream().map(Pair::y).toList();
    }

    /** All ordered questions {@code x_i y_i x_j y_j} with {@code i != j}: {@code n (n - 1)} of them. */
    public List<Analogy> analogies() {
        int n = pairs.size();
        Analogy[] out = new Analogy[n * (n - 1)];
        int k = 0;
        for (Pair p : pairs) {
            for (Pair q : pairs) {
                if (p != q) {
                    out[k++] = new Analogy(section, p.x(), p.y(), q.x(), q.y());
                }
            }
        }
        return List.of(out);
    }
}
