package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import w2v.model.EmbeddingTable;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.sampling.UnigramTable;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.NegativeSampling;
import w2v.train.loss.Objective;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * One update step of each objective and architecture against a double-precision reference written from the
 * word2vec equations, and the gradient it applies against finite differences of the loss.
 */
class UpdateStepTest {

    private static final int V = 500;
    private static final int DIM = 37; // not a multiple of 16: the padding must stay zero
    private static final float ALPHA = 0.05f;

    private final Vocabulary vocab = zipfVocabulary(V);
    private final Model model = new Model(V, DIM, true, true);
    private final Arena arena = Arena.ofConfined();

    UpdateStepTest() {
        Random r = new Random(42);
        fill(model.input(), r, 0.5);
        fill(model.negativeOutput(), r, 0.5);
        fill(model.softmaxNodes(), r, 0.5);
    }

    @AfterEach
    void close() {
        model.close();
        arena.close();
    }

    // ---------------------------------------------------------------- negative sampling

    @Test
    void negativeSamplingStepMatchesDoubleReference() {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, 5);
        int context = 17, target = 3;
        double[] h = row(model.input(), context);
        double[][] outBefore = rows(model.negativeOutput());

        MemorySegment grad = arena.allocate(4L * model.input().stride(), 64);
        ns.update(model.input().segment(), model.input().offset(context), target, ALPHA, grad, 0, new Rng(9));

