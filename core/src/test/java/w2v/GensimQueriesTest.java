package w2v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.Python;

/**
 * The {@link WordVectors} queries against gensim 4's {@code KeyedVectors} on the same file with planted analogies:
 * the same words in the same order and scores within 1e-5 (relative above 1), for every query at once in one
 * Python process. gensim must be installed: a missing gensim FAILS this test.
 */
class GensimQueriesTest {

    /** argv: vector file, query file (kind TAB fields; words space-separated). Prints: index TAB word TAB score. */
    private static final String GENSIM = """
            import sys
            from gensim.models import KeyedVectors
            kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=False)
            def words(s):
                return s.split(' ') if s else []
            with open(sys.argv[2], encoding='utf-8') as f:
                lines = f.read().splitlines()
            for i, line in enumerate(lines):
                f = line.split('\\t')
                kind = f[0]
                if kind == 'most_similar':
                    res = kv.most_similar(positive=words(f[2]), negative=words(f[3]), topn=int(f[1]),
                                          restrict_vocab=int(f[4]) or None)
                elif kind == 'cosmul':
                    res = kv.most_similar_cosmul(positive=words(f[2]), negative=words(f[3]), topn=int(f[1]))
                elif kind == 'similarity':
                    res = [('', kv.similarity(f[1], f[2]))]
                elif kind == 'n_similarity':
                    res = [('', kv.n_similarity(words(f[1]), words(f[2])))]
                elif kind == 'doesnt_match':
                    res = [(kv.doesnt_match(words(f[1])), 0.0)]
                else:
                    raise ValueError(kind)
                for w, s in res:
                    print(i, w, repr(float(s)), sep='\\t')
            """;

    @TempDir
    static Path dir;
    static WordVectors vectors;
    /** The first 40 words: their answers are gensim's with restrict_vocab=40. */
    static WordVectors restricted40;
    static Path file;
    static final List<String> queries = new ArrayList<>();
    static final List<Supplier<List<ScoredWord>>> ours = new ArrayList<>();
    static final Map<Integer, List<ScoredWord>> gensim = new TreeMap<>();

