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
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;

/**
 * One hidden row against a hierarchical-softmax path of {@code path} random node rows, as training calls it:
 * {@code perNode} is the one-node-at-a-time loop (dot, then the gradient's axpy and the node's axpy), {@code
 * blocked} the same arithmetic as one dotBlock and one pathUpdate. Steps are a fixed small value, so the two
 * do the same work; {@code table=DRAM} (200,000 node rows) is the case of a real vocabulary.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC"})
public class PathBench {

    static final int PICKS = 1 << 20;

    @Param({"scalar", "panama"})
    public String impl;

    @Param({"100"})
    public int dim;

    @Param({"13"})
    public int path;

    @Param({"L2", "DRAM"})
    public String table;

    private Arena arena;
    private EmbeddingTable nodes;
    private MemorySegment hidden;
    private MemorySegment grad;
    private long rowBytes;
    private int stride;
    private int[] picks;
    private int cursor;
    private final long[] hiddenRow = new long[1];
    private long[] rows;
    private float[] steps;

    @Setup(Level.Trial)
    public void setup() {
        KernelChoice.select(impl);
        stride = EmbeddingTable.paddedStride(dim);
        rowBytes = (long) stride * Float.BYTES;
        int count = switch (table) {
            case "L2" -> (int) (KernelBench.L2_TABLES_BYTES / rowBytes);
            case "DRAM" -> KernelBench.DRAM_ROWS;
            default -> throw new IllegalArgumentException("table must be L2 or DRAM, got " + table);
        };
        arena = Arena.ofShared();
        nodes = EmbeddingTable.allocate(arena, count, dim);
        hidden = arena.allocate(rowBytes, 64);
        grad = arena.allocate(rowBytes, 64);
        Rng rng = new Rng(42);
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < dim; i++) {
                nodes.set(r, i, (rng.nextFloat() - 0.5f) / dim);
            }
        }
        for (int i = 0; i < dim; i++) {
            hidden.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, (rng.nextFloat() - 0.5f) / dim);
        }
        picks = new int[PICKS];
        for (int i = 0; i < PICKS; i++) {
            picks[i] = rng.nextInt(count);
        }
        rows = new long[path];
        steps = new float[path];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** The next path's rows (distinct enough: a repeat among 13 of 200,000 is rare and harmless here). */
    private void nextPath() {
        int c = cursor;
        cursor = (c + path) & (PICKS - 1);
        for (int j = 0; j < path; j++) {
            rows[j] = picks[(c + j) & (PICKS - 1)] * rowBytes;
        }
    }

    @Benchmark
    public void perNode() {
        VectorKernels k = Kernels.get();
        MemorySegment out = nodes.segment();
        nextPath();
        for (int j = 0; j < path; j++) {
            float g = k.dot(hidden, 0, out, rows[j], stride) * 1e-6f; // tiny steps: the rows stay bounded
            k.axpy(g, out, rows[j], grad, 0, stride);
            k.axpy(g, hidden, 0, out, rows[j], stride);
        }
    }

    @Benchmark
    public void blocked() {
        VectorKernels k = Kernels.get();
        MemorySegment out = nodes.segment();
        nextPath();
        k.dotBlock(hidden, hiddenRow, 1, out, rows, path, stride, steps);
        for (int j = 0; j < path; j++) {
            steps[j] *= 1e-6f;
        }
        k.pathUpdate(hidden, 0, out, rows, path, steps, grad, 0, stride);
    }
}