        // Reference: same draws (same seed), sequential updates in double.
        Rng rng = new Rng(9);
        double[][] out = copy(outBefore);
        double[] g = new double[DIM];
        for (int d = 0; d <= 5; d++) {
            int w = d == 0 ? target : table.sample(rng);
            if (d > 0 && w == target) {
                continue;
            }
            double label = d == 0 ? 1 : 0;
            double f = dot(h, out[w]);
            double gr = f > 6 ? (label - 1) * ALPHA : f < -6 ? label * ALPHA
                    : (label - SigmoidTable.sigmoid((float) f)) * ALPHA;
            for (int i = 0; i < DIM; i++) {
                g[i] += gr * out[w][i];
            }
            for (int i = 0; i < DIM; i++) {
                out[w][i] += gr * h[i];
            }
        }
        assertClose(g, segmentRow(grad, 0), 1e-5, "gradient for the hidden vector");
        assertClose(out, rows(model.negativeOutput()), 1e-5, "output rows");
        assertPaddingZero(model.negativeOutput());
    }

    @Test
    void negativeSamplingGradientMatchesFiniteDifferences() {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, 5);
        int context = 40, target = 7;
        // The loss below assumes each negative is drawn once (a repeat would see its own update): take the
        // first seed whose five draws are distinct and differ from the target.
        long seed = 0;
        List<Integer> negatives;
        do {
            seed++;
            Rng probe = new Rng(seed);
            negatives = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                negatives.add(table.sample(probe));
            }
        } while (negatives.stream().distinct().count() < 5 || negatives.contains(target));
        double[] h = row(model.input(), context);
        double[][] out = rows(model.negativeOutput());

        MemorySegment grad = arena.allocate(4L * model.input().stride(), 64);
        ns.update(model.input().segment(), model.input().offset(context), target, ALPHA, grad, 0, new Rng(seed));

        // Loss: -log s(h.o_t) - sum log s(-h.o_n). Applied gradient is -alpha dL/dh.
        double[] fd = new double[DIM];
        double eps = 1e-4;
        for (int i = 0; i < DIM; i++) {
            double keep = h[i];
            h[i] = keep + eps;
            double up = nsLoss(h, out, target, negatives);
            h[i] = keep - eps;
            double down = nsLoss(h, out, target, negatives);
            h[i] = keep;
            fd[i] = -ALPHA * (up - down) / (2 * eps);
        }
        // The sigmoid table has 1000 steps over [-6, 6]: a 0.3% gap to the exact gradient is expected.
        assertClose(fd, segmentRow(grad, 0), 0.02 * norm(fd) / Math.sqrt(DIM) + 1e-6, "dL/dh");
        assertTrue(cosine(fd, segmentRow(grad, 0)) > 0.999, "gradient direction");
    }

    private static double nsLoss(double[] h, double[][] out, int target, List<Integer> negatives) {
        double l = -Math.log(sigma(dot(h, out[target])));
        for (int n : negatives) {
            l -= Math.log(sigma(-dot(h, out[n])));
        }
        return l;
    }

    // ---------------------------------------------------------------- hierarchical softmax

    @Test
    void hierarchicalSoftmaxStepMatchesReferenceAndFiniteDifferences() {
        HuffmanTree tree = HuffmanTree.build(vocab);
        HierarchicalSoftmax hs = new HierarchicalSoftmax(model.softmaxNodes(), tree);
        int context = 11, target = 250; // a rare word: a long path
        double[] h = row(model.input(), context);
        double[][] nodes = rows(model.softmaxNodes());
        double[][] nodesBefore = copy(nodes);

        MemorySegment grad = arena.allocate(4L * model.input().stride(), 64);
        hs.update(model.input().segment(), model.input().offset(context), target, ALPHA, grad, 0, new Rng(1));

        double[] g = new double[DIM];
        int s = tree.start(target);
        for (int d = 0; d < tree.codeLength(target); d++) {
            int node = tree.points()[s + d];
            int code = tree.codes()[s + d];
            double f = dot(h, nodes[node]);
            if (f <= -6 || f >= 6) {
                continue;
            }
            double gr = (1 - code - SigmoidTable.sigmoid((float) f)) * ALPHA;
            for (int i = 0; i < DIM; i++) {
                g[i] += gr * nodes[node][i];
                nodes[node][i] += gr * h[i];
            }
        }
        assertClose(g, segmentRow(grad, 0), 1e-5, "gradient for the hidden vector");
        assertClose(nodes, rows(model.softmaxNodes()), 1e-5, "inner-node rows");
        assertPaddingZero(model.softmaxNodes());

        // Loss: -sum log p(turn), p = s(f) for code 0 and 1 - s(f) for code 1.
        double[] fd = new double[DIM];
        double eps = 1e-4;
        for (int i = 0; i < DIM; i++) {
            double keep = h[i];
            h[i] = keep + eps;
            double up = hsLoss(h, nodesBefore, tree, target);
            h[i] = keep - eps;
            double down = hsLoss(h, nodesBefore, tree, target);
            h[i] = keep;
            fd[i] = -ALPHA * (up - down) / (2 * eps);
        }
        assertTrue(cosine(fd, segmentRow(grad, 0)) > 0.999, "gradient direction matches -dL/dh");
        assertClose(fd, segmentRow(grad, 0), 0.02 * norm(fd) / Math.sqrt(DIM) + 1e-6, "dL/dh");
    }

    private static double hsLoss(double[] h, double[][] nodes, HuffmanTree tree, int target) {
        double l = 0;
        int s = tree.start(target);
        for (int d = 0; d < tree.codeLength(target); d++) {
            double f = dot(h, nodes[tree.points()[s + d]]);
            l -= Math.log(tree.codes()[s + d] == 0 ? sigma(f) : 1 - sigma(f));
        }
        return l;
    }

    @Test
    void batchedSkipGramIsTheMatrixFormOfTheWindowsPairs() {
        assertNegativeSamplingWindowIsItsPairs(new int[] {60, 61, 62, 63, 64, 65, 66}, 8);
    }

    @Test
    void batchedSkipGramWithAWordTwiceInTheWindowTrainsBothPairs() {
        // The one-pass kernel needs distinct rows: a repeated context word becomes one row with twice the step,
        // which must be both of its pairs, each computed from the rows as they were.
        assertNegativeSamplingWindowIsItsPairs(new int[] {60, 61, 62, 63, 61, 65, 66}, 9);
    }

    /** Centre 63 of the sentence with window 2, against the centre and 5 negatives drawn with this seed. */
    private void assertNegativeSamplingWindowIsItsPairs(int[] sentence, long seed) {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, 5);
        BatchedSkipGram sg = new BatchedSkipGram(model.input(), ns, 3, new Rng(seed), arena);
        Rng rng = new Rng(seed); // the window's draws, repeated
        List<Integer> targets = new ArrayList<>(List.of(63));
        for (int d = 0; d < 5; d++) {
            int w = table.sample(rng);
            if (w != 63) {
                targets.add(w);
            }
        }
        double[] labels = new double[targets.size()];
        labels[0] = 1;
        assertWindowIsItsPairs(sg, model.negativeOutput(), sentence, targets, labels,
                (f, label) -> f > 6 ? label - 1 : f < -6 ? label : label - SigmoidTable.sigmoid((float) f));
    }

    @Test
    void batchedHierarchicalSoftmaxIsTheMatrixFormOfTheWindowsPairs() {
        HuffmanTree tree = HuffmanTree.build(vocab);
        BatchedSkipGram sg = new BatchedSkipGram(model.input(),
                new HierarchicalSoftmax(model.softmaxNodes(), tree), 3, new Rng(8), arena);
        int centre = 250; // a rare word: a long path
        List<Integer> targets = new ArrayList<>();
        double[] labels = new double[tree.codeLength(centre)];
        for (int d = 0; d < labels.length; d++) {
            targets.add(tree.points()[tree.start(centre) + d]);
            labels[d] = 1 - tree.codes()[tree.start(centre) + d];
        }
        // The first node points along context 61: that pair saturates (C skips it), the others do not.
        for (int i = 0; i < DIM; i++) {
            model.softmaxNodes().set(targets.get(0), i, 20 * model.input().get(61, i));
        }
        double[][] g = assertWindowIsItsPairs(sg, model.softmaxNodes(), centre, targets, labels,
                (f, label) -> f <= -6 || f >= 6 ? 0 : label - SigmoidTable.sigmoid((float) f));
        assertEquals(0, g[0][0], "the saturated pair is skipped");
        assertTrue(Arrays.stream(g).flatMapToDouble(Arrays::stream).filter(x -> x != 0).count() > targets.size(),
                "most pairs train");
    }

    @Test
    void hierarchicalSoftmaxStepIsCsRuleAtEveryTableStep() {
        List<Float> scores = new ArrayList<>(List.of(0f, -0f, 6f, -6f, Math.nextUp(-6f), Math.nextDown(6f),
                Math.nextUp(6f), Math.nextDown(-6f), 1e9f, -1e9f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        for (int k = 0; k <= SigmoidTable.SIZE; k++) {
            float f = -6f + k * 12f / SigmoidTable.SIZE;
            scores.addAll(List.of(f, Math.nextUp(f), Math.nextDown(f)));
        }
        for (float f : scores) {
            for (float label : new float[] {0f, 1f}) {
                float expected = f <= -6 || f >= 6 ? 0f : (label - SigmoidTable.sigmoid(f)) * ALPHA;
                assertEquals(expected, HierarchicalSoftmax.coefficient(f, label, ALPHA), 0f, "score " + f);
            }
        }
    }

    /**
     * Trains centre word {@code centre} of the sentence 60, 61, 62, centre, 64, 65, 66 with window 2 in one
     * batched step, and checks every row against the window's pairs computed in double precision, each from
     * the rows as they were before the window. Returns the reference's steps (contexts x targets).
     */
    private double[][] assertWindowIsItsPairs(BatchedSkipGram sg, EmbeddingTable outputs, int centre,
                                              List<Integer> targets, double[] labels, DoubleBinaryOperator step) {
        return assertWindowIsItsPairs(sg, outputs, new int[] {60, 61, 62, centre, 64, 65, 66}, targets, labels, step);
    }

    /** The same for any sentence of seven words, centre at 3; its window is words 1, 2, 4 and 5. */
    private double[][] assertWindowIsItsPairs(BatchedSkipGram sg, EmbeddingTable outputs, int[] sentence,
                                              List<Integer> targets, double[] labels, DoubleBinaryOperator step) {
        int[] ctx = {sentence[1], sentence[2], sentence[4], sentence[5]};
        double[][] in = rows(model.input());
        double[][] out = rows(outputs);
        sg.train(sentence, sentence.length, 3, 2, ALPHA);

        double[][] g = new double[ctx.length][targets.size()];
        for (int i = 0; i < ctx.length; i++) {
            for (int j = 0; j < targets.size(); j++) {
                g[i][j] = step.applyAsDouble(dot(in[ctx[i]], out[targets.get(j)]), labels[j]) * ALPHA;
            }
        }
        double[][] inAfter = copy(in);
        double[][] outAfter = copy(out);
        for (int i = 0; i < ctx.length; i++) {
            for (int j = 0; j < targets.size(); j++) {
                for (int k = 0; k < DIM; k++) {
                    inAfter[ctx[i]][k] += g[i][j] * out[targets.get(j)][k]; // old rows on both sides
                    outAfter[targets.get(j)][k] += g[i][j] * in[ctx[i]][k];
                }
            }
        }
        assertClose(inAfter, rows(model.input()), 1e-5, "input rows");
        assertClose(outAfter, rows(outputs), 1e-5, "output rows");
        assertPaddingZero(model.input());
        assertPaddingZero(outputs);
        return g;
    }

    // ---------------------------------------------------------------- architectures

    @Test
    void skipGramTrainsEveryContextWordAgainstTheCentre() {
        RecordingObjective rec = new RecordingObjective(model.input());
        SkipGram sg = new SkipGram(model.input(), rec, new Rng(1), arena);
        int[] sentence = {5, 6, 7, 8, 9, 10, 11};
        double[][] before = rows(model.input());
        sg.train(sentence, sentence.length, 1, 2, ALPHA); // window 2 around position 1: positions 0, 2, 3
        assertEquals(List.of("5->6", "7->6", "8->6"), rec.calls);
        // Each context row received exactly the gradient the objective produced for it (0.25 * its own row).
        double[][] after = rows(model.input());
        for (int w : new int[] {5, 7, 8}) {
            for (int i = 0; i < DIM; i++) {
                assertEquals(before[w][i] * 1.25, after[w][i], 1e-6);
            }
        }
        assertEquals(before[6][0], after[6][0], 0.0, "the centre's input row is untouched");
    }

    @Test
    void cbowStepMatchesDoubleReference() {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, 5);
        Cbow cbow = new Cbow(model.input(), ns, new Rng(5), arena);
        int[] sentence = {20, 21, 22, 23, 24, 25};
        int pos = 2, window = 2; // context: 20, 21, 23, 24
        double[][] in = rows(model.input());
        double[][] out = rows(model.negativeOutput());
        cbow.train(sentence, sentence.length, pos, window, ALPHA);

        double[] h = new double[DIM];
        int[] ctx = {20, 21, 23, 24};
        for (int c : ctx) {
            for (int i = 0; i < DIM; i++) {
                h[i] += in[c][i] / ctx.length;
            }
        }
        Rng rng = new Rng(5);
        double[] g = new double[DIM];
        for (int d = 0; d <= 5; d++) {
            int w = d == 0 ? 22 : table.sample(rng);
            if (d > 0 && w == 22) {
                continue;
            }
            double label = d == 0 ? 1 : 0;
            double f = dot(h, out[w]);
            double gr = f > 6 ? (label - 1) * ALPHA : f < -6 ? label * ALPHA
                    : (label - SigmoidTable.sigmoid((float) f)) * ALPHA;
            for (int i = 0; i < DIM; i++) {
                g[i] += gr * out[w][i];
                out[w][i] += gr * h[i];
            }
        }
        for (int c : ctx) {
            for (int i = 0; i < DIM; i++) {
                in[c][i] += g[i];
            }
        }
        assertClose(in, rows(model.input()), 1e-5, "input rows");
        assertClose(out, rows(model.negativeOutput()), 1e-5, "output rows");
        assertPaddingZero(model.input());
    }

    @Test
    void cbowAtTheSentenceEdgeUsesOnlyExistingContext() {
        RecordingObjective rec = new RecordingObjective(model.input());
        Cbow cbow = new Cbow(model.input(), rec, new Rng(1), arena);
        int[] sentence = {30, 31, 32};
        cbow.train(sentence, 3, 0, 5, ALPHA);
        assertEquals(List.of("mean->30"), rec.calls);
        cbow.train(new int[] {33}, 1, 0, 5, ALPHA); // no context at all: nothing to train
        assertEquals(1, rec.calls.size());
    }

    /** Records calls; adds 0.25 x hidden to grad so the architecture's use of grad can be checked. */
    private static final class RecordingObjective implements Objective {
        final List<String> calls = new ArrayList<>();
        final EmbeddingTable input;

        RecordingObjective(EmbeddingTable input) {
            this.input = input;
        }

        @Override
        public void update(MemorySegment hidden, long hiddenOffset, int target, float alpha,
                           MemorySegment grad, long gradOffset, Rng rng) {
            String from = hidden == input.segment() ? String.valueOf(hiddenOffset / (4L * input.stride())) : "mean";
            calls.add(from + "->" + target);
            for (int i = 0; i < input.stride(); i++) {
                float v = hidden.get(java.lang.foreign.ValueLayout.JAVA_FLOAT, hiddenOffset + 4L * i);
                long o = gradOffset + 4L * i;
                grad.set(java.lang.foreign.ValueLayout.JAVA_FLOAT, o,
                        grad.get(java.lang.foreign.ValueLayout.JAVA_FLOAT, o) + 0.25f * v);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static Vocabulary zipfVocabulary(int v) {
        String[] words = new String[v];
        long[] counts = new long[v];
        words[0] = Vocabulary.EOS;
        counts[0] = 1000;
        for (int i = 1; i < v; i++) {
            words[i] = "w" + i;
            counts[i] = Math.max(5, 100_000 / i);
        }
        return Vocabulary.of(words, counts);
    }

    private static void fill(EmbeddingTable t, Random r, double scale) {
        for (int row = 0; row < t.rows(); row++) {
            for (int i = 0; i < t.dim(); i++) {
                t.set(row, i, (float) ((r.nextDouble() - 0.5) * scale));
            }
        }
    }

    private static double[] row(EmbeddingTable t, int r) {
        double[] d = new double[t.dim()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.get(r, i);
        }
        return d;
    }

    private static double[][] rows(EmbeddingTable t) {
        double[][] d = new double[t.rows()][];
        for (int r = 0; r < d.length; r++) {
            d[r] = row(t, r);
        }
        return d;
    }

    private static double[] segmentRow(MemorySegment s, long offset) {
        double[] d = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            d[i] = s.get(java.lang.foreign.ValueLayout.JAVA_FLOAT, offset + 4L * i);
        }
        return d;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static void assertPaddingZero(EmbeddingTable t) {
        for (int r = 0; r < t.rows(); r++) {
            for (int i = t.dim(); i < t.stride(); i++) {
                assertEquals(0f, t.segment().get(java.lang.foreign.ValueLayout.JAVA_FLOAT, t.offset(r) + 4L * i),
                        "padding of row " + r);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    private static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        for (int r = 0; r < expected.length; r++) {
            assertClose(expected[r], actual[r], tol, what + " row " + r);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double cosine(double[] a, double[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }

    private static double sigma(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
