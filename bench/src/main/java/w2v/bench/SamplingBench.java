package w2v.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import w2v.sampling.Rng;
import w2v.sampling.SigmoidTable;
import w2v.sampling.UnigramTable;
import w2v.vocab.Vocabulary;

/**
 * The scalar hot spots beside the kernels: the sigmoid lookup (with the exact formula as its twin), and one
 * negative draw from the alias-method {@link UnigramTable} over a 100k-word Zipf vocabulary (with a uniform
 * draw as the floor, and word2vec C's 1e8-entry table as its twin).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC"})
public class SamplingBench {

    static final int VOCAB = 100_000;

    /** Scores as the objectives see them: uniform in (-6, 6), 4096 of them cycled. */
    @State(Scope.Thread)
    public static class Scores {
        static final int N = 4096;
        final float[] x = new float[N];
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            Rng rng = new Rng(7);
            for (int i = 0; i < N; i++) {
                x[i] = (rng.nextFloat() * 2 - 1) * (SigmoidTable.MAX_EXP - 1e-3f);
            }
        }

        float next() {
            int c = cursor;
            cursor = (c + 1) & (N - 1);
            return x[c];
        }
    }

    @State(Scope.Thread)
    public static class Draws {
        UnigramTable table;
        Rng rng;

        @Setup(Level.Trial)
        public void setup() {
            table = new UnigramTable(Zipf.vocabulary(VOCAB));
            rng = new Rng(11);
        }
    }

    /** word2vec C's sampler: 1e8 ints (400 MB) filled in proportion to count^0.75; one random slot per draw. */
    @State(Scope.Thread)
    public static class CTable {
        static final int SIZE = 100_000_000;
        int[] table;
        Rng rng;

        @Setup(Level.Trial)
        public void setup() {
            Vocabulary v = Zipf.vocabulary(VOCAB);
            double total = 0;
            for (int i = 0; i < v.size(); i++) {
                total += Math.pow(v.count(i), UnigramTable.POWER);
            }
            table = new int[SIZE];
            int i = 0;
            double d1 = Math.pow(v.count(0), UnigramTable.POWER) / total;
            for (int a = 0; a < SIZE; a++) {
                table[a] = i;
                if (a / (double) SIZE > d1) {
                    i++;
                    d1 += Math.pow(v.count(i), UnigramTable.POWER) / total;
                }
                if (i >= v.size()) {
                    i = v.size() - 1;
                }
            }
            rng = new Rng(11);
        }
    }

    @Benchmark
    public float sigmoidTable(Scores s) {
        return SigmoidTable.sigmoid(s.next());
    }

    @Benchmark
    public float sigmoidExact(Scores s) {
        return 1f / (1f + (float) Math.exp(-s.next()));
    }

    @Benchmark
    public int negativeDrawAlias(Draws d) {
        return d.table.sample(d.rng);
    }

    /** The floor: the random number alone, mapped to [0, V). */
    @Benchmark
    public int uniformDraw(Draws d) {
        return d.rng.nextInt(VOCAB);
    }

    @Benchmark
    public int negativeDrawCTable(CTable t) {
        return t.table[t.rng.nextInt(CTable.SIZE)];
    }
}
