package w2v.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated text corpus with structure planted in it that word2vec can learn, and the record of what was
 * planted so tests can check the trained vectors.
 *
 * <h2>What the text looks like</h2>
 * Lowercase ASCII words separated by single spaces, one sentence per line ({@code \n}), sentence lengths
 * uniform in {@code [minSentence, maxSentence]}. Most words are <em>filler</em>: a background vocabulary drawn
 * from a Zipf distribution (rank {@code r} has probability proportional to {@code 1 / r^zipfExponent}); the top
 * ranks are real English function words ({@code the of and to ...}), the rest made-up words.
 *
 * <h2>What is planted</h2>
 * Up to three relation families ({@link #relations()}), each with {@code entitiesPerRelation} pairs
 * {@code x_i -> y_i}:
 * <ul>
 *   <li>{@code capital-world}: country to capital, e.g. {@code kaisavovia -> kaisavpolis};</li>
 *   <li>{@code gram-plural}: singular to plural, e.g. {@code bakraik -> bakraiks};</li>
 *   <li>{@code gram-past-tense}: present to past, e.g. {@code malal -> malaled}.</li>
 * </ul>
 * Each pair owns {@code topicWordsPerEntity} topic words, drawn from a pool per family in which every topic
 * word serves about {@code entitiesPerTopicWord} pairs (no two pairs get the same set). A fraction
 * {@code plantedFraction} of the sentences mention entities: such a sentence carries one <em>clause</em> (two
 * in sentences of 40 words or more), a run of four adjacent words in random order: one entity word
 * ({@code x_i} or {@code y_i}, each half the time), two of the pair's topic words and one marker word of the
 * role (shared by every {@code x} of the family, e.g. {@code nation}, or by every {@code y}, e.g.
 * {@code city}). A word's vector thus becomes roughly "entity + role", and {@code vec(y_j) - vec(x_j) +
 * vec(x_i)} is nearest to {@code vec(y_i)}. The spelling similarity of {@code x} and {@code y} is for human
 * readers only; word2vec never sees it.
 *
 * <p>Why this shape (measured with word2vec.c, 50 dimensions, 5 epochs, 1M words): with topic words private
 * to one pair and two markers per clause, analogies were right but a word's nearest neighbours were its topic
 * words and other words of its role, never its partner, and CBOW analogies fell to 85%. Private topic words
 * share exactly the pair's contexts; shared by about three pairs they blur into an average and drop down the
 * lists. One marker per clause keeps the role from swamping the entity. Now every planted word's partner is
 * in its top 5 and analogies are above 99% for skip-gram and CBOW, negative sampling and hierarchical
 * softmax.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Everything is a function of the {@link Spec}: the same spec gives the same bytes.</li>
 *   <li>The vocabulary, the relations and the analogies do not depend on {@link Spec#words()}: a 5 GB corpus
 *       has the same planted words as a 10 MB one of the same seed, and the smaller corpus is a prefix of the
 *       larger one (except that its last line may be a truncated sentence).</li>
 *   <li>{@link #write(OutputStream)} emits exactly {@code words} words (the last sentence is cut short if
 *       needed), streams through a 64 KiB buffer and allocates nothing per word: memory is
 *       O(vocabulary) whatever the size.</li>
 * </ul>
 *
 * <pre>{@code
 * PlantedCorpus corpus = new PlantedCorpus(PlantedCorpus.Spec.defaults().withWords(2_000_000).withSeed(7));
 * corpus.write(Path.of("corpus.txt"));
 * corpus.writeQuestions(Path.of("questions.txt"));
 * List<Analogy> questions = corpus.analogies();
 * }</pre>
 */
public final class PlantedCorpus {

    /**
     * What to generate. {@link #defaults()} gives a 1M-word corpus on which word2vec.c (50 dimensions,
     * 5 epochs) answers above 99% of the planted analogies; change one field with the {@code with...}
     * methods.
     *
     * @param words               number of words to emit (exactly)
     * @param seed                everything random derives from it
     * @param fillerWords         size of the Zipfian background vocabulary (at least 100)
     * @param zipfExponent        the Zipf exponent of the filler distribution (0 is uniform, 1 is classic)
     * @param relations           how many relation families, 1 to 3 (in the order capital, plural, past tense)
     * @param entitiesPerRelation pairs per family, at least 2
     * @param topicWordsPerEntity topic words of each pair, at least 2
     * @param entitiesPerTopicWord how many pairs of a family share each topic word, on average (at least 1)
     * @param markersPerRole      marker words per role (x or y of a family), 1 to 64
     * @param plantedFraction     fraction of sentences that carry entity clauses, in (0, 1]
     * @param minSentence         shortest sentence, at least 4 (one clause)
     * @param maxSentence         longest sentence, at most 1000 (word2vec.c splits longer lines)
     */
    public record Spec(long words, long seed, int fillerWords, double zipfExponent, int relations,
                       int entitiesPerRelation, int topicWordsPerEntity, int entitiesPerTopicWord,
                       int markersPerRole, double plantedFraction, int minSentence, int maxSentence) {

        public Spec {
            check(words >= 0, "words must be >= 0, got " + words);
            check(fillerWords >= 100 && fillerWords <= 10_000_000,
                "fillerWords must be in [100, 10000000], got " + fillerWords);
            check(zipfExponent >= 0 && zipfExponent <= 4, "zipfExponent must be in [0, 4], got " + zipfExponent);
            check(relations >= 1 && relations <= FAMILIES.size(),
                "relations must be in [1, " + FAMILIES.size() + "], got " + relations);
            check(entitiesPerRelation >= 2 && entitiesPerRelation <= 10_000,
                "entitiesPerRelation must be in [2, 10000], got " + entitiesPerRelation);
            check(topicWordsPerEntity >= TOPICS_PER_CLAUSE && topicWordsPerEntity <= 1000,
                "topicWordsPerEntity must be in [" + TOPICS_PER_CLAUSE + ", 1000], got " + topicWordsPerEntity);
            check(entitiesPerTopicWord >= 1 && entitiesPerTopicWord <= 1000,
                "entitiesPerTopicWord must be in [1, 1000], got " + entitiesPerTopicWord);
            check(markersPerRole >= MARKERS_PER_CLAUSE && markersPerRole <= 64,
                "markersPerRole must be in [" + MARKERS_PER_CLAUSE + ", 64], got " + markersPerRole);
            check(plantedFraction > 0 && plantedFraction <= 1,
                "plantedFraction must be in (0, 1], got " + plantedFraction);
            check(minSentence >= CLAUSE && minSentence <= maxSentence && maxSentence <= 1000,
                "sentence lengths must satisfy " + CLAUSE + " <= min <= max <= 1000, got " + minSentence
                    + ".." + maxSentence);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        /** One million words, seed 1, 3,000 filler words, three families of 40 pairs. */
        public static Spec defaults() {
            return new Spec(1_000_000, 1, 3000, 1.0, 3, 40, 4, 3, 8, 0.6, 5, 40);
        }

        /**
         * Half a million words, three families of 20 pairs (1,140 questions): for the demo and for trainer
         * tests. word2vec.c, 50 dimensions, 5 epochs: above 99.9% for all four objective/architecture pairs.
         */
        public static Spec small() {
            return defaults().withWords(500_000).withRelations(3, 20);
        }

        public Spec withWords(long words) {
            return new Spec(words, seed, fillerWords, zipfExponent, relations, entitiesPerRelation,
                topicWordsPerEntity, entitiesPerTopicWord, markersPerRole, plantedFraction, minSentence,
                maxSentence);
        }

        public Spec withSeed(long seed) {
            return new Spec(words, seed, fillerWords, zipfExponent, relations, entitiesPerRelation,
                topicWordsPerEntity, entitiesPerTopicWord, markersPerRole, plantedFraction, minSentence,
                maxSentence);
        }

        public Spec withFillerWords(int fillerWords) {
            return new Spec(words, seed, fillerWords, zipfExponent, relations, entitiesPerRelation,
                topicWordsPerEntity, entitiesPerTopicWord, markersPerRole, plantedFraction, minSentence,
                maxSentence);
        }

        public Spec withRelations(int relations, int entitiesPerRelation) {
            return new Spec(words, seed, fillerWords, zipfExponent, relations, entitiesPerRelation,
                topicWordsPerEntity, entitiesPerTopicWord, markersPerRole, plantedFraction, minSentence,
                maxSentence);
        }

        public Spec withPlantedFraction(double plantedFraction) {
            return new Spec(words, seed, fillerWords, zipfExponent, relations, entitiesPerRelation,
                topicWordsPerEntity, entitiesPerTopicWord, markersPerRole, plantedFraction, minSentence,
                maxSentence);
        }
    }

    /** Words in one clause: the entity word, its topic words and the role markers. */
    static final int TOPICS_PER_CLAUSE = 2;
    static final int MARKERS_PER_CLAUSE = 1;
    static final int CLAUSE = 1 + TOPICS_PER_CLAUSE + MARKERS_PER_CLAUSE;
    /** A planted sentence carries {@code max(1, length / CLAUSE_EVERY)} clauses. */
    static final int CLAUSE_EVERY = 20;

    /** The most frequent filler words: real English, so that a corpus line reads like text at a glance. */
    static final List<String> FUNCTION_WORDS = List.of(
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
        "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "you",
        "were", "her", "she", "there", "been", "one", "all", "we", "their", "has", "would", "when", "who",
        "will", "more", "if", "no", "out", "so", "said", "what", "up", "its", "about", "into", "than", "them",
        "can", "only", "other");

    private enum Shape { COUNTRY_CAPITAL, SUFFIX }

    private record Family(String section, String xRole, String yRole, Shape shape, String ySuffix,
                          List<String> xMarkers, List<String> yMarkers) {
    }

    private static final List<String> COUNTRY_SUFFIXES = List.of("ia", "land", "stan", "ovia", "esh");
    private static final List<String> CAPITAL_SUFFIXES = List.of("burg", "ton", "grad", "ville", "polis", "holm");

    private static final List<Family> FAMILIES = List.of(
        new Family("capital-world", "country", "capital", Shape.COUNTRY_CAPITAL, null,
            List.of("nation", "border", "province", "republic", "parliament", "territory", "president", "flag"),
            List.of("city", "mayor", "downtown", "avenue", "metro", "harbour", "skyline", "suburb")),
        new Family("gram-plural", "singular", "plural", Shape.SUFFIX, "s",
            List.of("single", "lone", "solitary", "individual", "sole", "particular", "lonely", "unique"),
            List.of("many", "several", "numerous", "various", "multiple", "countless", "dozens", "plenty")),
        new Family("gram-past-tense", "present", "past", Shape.SUFFIX, "ed",
            List.of("today", "now", "usually", "often", "always", "tomorrow", "currently", "daily"),
            List.of("yesterday", "ago", "previously", "formerly", "earlier", "once", "recently", "historically")));

    private final Spec spec;
    private final List<Relation> relations;
    /** Index = id: fillers by rank first, then the planted words. */
    private final List<String> vocabulary;
    private final Map<String, Set<String>> related;

    // Generation tables, all O(vocabulary).
    private final byte[][] bytes;
    private final int maxWordBytes;
    /** Word {@code i} followed by a space, little-endian in one long, when that fits in 8 bytes. */
    private final long[] packed;
    /** Length of {@code packed[i]} in bytes (word + space), or 0 when the word is too long to pack. */
    private final byte[] packedLength;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.LITTLE_ENDIAN);
    private final AliasTable filler;
    private final int[][] xMarkerIds;
    private final int[][] yMarkerIds;
    private final int[][] xIds;
    private final int[][] yIds;
    private final int[][][] topicIds;

    public PlantedCorpus(Spec spec) {
        this.spec = spec;
        Names names = new Names(SplitMix64.derive(spec.seed(), 1));
        names.reserve(FUNCTION_WORDS);
        for (Family f : FAMILIES) {
            names.reserve(f.xMarkers());
            names.reserve(f.yMarkers());
        }

        // Planted words first, so their names do not depend on the filler size.
        List<Relation> rels = new ArrayList<>();
        for (int r = 0; r < spec.relations(); r++) {
            Family f = FAMILIES.get(r);
            List<String> xm = markers(f.xMarkers(), spec.markersPerRole(), names);
            List<String> ym = markers(f.yMarkers(), spec.markersPerRole(), names);
            List<Relation.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < spec.entitiesPerRelation(); i++) {
                String x;
                String y;
                if (f.shape() == Shape.COUNTRY_CAPITAL) {
                    String cs = names.choose(COUNTRY_SUFFIXES);
                    String ks = names.choose(CAPITAL_SUFFIXES);
                    String stem = names.freshStem(2, cs, ks);
                    x = stem + cs;
                    y = stem + ks;
                } else {
                    String stem = names.freshStem(2, "", f.ySuffix());
                    x = stem;
                    y = stem + f.ySuffix();
                }
                pairs.add(new Relation.Pair(x, y, List.of()));
            }
            rels.add(new Relation(f.section(), f.xRole(), f.yRole(), xm, ym, pairs));
        }
        // Topic words after every entity name, for the same reason.
        SplitMix64 deal = new SplitMix64(SplitMix64.derive(spec.seed(), 3));
        for (int r = 0; r < rels.size(); r++) {
            Relation rel = rels.get(r);
            List<List<String>> topics = dealTopics(rel.pairs().size(), names, deal);
            List<Relation.Pair> withTopics = new ArrayList<>();
            for (int i = 0; i < rel.pairs().size(); i++) {
                Relation.Pair p = rel.pairs().get(i);
                withTopics.add(new Relation.Pair(p.x(), p.y(), topics.get(i)));
            }
            rels.set(r, new Relation(rel.section(), rel.xRole(), rel.yRole(), rel.xMarkers(), rel.yMarkers(),
                withTopics));
        }
        this.relations = List.copyOf(rels);

        List<String> vocab = new ArrayList<>(spec.fillerWords() + 1000);
        for (int i = 0; i < spec.fillerWords(); i++) {
            if (i < FUNCTION_WORDS.size()) {
                vocab.add(FUNCTION_WORDS.get(i));
            } else {
                // Frequent words are short, as in real text.
                int syllables = i < 300 ? 1 : i < 3000 ? 2 : 3;
                vocab.add(names.fresh(syllables, false));
            }
        }
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            id.put(vocab.get(i), i);
        }
        int nr = relations.size();
        xMarkerIds = new int[nr][];
        yMarkerIds = new int[nr][];
        xIds = new int[nr][];
        yIds = new int[nr][];
        topicIds = new int[nr][][];
        for (int r = 0; r < nr; r++) {
            Relation rel = relations.get(r);
            xMarkerIds[r] = ids(rel.xMarkers(), vocab, id);
            yMarkerIds[r] = ids(rel.yMarkers(), vocab, id);
            xIds[r] = ids(rel.xWords(), vocab, id);
            yIds[r] = ids(rel.yWords(), vocab, id);
            topicIds[r] = new int[rel.pairs().size()][];
            for (int i = 0; i < rel.pairs().size(); i++) {
                topicIds[r][i] = ids(rel.pairs().get(i).topicWords(), vocab, id);
            }
        }
        this.vocabulary = List.copyOf(vocab);

        bytes = new byte[vocab.size()][];
        int longest = 0;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = vocab.get(i).getBytes(StandardCharsets.US_ASCII);
            longest = Math.max(longest, bytes[i].length);
        }
        maxWordBytes = longest;
        packed = new long[bytes.length];
        packedLength = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i].length < 8) {
                long v = (long) ' ' << (8 * bytes[i].length);
                for (int j = 0; j < bytes[i].length; j++) {
                    v |= (bytes[i][j] & 0xFFL) << (8 * j);
                }
                packed[i] = v;
                packedLength[i] = (byte) (bytes[i].length + 1);
            }
        }

        double[] weights = new double[spec.fillerWords()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = Math.pow(r + 1, -spec.zipfExponent());
        }
        filler = new AliasTable(weights);

        Map<String, Set<String>> rel = new HashMap<>();
        for (Relation r : relations) {
            for (Relation.Pair p : r.pairs()) {
                rel.put(p.x(), relatedSet(p.y(), r.xWords(), p));
                rel.put(p.y(), relatedSet(p.x(), r.yWords(), p));
            }
        }
        this.related = Map.copyOf(rel);
    }

    /**
     * Makes a pool of {@code ceil(entities * topicWordsPerEntity / entitiesPerTopicWord)} topic words and deals
     * each entity {@code topicWordsPerEntity} of them: the least used so far, ties broken at random, so every
     * word serves about {@code entitiesPerTopicWord} entities; no two entities get the same set when the pool
     * allows it.
     */
    private List<List<String>> dealTopics(int entities, Names names, SplitMix64 rng) {
        int perEntity = spec.topicWordsPerEntity();
        int poolSize = (int) Math.max(perEntity + 1L,
            ((long) entities * perEntity + spec.entitiesPerTopicWord() - 1) / spec.entitiesPerTopicWord());
        List<String> pool = new ArrayList<>(poolSize);
        for (int q = 0; q < poolSize; q++) {
            pool.add(names.fresh(2, false));
        }
        int[] used = new int[poolSize];
        Set<Set<String>> dealt = new HashSet<>();
        List<List<String>> out = new ArrayList<>(entities);
        Integer[] order = new Integer[poolSize];
        for (int e = 0; e < entities; e++) {
            List<String> hand;
            for (int attempt = 0; ; attempt++) {
                for (int q = 0; q < poolSize; q++) {
                    order[q] = q;
                }
                for (int q = poolSize - 1; q > 0; q--) {
                    int z = rng.nextInt(q + 1);
                    Integer t = order[q];
                    order[q] = order[z];
                    order[z] = t;
                }
                Arrays.sort(order, Comparator.comparingInt(q -> used[q])); // stable: ties stay shuffled
                hand = new ArrayList<>(perEntity);
                for (int q = 0; q < perEntity; q++) {
                    hand.add(pool.get(order[q]));
                }
                if (dealt.add(Set.copyOf(hand)) || attempt >= 100) {
                    break;
                }
            }
            for (int q = 0; q < perEntity; q++) {
                used[order[q]]++;
            }
            out.add(List.copyOf(hand));
        }
        return out;
    }

    private static List<String> markers(List<String> builtIn, int n, Names names) {
        List<String> out = new ArrayList<>(builtIn.subList(0, Math.min(n, builtIn.size())));
        while (out.size() < n) {
            out.add(names.fresh(2, true));
        }
        return out;
    }

    private static int[] ids(List<String> words, List<String> vocab, Map<String, Integer> id) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            String w = words.get(i);
            Integer known = id.get(w);
            if (known == null) {
                known = vocab.size();
                vocab.add(w);
                id.put(w, known);
            }
            out[i] = known;
        }
        return out;
    }

    private static Set<String> relatedSet(String partner, List<String> sameRole, Relation.Pair own) {
        Set<String> s = new LinkedHashSet<>();
        s.add(partner);
        s.addAll(own.topicWords());
        s.addAll(sameRole);
        s.remove(own.x().equals(partner) ? own.y() : own.x());
        return Collections.unmodifiableSet(s);
    }

    public Spec spec() {
        return spec;
    }

    /** The planted relation families, in questions-file order. */
    public List<Relation> relations() {
        return relations;
    }

    /** Every planted question, relation by relation: {@code sum n (n - 1)} of them. */
    public List<Analogy> analogies() {
        List<Analogy> out = new ArrayList<>();
        for (Relation r : relations) {
            out.addAll(r.analogies());
        }
        return List.copyOf(out);
    }

    /**
     * Every word the corpus can contain: the filler words by decreasing probability (so {@code vocabulary()
     * .get(0)} is the most frequent), then the planted words (markers, entity words, topic words). A short
     * corpus need not contain every rare filler word.
     */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The filler words by rank: index 0 is rank 1. */
    public List<String> fillerWords() {
        return vocabulary.subList(0, spec.fillerWords());
    }

    /** The entity words ({@code x} and {@code y} of every pair of every relation). */
    public Set<String> entityWords() {
        return related.keySet();
    }

    /**
     * The words a trained model should put among the nearest neighbours of an entity word: its partner
     * ({@code capital7} for {@code country7}), its topic words, and the other words of its role (every other
     * capital). Empty for words that are not entity words.
     */
    public Set<String> expectedNeighbours(String word) {
        return related.getOrDefault(word, Set.of());
    }

    /**
     * Streams the corpus to {@code out} (not closed; flushed) and returns the number of bytes written.
     * Exactly {@link Spec#words()} words.
     */
    public long write(OutputStream out) throws IOException {
        SplitMix64 rng = new SplitMix64(SplitMix64.derive(spec.seed(), 2));
        // Room for one more sentence, plus 8 bytes of slack for the last packed store.
        int sentenceMax = spec.maxSentence() * (maxWordBytes + 1) + 8;
        byte[] buf = new byte[Math.max(1 << 16, 2 * sentenceMax)];
        int pos = 0;
        long written = 0;
        int[] tokens = new int[spec.maxSentence()];
        int[] clause = new int[CLAUSE];
        int min = spec.minSentence();
        int span = spec.maxSentence() - min + 1;
        double planted = spec.plantedFraction();
        long remaining = spec.words();
        while (remaining > 0) {
            int len = min + rng.nextInt(span);
            for (int i = 0; i < len; i++) {
                tokens[i] = filler.sample(rng.nextLong());
            }
            if (rng.nextDouble() < planted) {
                int clauses = Math.max(1, len / CLAUSE_EVERY);
                int segment = len / clauses;
                for (int c = 0; c < clauses; c++) {
                    clause(rng, clause);
                    int start = c * segment + rng.nextInt(segment - CLAUSE + 1);
                    System.arraycopy(clause, 0, tokens, start, CLAUSE);
                }
            }
            int n = (int) Math.min(len, remaining);
            if (pos + sentenceMax > buf.length) {
                out.write(buf, 0, pos);
                written += pos;
                pos = 0;
            }
            for (int i = 0; i < n; i++) {
                int id = tokens[i];
                int length = packedLength[id];
                if (length != 0) {
                    // One 8-byte store; the bytes past the word are overwritten by the next one.
                    LONG_LE.set(buf, pos, packed[id]);
                    pos += length;
                } else {
                    for (byte b : bytes[id]) {
                        buf[pos++] = b;
                    }
                    buf[pos++] = ' ';
                }
            }
            buf[pos - 1] = '\n';
            remaining -= n;
        }
        out.write(buf, 0, pos);
        out.flush();
        return written + pos;
    }

    /** Fills {@code clause} with one entity word, its topic words and its role's markers, shuffled. */
    private void clause(SplitMix64 rng, int[] clause) {
        int r = rng.nextInt(xIds.length);
        int[] entities = xIds[r];
        int i = rng.nextInt(entities.length);
        boolean y = (rng.nextLong() & 1) != 0;
        clause[0] = y ? yIds[r][i] : entities[i];
        int[] markers = y ? yMarkerIds[r] : xMarkerIds[r];
        int k = 1;
        k = pickDistinct(rng, topicIds[r][i], TOPICS_PER_CLAUSE, clause, k);
        pickDistinct(rng, markers, MARKERS_PER_CLAUSE, clause, k);
        for (int j = CLAUSE - 1; j > 0; j--) {
            int s = rng.nextInt(j + 1);
            int t = clause[j];
            clause[j] = clause[s];
            clause[s] = t;
        }
    }

    /** Appends {@code count} distinct elements of {@code from} to {@code to} at {@code at}; returns the new end. */
    private static int pickDistinct(SplitMix64 rng, int[] from, int count, int[] to, int at) {
        int start = at;
        while (at - start < count) {
            int candidate = from[rng.nextInt(from.length)];
            boolean seen = false;
            for (int j = start; j < at; j++) {
                seen |= to[j] == candidate;
            }
            if (!seen) {
                to[at++] = candidate;
            }
        }
        return at;
    }

    /** Writes the corpus to {@code path} (replaced if present); returns the number of bytes written. */
    public long write(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            return write(out);
        }
    }

    /**
     * Writes every planted analogy as a Google {@code questions-words.txt} file: for each relation a
     * {@code ": section"} line, then one {@code "a b c d"} line per question. {@code out} is flushed, not closed.
     */
    public void writeQuestions(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        for (Relation r : relations) {
            buffered.write((": " + r.section() + "\n").getBytes(StandardCharsets.US_ASCII));
            for (Analogy a : r.analogies()) {
                buffered.write((a.line() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        buffered.flush();
    }

    public void writeQuestions(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            writeQuestions(out);
        }
    }
}
