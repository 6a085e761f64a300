package w2v.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import w2v.kernel.Kernels;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.UnigramTable;
import w2v.train.BatchedSkipGram;
import w2v.train.BinaryLogistic;
import w2v.train.Cbow;
import w2v.train.LookaheadCbow;
import w2v.train.Scratch;
import w2v.train.SkipGram;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * One training step of each kind on a 100k-word Zipf vocabulary (tables of 45-120 MB each, as in real
 * training), with the real classes:
 * <ul>
 *   <li>{@code skipGramNegative}: one skip-gram pair with k=5 negatives, exactly SkipGram's loop body: clear
 *       the gradient, {@link BinaryLogistic#update} with {@link NegativeSampling}, add the gradient to the
 *       context word's input row;</li>
 *   <li>{@code skipGramHs}: the same pair with {@link HierarchicalSoftmax} (a Huffman path of ~5-17 nodes);</li>
 *   <li>{@code cbowNegative}: {@link Cbow#train} at one position of a fixed 1000-word sentence with a full
 *       window of 5 (10 context words), k=5 negatives; positions cycle along the sentence.</li>
 *   <li>{@code cbowSentence} and {@code cbowSentenceLookahead}: a whole 1000-word sentence, windows shrunk at
 *       random as in training, by {@link Cbow} one position at a time and by {@link LookaheadCbow} (the same
 *       updates, its rows touched a word ahead); per operation, 1000 {@code cbowNegative} steps.</li>
 *   <li>{@code skipGramBatched}: {@link BatchedSkipGram#train} at one position of the same sentence and
 *       window: the 10 context words against the centre and k=5 shared negatives, which is the work of 10
 *       {@code skipGramNegative} pairs (the default skip-gram update).</li>
 *   <li>{@code skipGramHsBatched}: the same window with hierarchical softmax: the 10 context words against
 *       the centre word's Huffman path, the work of 10 {@code skipGramHs} pairs.</li>
 * </ul>
 * Words (centre, context and sentence) are drawn from the count^0.75 distribution, so frequent words, and their
 * rows, recur as in a corpus. The model is reset at every iteration so it does not drift into saturation (where
 * negative sampling skips its axpys and would look faster than it is).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC"})
public class TrainStepBench {

    static final int VOCAB = 100_000;
    static final int NEGATIVES = 5;
    static final int PAIRS = 1 << 20;
    static final int SENTENCE = 1000;
    static final int WINDOW = 5;
    static final float ALPHA_SG = 0.025f;
    static final float ALPHA_CBOW = 0.05f;

    @Param({"scalar", "panama"})
    public String impl;

    @Param({"100", "300"})
    public int dim;

    private Model model;
    private MemorySegment initialInput;
    private Scratch pairScratch;
    private Scratch cbowScratch;
    private Scratch batchedScratch;
    private Scratch batchedHsScratch;
    private long rowBytes;
    private int stride;
    private NegativeSampling negative;
    private HierarchicalSoftmax hs;
    private Cbow cbow;
    private LookaheadCbow lookahead;
    private Scratch lookaheadScratch;
    private BatchedSkipGram batched;
    private BatchedSkipGram batchedHs;
    private int[] pairs; // centre, context, centre, context, ...
    private int cursor;
    private final int[] sentence = new int[SENTENCE];
    private int position = WINDOW;

    @Setup(Level.Trial)
    public void setup() {
        KernelChoice.select(impl);
        Vocabulary vocab = Zipf.vocabulary(VOCAB);
        UnigramTable unigram = new UnigramTable(vocab);
        model = new Model(vocab.size(), dim, true, true);
        model.initialize(1);
        long bytes = model.input().segment().byteSize();
        initialInput = model.arena().allocate(bytes, 64);
        initialInput.copyFrom(model.input().segment());
        stride = model.input().stride();
        rowBytes = (long) stride * Float.BYTES;
        negative = new NegativeSampling(model.negativeOutput(), unigram, NEGATIVES);
        hs = new HierarchicalSoftmax(model.softmaxNodes(), HuffmanTree.build(vocab));
        Rng rng = new Rng(3);
        pairScratch = new SkipGram(model.input(), hs, negative).newScratch(rng, model.arena());
        cbow = new Cbow(model.input(), negative);
        cbowScratch = cbow.newScratch(rng, model.arena());
        lookahead = new LookaheadCbow(new Cbow(model.input(), negative), model.input(), negative);
        lookaheadScratch = lookahead.newScratch(new Rng(3), model.arena());
        batched = new BatchedSkipGram(model.input(), negative, WINDOW);
        batchedScratch = batched.newScratch(rng, model.arena());
        batchedHs = new BatchedSkipGram(model.input(), hs, WINDOW);
        batchedHsScratch = batchedHs.newScratch(rng, model.arena());
        Rng words = new Rng(5);
        pairs = new int[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            pairs[i] = unigram.sample(words);
        }
        for (int i = 0; i < SENTENCE; i++) {
            sentence[i] = unigram.sample(words);
        }
    }

    @Setup(Level.Iteration)
    public void reset() {
        model.input().segment().copyFrom(initialInput);
        model.negativeOutput().segment().fill((byte) 0);
        model.softmaxNodes().segment().fill((byte) 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int bad = model.input().firstNonFiniteRow();
        model.close();
        if (bad >= 0) {
            throw new IllegalStateException("the model diverged during the benchmark (row " + bad + ")");
        }
    }

    @Benchmark
    public void skipGramNegative() {
        int c = cursor;
        cursor = (c + 2) & (PAIRS - 1);
        long h = pairs[c + 1] * rowBytes;
        MemorySegment grad = pairScratch.grad();
        grad.fill((byte) 0);
        BinaryLogistic.update(negative, model.input().segment(), h, pairs[c], ALPHA_SG, pairScratch);
        Kernels.get().axpy(1f, grad, 0, model.input().segment(), h, stride);
    }

    @Benchmark
    public void skipGramHs() {
        int c = cursor;
        cursor = (c + 2) & (PAIRS - 1);
        long h = pairs[c + 1] * rowBytes;
        MemorySegment grad = pairScratch.grad();
        grad.fill((byte) 0);
        BinaryLogistic.update(hs, model.input().segment(), h, pairs[c], ALPHA_SG, pairScratch);
        Kernels.get().axpy(1f, grad, 0, model.input().segment(), h, stride);
    }

    @Benchmark
    public void cbowNegative() {
        cbow.train(sentence, SENTENCE, nextPosition(), WINDOW, ALPHA_CBOW, cbowScratch);
    }

    @Benchmark
    public void cbowSentence() {
        cbow.trainSentence(sentence, SENTENCE, WINDOW, ALPHA_CBOW, cbowScratch);
    }

    @Benchmark
    public void cbowSentenceLookahead() {
        lookahead.trainSentence(sentence, SENTENCE, WINDOW, ALPHA_CBOW, lookaheadScratch);
    }

    @Benchmark
    public void skipGramBatched() {
        batched.train(sentence, SENTENCE, nextPosition(), WINDOW, ALPHA_SG, batchedScratch);
    }

    @Benchmark
    public void skipGramHsBatched() {
        batchedHs.train(sentence, SENTENCE, nextPosition(), WINDOW, ALPHA_SG, batchedHsScratch);
    }

    /** Positions cycle along the sentence, each with a full window. */
    private int nextPosition() {
        int p = position;
        position = p + 1 < SENTENCE - WINDOW ? p + 1 : WINDOW;
        return p;
    }
}
