package w2v.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against their scalar twins at every length, aligned or not, as VectorKernels states it:
 * scale, crossUpdate, pathUpdate, sumRows and addToRows bit for bit, dot, dotBlock and axpy within the stated rounding bounds.
 */
class KernelsTest {

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final VectorKernels SIMD = new PanamaKernels();
    private static final VectorKernels SCALAR = new ScalarKernels();

    static IntStream lengths() {
        return IntStream.concat(IntStream.rangeClosed(1, 301), IntStream.of(511, 1023, 1031, 4099));
    }

    @Test
    void theTestJvmUsesTheVectorApi() {
        assertInstanceOf(PanamaKernels.class, Kernels.get(), "surefire must run with --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void dotAgreesWithScalarWithinTheStatedBound(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(n);
            for (int shift : new int[] {0, 1, 3}) { // float offsets: aligned and not
                MemorySegment a = random(arena, n + 8, r);
                MemorySegment b = random(arena, n + 8, r);
                long aOff = 4L * shift, bOff = 4L * ((shift + 2) % 5);
                float scalar = SCALAR.dot(a, aOff, b, bOff, n);
                float simd = SIMD.dot(a, aOff, b, bOff, n);
                double bound = g(n) * sumOfMagnitudes(a, aOff, b, bOff, n);
                String what = "n=" + n + " shift=" + shift;
                assertEquals(scalar, simd, 2 * bound, what);
                assertEquals(exactDot(a, aOff, b, bOff, n), scalar, bound, what + ": scalar against the exact sum");
                assertEquals(exactDot(a, aOff, b, bOff, n), simd, bound, what + ": SIMD against the exact sum");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void axpyMatchesScalarAndLeavesNeighboursAlone(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(-n);
            MemorySegment x = random(arena, n + 8, r);
            MemorySegment y1 = random(arena, n + 8, r);
            MemorySegment y2 = arena.allocate(y1.byteSize(), 64);
            y2.copyFrom(y1);
            MemorySegment y0 = arena.allocate(y1.byteSize(), 64).copyFrom(y1);
            float alpha = r.nextFloat() * 2 - 1;
            SCALAR.axpy(alpha, x, 4, y1, 8, n);
            SIMD.axpy(alpha, x, 4, y2, 8, n);
            for (int i = 0; i < n + 8; i++) {
                float e = y1.getAtIndex(F, i);
                float a = y2.getAtIndex(F, i);
                boolean inRange = i >= 2 && i < n + 2; // y from byte 8, x from byte 4
                // Outside the range both leave y alone; inside, one rounding against two: 2u (|y| + 2 |alpha x|).
                double bound = inRange ? 0x1p-23 * (Math.abs(y0.getAtIndex(F, i))
                        + 2 * Math.abs(alpha * x.getAtIndex(F, i - 1))) : 0;
                assertEquals(e, a, bound, "n=" + n + " i=" + i);
            }
        }
    }

    /** The fused pass must give each implementation's own two axpys bit for bit, and write nothing else. */
    @ParameterizedTest
    @MethodSource("lengths")
    void axpyThenAxpyIsTheTwoAxpysBitForBit(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(7L * n + 1);
            MemorySegment h = random(arena, n + 8, r);
            MemorySegment x1 = random(arena, n + 8, r);
            MemorySegment y1 = random(arena, n + 8, r);
            float alpha = r.nextFloat() * 2 - 1;
            for (VectorKernels k : new VectorKernels[] {SCALAR, SIMD}) {
                MemorySegment x2 = arena.allocate(x1.byteSize(), 64).copyFrom(x1);
                MemorySegment y2 = arena.allocate(y1.byteSize(), 64).copyFrom(y1);
                MemorySegment x3 = arena.allocate(x1.byteSize(), 64).copyFrom(x1);
                MemorySegment y3 = arena.allocate(y1.byteSize(), 64).copyFrom(y1);
                k.axpy(alpha, x2, 4, y2, 8, n);
                k.axpy(alpha, h, 12, x2, 4, n);
                k.axpyThenAxpy(alpha, x3, 4, y3, 8, h, 12, n);
                String what = k.name() + " n=" + n;
                assertEquals(-1L, y2.mismatch(y3), what + ": y");
                assertEquals(-1L, x2.mismatch(x3), what + ": x");
                assertEquals(-1L, x1.asSlice(0, 4).mismatch(x3.asSlice(0, 4)), what + ": x before the range");
                assertEquals(-1L, x1.asSlice(4 + 4L * n).mismatch(x3.asSlice(4 + 4L * n)), what + ": x after");
                assertEquals(-1L, y1.asSlice(8 + 4L * n).mismatch(y3.asSlice(8 + 4L * n)), what + ": y after");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void scaleMatchesScalar(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(31L * n);
            MemorySegment x1 = random(arena, n + 4, r);
            MemorySegment x2 = arena.allocate(x1.byteSize(), 64);
            x2.copyFrom(x1);
            SCALAR.scale(0.37f, x1, 4, n);
            SIMD.scale(0.37f, x2, 4, n);
            assertEquals(-1L, x1.mismatch(x2), "n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void dotBlockMatchesScalarDots(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(7L * len);
            int rows = 12;
            MemorySegment a = random(arena, rows * (len + 3), r);
            MemorySegment b = random(arena, rows * (len + 3), r);
            // m: a window's context words; n up to 40: a Huffman path (hierarchical softmax) is that long.
            int m = 1 + r.nextInt(20), n = 1 + r.nextInt(41);
            long[] aRows = new long[m], bRows = new long[n];
            for (int i = 0; i < m; i++) {
                aRows[i] = 4L * r.nextInt(rows) * (len + 3);
            }
            for (int j = 0; j < n; j++) {
                bRows[j] = 4L * (r.nextInt(rows) * (len + 3) + r.nextInt(3)); // not aligned
            }
            float[] expected = new float[m * n];
            float[] actual = new float[m * n];
            SCALAR.dotBlock(a, aRows, m, b, bRows, n, len, expected);
            SIMD.dotBlock(a, aRows, m, b, bRows, n, len, actual);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[i * n + j], actual[i * n + j],
                            2 * g(len) * sumOfMagnitudes(a, aRows[i], b, bRows[j], len),
                            "len=" + len + " i=" + i + " j=" + j);
                    assertEquals(Float.floatToRawIntBits(SCALAR.dot(a, aRows[i], b, bRows[j], len)),
                            Float.floatToRawIntBits(expected[i * n + j]), "scalar: dot's bits");
                    if (len % 16 == 0) {
                        // Whole vectors (as in the tables): the block sums the lanes in dot's order, bit for bit,
                        // so batched and one-pair training agree wherever they compute the same score.
                        assertEquals(Float.floatToRawIntBits(SIMD.dot(a, aRows[i], b, bRows[j], len)),
                                Float.floatToRawIntBits(actual[i * n + j]), "len=" + len + " i=" + i + " j=" + j);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void crossUpdateMatchesScalarBitForBitAndTheFormula(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(13L * len);
            // m and n cover one target, a block of six, blocks of six with the rest one at a time, and contexts
            // from one to a full window of ten; rows distinct, as the kernel requires.
            int[][] shapes = {{1, 1}, {10, 6}, {4, 5}, {7, 13}, {3, 12}, {1, 7}};
            for (int[] shape : shapes) {
                int m = shape[0], n = shape[1];
                int rows = 20;
                long[] xRows = distinctRows(m, rows, len, r);
                long[] yRows = distinctRows(n, rows, len, r);
                long[] scratchRows = new long[m];
                for (int i = 0; i < m; i++) {
                    scratchRows[i] = 4L * i * len;
                }
                float[] c = new float[m * n];
                for (int i = 0; i < c.length; i++) {
                    c[i] = r.nextFloat() - 0.5f;
                }
                MemorySegment x0 = random(arena, rows * len, r), y0 = random(arena, rows * len, r);
                MemorySegment x1 = arena.allocate(x0.byteSize(), 64).copyFrom(x0);
                MemorySegment y1 = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                MemorySegment x2 = arena.allocate(x0.byteSize(), 64).copyFrom(x0);
                MemorySegment y2 = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                MemorySegment scratch = random(arena, m * len, r); // what is in it must not matter
                SIMD.crossUpdate(x1, xRows, m, y1, yRows, n, c, scratch, scratchRows, len);
                SCALAR.crossUpdate(x2, xRows, m, y2, yRows, n, c, scratch, scratchRows, len);
                String what = "len=" + len + " m=" + m + " n=" + n;
                assertEquals(-1L, x1.mismatch(x2), what + ": x, SIMD against scalar");
                assertEquals(-1L, y1.mismatch(y2), what + ": y, SIMD against scalar");
                // Both sides moved as the formula says, from the entry rows, in double; other rows untouched.
                double[] expectedX = rowsOf(x0, rows, len), expectedY = rowsOf(y0, rows, len);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int k = 0; k < len; k++) {
                            expectedX[(int) (xRows[i] / 4) + k] += (double) c[i * n + j] * y0.get(F, yRows[j] + 4L * k);
                            expectedY[(int) (yRows[j] / 4) + k] += (double) c[i * n + j] * x0.get(F, xRows[i] + 4L * k);
                        }
                    }
                }
                for (int e = 0; e < rows * len; e++) {
                    assertEquals(expectedX[e], x1.getAtIndex(F, e), 1e-5, what + " x element " + e);
                    assertEquals(expectedY[e], y1.getAtIndex(F, e), 1e-5, what + " y element " + e);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void pathUpdateMatchesScalarBitForBitAndTheOneTargetLoop(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(17L * len);
            for (int n : new int[] {0, 1, 5, 17, 40}) { // no target, one, and paths up to C's longest code
                int rows = 45;
                long[] yRows = distinctRows(n, rows, len, r);
                float[] c = new float[n];
                for (int j = 0; j < n; j++) {
                    c[j] = r.nextFloat() - 0.5f;
                }
                MemorySegment x = random(arena, len, r), g0 = random(arena, len, r), y0 = random(arena, rows * len, r);
                MemorySegment y1 = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                MemorySegment y2 = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                MemorySegment y3 = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                MemorySegment g1 = arena.allocate(g0.byteSize(), 64).copyFrom(g0);
                MemorySegment g2 = arena.allocate(g0.byteSize(), 64).copyFrom(g0);
                MemorySegment g3 = arena.allocate(g0.byteSize(), 64).copyFrom(g0);
                SIMD.pathUpdate(x, 0, y1, yRows, n, c, g1, 0, len);
                SCALAR.pathUpdate(x, 0, y2, yRows, n, c, g2, 0, len);
                // The loop it replaces: per target, the gradient gains c y (old y), then y gains c x; fused.
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < len; k++) {
                        long yo = yRows[j] + 4L * k, o = 4L * k;
                        float old = y3.get(F, yo);
                        g3.set(F, o, Math.fma(old, c[j], g3.get(F, o)));
                        y3.set(F, yo, Math.fma(x.get(F, o), c[j], old));
                    }
                }
                String what = "len=" + len + " n=" + n;
                assertEquals(-1L, y1.mismatch(y2), what + ": y, SIMD against scalar");
                assertEquals(-1L, g1.mismatch(g2), what + ": g, SIMD against scalar");
                assertEquals(-1L, y1.mismatch(y3), what + ": y, against the one-target loop");
                assertEquals(-1L, g1.mismatch(g3), what + ": g, against the one-target loop");
                // And the formula in double; rows off the path untouched.
                double[] expectedY = rowsOf(y0, rows, len), expectedG = rowsOf(g0, 1, len);
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < len; k++) {
                        expectedY[(int) (yRows[j] / 4) + k] += (double) c[j] * x.get(F, 4L * k);
                        expectedG[k] += (double) c[j] * y0.get(F, yRows[j] + 4L * k);
                    }
                }
                for (int e = 0; e < rows * len; e++) {
                    assertEquals(expectedY[e], y1.getAtIndex(F, e), 1e-5, what + " y element " + e);
                }
                for (int k = 0; k < len; k++) {
                    assertEquals(expectedG[k], g1.getAtIndex(F, k), 1e-4, what + " g element " + k);
                }
            }
        }
    }

    /** CBOW's hidden layer: a window's rows (one listed twice) summed and scaled, as the axpy loop it replaces. */
    @ParameterizedTest
    @MethodSource("lengths")
    void sumRowsMatchesScalarAndTheAxpyLoopBitForBit(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(31L * len);
            int rows = 12;
            MemorySegment x = random(arena, rows * len, r);
            for (int n : new int[] {0, 1, 2, 6, 10}) {
                long[] picked = r.ints(n, 0, rows).mapToLong(row -> 4L * row * len).toArray();
                if (n >= 2) {
                    picked[n - 1] = picked[0]; // a word twice in one window
                }
                for (float scale : new float[] {1f, 1f / Math.max(n, 1)}) {
                    MemorySegment simd = arena.allocate(4L * len, 64), scalar = arena.allocate(4L * len, 64);
                    SIMD.sumRows(x, picked, n, scale, simd, 0, len);
                    SCALAR.sumRows(x, picked, n, scale, scalar, 0, len);
                    assertEquals(-1L, simd.mismatch(scalar), "SIMD against scalar, len=" + len + " n=" + n);
                    for (VectorKernels k : new VectorKernels[] {SIMD, SCALAR}) {
                        MemorySegment fused = random(arena, len, r); // garbage it must overwrite
                        MemorySegment loop = arena.allocate(4L * len, 64);
                        k.sumRows(x, picked, n, scale, fused, 0, len);
                        for (long row : picked) {
                            k.axpy(1f, x, row, loop, 0, len);
                        }
                        k.scale(scale, loop, 0, len);
                        assertEquals(-1L, fused.mismatch(loop), k.name() + " len=" + len + " n=" + n + " s=" + scale);
                        for (int e = 0; e < len; e++) {
                            double sum = 0;
                            for (long row : picked) {
                                sum += x.get(F, row + 4L * e);
                            }
                            assertEquals(sum * scale, fused.getAtIndex(F, e), 1e-5 * (1 + Math.abs(sum)), "element " + e);
                        }
                    }
                }
            }
        }
    }

