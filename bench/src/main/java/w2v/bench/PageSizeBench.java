package w2v.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * How much of a DRAM-sized row access is the page walk: {@link KernelBench}'s DRAM case (200,000 rows, Panama
 * kernels) on memory from {@code Arena.allocate} (4 KB pages) and on memory mapped with MADV_HUGEPAGE (2 MB
 * pages, see {@link HugePages}; EmbeddingTable asks for those through LargePages). The setup prints how much of
 * the process's memory the kernel really gave in huge pages; 0 means the "huge" case measured 4 KB pages too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC"})
public class PageSizeBench {

    static final int ROWS = 200_000;
    static final int PICKS = 1 << 20;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    @Param({"4k", "huge"})
    public String pages;

    @Param({"100", "300"})
    public int dim;

    private Arena arena;
    private MemorySegment in;
    private MemorySegment out;
    private long rowBytes;
    private int n;
    private int[] picks;
    private int cursor;

    @Setup(Level.Trial)
    public void setup() {
        KernelChoice.select("panama");
        n = EmbeddingTable.paddedStride(dim);
        rowBytes = (long) n * Float.BYTES;
        long bytes = rowBytes * ROWS;
        arena = Arena.ofShared();
        long hugeBefore = HugePages.anonHugePagesKb();
        switch (pages) {
            case "4k" -> {
                in = arena.allocate(bytes, 64);
                out = arena.allocate(bytes, 64);
            }
            case "huge" -> {
                in = HugePages.allocate(arena, bytes);
                out = HugePages.allocate(arena, bytes);
            }
            default -> throw new IllegalArgumentException("pages must be 4k or huge, got " + pages);
        }
        Rng rng = new Rng(42);
        for (long r = 0; r < ROWS; r++) {
            for (int i = 0; i < dim; i++) {
                in.set(F, r * rowBytes + 4L * i, (rng.nextFloat() - 0.5f) / dim);
                out.set(F, r * rowBytes + 4L * i, (rng.nextFloat() - 0.5f) / dim);
            }
        }
        picks = new int[PICKS];
        for (int i = 0; i < PICKS; i++) {
            picks[i] = rng.nextInt(ROWS);
        }
        long hugeAfter = HugePages.anonHugePagesKb();
        System.out.printf("%n[%s pages] tables %d MB; anonymous huge pages %d MB -> %d MB%n", pages,
                2 * bytes >> 20, hugeBefore >> 10, hugeAfter >> 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public float dot() {
        int c = cursor;
        cursor = (c + 2) & (PICKS - 1);
        return Kernels.get().dot(in, picks[c] * rowBytes, out, picks[c + 1] * rowBytes, n);
    }

    @Benchmark
    public void axpy() {
        int c = cursor;
        cursor = (c + 2) & (PICKS - 1);
        Kernels.get().axpy(1e-3f, in, picks[c] * rowBytes, out, picks[c + 1] * rowBytes, n);
    }
}
