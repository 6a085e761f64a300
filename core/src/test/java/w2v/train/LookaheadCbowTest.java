package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.foreign.Arena;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import w2v.model.EmbeddingTable;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.UnigramTable;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.Loss;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * LookaheadCbow must be Cbow to the bit (Cbow's step is checked against a double-precision reference in
 * UpdateStepTest): the same draws in the same order, the same rows after every sentence, whatever the sentence
 * length (one word trains nothing, two have one context word each) and the losses.
 */
class LookaheadCbowTest {

    private static final int V = 300;
    private static final float ALPHA = 0.05f;

    private final Vocabulary vocab = UpdateStepTest.zipfVocabulary(V);
    private final Arena arena = Arena.ofConfined();
    private Model perWordModel;
    private Model lookaheadModel;

    @AfterEach
    void close() {
        perWordModel.close();
        lookaheadModel.close();
        arena.close();
    }

    @Test
    void negativeSamplingMatchesThePerWordPathBitForBit() {
        for (int dim : new int[] {37, 100}) {
            trainBoth(dim, false);
        }
    }

    @Test
    void hierarchicalSoftmaxWithNegativeSamplingMatchesThePerWordPathBitForBit() {
        trainBoth(48, true);
    }

    private void trainBoth(int dim, boolean hs) {
        if (perWordModel != null) {
            perWordModel.close();
            lookaheadModel.close();
        }
        perWordModel = model(dim);
        lookaheadModel = model(dim);
        Architecture perWord = new Cbow(perWordModel.input(), losses(perWordModel, hs));
        Loss[] losses = losses(lookaheadModel, hs);
        Architecture lookahead = new LookaheadCbow(new Cbow(lookaheadModel.input(), losses), lookaheadModel.input(),
                losses);
        Scratch a = perWord.newScratch(new Rng(11), arena);
        Scratch b = lookahead.newScratch(new Rng(11), arena);
        Random words = new Random(dim);
        long before = checksum(lookaheadModel.input());
        for (int length : new int[] {1, 2, 3, 12, 1, 40, 7, Worker.MAX_SENTENCE}) {
            int[] sentence = new int[Worker.MAX_SENTENCE];
            for (int i = 0; i < length; i++) {
                sentence[i] = 1 + Math.min(words.nextInt(V - 1), words.nextInt(V - 1)); // frequent words recur
            }
            perWord.trainSentence(sentence, length, 5, ALPHA, a);
            lookahead.trainSentence(sentence, length, 5, ALPHA, b);
            String what = "dim " + dim + ", sentence of " + length;
            assertEquals(a.rng.state(), b.rng.state(), what + ": random draws");
            assertEquals(-1L, perWordModel.input().segment().mismatch(lookaheadModel.input().segment()),
                    what + ": input rows");
            assertEquals(-1L, perWordModel.negativeOutput().segment()
                    .mismatch(lookaheadModel.negativeOutput().segment()), what + ": output rows");
            assertEquals(-1L, perWordModel.softmaxNodes().segment()
                    .mismatch(lookaheadModel.softmaxNodes().segment()), what + ": softmax nodes");
        }
        assertNotEquals(before, checksum(lookaheadModel.input()), "training changed the rows");
    }

    private Loss[] losses(Model m, boolean hs) {
        Loss ns = new NegativeSampling(m.negativeOutput(), new UnigramTable(vocab), 5);
        return hs ? new Loss[] {new HierarchicalSoftmax(m.softmaxNodes(), HuffmanTree.build(vocab)), ns}
                : new Loss[] {ns};
    }

    private static Model model(int dim) {
        Model m = new Model(V, dim, true, true);
        Random r = new Random(42);
        for (EmbeddingTable t : new EmbeddingTable[] {m.input(), m.negativeOutput(), m.softmaxNodes()}) {
            for (int row = 0; row < t.rows(); row++) {
                for (int i = 0; i < t.dim(); i++) {
                    t.set(row, i, (r.nextFloat() - 0.5f) / dim * 4);
                }
            }
        }
        return m;
    }

    private static long checksum(EmbeddingTable t) {
        long h = 0;
        for (int row = 0; row < t.rows(); row++) {
            for (int i = 0; i < t.dim(); i++) {
                h = 31 * h + Float.floatToIntBits(t.get(row, i));
            }
        }
        return h;
    }
}
