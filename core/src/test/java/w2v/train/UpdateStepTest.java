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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import w2v.model.EmbeddingTable;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.sampling.UnigramTable;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.Loss;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * One update step of each loss and architecture against a double-precision reference written from the
 * word2vec equations, and the gradient it applies against finite differences of the loss.
 */
class UpdateStepTest {

    private static final int V = 500;
    private static final int DIM = 37; // not a multiple of 16: the padding must stay zero
    private static final float ALPHA = 0.05f;

    private final Vocabulary vocab = zipfVocabulary(V);
    private final Model model = new Model(V, DIM, true, true);
    private final Arena arena = Arena.ofConfined();
    private Scratch lastScratch; // of the last pairUpdate

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

    /**
     * 5 negatives: distinct draws, which the update scores all first (PathLogistic); 60: some word drawn twice,
     * where the second draw must be scored after the first one's update, target after target as in C.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 60})
    void negativeSamplingStepMatchesDoubleReference(int negatives) {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, negatives);
        int context = 17, target = 3;
        Rng probe = new Rng(9);
        java.util.Set<Integer> drawn = new java.util.HashSet<>();
        boolean repeats = false;
        for (int d = 0; d < negatives; d++) {
            repeats |= !drawn.add(table.sample(probe));
        }
        assertEquals(negatives > 5, repeats, "the case this parameter is meant to exercise");
        double[] h = row(model.input(), context);
        double[][] outBefore = rows(model.negativeOutput());

        MemorySegment grad = pairUpdate(ns, context, target, 9);

        // Reference: same draws (same seed), sequential updates in double.
        Rng rng = new Rng(9);
        double[][] out = copy(outBefore);
        double[] g = new double[DIM];
        double loss = 0;
        for (int d = 0; d <= negatives; d++) {
            int w = d == 0 ? target : table.sample(rng);
            if (d > 0 && w == target) {
                continue;
            }
            double label = d == 0 ? 1 : 0;
            double f = dot(h, out[w]);
            loss += pairLoss(f, label);
            double gr = f > 6 ? (label - 1) * ALPHA : f < -6 ? label * ALPHA
                    : (label - SigmoidTable.sigmoid((float) f)) * ALPHA;
            for (int i = 0; i < DIM; i++) {
                g[i] += gr * out[w][i];
            }
            for (int i = 0; i < DIM; i++) {
                out[w][i] += gr * h[i];
            }
        }
        assertEquals(loss, lastScratch.lossSum, 1e-4 * loss, "the pairs' loss, each from the rows before its update");
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

        MemorySegment grad = pairUpdate(ns, context, target, seed);

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

        MemorySegment grad = pairUpdate(hs, context, target, 1);

        double[] g = new double[DIM];
        double hsPairs = 0;
        int s = tree.start(target);
        for (int d = 0; d < tree.codeLength(target); d++) {
            int node = tree.points()[s + d];
            int code = tree.codes()[s + d];
            double f = dot(h, nodes[node]);
            hsPairs += pairLoss(f, 1 - code);
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
        assertEquals(hsPairs, lastScratch.lossSum, 1e-4 * hsPairs, "every node's loss, skipped ones included");
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
        BatchedSkipGram sg = new BatchedSkipGram(model.input(), ns, 3);
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
        assertWindowIsItsPairs(sg, sg.newScratch(new Rng(seed), arena), model.negativeOutput(), sentence, targets,
                labels, (f, label) -> f > 6 ? label - 1 : f < -6 ? label : label - SigmoidTable.sigmoid((float) f));
    }

    @Test
    void batchedHierarchicalSoftmaxIsTheMatrixFormOfTheWindowsPairs() {
        HuffmanTree tree = HuffmanTree.build(vocab);
        BatchedSkipGram sg = new BatchedSkipGram(model.input(), new HierarchicalSoftmax(model.softmaxNodes(), tree), 3);
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
        double[][] g = assertWindowIsItsPairs(sg, sg.newScratch(new Rng(8), arena), model.softmaxNodes(),
                new int[] {60, 61, 62, centre, 64, 65, 66}, targets, labels,
                (f, label) -> f <= -6 || f >= 6 ? 0 : label - SigmoidTable.sigmoid((float) f));
        assertEquals(0, g[0][0], "the saturated pair is skipped");
        assertTrue(Arrays.stream(g).flatMapToDouble(Arrays::stream).filter(x -> x != 0).count() > targets.size(),
                "most pairs train");
    }

    @Test
    void batchedHierarchicalSoftmaxWithFeedbackScoresEachContextAfterTheEarlierOnes() {
        HuffmanTree tree = HuffmanTree.build(vocab);
        BatchedSkipGram sg = new BatchedSkipGram(model.input(), new HierarchicalSoftmax(model.softmaxNodes(), tree), 3,
                true);
        int centre = 250;
        int[] path = Arrays.copyOfRange(tree.points(), tree.start(centre), tree.start(centre + 1));
        double[] labels = new double[path.length];
        for (int d = 0; d < labels.length; d++) {
            labels[d] = 1 - tree.codes()[tree.start(centre) + d];
        }
        // Contexts that point the same way, so that the earlier steps move the later scores by a lot.
        int[] ctx = {61, 62, 64, 65};
        for (int c : ctx) {
            for (int i = 0; i < DIM; i++) {
                model.input().set(c, i, model.input().get(60, i) * 4 + model.input().get(c, i) * 0.1f);
            }
        }
        double[][] in = rows(model.input());
        double[][] out = rows(model.softmaxNodes());
        double[][] oldOut = copy(out);
        sg.train(new int[] {60, 61, 62, centre, 64, 65, 66}, 7, 3, 2, ALPHA, sg.newScratch(new Rng(8), arena));

        // word2vec C's pairs in order: each context scored against the nodes as the earlier pairs left them, its
        // gradient from those nodes, the nodes moved from the old input rows.
        double[][] inAfter = copy(in);
        double[][] inFirstOrder = copy(in); // the gradient from the old nodes, as without feedback
        boolean changed = false;
        for (int c : ctx) {
            for (int j = 0; j < path.length; j++) {
                int node = path[j];
                double f = dot(in[c], out[node]);
                double g = (f <= -6 || f >= 6 ? 0 : labels[j] - SigmoidTable.sigmoid((float) f)) * ALPHA;
                double stale = dot(in[c], oldOut[node]);
                double gStale = (stale <= -6 || stale >= 6 ? 0 : labels[j] - SigmoidTable.sigmoid((float) stale))
                        * ALPHA;
                changed |= Math.abs(g - gStale) > 1e-3;
                for (int k = 0; k < DIM; k++) {
                    inAfter[c][k] += g * out[node][k];
                    inFirstOrder[c][k] += g * oldOut[node][k];
                    out[node][k] += g * in[c][k];
                }
            }
        }
        assertTrue(changed, "the earlier pairs must change some later step, or this test shows nothing");
        assertClose(out, rows(model.softmaxNodes()), 1e-4, "node rows");
        // The input rows' term is applied from rows that already moved: a third-order difference, here (rows
        // of norm ~5 all pointing one way) up to ~2e-4, against second-order terms of up to ~1e-2.
        assertClose(inAfter, rows(model.input()), 5e-4, "input rows");
        double secondOrder = 0;
        for (int c : ctx) {
            for (int k = 0; k < DIM; k++) {
                secondOrder = Math.max(secondOrder, Math.abs(inAfter[c][k] - inFirstOrder[c][k]));
            }
        }
        assertTrue(secondOrder > 5e-3, "the input rows' second-order term must be visible: " + secondOrder);
        assertPaddingZero(model.input());
        assertPaddingZero(model.softmaxNodes());
    }

    @Test
    void hierarchicalSoftmaxStepIsCsRuleAtEveryTableStep() {
        HierarchicalSoftmax hs = new HierarchicalSoftmax(model.softmaxNodes(), HuffmanTree.build(vocab));
        List<Float> scores = new ArrayList<>(List.of(0f, -0f, 6f, -6f, Math.nextUp(-6f), Math.nextDown(6f),
                Math.nextUp(6f), Math.nextDown(-6f), 1e9f, -1e9f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        for (int k = 0; k <= SigmoidTable.SIZE; k++) {
            float f = -6f + k * 12f / SigmoidTable.SIZE;
            scores.addAll(List.of(f, Math.nextUp(f), Math.nextDown(f)));
        }
        for (float f : scores) {
            for (float label : new float[] {0f, 1f}) {
                float expected = f <= -6 || f >= 6 ? 0f : (label - SigmoidTable.sigmoid(f)) * ALPHA;
                assertEquals(expected, hs.step(f, label, ALPHA), 0f, "score " + f);
            }
        }
    }

    /**
     * Trains position 3 of a seven-word sentence with window 2 (context: positions 1, 2, 4 and 5) in one batched step,
     * and checks every row against the window's pairs computed in double precision, each from the rows as they
     * were before the window. Returns the reference's steps (contexts x targets).
     */
    private double[][] assertWindowIsItsPairs(BatchedSkipGram sg, Scratch scratch, EmbeddingTable outputs,
                                              int[] sentence, List<Integer> targets, double[] labels,
                                              DoubleBinaryOperator step) {
        int[] ctx = {sentence[1], sentence[2], sentence[4], sentence[5]};
        double[][] in = rows(model.input());
        double[][] out = rows(outputs);
        sg.train(sentence, sentence.length, 3, 2, ALPHA, scratch);

        double[][] g = new double[ctx.length][targets.size()];
        double loss = 0;
        for (int i = 0; i < ctx.length; i++) {
            for (int j = 0; j < targets.size(); j++) {
                double f = dot(in[ctx[i]], out[targets.get(j)]);
                g[i][j] = step.applyAsDouble(f, labels[j]) * ALPHA;
                loss += pairLoss(f, labels[j]);
            }
        }
        assertEquals(loss, scratch.lossSum, 1e-4 * loss, "every pair's loss, from the rows before the window");
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
    void skipGramTrainsEveryContextWordAgainstTheCentreOnePairAfterAnother() {
        RecordingLoss rec = new RecordingLoss(new NegativeSampling(model.negativeOutput(), new UnigramTable(vocab), 0));
        SkipGram sg = new SkipGram(model.input(), rec);
        int[] sentence = {5, 6, 7, 8, 9, 10, 11};
        double[][] in = rows(model.input());
        double[][] out = rows(model.negativeOutput());
        sg.train(sentence, sentence.length, 1, 2, ALPHA, sg.newScratch(new Rng(1), arena)); // positions 0, 2, 3
        assertEquals(List.of(6, 6, 6), rec.words, "one pair per context word, each against the centre");

        // Reference: the pairs (5, 6), (7, 6), (8, 6) in order, each context row taking its pair's gradient.
        double[] centreInput = in[6].clone();
        for (int c : new int[] {5, 7, 8}) {
            double f = dot(in[c], out[6]);
            double g = (1 - SigmoidTable.sigmoid((float) f)) * ALPHA;
            double[] grad = new double[DIM];
            for (int i = 0; i < DIM; i++) {
                grad[i] = g * out[6][i];
                out[6][i] += g * in[c][i];
            }
            for (int i = 0; i < DIM; i++) {
                in[c][i] += grad[i];
            }
        }
        assertClose(in, rows(model.input()), 1e-5, "input rows");
        assertClose(out, rows(model.negativeOutput()), 1e-5, "output rows");
        assertClose(centreInput, row(model.input(), 6), 0, "the centre's input row is untouched");
    }

    @ParameterizedTest(name = "cbowMean={0}")
    @ValueSource(booleans = {false, true})
    void cbowStepMatchesDoubleReference(boolean cbowMean) {
        UnigramTable table = new UnigramTable(vocab);
        NegativeSampling ns = new NegativeSampling(model.negativeOutput(), table, 5);
        Cbow cbow = new Cbow(model.input(), cbowMean, ns);
        int[] sentence = {20, 21, 22, 23, 24, 25};
        int pos = 2, window = 2; // context: 20, 21, 23, 24
        double[][] in = rows(model.input());
        double[][] out = rows(model.negativeOutput());
        Scratch scratch = cbow.newScratch(new Rng(5), arena);
        cbow.train(sentence, sentence.length, pos, window, ALPHA, scratch);

        double[] h = new double[DIM];
        int[] ctx = {20, 21, 23, 24};
        for (int c : ctx) {
            for (int i = 0; i < DIM; i++) {
                h[i] += cbowMean ? in[c][i] / ctx.length : in[c][i];
            }
        }
        Rng rng = new Rng(5);
        double[] g = new double[DIM];
        double loss = 0;
        for (int d = 0; d <= 5; d++) {
            int w = d == 0 ? 22 : table.sample(rng);
            if (d > 0 && w == 22) {
                continue;
            }
            double label = d == 0 ? 1 : 0;
            double f = dot(h, out[w]);
            loss += pairLoss(f, label);
            double gr = f > 6 ? (label - 1) * ALPHA : f < -6 ? label * ALPHA
                    : (label - SigmoidTable.sigmoid((float) f)) * ALPHA;
            for (int i = 0; i < DIM; i++) {
                g[i] += gr * out[w][i];
                out[w][i] += gr * h[i];
            }
        }
        // C (and gensim's cbow_mean=1) add the whole gradient of the mean to each context row; gensim's
        // cbow_mean=0 trains the sum and divides its gradient by the context size.
        double share = cbowMean ? 1.0 : 1.0 / ctx.length;
        for (int c : ctx) {
            for (int i = 0; i < DIM; i++) {
                in[c][i] += share * g[i];
            }
        }
        assertClose(in, rows(model.input()), 1e-6, "input rows");
        assertClose(out, rows(model.negativeOutput()), 1e-5, "output rows");
        assertEquals(loss, scratch.lossSum, 1e-4 * loss, "the pairs' loss, each from the rows before its update");
        assertPaddingZero(model.input());
    }

    @Test
    void cbowAtTheSentenceEdgeUsesOnlyExistingContext() {
        RecordingLoss rec = new RecordingLoss(new NegativeSampling(model.negativeOutput(), new UnigramTable(vocab), 0));
        Cbow cbow = new Cbow(model.input(), rec);
        Scratch scratch = cbow.newScratch(new Rng(1), arena);
        double[][] in = rows(model.input());
        double[][] out = rows(model.negativeOutput());
        cbow.train(new int[] {30, 31, 32}, 3, 0, 5, ALPHA, scratch);
        assertEquals(List.of(30), rec.words);
        // The hidden vector is the mean of the two words that exist; both take the whole gradient.
        double[] h = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            h[i] = (in[31][i] + in[32][i]) / 2;
        }
        double g = (1 - SigmoidTable.sigmoid((float) dot(h, out[30]))) * ALPHA;
        for (int i = 0; i < DIM; i++) {
            in[31][i] += g * out[30][i];
            in[32][i] += g * out[30][i];
            out[30][i] += g * h[i];
        }
        assertClose(in, rows(model.input()), 1e-5, "input rows");
        assertClose(out, rows(model.negativeOutput()), 1e-5, "output rows");

        cbow.train(new int[] {33}, 1, 0, 5, ALPHA, scratch); // no context at all: nothing to train
        assertEquals(1, rec.words.size());
    }