    /** CBOW's context update: every listed row gains alpha g, a repeated row twice, as n axpys would. */
    @ParameterizedTest
    @MethodSource("lengths")
    void addToRowsMatchesTheAxpyLoopBitForBit(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(37L * len);
            int rows = 12;
            MemorySegment g = random(arena, len, r);
            MemorySegment x0 = random(arena, rows * len, r);
            for (int n : new int[] {0, 1, 3, 10}) {
                long[] picked = distinctRows(n, rows, len, r);
                if (n >= 3) {
                    picked[2] = picked[0];
                }
                float alpha = r.nextFloat() - 0.5f;
                for (VectorKernels k : new VectorKernels[] {SIMD, SCALAR}) {
                    MemorySegment fused = arena.allocate(x0.byteSize(), 64).copyFrom(x0);
                    MemorySegment loop = arena.allocate(x0.byteSize(), 64).copyFrom(x0);
                    k.addToRows(alpha, g, 0, fused, picked, n, len);
                    for (long row : picked) {
                        k.axpy(alpha, g, 0, loop, row, len);
                    }
                    String what = k.name() + " len=" + len + " n=" + n;
                    assertEquals(-1L, fused.mismatch(loop), what);
                    double[] expected = rowsOf(x0, rows, len);
                    for (long row : picked) {
                        for (int e = 0; e < len; e++) {
                            expected[(int) (row / 4) + e] += (double) alpha * g.getAtIndex(F, e);
                        }
                    }
                    for (int e = 0; e < rows * len; e++) {
                        assertEquals(expected[e], fused.getAtIndex(F, e), 1e-5, what + " element " + e);
                    }
                }
            }
        }
    }

    private static double[] rowsOf(MemorySegment s, int rows, int len) {
        double[] d = new double[rows * len];
        for (int e = 0; e < d.length; e++) {
            d[e] = s.getAtIndex(F, e);
        }
        return d;
    }

    /** {@code count} different row offsets among {@code rows} rows of {@code len} floats. */
    private static long[] distinctRows(int count, int rows, int len, Random r) {
        return r.ints(0, rows).distinct().limit(count).mapToLong(row -> 4L * row * len).toArray();
    }

    @Test
    void maskedTailWritesNothingPastTheEnd() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n = 1; n < 40; n++) {
                MemorySegment x = arena.allocate(4L * 64, 64);
                MemorySegment y = arena.allocate(4L * 64, 64);
                for (int i = 0; i < 64; i++) {
                    x.setAtIndex(F, i, 1f);
                    y.setAtIndex(F, i, 7f);
                }
                SIMD.axpy(1f, x, 0, y, 0, n);
                SIMD.scale(3f, y, 4L * n, 0);
                for (int i = 0; i < 64; i++) {
                    assertEquals(i < n ? 8f : 7f, y.getAtIndex(F, i), "n=" + n + " i=" + i);
                }
            }
        }
    }

    private static MemorySegment random(Arena arena, int n, Random r) {
        MemorySegment s = arena.allocate(Math.max(4L * n, 4), 64);
        for (int i = 0; i < n; i++) {
            s.setAtIndex(F, i, (float) r.nextGaussian());
        }
        return s;
    }

    private static double exactDot(MemorySegment a, long aOff, MemorySegment b, long bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a.get(F, aOff + 4L * i) * b.get(F, bOff + 4L * i);
        }
        return s;
    }

    private static double sumOfMagnitudes(MemorySegment a, long aOff, MemorySegment b, long bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs((double) a.get(F, aOff + 4L * i) * b.get(F, bOff + 4L * i));
        }
        return s;
    }

    /** Higham's gamma(n) for float: the relative bound of a sum of n products rounded in any order. */
    private static double g(int n) {
        double nu = n * 0x1p-24;
        return nu / (1 - nu);
    }

    /** link() is there to call every kernel once ahead of training: one added to the interface must be in it. */
    @Test
    void linkCallsEveryKernelOnBothImplementations() {
        for (VectorKernels k : new VectorKernels[] {new PanamaKernels(), new ScalarKernels()}) {
            java.util.Set<String> called = new java.util.TreeSet<>();
            VectorKernels recording = (VectorKernels) java.lang.reflect.Proxy.newProxyInstance(
                    VectorKernels.class.getClassLoader(), new Class<?>[] {VectorKernels.class}, (proxy, m, args) -> {
                        called.add(m.getName());
                        try {
                            return m.invoke(k, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Kernels.link(recording);
            java.util.Set<String> kernels = new java.util.TreeSet<>();
            for (var m : VectorKernels.class.getMethods()) {
                if (m.getReturnType() != String.class) { // name() is not a kernel
                    kernels.add(m.getName());
                }
            }
            assertEquals(kernels, called, k.name());
        }
    }
}
