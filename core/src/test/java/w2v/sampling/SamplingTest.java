package w2v.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import w2v.train.LearningRate;
import w2v.vocab.Vocabulary;

class SamplingTest {

    @Test
    void negativesFollowCountToThePowerThreeQuartersAndSkipLineEnds() {
        String[] words = {"</s>", "a", "b", "c", "d", "e"};
        long[] counts = {1_000_000, 10_000, 5_000, 1_000, 20, 1};
        UnigramTable t = new UnigramTable(Vocabulary.of(words, counts));
        double z = 0;
        for (int i = 1; i < counts.length; i++) {
            z += Math.pow(counts[i], 0.75);
        }
        int n = 4_000_000;
        long[] seen = new long[counts.length];
        Rng rng = new Rng(5);
        for (int i = 0; i < n; i++) {
            seen[t.sample(rng)]++;
        }
        assertEquals(0, seen[0], "</s> is never a negative");
        for (int i = 1; i < counts.length; i++) {
            double p = Math.pow(counts[i], 0.75) / z;
            double sd = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, seen[i], 5 * sd + 1, "word " + words[i]);
        }
    }

    @Test
    void subsamplingKeepsWithWordToVecCProbability() {
        String[] words = {"</s>", "the", "of", "cat", "rare"};
        long[] counts = {0, 600_000, 300_000, 1_000, 5};
        Vocabulary v = Vocabulary.of(words, counts);
        double total = v.totalCount();
        Subsampler s = new Subsampler(v, 1e-3);
        Rng rng = new Rng(1);
        for (int w = 1; w < words.length; w++) {
            double st = 1e-3 * total;
            double expected = Math.min(1, (Math.sqrt(counts[w] / st) + 1) * st / counts[w]);
            int kept = 0, n = 400_000;
            for (int i = 0; i < n; i++) {
                if (s.keep(w, rng)) {
                    kept++;
                }
            }
            assertEquals(expected, kept / (double) n, 0.005, words[w]);
        }
        Subsampler off = new Subsampler(v, 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(off.keep(1, rng));
        }
    }

    @Test
    void learningRateDecaysLinearlyToItsFloor() {
        LearningRate lr = new LearningRate(0.025f, 1_000_000);
        assertEquals(0.025f, lr.at(0), 1e-9);
        assertEquals(0.0125f, lr.at(500_000), 1e-6);
        assertEquals(0.025f * 1e-4f, lr.at(1_000_000), 1e-9);
        assertEquals(0.025f * 1e-4f, lr.at(5_000_000), 1e-9);
    }

    /** The branch-free form equals C's three-way rule (1 above 6, 0 below -6, the table between) bit for bit. */
    @Test
    void saturatedSigmoidIsCsRuleAtEveryBoundary() {
        float six = SigmoidTable.MAX_EXP;
        java.util.List<Float> xs = new java.util.ArrayList<>(java.util.List.of(0f, -0f, six, -six, Math.nextUp(six),
                Math.nextDown(six), Math.nextUp(-six), Math.nextDown(-six), Math.nextUp(Math.nextUp(six)),
                Math.nextDown(Math.nextDown(-six)), 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE));
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            xs.add((float) r.nextDouble(-8, 8));
        }
        for (int i = 0; i <= SigmoidTable.SIZE; i++) { // every table step and its neighbours
            float x = i / (SigmoidTable.SIZE / six / 2f) - six;
            xs.add(x);
            xs.add(Math.nextUp(x));
            xs.add(Math.nextDown(x));
        }
        for (float x : xs) {
            float expected = x > six ? 1f : x < -six ? 0f : SigmoidTable.sigmoid(x);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(SigmoidTable.saturatedSigmoid(x)),
                    "x=" + x);
        }
    }

    @Test
    void sigmoidTableIsTheLogisticFunction() {
        for (float x = -5.99f; x < 5.99f; x += 0.01f) {
            assertEquals(1 / (1 + Math.exp(-x)), SigmoidTable.sigmoid(x), 0.004, "x=" + x);
        }
    }

    @Test
    void rngIsUniform() {
        Rng r = new Rng(2);
        int[] buckets = new int[10];
        for (int i = 0; i < 1_000_000; i++) {
            buckets[r.nextInt(10)]++;
            float f = r.nextFloat();
            assertTrue(f >= 0 && f < 1);
        }
        for (int b : buckets) {
            assertEquals(100_000, b, 1500);
        }
    }

    @Test
    void skipLandsWhereThatManyDrawsWould() {
        for (long n : new long[] {0, 1, 2, 99, 1_000_003}) {
            Rng drawn = new Rng(77);
            for (long k = 0; k < n; k++) {
                drawn.nextLong();
            }
            Rng jumped = new Rng(77);
            jumped.skip(n);
            assertEquals(drawn.nextLong(), jumped.nextLong(), "after " + n + " draws");
            assertEquals(drawn.state(), jumped.state());
        }
    }
}
