package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.model.WordVectors;
import w2v.search.Neighbour;
import w2v.search.NormalizedMatrix;
import w2v.testing.TestVectors;

/**
 * Our evaluation figures against gensim 4.2's on the same generated files: every section's counts, every line
 * gensim logs (to its last printed digit), the correlations, and the analogy answers with their scores.
 *
 * <p>The data has planted analogies with noise (about half the answers right), case variants,
 * words beyond the restriction, malformed lines, ties among the human scores and out-of-vocabulary words.
 * gensim must be installed: a missing gensim FAILS this test (apt-get install python3-gensim).
 */
class GensimComparisonTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    private static WordVectors vectors;
    private static NormalizedMatrix matrix;
    private static Path questions;
    private static Path pairs;
    /** gensim's records, by kind and config. */
    private static final Map<String, List<String[]>> gensim = new LinkedHashMap<>();

    @BeforeAll
    static void generateAndRunGensim() throws Exception {
        Data data = generate();
        Path vecFile = dir.resolve("vectors.txt");
        TestVectors.writeText(vecFile, data.words.toArray(String[]::new), data.vectors.toArray(float[][]::new));
        questions = dir.resolve("questions.txt");
        Files.writeString(questions, data.questions, StandardCharsets.UTF_8);
        pairs = dir.resolve("pairs.tsv");
        Files.writeString(pairs, data.pairs, StandardCharsets.UTF_8);
        vectors = TestVectors.readText(vecFile);
        matrix = NormalizedMatrix.of(vectors);
        for (String line : runGensim(vecFile)) {
            String[] f = line.split("\t", -1);
            gensim.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>()).add(f);
        }
    }

    @AfterAll
    static void close() {
        if (matrix != null) {
            matrix.close();
            vectors.close();
        }
    }

    private static List<String> runGensim(Path vecFile) throws Exception {
        Path script = Path.of(GensimComparisonTest.class.getResource("gensim_eval.py").toURI());
        String missing = "gensim is needed to check our evaluation against it and is not installed: "
                + "apt-get install python3-gensim";
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " not found. " + missing);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), vecFile.toString(), questions.toString(),
                pairs.toString()).redirectError(dir.resolve("gensim.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("gensim did not finish in 120 s");
        }
        String err = Files.readString(dir.resolve("gensim.err"));
        if (p.exitValue() != 0) {
            if (err.contains("No module named")) {
                fail(missing + "\n" + err);
            }
            fail("gensim script failed (exit " + p.exitValue() + "):\n" + err);
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void analogyDefaults() throws IOException {
        compareAnalogies("default", AnalogyEvaluation.Options.DEFAULT);
    }

    @Test
    void analogyRestricted() throws IOException {
        compareAnalogies("restrict150", AnalogyEvaluation.Options.DEFAULT.withRestrict(150));
    }

    @Test
    void analogyCaseSensitive() throws IOException {
        compareAnalogies("cased", new AnalogyEvaluation.Options(300_000, false, false, Analogies.Method.ADD));
    }

    @Test
    void analogyDummy4Unknown() throws IOException {
        compareAnalogies("dummy150", new AnalogyEvaluation.Options(150, true, true, Analogies.Method.ADD));
    }

    @Test
    void analogy3CosMulAgainstGensimsCosmulFormula() throws IOException {
        compareAnalogies("mul150", new AnalogyEvaluation.Options(150, true, false, Analogies.Method.MUL));
    }

    private void compareAnalogies(String config, AnalogyEvaluation.Options options) throws IOException {
        AnalogyEvaluation.Result ours = AnalogyEvaluation.evaluate(matrix, questions, options);
        // Also through the public entry point that builds its own, restricted matrix.
        AnalogyEvaluation.Result viaVectors = AnalogyEvaluation.evaluate(vectors, questions, options);
        assertEquals(ours.sections(), viaVectors.sections());

        List<String> expectSections = new ArrayList<>();
        List<String> expectLog = new ArrayList<>();
        for (String[] f : gensim.get("ANALOGY " + config)) {
            if (f[2].equals("SECTION")) {
                expectSections.add(f[3] + " " + f[4] + " " + f[5]);
            } else {
                expectLog.add(f[3]);
            }
        }
        List<String> gotSections = new ArrayList<>();
        List<String> gotLog = new ArrayList<>();
        for (AnalogyEvaluation.Section s : ours.sections()) {
            gotSections.add(s.name() + " " + s.correct() + " " + s.incorrect());
            if (s.total() > 0) {
                gotLog.add(s.format());
            }
        }
        AnalogyEvaluation.Section total = ours.total();
        gotSections.add(total.name() + " " + total.correct() + " " + total.incorrect());
        gotLog.add("Quadruplets with out-of-vocabulary words: " + PythonText.percent(ours.oovPercent()));
        gotLog.add(total.format());
        assertEquals(expectSections, gotSections, config);
        assertEquals(expectLog, gotLog, config);
        // The data must exercise both outcomes and the skipping, or this comparison proves little.
        assertTrue(total.correct() > 20 && total.incorrect() > 20, total.toString());
        assertTrue(ours.oov() > 0 && ours.ignoredLines() > 0, "oov " + ours.oov());
    }

    @Test
    void wordPairsDefaults() throws IOException {
        comparePairs("default", SimilarityEvaluation.Options.DEFAULT);
    }

    @Test
    void wordPairsRestricted() throws IOException {
        comparePairs("restrict150", SimilarityEvaluation.Options.DEFAULT.withRestrict(150));
    }

    @Test
    void wordPairsCaseSensitive() throws IOException {
        comparePairs("cased", new SimilarityEvaluation.Options(300_000, false, false, "\t"));
    }

    @Test
    void wordPairsDummy4Unknown() throws IOException {
        comparePairs("dummy150", new SimilarityEvaluation.Options(150, true, true, "\t"));
    }

    private void comparePairs(String config, SimilarityEvaluation.Options options) throws IOException {
        SimilarityEvaluation.Result ours = SimilarityEvaluation.evaluate(matrix, pairs, options);
        List<String[]> records = gensim.get("PAIRS " + config);
        String[] nums = records.get(0);
        double pearson = Double.parseDouble(nums[2]);
        double pearsonP = Double.parseDouble(nums[3]);
        double spearman = Double.parseDouble(nums[4]);
        double spearmanP = Double.parseDouble(nums[5]);
        double oov = Double.parseDouble(nums[6]);
        // Model similarities are float32 on both sides, summed in a different order: r agrees to ~1e-8.
        assertEquals(pearson, ours.pearson(), 1e-6, "pearson");
        assertEquals(spearman, ours.spearman(), 1e-9, "spearman");
        assertEquals(1.0, ours.pearsonP() / pearsonP, 1e-4, "pearson p");
        assertEquals(1.0, ours.spearmanP() / spearmanP, 1e-6, "spearman p");
        assertEquals(oov, ours.oovPercent(), 1e-12, "oov ratio");
        List<String> expectLog = new ArrayList<>();
        for (String[] f : records.subList(1, records.size())) {
            expectLog.add(f[3]);
        }
        assertEquals(List.of(
                "Pearson correlation coefficient against PAIRS: " + PythonText.fixed(ours.pearson(), 4),
                "Spearman rank-order correlation coefficient against PAIRS: " + PythonText.fixed(ours.spearman(), 4),
                "Pairs with unknown words ratio: " + PythonText.percent(ours.oovPercent())), expectLog, config);
        assertTrue(ours.oov() > 0 && ours.pairs() > 15, ours.toString());
    }

    @Test
    void analogyAnswersAndScoresEqualMostSimilarAndCosmul() {
        Analogies analogies = new Analogies(matrix);
        for (Analogies.Method method : Analogies.Method.values()) {
            String m = method == Analogies.Method.ADD ? "add" : "mul";
            Map<String, List<String[]>> byQuestion = new LinkedHashMap<>();
            for (String[] f : gensim.get("SIMILAR " + m)) {
                byQuestion.computeIfAbsent(f[2] + " " + f[3] + " " + f[4], k -> new ArrayList<>()).add(f);
            }
            assertEquals(3, byQuestion.size());
            for (List<String[]> expected : byQuestion.values()) {
                String[] q = expected.get(0);
                List<Neighbour> got = analogies.solve(List.of(new Analogies.Question(q[2], q[3], q[4])), method, 10)
                        .get(0).answers();
                assertEquals(expected.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(expected.get(i)[5], got.get(i).word(), m + " " + q[2] + " " + q[3] + " " + q[4]
                            + " rank " + (i + 1));
                    double want = Double.parseDouble(expected.get(i)[6]);
                    assertEquals(want, got.get(i).score(), 2e-6 * Math.max(1, Math.abs(want)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- data

    private record Data(List<String> words, List<float[]> vectors, String questions, String pairs) {
    }

    private static Data generate() {
        int dim = 24;
        Random rnd = new Random(20140617);
        List<String> words = new ArrayList<>();
        List<float[]> vecs = new ArrayList<>();
        Map<String, float[]> byWord = new LinkedHashMap<>();
        int[] distractor = {0};
        java.util.function.IntConsumer distractors = n -> {
            for (int i = 0; i < n; i++) {
                add(words, vecs, byWord, "w" + distractor[0]++, gaussian(rnd, dim, 1.0));
            }
        };
        String[][] sections = {
            {"capital-common-countries", "cap", "10"},
            {"family", "fam", "8"},
            {"gram3-comparative", "gram", "10"},
            {"gram9-plural-verbs", "plv", "6"},
        };
        distractors.accept(40);
        planted(words, vecs, byWord, rnd, dim, "cap", 10);
        planted(words, vecs, byWord, rnd, dim, "fam", 8);
        distractors.accept(60);
        planted(words, vecs, byWord, rnd, dim, "gram", 10); // rows 136..155: restrict 150 cuts its last pairs
        // Case variants after their lower-case forms. (No repeated word: gensim 4.2 loads one but then its
        // evaluations crash on the empty slot it leaves in index_to_key.)
        add(words, vecs, byWord, "Cap_x3", gaussian(rnd, dim, 1.0));
        add(words, vecs, byWord, "FAM_Y2", gaussian(rnd, dim, 1.0));
        distractors.accept(90);
        planted(words, vecs, byWord, rnd, dim, "plv", 6);

        StringBuilder q = new StringBuilder();
        for (String[] s : sections) {
            q.append(": ").append(s[0]).append('\n');
            int n = Integer.parseInt(s[2]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        String a = s[1] + "_x" + i;
                        // Mixed case in the questions: found case-insensitively, and "Cap_x3" exists as its own
                        // (different) vector for the case-sensitive run.
                        if ((i + j) % 5 == 0) {
                            a = Character.toUpperCase(a.charAt(0)) + a.substring(1);
                        }
                        q.append(a).append(' ').append(s[1]).append("_y").append(i).append(' ')
                                .append(s[1]).append("_x").append(j).append(' ').append(s[1]).append("_y").append(j)
                                .append('\n');
                    }
                }
            }
            q.append(s[1]).append("_x0 zzz ").append(s[1]).append("_x1 ").append(s[1]).append("_y1\n");
            q.append(s[1]).append("_x0 ").append(s[1]).append("_y0\n"); // not four words: ignored
            q.append('\n');
            q.append(s[1]).append("_x1\t").append(s[1]).append("_y1\t").append(s[1]).append("_x2\t")
                    .append(s[1]).append("_y2\n");
        }

        StringBuilder p = new StringBuilder("# source: generated for GensimComparisonTest\n");
        List<String> known = new ArrayList<>(byWord.keySet());
        for (int i = 0; i < 60; i++) {
            String a = known.get(rnd.nextInt(known.size()));
            String b = known.get(rnd.nextInt(known.size()));
            double cos = cosine(byWord.get(a), byWord.get(b));
            double gold = Math.round((5 + 5 * cos + rnd.nextGaussian()) * 2) / 2.0; // halves: many ties
            if (i % 7 == 3) {
                a = a.toUpperCase(java.util.Locale.ROOT);
            }
            p.append(a).append('\t').append(b).append('\t').append(gold).append(i % 11 == 5 ? "\r\n" : "\n");
        }
        p.append("unicorn\tcap_x0\t3.5\n");
        p.append("cap_x1\tdragon\t4.0\n");
        p.append("plv_x0\tplv_y0\t8.5\n");
        p.append("cap_x2\tcap_y2\n");
        p.append("cap_x2\tcap_y2\tlots\n");
        p.append("\n");
        p.append("Cap_x3\tcap_y3\t9.0\n");
        p.append("cap_x4 cap_y4 6.0\n");
        return new Data(words, vecs, q.toString(), p.toString());
    }

    /** Pairs x_i, y_i = x_i + offset + noise: analogies among them are right about half the time. */
    private static void planted(List<String> words, List<float[]> vecs, Map<String, float[]> byWord, Random rnd,
                                int dim, String prefix, int n) {
        float[] offset = gaussian(rnd, dim, 1.0);
        for (int i = 0; i < n; i++) {
            float[] x = gaussian(rnd, dim, 1.0);
            float[] noise = gaussian(rnd, dim, 1.2);
            float[] y = new float[dim];
            for (int d = 0; d < dim; d++) {
                y[d] = x[d] + offset[d] + noise[d];
            }
            add(words, vecs, byWord, prefix + "_x" + i, x);
            add(words, vecs, byWord, prefix + "_y" + i, y);
        }
    }

    private static void add(List<String> words, List<float[]> vecs, Map<String, float[]> byWord, String w,
                            float[] v) {
        words.add(w);
        vecs.add(v);
        byWord.putIfAbsent(w, v);
    }

    private static float[] gaussian(Random rnd, int dim, double sigma) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) (rnd.nextGaussian() * sigma);
        }
        return v;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