    /** A loss that records the words it lists targets for, and otherwise is {@code inner}. */
    private static final class RecordingLoss implements Loss {
        final List<Integer> words = new ArrayList<>();
        final Loss inner;

        RecordingLoss(Loss inner) {
            this.inner = inner;
        }

        @Override
        public MemorySegment outputs() {
            return inner.outputs();
        }

        @Override
        public int maxTargets() {
            return inner.maxTargets();
        }

        @Override
        public int targets(int word, long[] rows, float[] labels, Rng rng) {
            words.add(word);
            return inner.targets(word, rows, labels, rng);
        }

        @Override
        public float step(float score, float label, float alpha) {
            return inner.step(score, label, alpha);
        }

        @Override
        public boolean skipsZeroSteps() {
            return inner.skipsZeroSteps();
        }

        @Override
        public boolean distinctTargets() {
            return inner.distinctTargets();
        }
    }

    /** One pair through the shared binary-logistic update; returns the gradient it summed for the hidden row. */
    private MemorySegment pairUpdate(Loss loss, int context, int target, long seed) {
        Scratch s = new Scratch(new Rng(seed), arena, model.input().stride(), loss.maxTargets(), 0);
        lastScratch = s;
        BinaryLogistic.update(loss, model.input().segment(), model.input().offset(context), target, ALPHA, s);
        return s.grad;
    }

    // ---------------------------------------------------------------- helpers

    /** -log sigma(f) for label 1, -log sigma(-f) for label 0, in double and without overflow. */
    static double pairLoss(double f, double label) {
        double z = label == 1 ? -f : f;
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

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
