package w2v.bench;

import java.lang.foreign.Arena;
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
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;

/**
 * dot and axpy as training calls them: on two rows picked pseudo-randomly, one from an input-like table and one
 * from an output-like table, over the padded stride (112 floats at dim 100, 128 at 128, 304 at 300), through
 * {@link Kernels#get()} like the training loops.
 *
 * <p>{@code table=L2}: both tables together take about 256 KB, so every row is L2-resident (this machine
 * reports 512 KB of L2 per core). {@code table=DRAM}: 200,000 rows each (90-490 MB), far beyond the 32 MB L3, so
 * nearly every row is a cache miss: the case of a real vocabulary.
 *
 * <p>Row indices come from a precomputed array of 2^20 entries read sequentially (prefetched, nearly free), so
 * the figure is the kernel plus its memory traffic, not a random-number generator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC"})
public class KernelBench {

    static final long L2_TABLES_BYTES = 256 * 1024;
    static final int DRAM_ROWS = 200_000;
    static final int PICKS = 1 << 20;

    @Param({"scalar", "panama"})
    public String impl;

    @Param({"100", "128", "300"})
    public int dim;

    @Param({"L2", "DRAM"})
    public String table;

    private Arena arena;
    private EmbeddingTable in;
    private EmbeddingTable out;
    private int n;
    private long rowBytes;
    private int[] picks;
    private int cursor;
    private final long[] window = new long[WINDOW];
    private MemorySegment hidden;

    @Setup(Level.Trial)
    public void setup() {
        KernelChoice.select(impl);
        long rowBytes = (long) EmbeddingTable.paddedStride(dim) * Float.BYTES;
        int rows = switch (table) {
            case "L2" -> (int) (L2_TABLES_BYTES / (2 * rowBytes));
            case "DRAM" -> DRAM_ROWS;
            default -> throw new IllegalArgumentException("table must be L2 or DRAM, got " + table);
        };
        arena = Arena.ofShared();
        in = EmbeddingTable.allocate(arena, rows, dim);
        out = EmbeddingTable.allocate(arena, rows, dim);
        Rng rng = new Rng(42);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < dim; i++) {
                in.set(r, i, (rng.nextFloat() - 0.5f) / dim);
                out.set(r, i, (rng.nextFloat() - 0.5f) / dim);
            }
        }
        n = in.stride();
        this.rowBytes = rowBytes;
        picks = new int[PICKS];
        for (int i = 0; i < PICKS; i++) {
            picks[i] = rng.nextInt(rows);
        }
        hidden = arena.allocate(rowBytes, 64);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public float dot() {
        int c = cursor;
        cursor = (c + 2) & (PICKS - 1);
        return Kernels.get().dot(in.segment(), picks[c] * rowBytes, out.segment(), picks[c + 1] * rowBytes, n);
    }

    /** out[row] += alpha * in[row'] (the output-vector update of negative sampling). */
    @Benchmark
    public void axpy() {
        int c = cursor;
        cursor = (c + 2) & (PICKS - 1);
        // in is never written, so out rows grow at most linearly (1e-3 * 0.005 per hit): no overflow, no denormals.
        Kernels.get().axpy(1e-3f, in.segment(), picks[c] * rowBytes, out.segment(), picks[c + 1] * rowBytes, n);
    }

    /** CBOW's context rows of one window: a full window of 5 on each side. */
    static final int WINDOW = 10;

    private long[] nextWindow() {
        int c = cursor;
        cursor = (c + WINDOW) & (PICKS - 1);
        for (int i = 0; i < WINDOW; i++) {
            window[i] = picks[(c + i) & (PICKS - 1)] * rowBytes;
        }
        return window;
    }

    /** CBOW's hidden layer: the mean of a window's context rows, in one pass. */
    @Benchmark
    public void sumRows() {
        Kernels.get().sumRows(in.segment(), nextWindow(), WINDOW, 1f / WINDOW, hidden, 0, n);
    }

    /** CBOW's context update: each context row of a window gains the gradient, in one pass. */
    @Benchmark
    public void addToRows() {
        // hidden stays zero here (never written by this benchmark): the rows keep their values, the work is real.
        Kernels.get().addToRows(1e-3f, hidden, 0, out.segment(), nextWindow(), WINDOW, n);
    }
}
