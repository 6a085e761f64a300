package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusFile;
import w2v.data.PlantedCorpus;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.UnigramTable;
import w2v.train.config.Initialization;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;
import w2v.train.loss.Loss;
import w2v.train.loss.NegativeSampling;
import w2v.train.loss.PairLoss;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/**
 * The loss a run reports: each epoch's mean loss per word equals a recomputation, in double, of every pair's
 * -log sigma(+-score) from the rows as the pair saw them, and it falls epoch over epoch on a planted corpus.
 */
class TrainingLossTest {

    @TempDir
    Path dir;

    @Test
    void pairLossIsMinusLogSigmoidWithinTheTablesError() {
        for (double f = -40; f <= 40; f += 0.0137) {
            for (float label : new float[] {0f, 1f}) {
                double exact = UpdateStepTest.pairLoss((float) f, label);
                assertEquals(exact, PairLoss.of((float) f, label), 2e-5 + 1e-6 * exact, "score " + f + " label " + label);
            }
        }
        assertTrue(Float.isNaN(PairLoss.of(Float.NaN, 1f)), "a NaN score is not hidden");
    }

    @Test
    void eachEpochsLossEqualsADirectRecomputationAndFalls() throws Exception {
        Path file = dir.resolve("planted.txt");
        new PlantedCorpus(PlantedCorpus.Spec.small().withWords(60_000)).write(file);
        CorpusFile corpus = CorpusFile.of(file);
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        // One thread, no subsampling, one pair at a time; with -min-alpha and gensim's initialisation, so those
        // paths are the ones replayed.
        TrainingConfig c = new TrainingConfig(24, 4, 0, false, 3, 1, 4, 1, 0.025f, false, 7, false)
                .with(new QualityOptions(0.001f, true, Initialization.GENSIM));
        Trainer trainer = new Trainer(c, corpus, v);
        double[] reported;
        try (Model trained = trainer.train();
             Model replayed = new Model(v.size(), c.dim(), true, false);
             Arena arena = Arena.ofConfined()) {
            reported = trainer.progress().epochLosses();
            assertEquals(0.001f, trainer.progress().alpha(), "the rate at the last word is -min-alpha");
            double[] recomputed = replay(c, v, Files.readString(file), replayed, arena);
            assertEquals(-1, seg(trained).mismatch(seg(replayed)), "the replay trains exactly as the trainer");
            assertEquals(c.epochs(), reported.length);
            for (int e = 0; e < reported.length; e++) {
                assertEquals(recomputed[e], reported[e], 1e-5 * recomputed[e], "epoch " + (e + 1));
            }
        }
        for (int e = 1; e < reported.length; e++) {
            assertTrue(reported[e] < reported[e - 1], "the loss falls: " + Arrays.toString(reported));
        }
    }

    /**
     * Trains {@code model} as one worker of {@code c} would (same random numbers, same sentences, same learning
     * rate at the same words) and returns each epoch's loss per word, summed in double from each pair's score.
     */
    private static double[] replay(TrainingConfig c, Vocabulary v, String text, Model model, Arena arena) {
        model.initialize(c.seed(), 1, c.init());
        double[] loss = new double[c.epochs()];
        long[] words = new long[c.epochs()];
        int[] epoch = {0};
        Loss ns = new NegativeSampling(model.negativeOutput(), new UnigramTable(v), c.negative());
        Loss recording = new Loss() {
            @Override
            public MemorySegment outputs() {
                return ns.outputs();
            }

            @Override
            public int maxTargets() {
                return ns.maxTargets();
            }

            @Override
            public int targets(int word, long[] rows, float[] labels, Rng rng) {
                return ns.targets(word, rows, labels, rng);
            }

            @Override
            public float step(float score, float label, float alpha) {
                loss[epoch[0]] += UpdateStepTest.pairLoss(score, label);
                return ns.step(score, label, alpha);
            }

            @Override
            public boolean skipsZeroSteps() {
                return ns.skipsZeroSteps();
            }

            @Override
            public boolean distinctTargets() {
                return ns.distinctTargets();
            }
        };
        SkipGram sg = new SkipGram(model.input(), recording);
        Scratch s = sg.newScratch(new Rng(Trainer.mix(c.seed(), 0)), arena);
        LearningRate rate = new LearningRate(c.alpha(), c.minAlpha(), v.totalCount() * c.epochs());
        long published = 0;
        long unpublished = 0;
        float alpha = rate.at(0);
        int[] sentence = new int[Worker.MAX_SENTENCE];
        String[] lines = text.split("\n");
        for (; epoch[0] < c.epochs(); epoch[0]++) {
            for (String line : lines) {
                int length = 0;
                for (String token : line.split(" ")) {
                    if (!token.isEmpty()) {
                        sentence[length++] = v.indexOf(token);
                    }
                }
                unpublished += length + 1; // and the line end, </s>
                words[epoch[0]] += length;
                for (int pos = 0; pos < length; pos++) {
                    sg.train(sentence, length, pos, c.window() - s.rng.nextInt(c.window()), alpha, s);
                }
                if (unpublished >= Worker.PUBLISH_EVERY) {
                    published += unpublished;
                    unpublished = 0;
                    alpha = rate.at(published);
                }
            }
        }
        for (int e = 0; e < loss.length; e++) {
            loss[e] /= words[e];
        }
        return loss;
    }

    private static MemorySegment seg(Model m) {
        return m.input().segment();
    }
}
