package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import w2v.model.Model;
import w2v.train.config.Initialization;
import w2v.train.config.Preset;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;

/** The options beyond word2vec C's flags: the learning-rate schedule, the initialisation, their checks. */
class QualityOptionsTest {

    @Test
    void minAlphaDecaysLinearlyToExactlyItsValueAtTheLastWord() {
        long total = 1_234_567;
        LearningRate r = new LearningRate(0.025f, 0.0001f, total);
        assertEquals(0.025f, r.at(0));
        assertEquals((float) (0.025f - (0.025f - 0.0001f) * (double) (total / 2) / total), r.at(total / 2));
        assertEquals(0.0001f, r.at(total), "the rate at the last word");
        assertEquals(0.0001f, r.at(total + 10_000), "a publication past the end stays there");
        LearningRate none = new LearningRate(0.025f, 0f, total);
        assertEquals(0f, none.at(total), "-min-alpha 0 has no floor");
    }

    @Test
    void cScheduleIsUnchanged() {
        long total = 1_000_000;
        LearningRate c = new LearningRate(0.05f, TrainingConfig.C_SCHEDULE, total);
        for (long done : new long[] {0, 1, 10_000, 500_000, 999_999, total}) {
            double a = 0.05f * (1 - done / (total + 1.0));
            assertEquals((float) Math.max(a, 0.05f * 1e-4), c.at(done), "at " + done);
        }
    }

    @Test
    void gensimInitialisationIsTwiceCsRangeFromTheSameNumbers() {
        int dim = 37;
        try (Model c = new Model(5000, dim, true, false); Model g = new Model(5000, dim, true, false)) {
            c.initialize(9, 2, Initialization.C);
            g.initialize(9, 2, Initialization.GENSIM);
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (int r = 0; r < 5000; r++) {
                for (int i = 0; i < dim; i++) {
                    float x = g.input().get(r, i);
                    // (2u - 1) / dim = 2 (u - 0.5) / dim, exactly in float: both are exact scalings.
                    assertEquals(2 * c.input().get(r, i), x, "row " + r);
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            assertEquals(-1.0 / dim, min, 0.01 / dim, "gensim's range starts at -1/dim");
            assertEquals(1.0 / dim, max, 0.01 / dim, "and ends below 1/dim");
            assertEquals(true, max < 1f / dim);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheFlag() {
        TrainingConfig c = TrainingConfig.defaults(true, 1);
        assertMessage("-min-alpha must be a number in [0, -alpha] (got -1.0 with -alpha 0.05)",
                () -> c.with(new QualityOptions(-1f, true, Initialization.C)).validate());
        assertMessage("-min-alpha must be a number in [0, -alpha] (got 0.1 with -alpha 0.05)",
                () -> c.with(new QualityOptions(0.1f, true, Initialization.C)).validate());
        assertMessage("-init must be c or gensim (got foo)", () -> Initialization.of("foo"));
        assertMessage("-preset must be accurate (got fast)", () -> Preset.of("fast"));
        assertEquals(Initialization.GENSIM, Initialization.of("gensim"));
        assertEquals(Preset.ACCURATE, Preset.of("accurate"));
    }

    @Test
    void thePresetEndsTheDecayAtHalfAlphaOverTheEpochs() {
        assertEquals(0.025f, Preset.ACCURATE.minAlpha(0.05f, 1), "CBOW, 1 epoch: half of -alpha");
        assertEquals(0.005f, Preset.ACCURATE.minAlpha(0.05f, 5), 1e-9f, "CBOW, 5 epochs: a tenth");
        assertEquals(0.0025f, Preset.ACCURATE.minAlpha(0.025f, 5), 1e-9f, "skip-gram, 5 epochs");
        QualityOptions o = Preset.ACCURATE.options(0.025f, 1);
        assertEquals(new QualityOptions(0.0125f, true, Initialization.GENSIM), o);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