    @BeforeAll
    static void generateAndAskGensim() throws IOException {
        Python.requireGensim();
        file = dir.resolve("planted.txt");
        writePlanted(file);
        vectors = WordVectors.load(file);
        restricted40 = vectors.restrict(40);

        mostSimilar("fam_x0", "", 10);
        mostSimilar("cap_y3", "", 5);
        mostSimilar("fam_y1 fam_x2", "fam_x1", 10); // fam_x1 : fam_y1 :: fam_x2 : ?
        mostSimilar("cap_y0 cap_x4", "cap_x0", 10);
        mostSimilar("", "cap_x2", 10); // negative words only
        mostSimilar("cap_y1 fam_y2 café", "w3 fam_x2", 10);
        mostSimilar("fam_x3 fam_x3", "", 10); // a word twice
        mostSimilar("w7", "w9", 1000); // more than the vocabulary: every other word, in order
        ask("most_similar\t10\tcap_x1 cap_y2\tcap_x2\t40", () -> restricted40.mostSimilar(List.of("cap_x1", "cap_y2"),
                List.of("cap_x2"), 10));

        cosMul("fam_y1 fam_x2", "fam_x1", 10);
        cosMul("cap_y0 cap_x4", "cap_x0", 10);
        cosMul("fam_x0", "", 10); // one positive word, no negative: the denominator is 1 + 1e-6
        cosMul("cap_y1 fam_y2", "", 10);
        cosMul("cap_y1 fam_y2 w3", "fam_x2 w5", 10);
        cosMul("w7", "w9", 1000);

        for (String[] pair : new String[][] {{"fam_x0", "fam_y0"}, {"cap_x1", "w4"}, {"café", "café"},
            {"w0", "w1"}}) {
            ask("similarity\t" + pair[0] + "\t" + pair[1],
                    () -> List.of(new ScoredWord("", vectors.similarity(pair[0], pair[1]))));
        }
        nSimilarity("fam_x0 fam_x1", "fam_y0 fam_y1");
        nSimilarity("cap_x0", "cap_y0 cap_y0 w2");
        nSimilarity("cap_x0 unicorn", "fam_y3 dragon"); // gensim 4 leaves unknown words out of the means

        doesntMatch("fam_x0 fam_x1 fam_x2 w11");
        doesntMatch("cap_y0 cap_y1 cap_y2 cap_y3 fam_x5");
        doesntMatch("w1 w2 w3 unicorn w4"); // the unknown word is ignored
        doesntMatch("cap_x0 cap_x0 café");

        Path q = dir.resolve("queries.tsv");
        Files.write(q, queries, StandardCharsets.UTF_8);
        for (String line : Python.run(GENSIM, file.toString(), q.toString()).lines().toList()) {
            String[] f = line.split("\t", -1);
            gensim.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>())
                    .add(new ScoredWord(f[1], Double.parseDouble(f[2])));
        }
    }

    @AfterAll
    static void close() {
        if (vectors != null) {
            vectors.close();
        }
        if (restricted40 != null) {
            restricted40.close();
        }
    }

    private static void ask(String query, Supplier<List<ScoredWord>> answer) {
        queries.add(query);
        ours.add(answer);
    }

    private static void mostSimilar(String pos, String neg, int topN) {
        ask("most_similar\t" + topN + "\t" + pos + "\t" + neg + "\t0",
                () -> vectors.mostSimilar(words(pos), words(neg), topN));
    }

    private static void cosMul(String pos, String neg, int topN) {
        ask("cosmul\t" + topN + "\t" + pos + "\t" + neg, () -> vectors.mostSimilarCosMul(words(pos), words(neg), topN));
    }

    private static void nSimilarity(String a, String b) {
        ask("n_similarity\t" + a + "\t" + b,
                () -> List.of(new ScoredWord("", vectors.nSimilarity(words(a), words(b)))));
    }

    private static void doesntMatch(String w) {
        ask("doesnt_match\t" + w, () -> List.of(new ScoredWord(vectors.doesntMatch(words(w)), 0.0)));
    }

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }

    @Test
    void everyQueryGivesGensimsWordsInGensimsOrderWithItsScores() {
        assertEquals(queries.size(), gensim.size(), "gensim answered every query");
        for (int i = 0; i < queries.size(); i++) {
            List<ScoredWord> want = gensim.get(i);
            List<ScoredWord> got = ours.get(i).get();
            String q = queries.get(i).replace('\t', '|');
            assertEquals(want.stream().map(ScoredWord::word).toList(), got.stream().map(ScoredWord::word).toList(), q);
            for (int j = 0; j < want.size(); j++) {
                double w = want.get(j).score();
                assertEquals(w, got.get(j).score(), 1e-5 * Math.max(1, Math.abs(w)), q + " rank " + (j + 1));
            }
        }
    }

    @Test
    void thePlantedStructureShowsSoTheComparisonIsNotTrivial() {
        // Most planted analogies find their answer with both objectives, a negative word changes the answer, and
        // the capped list holds every word but the two inputs.
        int add = 0;
        int mul = 0;
        int asked = 0;
        for (String f : new String[] {"cap", "fam"}) {
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    if (i != j) {
                        String want = f + "_y" + j;
                        List<String> pos = List.of(f + "_y" + i, f + "_x" + j);
                        List<String> neg = List.of(f + "_x" + i);
                        add += vectors.mostSimilar(pos, neg, 1).get(0).word().equals(want) ? 1 : 0;
                        mul += vectors.mostSimilarCosMul(pos, neg, 1).get(0).word().equals(want) ? 1 : 0;
                        asked++;
                    }
                }
            }
        }
        assertTrue(add > asked / 2 && mul > asked / 2, add + " and " + mul + " of " + asked);
        assertNotEquals(vectors.mostSimilar(List.of("fam_y1", "fam_x2"), List.of(), 3),
                vectors.mostSimilar(List.of("fam_y1", "fam_x2"), List.of("fam_x1"), 3));
        assertEquals(vectors.size() - 2, vectors.mostSimilar(List.of("w7"), List.of("w9"), 1000).size());
        assertEquals("w11", vectors.doesntMatch(words("fam_x0 fam_x1 fam_x2 w11")));
        assertEquals(1.0, vectors.similarity("café", "café"), 1e-6);
    }

    /** Distractors w0.., then pairs x_i, y_i = x_i + offset + noise, so that x_a : y_a :: x_b : y_b mostly holds. */
    private static void writePlanted(Path out) throws IOException {
        int dim = 16;
        Random rnd = new Random(20_241_124);
        List<String> words = new ArrayList<>();
        List<float[]> vecs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            words.add("w" + i);
            vecs.add(gaussian(rnd, dim, 1.0));
        }
        for (String family : new String[] {"cap", "fam"}) {
            float[] offset = gaussian(rnd, dim, 1.0);
            for (int i = 0; i < 8; i++) {
                float[] x = gaussian(rnd, dim, 1.0);
                float[] noise = gaussian(rnd, dim, 0.25);
                float[] y = new float[dim];
                for (int d = 0; d < dim; d++) {
                    y[d] = x[d] + offset[d] + noise[d];
                }
                words.add(family + "_x" + i);
                vecs.add(x);
                words.add(family + "_y" + i);
                vecs.add(y);
            }
        }
        words.add("café"); // two UTF-8 bytes in a word
        vecs.add(gaussian(rnd, dim, 1.0));
        for (int i = 30; i < 60; i++) {
            words.add("w" + i);
            vecs.add(gaussian(rnd, dim, 1.0));
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(words.size() + " " + dim + "\n");
            for (int i = 0; i < words.size(); i++) {
                StringBuilder line = new StringBuilder(words.get(i));
                for (float x : vecs.get(i)) {
                    line.append(' ').append(x);
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static float[] gaussian(Random rnd, int dim, double sigma) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) (rnd.nextGaussian() * sigma);
        }
        return v;
    }
}
